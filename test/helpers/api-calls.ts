// Shared by the mock's tests: plain fetch calls that read any body, JSON or not.

/** A response, its body parsed as JSON when it is JSON, else as text. */
export interface Answer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of many shapes, read field by field in tests
  body: any;
}

/** Fetches and reads the whole answer. */
export async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return { status: res.status, headers: res.headers, body };
}

/** A JSON POST, with a bearer key when given. */
export function post(url: string, body: unknown, key?: string): Promise<Answer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (key) headers.Authorization = `Bearer ${key}`;
  return call(url, { method: 'POST', headers, body: JSON.stringify(body) });
}

/** A GET, with a bearer key when given. */
export function get(url: string, key?: string): Promise<Answer> {
  return call(url, key ? { headers: { Authorization: `Bearer ${key}` } } : {});
}

/** A valid image request. */
export const FOX = {
  model: 'gpt-image-2',
  prompt: 'A red fox in fresh snow',
  aspectRatio: '16:9',
} as const;

/** A valid video request (Veo 3.1 Fast: 9 credits flat). */
export const WAVES = {
  model: 'veo3_fast',
  prompt: 'Waves at dusk',
  inputMode: 'text_to_video',
  aspectRatio: '9:16',
} as const;

/** The task id format: `tsk_` + 26 Crockford base32 characters. */
export const TASK_ID = /^tsk_[0-9A-HJKMNP-TV-Z]{26}$/;
