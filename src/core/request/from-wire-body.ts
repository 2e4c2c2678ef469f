import type { ModelKind } from '../registry/model-spec.js';
import { isRecord } from '../values.js';
import type { DraftRequest } from './types.js';

/**
 * The request a wire body was made from, the inverse of `toWireBody`: a video's
 * `providerInput.resolution` back in `resolution` (and `providerInput` dropped when that was all it
 * held). What the proxy and the mock record as a task's `request`, so a form can take it up again and
 * `toWireBody` of it sends the same body.
 */
export function fromWireBody(
  body: Readonly<Record<string, unknown>>,
  kind: ModelKind,
): DraftRequest {
  const request = { ...body } as Record<string, unknown>;
  const { providerInput } = request;
  if (kind === 'video' && isRecord(providerInput) && typeof providerInput.resolution === 'string') {
    const { resolution, ...rest } = providerInput;
    request.resolution = resolution;
    if (Object.keys(rest).length) request.providerInput = rest;
    else delete request.providerInput;
  }
  return request as unknown as DraftRequest;
}
