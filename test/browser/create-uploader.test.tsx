import { act, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { userEvent } from 'vitest/browser';
import { describe, expect, inject, it } from 'vitest';
import { ImageDropzone, type UploadAdapter } from '../../src/components/index.js';
import { createUploader, UploadError } from '../../src/upload/index.js';
import { deferred, renderWithProviders } from './helpers.js';

// End to end in Chromium: the ImageDropzone with createUploader sends real image files to real upload
// handlers on 127.0.0.1 (test/setup/upload-servers.ts): through the handler onto the file system, and
// by presigned PUT to a local S3 (s3rver), then confirmed.

/** A real image file, encoded by Chromium: noise, so a PNG is about 1.9 MB and its upload takes a while. */
async function encodedImage(name: string, type: 'image/jpeg' | 'image/png' | 'image/webp') {
  const canvas = document.createElement('canvas');
  canvas.width = 800;
  canvas.height = 600;
  const context = canvas.getContext('2d')!;
  const pixels = context.createImageData(canvas.width, canvas.height);
  crypto.getRandomValues(pixels.data.subarray(0, 65536));
  for (let i = 65536; i < pixels.data.length; i += 65536)
    pixels.data.copyWithin(i, i - 65536 + 97, i + 65536);
  for (let i = 3; i < pixels.data.length; i += 4) pixels.data[i] = 255;
  context.putImageData(pixels, 0, 0);
  const blob = await new Promise<Blob>((resolve) =>
    canvas.toBlob((result) => resolve(result!), type, 0.9),
  );
  expect(blob.type).toBe(type); // Chromium did encode it so
  return new File([blob], name, { type });
}

/** A digest to compare megabytes by (a deep equality over them takes seconds). */
async function sha256(blob: Blob) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The dropzone as an app would use it, with the ready URLs listed for the test to read. */
function UploadForm({ upload, model }: { upload: UploadAdapter; model: string }) {
  const [urls, setUrls] = useState<string[]>([]);
  return (
    <>
      <ImageDropzone.Root model={model} upload={upload} onValueChange={setUrls} />
      <ul aria-label="inputImageUrls">
        {urls.map((url) => (
          <li key={url}>{url}</li>
        ))}
      </ul>
    </>
  );
}

/** createUploader for `endpoint`, recording each progress report and error, held back until `release`. */
function observedUploader(endpoint: string, model: string) {
  const uploader = createUploader({ endpoint, model, headers: { 'x-user': 'alice' } });
  const progress: number[] = [];
  const errors: unknown[] = [];
  const gate = deferred<void>();
  const upload: UploadAdapter = async (file, context) => {
    try {
      const url = await uploader(file, {
        ...context,
        onProgress: (fraction) => (progress.push(fraction), context.onProgress(fraction)),
      });
      await gate.promise;
      return url;
    } catch (error) {
      errors.push(error);
      throw error;
    }
  };
  return { upload, progress, errors, release: () => gate.resolve() };
}

function choose(container: HTMLElement, file: File) {
  const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
  const data = new DataTransfer();
  data.items.add(file);
  input.files = data.files;
  act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
}

const urlList = () => within(screen.getByRole('list', { name: 'inputImageUrls' }));
/** What the dropzone's polite live region says now. */
const announced = () =>
  document.querySelector('[role="status"][aria-live="polite"]')!.textContent?.trim();

describe.each([
  ['through the handler, onto the file system', 'direct'],
  ['by presigned PUT to S3 (s3rver), then confirmed', 'presigned'],
] as const)('createUploader with ImageDropzone, %s', (_title, kind) => {
  const endpoint = inject('uploadEndpoints')[kind];

  it.each([
    ['photo.jpg', 'image/jpeg'],
    ['photo.png', 'image/png'],
    ['photo.webp', 'image/webp'],
  ] as const)(
    'uploads a real %s with its progress shown, then lists its URL, which serves the same image',
    async (name, type) => {
      const file = await encodedImage(name, type);
      const { upload, progress, release } = observedUploader(endpoint, 'gpt-image-2');
      const { container } = renderWithProviders(<UploadForm upload={upload} model="gpt-image-2" />);
      choose(container, file);

      // The bytes are all sent (the real XMLHttpRequest progress reached the bar); the answer is held back.
      const bar = await screen.findByRole('progressbar', { name: `Uploading ${name}` });
      await expect.poll(() => bar.getAttribute('aria-valuenow')).toBe('100');
      expect(progress.at(-1)).toBe(1);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(urlList().queryAllByRole('listitem')).toEqual([]);

      release();
      const shown = await urlList().findByRole('listitem');
      const url = shown.textContent!;
      expect(url).toMatch(
        new RegExp(
          `^http://127\\.0\\.0\\.1:\\d+/[a-z/]*uploads/[0-9a-f]{32}/[0-9a-f]{32}\\.${name.split('.')[1]}$`,
        ),
      );
      const item = within(screen.getByRole('list', { name: 'Attached images' })).getByRole(
        'listitem',
      );
      expect(item).toHaveAttribute('data-state', 'ready');
      expect(screen.queryByRole('progressbar')).toBeNull();

      // What the API would fetch: the same bytes, typed, and an image Chromium decodes.
      const served = await fetch(url);
      expect(served.headers.get('Content-Type')).toBe(type);
      const blob = await served.blob();
      expect(await sha256(blob)).toBe(await sha256(file));
      const bitmap = await createImageBitmap(blob);
      expect([bitmap.width, bitmap.height]).toEqual([800, 600]);
      // The page's resource timings list the upload's requests (the refusal test relies on this).
      expect(
        performance
          .getEntriesByType('resource')
          .some((entry) => entry.name.startsWith(new URL(endpoint).origin)),
      ).toBe(true);
    },
  );

  it.each([
    ['photo.png', 'image/png'],
    ['photo.jpg', 'image/jpeg'],
  ] as const)(
    'refuses a text file renamed %s at once, by its bytes: the item fails with the typed reason and no retry, nothing is sent',
    async (name, type) => {
      performance.clearResourceTimings();
      const { upload, errors, release } = observedUploader(endpoint, 'gpt-image-2');
      release();
      const { container } = renderWithProviders(<UploadForm upload={upload} model="gpt-image-2" />);
      choose(container, new File(['These are my notes, not a photo.\n'], name, { type }));

      const message = await screen.findByText('The file is not a JPEG, PNG or WebP image');
      expect(message.closest('[data-state]')).toHaveAttribute('data-state', 'failed');
      // The adapter's own code is kept; retrying the same bytes cannot help, so it is not offered.
      expect(message).toHaveAttribute('data-code', 'upload-failed');
      expect(message).toHaveAttribute('data-upload-code', 'file-invalid-type');
      expect(message).not.toHaveAttribute('data-retryable');
      await expect
        .poll(announced)
        .toBe(
          `Upload of ${name} failed: The file is not a JPEG, PNG or WebP image. Retrying will not help`,
        );
      expect(screen.queryByRole('button', { name: `Retry upload of ${name}` })).toBeNull();
      expect(screen.getByRole('button', { name: `Remove ${name}` })).toBeVisible();
      expect(errors).toEqual([expect.any(UploadError)]);
      expect(errors[0]).toMatchObject({
        code: 'file-invalid-type',
        retryable: false,
        fieldErrors: { file: ['The file is not a JPEG, PNG or WebP image'] },
      });
      expect(urlList().queryAllByRole('listitem')).toEqual([]);
      expect(
        performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.startsWith(new URL(endpoint).origin)),
      ).toEqual([]);
    },
  );

  it('the handler refuses text bytes declared as a PNG too, from a client that skips the check (415 in the API shape)', async () => {
    const headers = { 'x-user': 'alice' };
    const text = new Blob(['These are my notes, not a photo.\n']);
    const started = await fetch(endpoint, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-image-2', size: text.size, contentType: 'image/png' }),
    });
    const ticket = (await started.json()) as {
      put: { url: string; headers: Record<string, string> };
      complete: string | null;
    };
    const putUrl = new URL(ticket.put.url, endpoint).href;
    let answer = await fetch(putUrl, {
      method: 'PUT',
      headers:
        ticket.complete === null ? { ...headers, ...ticket.put.headers } : ticket.put.headers,
      body: text,
    });
    if (ticket.complete !== null) {
      expect(answer.status).toBe(200); // the bucket took it; the confirm step looks at what landed
      answer = await fetch(new URL(ticket.complete, endpoint).href, { method: 'POST', headers });
    }
    expect(answer.status).toBe(415);
    expect(await answer.json()).toMatchObject({
      error: 'The file is not a JPEG, PNG or WebP image',
      code: 'file-invalid-type',
    });
  });

  it("refuses a file over the model's server-side limit before sending its bytes (413, typed)", async () => {
    // GPT Image 2 publishes no file limit, so the dropzone lets it through; the handler's 10 MB applies.
    const { upload, errors, progress, release } = observedUploader(endpoint, 'gpt-image-2');
    release();
    const { container } = renderWithProviders(<UploadForm upload={upload} model="gpt-image-2" />);
    const png = await encodedImage('huge.png', 'image/png');
    choose(
      container,
      new File([png, new Uint8Array(10 * 1024 * 1024)], 'huge.png', { type: 'image/png' }),
    );

    const message = await screen.findByText(
      'The file is larger than 10 MB, the limit for GPT Image 2',
    );
    expect(errors[0]).toMatchObject({ code: 'file-too-large', status: 413 });
    expect(progress).toEqual([]); // not a byte of the file went out
    // The server's refusal keeps its code; the same file would be refused again, so no retry.
    expect(message).toHaveAttribute('data-upload-code', 'file-too-large');
    await expect
      .poll(announced)
      .toBe(
        'Upload of huge.png failed: The file is larger than 10 MB, the limit for GPT Image 2. Retrying will not help',
      );
    expect(screen.queryByRole('button', { name: 'Retry upload of huge.png' })).toBeNull();
  });

  it("cancelling aborts the transfer: the adapter rejects with the signal's reason", async () => {
    const uploader = createUploader({
      endpoint,
      model: 'gpt-image-2',
      headers: { 'x-user': 'alice' },
    });
    const controller = new AbortController();
    const file = await encodedImage('photo.png', 'image/png');
    const result = uploader(file, { signal: controller.signal, onProgress: () => {} });
    controller.abort();
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('createUploader with ImageDropzone, when the network drops', () => {
  const { dropping, direct } = inject('uploadEndpoints');

  it('fails as retryable (`network`), offers Retry, and the retry uploads once the network is back', async () => {
    const down = createUploader({ endpoint: dropping, model: 'gpt-image-2' });
    const up = createUploader({
      endpoint: direct,
      model: 'gpt-image-2',
      headers: { 'x-user': 'alice' },
    });
    let attempts = 0;
    // The first attempt meets a server that resets the connection; the retry finds the real handler.
    const upload: UploadAdapter = (file, context) => (attempts++ === 0 ? down : up)(file, context);
    const { container } = renderWithProviders(<UploadForm upload={upload} model="gpt-image-2" />);
    choose(container, await encodedImage('photo.png', 'image/png'));

    const message = await screen.findByText(
      'The upload could not reach the server; check the connection and try again',
    );
    expect(message).toHaveAttribute('data-code', 'upload-failed');
    expect(message).toHaveAttribute('data-upload-code', 'network');
    expect(message).toHaveAttribute('data-retryable', '');
    await expect
      .poll(announced)
      .toBe(
        'Upload of photo.png failed: The upload could not reach the server; check the connection and try again. You can retry it',
      );
    expect(urlList().queryAllByRole('listitem')).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Retry upload of photo.png' }));
    const shown = await urlList().findByRole('listitem');
    expect(shown.textContent).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/api\/uploads\/[0-9a-f]{32}\/[0-9a-f]{32}\.png$/,
    );
    expect(attempts).toBe(2);
    await expect.poll(announced).toBe('photo.png uploaded');
  });
});
