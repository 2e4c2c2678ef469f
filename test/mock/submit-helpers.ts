// Shared by the faults' and the scenarios' tests: a submit, timed on the mock's clock, and a task that
// no fault meets.
import type { MockApi } from '../../src/mock/index.js';
import { FOX, post } from '../helpers/api-calls.js';
import { until, type Harness } from '../helpers/mock-harness.js';

/** Submits a valid image request. */
export const submit = (url: string) => post(`${url}/api/ai/image/generate`, FOX);

/** Submits and measures, on the mock's clock, how long the answer takes. */
export async function answerTime({ url, clock }: Harness): Promise<{ ms: number; status: number }> {
  const sent = clock.now();
  let answered = false;
  const pending = submit(url).then((res) => ((answered = true), res));
  await until(() => clock.pending > 0 || answered, 'the request to reach the mock');
  while (!answered && (await clock.next()));
  const res = await pending;
  return { ms: clock.now() - sent, status: res.status };
}

/** A task id that exists (submitted straight through `handle`, so no fault meets it). */
export async function existingTask(api: MockApi, url: string): Promise<string> {
  const res = await api.handle(
    new Request(`${url}/api/ai/image/generate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(FOX),
    }),
  );
  return ((await res.json()) as { taskId: string }).taskId;
}
