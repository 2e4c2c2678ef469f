import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import {
  createClient,
  defaultPollSchedule,
  defaultRegistry,
  fixedPollSchedule,
  TaskFailedError,
  TaskNotFoundError,
  TimeoutError,
  UnauthorizedError,
  type Task,
} from '../../src/core/index.js';
import { createVirtualClock } from '../../src/mock/virtual-clock.js';
import { API, fetchForThisTest, recordRequests, setupMswServer } from '../helpers/msw-server.js';

const server = setupMswServer();
const seen = recordRequests(server);
const TASK = `${API}/api/ai/tasks/:id`;

/** A task that completes (or fails) `afterMs` after the test starts, on the virtual clock. */
function serveTask(
  clock: { now(): number },
  afterMs: number,
  end: Record<string, unknown> = { status: 1, videoUrl: 'https://cdn.test/v.mp4' },
) {
  const start = clock.now();
  server.use(
    http.get(TASK, ({ params }) =>
      HttpResponse.json({
        taskId: params.id,
        model: 'veo3_fast',
        ...(clock.now() - start >= afterMs ? end : { status: 0 }),
      }),
    ),
  );
}

function setup(schedule = fixedPollSchedule(2000)) {
  const clock = createVirtualClock();
  const client = createClient({
    baseUrl: API,
    clock,
    pollSchedule: schedule,
    retry: { jitter: false },
    // What a test that timed out leaves polling never reaches the next test's records.
    fetch: fetchForThisTest(),
  });
  seen.length = 0;
  return { clock, client };
}

describe('waitForTask', () => {
  it('polls on the schedule, reports each new snapshot, and resolves with the completed task', async () => {
    const { clock, client } = setup();
    serveTask(clock, 5000);
    const updates: Task['status'][] = [];
    const done = client.waitForTask('tsk_a', { onUpdate: (task) => updates.push(task.status) });
    await clock.advance(1999);
    expect(seen).toHaveLength(0);
    await clock.advance(1);
    expect(seen).toHaveLength(1);
    await clock.advance(4000);
    await expect(done).resolves.toMatchObject({
      id: 'tsk_a',
      status: 'completed',
      videoUrl: 'https://cdn.test/v.mp4',
    });
    // Polls at 2, 4, 6 s; the pending snapshot repeats but is reported once.
    expect(seen).toHaveLength(3);
    expect(updates).toEqual(['pending', 'completed']);
    // Nothing left scheduled once the task is terminal.
    expect(clock.pending).toBe(0);
  });

  it('rejects with TaskFailedError carrying the code, message and refund', async () => {
    const { clock, client } = setup();
    serveTask(clock, 3000, {
      status: 2,
      errorCode: 'STORAGE_ERROR',
      errorMessage: 'could not persist',
      creditsRefunded: true,
    });
    const result = client.waitForTask('tsk_f').catch((e: unknown) => e);
    await clock.advance(4000);
    const error = await result;
    expect(error).toBeInstanceOf(TaskFailedError);
    expect(error).toMatchObject({
      code: 'task_failed',
      errorCode: 'STORAGE_ERROR',
      errorMessage: 'could not persist',
      creditsRefunded: true,
      task: { id: 'tsk_f', status: 'failed' },
    });
  });

  it('keeps following through transient errors without losing the task', async () => {
    const { clock, client } = setup();
    let calls = 0;
    server.use(
      http.get(TASK, () => {
        calls++;
        if (calls <= 5) return HttpResponse.error();
        return HttpResponse.json({
          taskId: 'tsk_t',
          status: 1,
          imageUrls: ['https://cdn.test/i.png'],
        });
      }),
    );
    const done = client.waitForTask('tsk_t');
    await clock.advance(60_000);
    await expect(done).resolves.toMatchObject({ id: 'tsk_t', status: 'completed' });
  });

  it('waits out a Retry-After longer than a GET retry would, before the next poll', async () => {
    const { clock, client } = setup();
    let calls = 0;
    server.use(
      http.get(TASK, () =>
        ++calls === 1
          ? HttpResponse.json(
              { error: 'slow down' },
              { status: 429, headers: { 'Retry-After': '90' } },
            )
          : HttpResponse.json({
              taskId: 'tsk_r',
              status: 1,
              imageUrls: ['https://cdn.test/i.png'],
            }),
      ),
    );
    const done = client.waitForTask('tsk_r');
    await clock.advance(2000);
    expect(calls).toBe(1);
    // Refused at 2 s with Retry-After: 90, so the next poll is at 92 s, not 3.5 s later.
    await clock.advance(89_900);
    expect(calls).toBe(1);
    await clock.advance(200);
    expect(calls).toBe(2);
    await expect(done).resolves.toMatchObject({ status: 'completed' });
  });

  it('tolerates a 404 or two (a replica that has not seen the task yet), then gives up with the id', async () => {
    const { clock, client } = setup();
    server.use(
      http.get(TASK, () => HttpResponse.json({ error: 'Task not found' }, { status: 404 })),
    );
    const result = client.waitForTask('tsk_404').catch((e: unknown) => e);
    await clock.advance(10_000);
    const error = await result;
    expect(error).toBeInstanceOf(TaskNotFoundError);
    expect(error).toMatchObject({ taskId: 'tsk_404' });
    expect(seen).toHaveLength(3);
  });

  it('stops at once on an error that retrying cannot fix', async () => {
    const { clock, client } = setup();
    server.use(http.get(TASK, () => HttpResponse.json({ error: 'Unauthorized' }, { status: 401 })));
    const result = client.waitForTask('tsk_u').catch((e: unknown) => e);
    await clock.advance(2000);
    expect(await result).toBeInstanceOf(UnauthorizedError);
    expect(seen).toHaveLength(1);
  });

  it('times out with the task id and the last snapshot, so following can resume', async () => {
    const { clock, client } = setup();
    serveTask(clock, Infinity);
    const result = client.waitForTask('tsk_slow', { timeoutMs: 9000 }).catch((e: unknown) => e);
    await clock.advance(20_000);
    const error = await result;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({
      taskId: 'tsk_slow',
      retryable: true,
      task: { id: 'tsk_slow', status: 'pending' },
    });
    // Polls at 2, 4, 6, 8 and a last one at the 9 s deadline; none after.
    expect(seen).toHaveLength(5);
    expect(clock.pending).toBe(0);
  });

  it('stops at once when aborted during a sleep, with the AbortError, and schedules nothing more', async () => {
    const { clock, client } = setup();
    serveTask(clock, Infinity);
    const controller = new AbortController();
    const result = client
      .waitForTask('tsk_x', { signal: controller.signal })
      .catch((e: unknown) => e);
    await clock.advance(3000);
    controller.abort();
    expect(await result).toMatchObject({ name: 'AbortError' });
    expect(clock.pending).toBe(0);
    const polls = seen.length;
    await clock.advance(30_000);
    expect(seen).toHaveLength(polls);
  });

  it('never loops without waiting, even with a schedule that answers 0', async () => {
    const { clock, client } = setup(() => 0);
    serveTask(clock, Infinity);
    client.waitForTask('tsk_z', { timeoutMs: 5000 }).catch(() => {});
    await clock.advance(5000);
    // One immediate poll, then at least 100 ms between polls (the one polling rule, test/core/next-poll.test.ts).
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.length).toBeLessThanOrEqual(51);
  }, 60_000); // up to 51 polls through MSW: seconds on a loaded machine

  it('uses the model for the first delay and resumes a task submitted long ago with an immediate poll', async () => {
    const { clock, client } = setup(defaultPollSchedule);
    serveTask(clock, 0);
    const schedule = vi.fn(defaultPollSchedule);
    const resumed = client.waitForTask('tsk_r', {
      model: 'veo3_fast',
      submittedAt: clock.now() - 60_000,
      schedule,
    });
    await clock.settle();
    expect(seen).toHaveLength(1);
    await expect(resumed).resolves.toMatchObject({ status: 'completed' });
    expect(schedule.mock.calls[0]![0]).toMatchObject({
      attempt: 0,
      elapsedMs: 60_000,
      model: defaultRegistry.get('veo3_fast'),
    });
  });
});

describe('defaultPollSchedule', () => {
  const veo = defaultRegistry.get('veo3_fast')!; // typically 30–70 s
  const image = defaultRegistry.get('google/nano-banana')!; // typically 6–25 s

  it('waits for most of the fastest typical time before the first poll', () => {
    expect(defaultPollSchedule({ attempt: 0, elapsedMs: 0, model: veo })).toBe(22_500);
    expect(defaultPollSchedule({ attempt: 0, elapsedMs: 0, model: image })).toBe(4_500);
    // Never sooner than the docs' 2 s.
    expect(
      defaultPollSchedule({
        attempt: 0,
        elapsedMs: 0,
        model: { ...image, typicalSeconds: [1, 5] },
      }),
    ).toBe(2000);
  });

  it('waits there even when following began earlier (a task followed by id is loaded at once)', () => {
    expect(defaultPollSchedule({ attempt: 1, elapsedMs: 0, model: veo })).toBe(22_500);
    expect(defaultPollSchedule({ attempt: 2, elapsedMs: 20_000, model: veo })).toBe(2500);
    // Past the first delay, the window's interval: the task may be done any moment.
    expect(defaultPollSchedule({ attempt: 1, elapsedMs: 22_500, model: veo })).toBe(3500);
  });

  it('polls every 3.5 s inside the typical window, then backs off with lateness up to 15 s', () => {
    expect(defaultPollSchedule({ attempt: 3, elapsedMs: 40_000, model: veo })).toBe(3500);
    expect(defaultPollSchedule({ attempt: 9, elapsedMs: 70_000, model: veo })).toBe(3500);
    expect(defaultPollSchedule({ attempt: 10, elapsedMs: 80_000, model: veo })).toBe(4000);
    expect(defaultPollSchedule({ attempt: 12, elapsedMs: 110_000, model: veo })).toBe(10_000);
    expect(defaultPollSchedule({ attempt: 30, elapsedMs: 600_000, model: veo })).toBe(15_000);
  });

  it('without a model, polls every 2 s for 20 s then a tenth of the elapsed time, up to 15 s', () => {
    expect(defaultPollSchedule({ attempt: 0, elapsedMs: 0 })).toBe(2000);
    expect(defaultPollSchedule({ attempt: 5, elapsedMs: 12_000 })).toBe(2000);
    expect(defaultPollSchedule({ attempt: 12, elapsedMs: 60_000 })).toBe(6000);
    expect(defaultPollSchedule({ attempt: 40, elapsedMs: 400_000 })).toBe(15_000);
  });
});
