import { errorResponse, invalidRequest } from './error-response.js';
import { readCapped } from './read-capped.js';

/** The parsed body, or the response that refuses it. */
export type BodyResult = { ok: true; body: unknown } | { ok: false; response: Response };

const refuse = (response: Response): BodyResult => ({ ok: false, response });

/** Whether the request says its body is JSON (`application/json`, any parameters). */
function isJson(request: Request): boolean {
  const type = request.headers.get('Content-Type')?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

/**
 * Reads a submit's body as JSON, refusing (without reading on) anything larger than `maxBytes`,
 * whether its `Content-Length` says so up front or it streams without one. A JSON content type is
 * required: besides being the API's contract, it keeps plain HTML forms on other sites from
 * submitting (they cannot send it without a CORS preflight).
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<BodyResult> {
  if (!isJson(request)) return refuse(errorResponse(415, 'Content-Type must be application/json'));
  const tooLarge = () =>
    refuse(errorResponse(413, `Request body too large (at most ${maxBytes} bytes)`));
  const declared = Number(request.headers.get('Content-Length') ?? NaN);
  if (declared > maxBytes) return tooLarge();

  let bytes: Uint8Array | null;
  try {
    bytes = await readCapped(request.body, maxBytes);
  } catch {
    // The upload broke off (the browser went away): nothing to answer but a refusal.
    return refuse(errorResponse(400, 'The request body could not be read'));
  }
  // Past the cap: reading stopped; whatever is still on its way is not ours to buffer.
  if (!bytes) return tooLarge();
  try {
    return { ok: true, body: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    return refuse(invalidRequest({ formErrors: ['The body is not valid JSON'], fieldErrors: {} }));
  }
}
