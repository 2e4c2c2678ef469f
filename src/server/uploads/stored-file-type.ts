import { UPLOAD_IMAGE_TYPES, sniffImageType } from '../../core/upload/image-type.js';

/** The output types kept, with the extension their stored key gets: the upload image types, MP4 and WebM. */
export const OUTPUT_TYPES = {
  ...UPLOAD_IMAGE_TYPES,
  'video/mp4': 'mp4',
  'video/webm': 'webm',
} as const;

/** `image/jpeg`, `image/png`, `image/webp`, `video/mp4` or `video/webm`. */
export type OutputType = keyof typeof OUTPUT_TYPES;

/** A stored file's key: an upload's, or a kept output's (`<user folder>/<random>.<ext>`). */
export const STORED_KEY_PATTERN = /^[0-9a-f]{32}\/[0-9a-f]{32}\.(?:jpg|png|webp|mp4|webm)$/;

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));
const at = (bytes: Uint8Array, signature: number[], offset: number) =>
  signature.every((byte, index) => bytes[offset + index] === byte);

/**
 * What a file's first 12 bytes say it is: an image type of `sniffImageType`, MP4 (an ISO box `ftyp`
 * at byte 4) or WebM (the EBML magic `1A 45 DF A3`); `null` for anything else.
 */
export function sniffOutputType(bytes: Uint8Array): OutputType | null {
  const image = sniffImageType(bytes);
  if (image) return image;
  if (at(bytes, ascii('ftyp'), 4)) return 'video/mp4';
  if (at(bytes, [0x1a, 0x45, 0xdf, 0xa3], 0)) return 'video/webm';
  return null;
}

/** The type of a stored key, by the extension the server chose from the bytes. */
export function storedContentType(key: string): OutputType {
  const ext = key.slice(key.lastIndexOf('.') + 1);
  return (Object.keys(OUTPUT_TYPES) as OutputType[]).find((type) => OUTPUT_TYPES[type] === ext)!;
}
