import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  ImageDropzone,
  useImageDropzone,
  type UseImageDropzoneOptions,
} from '../../src/components/index.js';
import { drop, manualUploads, pngFile, renderWithProviders, transfer } from './helpers.js';

describe('useImageDropzone (headless, your own markup)', () => {
  function Custom({
    onUserDrop,
    validator,
  }: {
    onUserDrop?: (event: React.DragEvent) => void;
    validator?: UseImageDropzoneOptions['validator'];
  }) {
    const dropzone = useImageDropzone({
      maxFiles: 2,
      maxBytes: 1000,
      upload: async (file) => `https://cdn.test/${file.name}`,
      validator,
    });
    return (
      <div
        {...dropzone.getRootProps({
          'aria-label': 'Pictures',
          className: 'mine',
          onDrop: onUserDrop,
        })}
      >
        <input {...dropzone.getInputProps()} />
        <button {...dropzone.getBrowseProps()}>Add</button>
        <ol>
          {dropzone.items.map((item) => (
            <li key={item.id} {...dropzone.getItemProps(item)}>
              {item.name} {item.status}
            </li>
          ))}
        </ol>
        {dropzone.rejections.length > 0 && (
          <div role="alert">
            {dropzone.rejections
              .map(
                (rejection) =>
                  `${rejection.file?.name}: ${rejection.errors.map((error) => error.code).join('+')}`,
              )
              .join(', ')}
            <button type="button" onClick={dropzone.clearRejections}>
              OK
            </button>
          </div>
        )}
      </div>
    );
  }

  it('merges your props, applies its options and your validator, and reports rejections as data', async () => {
    const validator = vi.fn((file: File) =>
      file.name.startsWith('nsfw') ? { code: 'policy', message: 'Not allowed here' } : null,
    );
    renderWithProviders(<Custom validator={validator} />);
    const root = screen.getByRole('group', { name: 'Pictures' });
    expect(root).toHaveClass('mine');
    expect(root).toHaveAttribute('data-max', '2');
    drop(
      root,
      transfer([
        pngFile('a.png'),
        pngFile('big.png', 1001),
        pngFile('nsfw.png'),
        pngFile('b.png'),
        pngFile('c.png'),
      ]),
    );
    expect(validator).toHaveBeenCalledTimes(5);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'big.png: file-too-large, nsfw.png: policy, c.png: too-many-files',
    );
    await waitFor(() =>
      expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
        'a.png ready',
        'b.png ready',
      ]),
    );
    expect(root).toHaveAttribute('data-value', '2');
    await userEvent.click(screen.getByRole('button', { name: 'OK' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("calls your handler first; preventDefault in it skips the dropzone's", () => {
    const calls: string[] = [];
    const { rerender } = renderWithProviders(<Custom onUserDrop={() => calls.push('yours')} />);
    const root = screen.getByRole('group', { name: 'Pictures' });
    drop(root, transfer([pngFile('a.png')]));
    expect(calls).toEqual(['yours']);
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    rerender(<Custom onUserDrop={(event) => event.preventDefault()} />);
    drop(root, transfer([pngFile('b.png')]));
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });
});

describe('useImageDropzone uploads', () => {
  it('runs at most maxConcurrentUploads at once; the others wait, shown uploading, and start in order', async () => {
    const { upload, calls } = manualUploads();
    const onValueChange = vi.fn();
    renderWithProviders(
      <ImageDropzone.Root
        model="nano-banana-2"
        upload={upload}
        maxConcurrentUploads={2}
        onValueChange={onValueChange}
      />,
    );
    const zone = screen.getByRole('group', { name: 'Reference images' });
    drop(zone, transfer([pngFile('1.png'), pngFile('2.png'), pngFile('3.png')]));
    expect(calls.map((call) => call.file.name)).toEqual(['1.png', '2.png']);
    const items = within(screen.getByRole('list', { name: 'Attached images' })).getAllByRole(
      'listitem',
    );
    expect(items.map((item) => item.dataset.state)).toEqual([
      'uploading',
      'uploading',
      'uploading',
    ]);
    // The waiting one shows an indeterminate progress bar, like an upload that has not reported.
    expect(
      within(items[2]!).getByRole('progressbar', { name: 'Uploading 3.png' }),
    ).not.toHaveAttribute('aria-valuenow');

    // Cancelling a running upload frees its place for the next.
    await userEvent.click(screen.getByRole('button', { name: 'Cancel upload of 1.png' }));
    expect(calls[0]!.context.signal.aborted).toBe(true);
    expect(calls.map((call) => call.file.name)).toEqual(['1.png', '2.png', '3.png']);
    await act(async () => calls[1]!.done.resolve('https://cdn.test/2.png'));
    await act(async () => calls[2]!.done.resolve('https://cdn.test/3.png'));
    expect(onValueChange).toHaveBeenLastCalledWith([
      'https://cdn.test/2.png',
      'https://cdn.test/3.png',
    ]);
  });
});
