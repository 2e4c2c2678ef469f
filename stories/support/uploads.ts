// A stand-in for an app's image storage, so the stories' dropzones turn files into the http(s) URLs
// the API takes. In your app, `upload` would PUT the file to a presigned URL of your storage (S3, R2,
// GCS…) and resolve with its public URL; here the MSW worker stores it (see .storybook/mock-environment).
import type { UploadAdapter } from 'gptimage2-react';
import { UPLOADS_PATH } from '../../.storybook/mock-environment';

/** Resolves after `ms`, or rejects with the platform's AbortError when `signal` aborts first. */
function sleep(ms: number, signal: AbortSignal) {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

let uploadCount = 0;

/** Stores a file through the worker and resolves with its absolute URL. */
export async function storeFile(file: Blob, name: string, signal?: AbortSignal): Promise<string> {
  const url = new URL(
    `${UPLOADS_PATH}${++uploadCount}-${Date.now().toString(36)}/${encodeURIComponent(name)}`,
    window.location.origin,
  ).href;
  const response = await fetch(url, {
    method: 'PUT',
    body: file,
    headers: { 'Content-Type': file.type },
    signal,
  });
  if (!response.ok) throw new Error(`The storage answered ${response.status}`);
  return url;
}

interface DemoUploadOptions {
  /** How long the simulated transfer takes. Defaults to `1200` ms. */
  durationMs?: number;
  /** Files this returns `true` for fail, as a storage that refuses them would. */
  fail?: (file: File) => boolean;
}

/** An upload adapter with visible progress (in six steps over `durationMs`), cancellable, storing the file. */
export function createDemoUpload({
  durationMs = 1200,
  fail,
}: DemoUploadOptions = {}): UploadAdapter {
  return async (file, { signal, onProgress }) => {
    const steps = 6;
    for (let step = 1; step < steps; step++) {
      await sleep(durationMs / steps, signal);
      onProgress(step / steps);
    }
    await sleep(durationMs / steps, signal);
    if (fail?.(file)) throw new Error('The storage refused this file');
    const url = await storeFile(file, file.name, signal);
    onProgress(1);
    return url;
  };
}

/** The stories' default upload: about a second of progress, then stored. */
export const demoUpload: UploadAdapter = createDemoUpload();

/** A PNG drawn in the browser (a gradient and a caption), as a `File` a user could have dropped. */
export async function makeSampleImage(
  name = 'sample.png',
  { hue = 210, width = 640, height = 400, caption = 'Sample photo' } = {},
): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  const gradient = context.createLinearGradient(0, 0, width, height);
  gradient.addColorStop(0, `hsl(${hue} 70% 60%)`);
  gradient.addColorStop(1, `hsl(${(hue + 60) % 360} 70% 35%)`);
  context.fillStyle = gradient;
  context.fillRect(0, 0, width, height);
  context.fillStyle = 'rgba(255,255,255,0.85)';
  context.beginPath();
  context.arc(width * 0.7, height * 0.35, Math.min(width, height) * 0.15, 0, Math.PI * 2);
  context.fill();
  context.font = `600 ${Math.round(height / 10)}px system-ui, sans-serif`;
  context.fillText(caption, width * 0.06, height * 0.88);
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (result) => (result ? resolve(result) : reject(new Error('toBlob failed'))),
      'image/png',
    ),
  );
  return new File([blob], name, { type: 'image/png' });
}

/** A sample image stored and ready: its URL, for a request's `inputImageUrls`. */
export async function sampleImageUrl(
  name = 'sample.png',
  options?: Parameters<typeof makeSampleImage>[1],
): Promise<string> {
  return storeFile(await makeSampleImage(name, options), name);
}
