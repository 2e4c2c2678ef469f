import type { ModelKind } from '../registry/model-spec.js';
import type { DraftRequest } from './types.js';

/** The input mode a request means: the given one, else image-to-… when images are attached. */
export function effectiveInputMode(request: Pick<DraftRequest, 'inputMode' | 'inputImageUrls'>, kind: ModelKind) {
  if (request.inputMode) return request.inputMode;
  const images = (request.inputImageUrls?.length ?? 0) > 0;
  return kind === 'video' ? (images ? 'image_to_video' : 'text_to_video') : images ? 'image_to_image' : 'text_to_image';
}

/**
 * The JSON body the API expects for a validated request. The one place that knows where fields go:
 * a video's `resolution` travels in `providerInput.resolution` and its `inputMode` is always sent;
 * an image request sends `resolution` at the top level and no `inputMode`.
 */
export function toWireBody(request: DraftRequest, kind: ModelKind): Record<string, unknown> {
  const { resolution, inputMode: _mode, ...rest } = request;
  const body: Record<string, unknown> = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  if (kind === 'video') {
    body.inputMode = effectiveInputMode(request, kind);
    if (resolution !== undefined) body.providerInput = { ...request.providerInput, resolution };
  } else if (resolution !== undefined) {
    body.resolution = resolution;
  }
  return body;
}
