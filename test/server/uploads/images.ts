// Small image files (a 1×1 PNG and WebP, a minimal JPEG) and things that are not images. The handler reads only their first bytes.
const bytes = (base64: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array(Buffer.from(base64, 'base64'));

export const PNG = bytes(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
);
export const JPEG = bytes(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=',
);
export const WEBP = bytes('UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA');
/** A text file, whatever it is named. */
export const TEXT: Uint8Array<ArrayBuffer> = new Uint8Array(
  new TextEncoder().encode('These are my notes, not a photo.\n'),
);

/** An image padded to `size` bytes (its first bytes still say what it is). */
export function padded(image: Uint8Array, size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  out.set(image.subarray(0, size));
  return out;
}
