'use client';
import type { ImageDropzoneState, ImageItem } from './image-dropzone-types.js';
import type { useDescriptions } from './use-descriptions.js';
import { createScope } from './scope.js';

/** What the `ImageDropzone` parts read from their `Root`: the hook's state and the ids of its texts. */
export interface DropzoneContextValue extends ImageDropzoneState {
  errors: readonly string[];
  descriptionId: string;
  errorId: string;
  descriptions: ReturnType<typeof useDescriptions>;
}
export const DropzoneScope = /* @__PURE__ */ createScope<DropzoneContextValue>('ImageDropzone');
export const useDropzone = (part: string) => DropzoneScope.usePart(part);
/** What the parts of one `ImageDropzone.Item` read: the item and its place. */
export const ItemScope = /* @__PURE__ */ createScope<{ item: ImageItem; index: number }>(
  'ImageDropzone',
  'Item',
);
export const useItem = (part: string) => ItemScope.usePart(part);
