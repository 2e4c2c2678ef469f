import type { InputMode, ModelKind } from '../registry/model-spec.js';
import type { DraftRequest } from './types.js';

/** A kind's two input modes, text first: `['text_to_video', 'image_to_video']`. */
export const modesOf = (kind: ModelKind): readonly [text: InputMode, image: InputMode] =>
  kind === 'video' ? ['text_to_video', 'image_to_video'] : ['text_to_image', 'image_to_image'];

/** The input mode a request means: the given one, else image-to-… when images are attached. */
export function effectiveInputMode(
  request: Pick<DraftRequest, 'inputMode' | 'inputImageUrls'>,
  kind: ModelKind,
): InputMode {
  return request.inputMode ?? modesOf(kind)[request.inputImageUrls?.length ? 1 : 0];
}
