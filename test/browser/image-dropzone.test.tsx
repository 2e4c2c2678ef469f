import { act, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  ImageDropzone,
  ImageErrorCode,
  type ImageRejection,
  type UploadAdapter,
} from '../../src/components/index.js';
import {
  drop,
  expectNoAxeViolations,
  manualUploads,
  pngFile,
  renderWithProviders,
  transfer,
} from './helpers.js';

function paste(target: Element, clipboardData: DataTransfer) {
  const event = new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData });
  act(() => void target.dispatchEvent(event));
  return event;
}

const zone = () => screen.getByRole('group', { name: 'Reference images' });
const announced = () =>
  document.querySelector('[role="status"][aria-live="polite"]')!.textContent?.trim();

/** A dropzone whose model can be switched, holding its value as a form would. */
function Controlled({
  models,
  upload,
  initial = [],
  onValueChange,
  onReject,
}: {
  models: string[];
  upload?: UploadAdapter;
  initial?: string[];
  onValueChange?: (urls: string[]) => void;
  onReject?: (rejections: ImageRejection[]) => void;
}) {
  const [model, setModel] = useState(models[0]!);
  const [urls, setUrls] = useState<readonly string[]>(initial);
  return (
    <>
      {models.map((id) => (
        <button key={id} type="button" onClick={() => setModel(id)}>
          use {id}
        </button>
      ))}
      <ImageDropzone.Root
        model={model}
        value={urls}
        upload={upload}
        onReject={onReject}
        onValueChange={(next) => {
          setUrls(next);
          onValueChange?.(next);
        }}
      />
      <output aria-label="value">{urls.join(' ')}</output>
    </>
  );
}
const value = () => screen.getByLabelText('value').textContent;

let created: string[];
let revoked: string[];
beforeEach(() => {
  created = [];
  revoked = [];
  const create = URL.createObjectURL.bind(URL);
  const revoke = URL.revokeObjectURL.bind(URL);
  vi.spyOn(URL, 'createObjectURL').mockImplementation((object) => {
    const url = create(object);
    created.push(url);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => {
    revoked.push(url);
    revoke(url);
  });
});
afterEach(() => vi.restoreAllMocks());

/** The object URLs shown right now; none of them may have been revoked. */
function shownObjectUrls() {
  const shown = [...document.querySelectorAll('img')]
    .map((img) => img.src)
    .filter((src) => src.startsWith('blob:'));
  for (const url of shown) expect(revoked).not.toContain(url);
  return shown;
}

describe('ImageDropzone', () => {
  it('is disabled for a model that takes no images, says why, and a drop is refused with that reason', async () => {
    const onReject = vi.fn();
    renderWithProviders(
      <Controlled
        models={['sora-2-text-to-video']}
        onReject={onReject}
        upload={manualUploads().upload}
      />,
    );
    expect(zone()).toHaveAttribute('aria-disabled', 'true');
    expect(zone()).toHaveAttribute('data-disabled');
    expect(zone()).toHaveAccessibleDescription('Sora 2 takes no reference images');
    expect(screen.getByRole('button', { name: 'Choose images' })).toBeDisabled();
    expect(screen.getByRole('textbox', { name: 'Image URL' })).toBeDisabled();
    drop(zone(), transfer([pngFile()]));
    expect(onReject).toHaveBeenCalledWith([
      {
        file: expect.any(File),
        url: null,
        errors: [{ code: ImageErrorCode.NotAllowed, message: 'Sora 2 takes no reference images' }],
      },
    ]);
    expect(screen.getByRole('list', { name: 'Not added' })).toHaveTextContent(
      'Sora 2 takes no reference images',
    );
    expect(screen.queryByRole('list', { name: 'Attached images' })).toBeNull();
    await expectNoAxeViolations();
  });

  it('takes dropped files: dragging state, upload progress, then the URL in the value, announced', async () => {
    const { upload, calls } = manualUploads();
    const onValueChange = vi.fn();
    renderWithProviders(
      <Controlled models={['veo3']} upload={upload} onValueChange={onValueChange} />,
    );
    expect(zone()).toHaveAccessibleDescription(
      'Drop, paste or choose images: JPEG, PNG or WebP. Up to 3 images.',
    );
    const data = transfer([pngFile('cat.png')]);
    act(
      () =>
        void zone().dispatchEvent(
          new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: data }),
        ),
    );
    expect(zone()).toHaveAttribute('data-dragging');
    drop(zone(), data);
    expect(zone()).not.toHaveAttribute('data-dragging');

    expect(calls).toHaveLength(1);
    expect(calls[0]!.file.name).toBe('cat.png');
    const item = within(screen.getByRole('list', { name: 'Attached images' })).getByRole(
      'listitem',
    );
    expect(item).toHaveAttribute('data-state', 'uploading');
    const bar = within(item).getByRole('progressbar', { name: 'Uploading cat.png' });
    expect(bar).not.toHaveAttribute('aria-valuenow');
    await expect.poll(announced).toBe('cat.png added');

    act(() => calls[0]!.context.onProgress(0.42));
    expect(bar).toHaveAttribute('aria-valuenow', '42');
    expect(bar).toHaveAttribute('aria-valuetext', '42% uploaded');
    expect(
      within(item).getByRole('img', { name: 'Preview of cat.png' }).getAttribute('src'),
    ).toMatch(/^blob:/);
    expect(onValueChange).not.toHaveBeenCalled();
    await expectNoAxeViolations();

    await act(async () => calls[0]!.done.resolve('https://cdn.test/u/cat.png'));
    expect(item).toHaveAttribute('data-state', 'ready');
    expect(within(item).queryByRole('progressbar')).toBeNull();
    expect(onValueChange).toHaveBeenCalledWith(['https://cdn.test/u/cat.png']);
    expect(value()).toBe('https://cdn.test/u/cat.png');
    expect(zone()).toHaveAttribute('data-value', '1');
    expect(zone()).toHaveAttribute('data-max', '3');
    await expect.poll(announced).toBe('cat.png uploaded');
  });

  it('rejects the wrong type, too large files and more than the model takes, as typed data', async () => {
    const { upload, calls } = manualUploads();
    const onReject = vi.fn();
    renderWithProviders(
      <Controlled
        models={['google/nano-banana', 'veo3_fast']}
        upload={upload}
        onReject={onReject}
      />,
    );
    const gif = new File(['GIF89a'], 'anim.gif', { type: 'image/gif' });
    const huge = pngFile('huge.png', 10 * 1024 * 1024 + 1);
    drop(zone(), transfer([gif, huge, pngFile('ok.png')]));
    expect(calls.map((call) => call.file.name)).toEqual(['ok.png']);
    const rejections: ImageRejection[] = onReject.mock.calls[0]![0];
    expect(
      rejections.map((rejection) => [
        rejection.file?.name,
        rejection.errors.map((error) => error.code),
      ]),
    ).toEqual([
      ['anim.gif', ['file-invalid-type']],
      ['huge.png', ['file-too-large']],
    ]);
    expect(rejections[1]!.errors[0]!.message).toBe('huge.png is 10 MB; the limit is 10 MB');
    const list = screen.getByRole('list', { name: 'Not added' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.getAttribute('data-code')),
    ).toEqual(['file-invalid-type', 'file-too-large']);

    await userEvent.click(screen.getByRole('button', { name: 'use veo3_fast' }));
    drop(zone(), transfer([pngFile('b.png'), pngFile('c.png'), pngFile('d.png')]));
    expect(calls.map((call) => call.file.name)).toEqual(['ok.png', 'b.png', 'c.png']);
    expect(onReject.mock.calls[1]![0]).toEqual([
      {
        file: expect.objectContaining({ name: 'd.png' }),
        url: null,
        errors: [{ code: 'too-many-files', message: 'Veo 3.1 Fast takes at most 3 images' }],
      },
    ]);
    await expect
      .poll(announced)
      .toBe('b.png, c.png added. 1 image not added: Veo 3.1 Fast takes at most 3 images');
  });

  it('exactly one image (Kling 2.1): a new one replaces it, abandoning its upload', async () => {
    const { upload, calls } = manualUploads();
    renderWithProviders(<Controlled models={['kling/v2-1-standard']} upload={upload} />);
    expect(zone()).toHaveAccessibleDescription(
      'Drop, paste or choose images: JPEG, PNG or WebP. Exactly 1 image.',
    );
    expect(screen.getByRole('button', { name: 'Choose an image' })).toBeEnabled();
    drop(zone(), transfer([pngFile('first.png')]));
    drop(zone(), transfer([pngFile('second.png')]));
    expect(calls[0]!.context.signal.aborted).toBe(true);
    expect(calls[1]!.context.signal.aborted).toBe(false);
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringContaining('second.png'),
    ]);
    await act(async () => calls[0]!.done.resolve('https://cdn.test/first.png'));
    await act(async () => calls[1]!.done.resolve('https://cdn.test/second.png'));
    expect(value()).toBe('https://cdn.test/second.png');
  });

  it('takes pasted files and image URLs, and refuses text that is not one, or a URL already attached', async () => {
    const { upload, calls } = manualUploads();
    const onReject = vi.fn();
    renderWithProviders(
      <Controlled models={['nano-banana-2']} upload={upload} onReject={onReject} />,
    );
    const browse = screen.getByRole('button', { name: 'Choose images' });
    browse.focus();
    const withFile = paste(browse, transfer([pngFile('clip.png')]));
    expect(withFile.defaultPrevented).toBe(true);
    expect(calls.map((call) => call.file.name)).toEqual(['clip.png']);

    paste(
      browse,
      transfer([], { 'text/plain': 'https://cdn.test/a.png\nhttps://cdn.test/b.webp' }),
    );
    expect(value()).toBe('https://cdn.test/a.png https://cdn.test/b.webp');
    expect(screen.getByRole('img', { name: 'Preview of a.png' })).toHaveAttribute(
      'src',
      'https://cdn.test/a.png',
    );

    paste(browse, transfer([], { 'text/plain': 'javascript:alert(1) https://cdn.test/a.png' }));
    expect(
      onReject.mock.lastCall![0].map((rejection: ImageRejection) => [
        rejection.url,
        rejection.errors[0]!.code,
      ]),
    ).toEqual([
      ['javascript:alert(1)', 'invalid-url'],
      ['https://cdn.test/a.png', 'duplicate'],
    ]);
    expect(value()).toBe('https://cdn.test/a.png https://cdn.test/b.webp');
    expect(document.querySelector('img[src^="javascript"]')).toBeNull();
    await expectNoAxeViolations();
  });

  it('adds a URL typed in the URL field with Enter, without submitting the form around it', async () => {
    const onSubmit = vi.fn((event: React.FormEvent) => event.preventDefault());
    renderWithProviders(
      <form onSubmit={onSubmit} aria-label="Generate">
        <Controlled models={['gpt-image-2']} />
      </form>,
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Image URL' }),
      'https://cdn.test/typed.jpg{Enter}',
    );
    expect(value()).toBe('https://cdn.test/typed.jpg');
    expect(screen.getByRole('textbox', { name: 'Image URL' })).toHaveValue('');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('browses through the hidden file input', async () => {
    const { upload, calls } = manualUploads();
    const { container } = renderWithProviders(
      <Controlled models={['gpt-image-2']} upload={upload} />,
    );
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input).toHaveAttribute('accept', 'image/jpeg,image/png,image/webp');
    expect(input.multiple).toBe(true);
    const click = vi.spyOn(input, 'click').mockImplementation(() => {});
    await userEvent.click(screen.getByRole('button', { name: 'Choose images' }));
    expect(click).toHaveBeenCalledTimes(1);
    input.files = transfer([pngFile('chosen.png')]).files;
    act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    expect(calls.map((call) => call.file.name)).toEqual(['chosen.png']);
  });

  it('cancels an upload in flight: aborted, removed, announced', async () => {
    const { upload, calls } = manualUploads();
    renderWithProviders(<Controlled models={['veo3']} upload={upload} />);
    drop(zone(), transfer([pngFile('slow.png')]));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel upload of slow.png' }));
    expect(calls[0]!.context.signal.aborted).toBe(true);
    expect(screen.queryByRole('listitem')).toBeNull();
    await expect.poll(announced).toBe('Upload of slow.png cancelled');
    // A late answer to the cancelled upload changes nothing.
    await act(async () => calls[0]!.done.resolve('https://cdn.test/slow.png'));
    expect(value()).toBe('');
  });

  it('shows a failed upload with its reason, and retries it', async () => {
    const { upload, calls } = manualUploads();
    renderWithProviders(<Controlled models={['veo3']} upload={upload} />);
    drop(zone(), transfer([pngFile('flaky.png')]));
    await act(async () => calls[0]!.done.reject(new Error('Storage answered 503')));
    const item = screen.getByRole('listitem');
    expect(item).toHaveAttribute('data-state', 'failed');
    expect(within(item).getByText('Storage answered 503')).toHaveAttribute(
      'data-code',
      'upload-failed',
    );
    await expect.poll(announced).toBe('Upload of flaky.png failed: Storage answered 503');
    await expectNoAxeViolations();

    await userEvent.click(within(item).getByRole('button', { name: 'Retry upload of flaky.png' }));
    expect(calls).toHaveLength(2);
    expect(item).toHaveAttribute('data-state', 'uploading');
    expect(within(item).queryByText('Storage answered 503')).toBeNull();
    await act(async () => calls[1]!.done.resolve('https://cdn.test/flaky.png'));
    expect(value()).toBe('https://cdn.test/flaky.png');
  });

  it("keeps a typed refusal's code and offers no retry when the adapter says retrying will not help", async () => {
    const { upload, calls } = manualUploads();
    renderWithProviders(<Controlled models={['veo3']} upload={upload} />);
    drop(zone(), transfer([pngFile('private.png'), pngFile('busy.png')]));
    // Any adapter's error with `code`/`status`/`retryable` is read by its shape, not its class.
    const refused = Object.assign(new Error('Your plan allows 20 uploads a day.'), {
      code: 'quota',
      status: 429,
      retryable: false,
    });
    const busy = Object.assign(new Error('The storage is busy'), {
      code: 'storage',
      status: 503,
      retryable: true,
    });
    await act(async () => calls[0]!.done.reject(refused));
    await expect
      .poll(announced)
      .toBe(
        'Upload of private.png failed: Your plan allows 20 uploads a day. Retrying will not help',
      );
    await act(async () => calls[1]!.done.reject(busy));
    await expect
      .poll(announced)
      .toBe('Upload of busy.png failed: The storage is busy. You can retry it');

    const [first, second] = screen.getAllByRole('listitem');
    const refusal = within(first!).getByText('Your plan allows 20 uploads a day.');
    expect(refusal).toHaveAttribute('data-code', 'upload-failed');
    expect(refusal).toHaveAttribute('data-upload-code', 'quota');
    expect(refusal).not.toHaveAttribute('data-retryable');
    expect(within(first!).queryByRole('button', { name: /^Retry/ })).toBeNull();
    expect(within(first!).getByRole('button', { name: 'Remove private.png' })).toBeVisible();
    expect(within(second!).getByText('The storage is busy')).toHaveAttribute('data-retryable', '');
    await expectNoAxeViolations();

    await userEvent.click(
      within(second!).getByRole('button', { name: 'Retry upload of busy.png' }),
    );
    expect(calls).toHaveLength(3);
    await act(async () => calls[2]!.done.resolve('https://cdn.test/busy.png'));
    expect(value()).toBe('https://cdn.test/busy.png');
  });

  it('fails an upload that does not resolve to an http(s) URL, and never shows that URL', async () => {
    const { upload, calls } = manualUploads();
    renderWithProviders(<Controlled models={['veo3']} upload={upload} />);
    drop(zone(), transfer([pngFile('odd.png')]));
    await act(async () => calls[0]!.done.resolve('data:image/png;base64,AAAA'));
    expect(screen.getByRole('listitem')).toHaveAttribute('data-state', 'failed');
    expect(screen.getByText('The upload did not return an http(s) URL')).toHaveAttribute(
      'data-code',
      'upload-invalid-url',
    );
    expect(value()).toBe('');
  });

  it('reorders with the buttons and Alt+arrows, keeping focus in the moved image', async () => {
    const onValueChange = vi.fn();
    renderWithProviders(
      <Controlled
        models={['nano-banana-2']}
        initial={['https://cdn.test/a.png', 'https://cdn.test/b.png', 'https://cdn.test/c.png']}
        onValueChange={onValueChange}
      />,
    );
    const names = () =>
      screen
        .getAllByRole('listitem')
        .map((item) => within(item).getByRole('img').getAttribute('alt'));
    expect(screen.getByRole('button', { name: 'Move a.png earlier' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move c.png later' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Move b.png earlier' }));
    expect(names()).toEqual(['Preview of b.png', 'Preview of a.png', 'Preview of c.png']);
    expect(onValueChange).toHaveBeenLastCalledWith([
      'https://cdn.test/b.png',
      'https://cdn.test/a.png',
      'https://cdn.test/c.png',
    ]);
    // Its "earlier" button is now disabled, so focus moves to the item's next control.
    await expect
      .poll(() => document.activeElement?.getAttribute('aria-label'))
      .toBe('Move b.png later');
    await expect.poll(announced).toBe('b.png moved to position 1 of 3');

    await userEvent.keyboard('{Alt>}{ArrowDown}{ArrowDown}{/Alt}');
    expect(names()).toEqual(['Preview of a.png', 'Preview of c.png', 'Preview of b.png']);
    expect(document.activeElement).toHaveAccessibleName('Move b.png earlier');
    expect(value()).toBe('https://cdn.test/a.png https://cdn.test/c.png https://cdn.test/b.png');
    expect(screen.getAllByRole('listitem').map((item) => item.dataset.value)).toEqual([
      '1',
      '2',
      '3',
    ]);
    await expectNoAxeViolations();
  });

  it('reorders by dragging an image onto another', () => {
    renderWithProviders(
      <Controlled
        models={['nano-banana-2']}
        initial={['https://cdn.test/a.png', 'https://cdn.test/b.png', 'https://cdn.test/c.png']}
      />,
    );
    const [first, , last] = screen.getAllByRole('listitem');
    const data = new DataTransfer();
    act(() => {
      last!.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: data }));
      first!.dispatchEvent(
        new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }),
      );
      first!.dispatchEvent(
        new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }),
      );
    });
    expect(value()).toBe('https://cdn.test/c.png https://cdn.test/a.png https://cdn.test/b.png');
    // Moving an image is not a drop of new files.
    expect(zone()).not.toHaveAttribute('data-dragging');
    expect(screen.queryByRole('list', { name: 'Not added' })).toBeNull();
  });

  it('drops the images a new model cannot take, reporting the adapted value', async () => {
    const onValueChange = vi.fn();
    renderWithProviders(
      <Controlled
        models={['veo3', 'kling/v2-1-pro']}
        initial={['https://cdn.test/1.png', 'https://cdn.test/2.png', 'https://cdn.test/3.png']}
        onValueChange={onValueChange}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'use kling/v2-1-pro' }));
    expect(onValueChange).toHaveBeenCalledWith(['https://cdn.test/1.png']);
    expect(value()).toBe('https://cdn.test/1.png');
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    await expect.poll(announced).toBe('2 images removed: Kling V2.1 Pro takes at most 1');
  });

  it('asks once when a controlled parent keeps more images than the new model takes', async () => {
    const onValueChange = vi.fn();
    const urls = ['https://cdn.test/1.png', 'https://cdn.test/2.png'];
    const { rerender } = renderWithProviders(
      <ImageDropzone.Root model="veo3" value={urls} onValueChange={onValueChange} />,
    );
    rerender(
      <ImageDropzone.Root model="kling/v2-1-pro" value={urls} onValueChange={onValueChange} />,
    );
    await expect.poll(() => onValueChange.mock.calls.length).toBe(1);
    expect(onValueChange).toHaveBeenCalledWith(['https://cdn.test/1.png']);
    // The parent kept its two: they are shown (the parent's value is the truth), and not fought over.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(onValueChange).toHaveBeenCalledTimes(1);
    expect(
      within(screen.getByRole('list', { name: 'Attached images' })).getAllByRole('listitem'),
    ).toHaveLength(2);
  });

  it('revokes every preview object URL once it is no longer shown, and never one that is', async () => {
    const { upload, calls } = manualUploads();
    const { unmount } = renderWithProviders(
      <Controlled models={['nano-banana-2']} upload={upload} />,
    );
    drop(zone(), transfer([pngFile('one.png'), pngFile('two.png'), pngFile('three.png')]));
    expect(shownObjectUrls()).toHaveLength(3);
    const [, twoUrl] = shownObjectUrls();
    await act(async () => calls[1]!.done.resolve('https://cdn.test/two.png'));
    // Uploaded, the preview stays the local file: same object URL, nothing fetched.
    expect(shownObjectUrls()).toContain(twoUrl);

    await userEvent.click(screen.getByRole('button', { name: 'Remove two.png' }));
    expect(revoked).toContain(twoUrl);
    expect(shownObjectUrls()).toHaveLength(2);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel upload of one.png' }));
    expect(shownObjectUrls()).toHaveLength(1);

    unmount();
    expect(new Set(revoked)).toEqual(new Set(created));
    expect(calls[2]!.context.signal.aborted).toBe(true);
  });
});
