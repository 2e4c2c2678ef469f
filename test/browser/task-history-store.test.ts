// createIndexedDbHistoryStore in Chromium's own IndexedDB.
import { describe, expect, it } from 'vitest';
import { ValidationError, type Task } from '../../src/core/index.js';
import { createIndexedDbHistoryStore } from '../../src/react/index.js';
import { testDatabases } from '../helpers/indexed-db.js';

/** A database name of this test's own (deleted after it). */
const newDatabase = testDatabases('history-test');

function open(options: Parameters<typeof createIndexedDbHistoryStore>[0] = {}) {
  return createIndexedDbHistoryStore({ databaseName: newDatabase(), ...options });
}

const at = (ms: number) => new Date(Date.now() - 60_000 + ms).toISOString();
const task = (id: string, createdMs: number, fields: Partial<Task> = {}): Task => ({
  id,
  status: 'pending',
  type: 'image',
  model: 'gpt-image-2',
  prompt: id,
  imageUrls: [],
  videoUrl: null,
  errorCode: null,
  errorMessage: null,
  creditsUsed: 3,
  creditsRefunded: false,
  createdAt: at(createdMs),
  updatedAt: at(createdMs),
  request: { model: 'gpt-image-2', prompt: id },
  ...fields,
});

describe('createIndexedDbHistoryStore', () => {
  it('lists a scope newest first, page by page, without repeats or gaps when a task is added between pages', async () => {
    const store = open();
    for (let i = 0; i < 5; i++) await store.put('alice', task(`tsk_${i}`, i * 10));
    await store.put('bob', task('tsk_bob', 100));
    const first = await store.list('alice', { limit: 2 });
    expect(first.tasks.map((t) => t.id)).toEqual(['tsk_4', 'tsk_3']);
    await store.put('alice', task('tsk_new', 200));
    const second = await store.list('alice', { limit: 2, cursor: first.nextCursor });
    expect(second.tasks.map((t) => t.id)).toEqual(['tsk_2', 'tsk_1']);
    const third = await store.list('alice', { limit: 2, cursor: second.nextCursor });
    expect(third).toMatchObject({ tasks: [{ id: 'tsk_0' }], nextCursor: null });
    expect((await store.list('bob')).tasks.map((t) => t.id)).toEqual(['tsk_bob']);
    expect((await store.list('alice')).tasks.map((t) => t.id)[0]).toBe('tsk_new');
  });

  it('keeps the newest snapshot with the request, and never goes back from an ended one', async () => {
    const store = open();
    await store.put('alice', task('tsk_a', 0));
    const done = task('tsk_a', 0, {
      status: 'completed',
      imageUrls: ['https://cdn.test/a.png'],
      request: null, // a poll does not carry it
    });
    await store.put('alice', done);
    await store.put('alice', task('tsk_a', 0, { request: null }));
    expect(await store.get('alice', 'tsk_a')).toEqual({
      ...done,
      request: { model: 'gpt-image-2', prompt: 'tsk_a' },
    });
  });

  it('survives being opened again (a reload) and forgets tasks past maxAgeMs', async () => {
    const name = newDatabase();
    await createIndexedDbHistoryStore({ databaseName: name }).put('alice', task('tsk_kept', 0));
    const again = createIndexedDbHistoryStore({ databaseName: name, maxAgeMs: 120_000 });
    expect((await again.list('alice')).tasks.map((t) => t.id)).toEqual(['tsk_kept']);
    const short = createIndexedDbHistoryStore({ databaseName: name, maxAgeMs: 1000 });
    expect(await short.list('alice')).toEqual({ tasks: [], nextCursor: null });
  });

  it('refuses a bad limit or cursor with a typed error naming it', async () => {
    const store = open();
    await expect(store.list('alice', { limit: 0 })).rejects.toBeInstanceOf(ValidationError);
    const error = await store.list('alice', { cursor: '%%' }).catch((e: unknown) => e);
    expect((error as ValidationError).fieldErrors.cursor).toEqual([
      'cursor must be a nextCursor from an earlier page of this list',
    ]);
  });
});
