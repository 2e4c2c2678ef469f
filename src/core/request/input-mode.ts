import type { InputMode, ModelKind } from '../registry/model-spec.js';
import type { DraftRequest } from './types.js';

/** The input mode a request means: the given one, else image-to-… when images are attached. */
export function effectiveInputMode(request: Pick<DraftRequest, 'inputMode' | 'inputImageUrls'>, kind: ModelKind): InputMode {
  if (request.inputMode) return request.inputMode;
  const images = (request.inputImageUrls?.length ?? 0) > 0;
  return kind === 'video' ? (images ? 'image_to_video' : 'text_to_video') : images ? 'image_to_image' : 'text_to_image';
}
