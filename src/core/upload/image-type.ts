/** The image types every model takes, with the file extension stored uploads get. */
export const UPLOAD_IMAGE_TYPES = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
} as const;

/** `image/jpeg`, `image/png` or `image/webp`. */
export type UploadImageType = keyof typeof UPLOAD_IMAGE_TYPES;

/** How many leading bytes {@link sniffImageType} needs. */
export const SNIFF_BYTES = 12;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  signature.every((byte, index) => bytes[at + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/**
 * The image type a file's first bytes say it is (its magic number), whatever its name or declared
 * type: JPEG (`FF D8 FF`), PNG (its 8-byte signature) or WebP (`RIFF` … `WEBP`). `null` for anything
 * else, including fewer than {@link SNIFF_BYTES} bytes of WebP or 3 of JPEG.
 */
export function sniffImageType(bytes: Uint8Array): UploadImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/** Whether `type` is one of the {@link UPLOAD_IMAGE_TYPES}. */
export const isUploadImageType = (type: unknown): type is UploadImageType =>
  typeof type === 'string' && Object.hasOwn(UPLOAD_IMAGE_TYPES, type);
