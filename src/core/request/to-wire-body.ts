import { definedFields } from '../values.js';
import type { ModelKind } from '../registry/model-spec.js';
import { effectiveInputMode } from './input-mode.js';
import type { DraftRequest } from './types.js';

/**
 * The JSON body the API expects for a validated request. The one place that knows where fields go:
 * a video's `resolution` travels in `providerInput.resolution` and its `inputMode` is always sent;
 * an image request sends `resolution` at the top level and no `inputMode`.
 */
export function toWireBody(request: DraftRequest, kind: ModelKind): Record<string, unknown> {
  const { resolution, inputMode: _mode, ...rest } = request;
  const body = definedFields(rest);
  if (kind === 'video') {
    body.inputMode = effectiveInputMode(request, kind);
    if (resolution !== undefined) body.providerInput = { ...request.providerInput, resolution };
  } else if (resolution !== undefined) {
    body.resolution = resolution;
  }
  return body;
}
