import type { FieldErrors } from '../core/errors.js';

/**
 * A JSON error in the API's own shape, `{"error": "…", …extra}`, so the browser client turns it into
 * the same typed error it would get from the API. Use it to refuse a submit from `beforeSubmit`, e.g.
 * `errorResponse(429, 'Daily quota reached', {}, { 'Retry-After': '3600' })`. A 5xx sent before
 * anything reached the API should carry `{ charged: false }` in `extra`: the browser client then reports
 * a plain `ServerError` instead of "the submit may have been charged".
 * Every answer is `Cache-Control: no-store`: it concerns one user.
 */
export function errorResponse(
  status: number,
  error: string,
  extra: Record<string, unknown> = {},
  headers: HeadersInit = {},
): Response {
  return jsonResponse(status, JSON.stringify({ error, ...extra }), headers);
}

/** The API's 400 for a request that breaks a rule: `{"error":"Invalid request","details":{formErrors,fieldErrors}}`. */
export function invalidRequest(details: FieldErrors): Response {
  return errorResponse(400, 'Invalid request', { details });
}

/** A response with a JSON body already serialized. */
export function jsonResponse(status: number, body: string, headers: HeadersInit = {}): Response {
  const all = new Headers(headers);
  all.set('Content-Type', 'application/json');
  all.set('Cache-Control', 'no-store');
  return new Response(body, { status, headers: all });
}
