import { act, screen, within } from '@testing-library/react';
import { useMemo, useState } from 'react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ImageDropzone } from '../../src/components/index.js';
import { createUploader } from '../../src/upload/index.js';
import { renderWithProviders } from './helpers.js';
import { setupBrowserMockApi } from './mock-api.js';

// The same uploader against the mock (its in-memory upload store, through MSW's service worker), as
// Storybook and users' tests run it: no server at all.
const mock = setupBrowserMockApi();

function UploadForm() {
  const upload = useMemo(() => createUploader({ model: 'gpt-image-2' }), []);
  const [urls, setUrls] = useState<string[]>([]);
  return (
    <>
      <ImageDropzone.Root model="gpt-image-2" upload={upload} onValueChange={setUrls} />
      <ul aria-label="inputImageUrls">
        {urls.map((url) => (
          <li key={url}>{url}</li>
        ))}
      </ul>
    </>
  );
}

async function canvasFile(name: string, type: string) {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 48;
  canvas.getContext('2d')!.fillRect(8, 8, 32, 24);
  const blob = await new Promise<Blob>((resolve) =>
    canvas.toBlob((result) => resolve(result!), type),
  );
  return new File([blob], name, { type });
}

function choose(container: HTMLElement, file: File) {
  const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
  const data = new DataTransfer();
  data.items.add(file);
  input.files = data.files;
  act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
}

describe('createUploader against the mock API', () => {
  it('uploads to the mock, whose URL serves the image back (default endpoint /api/uploads)', async () => {
    const { container } = renderWithProviders(<UploadForm />);
    choose(container, await canvasFile('sketch.webp', 'image/webp'));
    const url = (
      await within(screen.getByRole('list', { name: 'inputImageUrls' })).findByRole('listitem')
    ).textContent!;
    expect(url).toMatch(
      new RegExp(`^${location.origin}/api/uploads/[0-9a-f]{32}/[0-9a-f]{32}\\.webp$`),
    );
    expect(mock.api.uploads.files()).toEqual([
      expect.objectContaining({ url, contentType: 'image/webp' }),
    ]);
    const bitmap = await createImageBitmap(await (await fetch(url)).blob());
    expect([bitmap.width, bitmap.height]).toEqual([64, 48]);
  });

  it('refuses a text file renamed photo.jpg before sending it, typed and not retryable, and charges nothing', async () => {
    const credits = mock.api.balance();
    const { container } = renderWithProviders(<UploadForm />);
    choose(container, new File(['not a photo'], 'photo.jpg', { type: 'image/jpeg' }));
    const message = await screen.findByText('The file is not a JPEG, PNG or WebP image');
    expect(message).toHaveAttribute('data-upload-code', 'file-invalid-type');
    expect(screen.queryByRole('button', { name: 'Retry upload of photo.jpg' })).toBeNull();
    expect(mock.api.uploads.files()).toEqual([]);
    expect(mock.api.balance()).toBe(credits);
    expect(mock.posts()).toBe(0);
  });

  it('a network failure is retryable: Retry is offered and uploads; no generation is submitted', async () => {
    const credits = mock.api.balance();
    // The first declaration meets a dropped connection; later ones reach the mock.
    mock.worker.use(http.post('/api/uploads', () => HttpResponse.error(), { once: true }));
    const { container } = renderWithProviders(<UploadForm />);
    choose(container, await canvasFile('sketch.png', 'image/png'));
    const message = await screen.findByText(
      'The upload could not reach the server; check the connection and try again',
    );
    expect(message).toHaveAttribute('data-upload-code', 'network');
    expect(message).toHaveAttribute('data-retryable', '');
    expect(mock.api.uploads.files()).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Retry upload of sketch.png' }));
    const url = (
      await within(screen.getByRole('list', { name: 'inputImageUrls' })).findByRole('listitem')
    ).textContent!;
    expect(mock.api.uploads.files()).toEqual([expect.objectContaining({ url })]);
    expect(mock.api.balance()).toBe(credits);
    expect(mock.posts()).toBe(0);
  });
});
