// useTaskHistory without a proxy, over the real IndexedDB store (createIndexedDbHistoryStore) in
// Chromium: what a user of an app that talks to the API itself sees in its History. The mock answers
// the list 404, as the real API does, so the hook keeps history in the browser.
import { render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createClient, fixedPollSchedule } from '../../src/core/index.js';
import {
  createIndexedDbHistoryStore,
  useGenerateImage,
  useTaskHistory,
  type TaskHistoryStore,
} from '../../src/react/index.js';
import { appWrapper } from '../helpers/app-providers.js';
import { testDatabases } from '../helpers/indexed-db.js';
import { newQueryClient } from './helpers.js';
import { setupBrowserMockApi } from './mock-api.js';

const mock = setupBrowserMockApi({ taskList: false, timing: 'instant' });

// Several generations, each polled to its end, and page reloads: more than the project's 30 s on a
// loaded 2-core machine.
const FLOW = 90_000;

/** A database name of this test's own (deleted after it). */
const newDatabase = testDatabases('use-task-history');

/** A generate form and the History beside it, as an app without a proxy would have them. */
function HistoryScreen({ store, limit }: { store: TaskHistoryStore; limit?: number }) {
  const image = useGenerateImage();
  const history = useTaskHistory({ historyStore: store, limit });
  const [prompt, setPrompt] = useState('');
  return (
    <>
      <form
        aria-label="Generate"
        onSubmit={(event) => {
          event.preventDefault();
          image.generate({ model: 'gpt-image-2', prompt });
        }}
      >
        <label>
          Prompt <input value={prompt} onChange={(event) => setPrompt(event.target.value)} />
        </label>
        <button type="submit">Generate</button>
        <p role="status">Generation: {image.status}</p>
      </form>
      <section aria-label="History">
        <p>Kept by: {history.source ?? 'nobody yet'}</p>
        {history.isLoading ? (
          <p>Loading…</p>
        ) : (
          <ul>
            {history.tasks.map((task) => (
              <li key={task.id}>
                {task.prompt} · {task.status}
              </li>
            ))}
          </ul>
        )}
        {history.hasNextPage && (
          <button type="button" onClick={history.fetchNextPage}>
            Load more
          </button>
        )}
      </section>
    </>
  );
}

/**
 * Opens the app as a page load does: a new QueryClient, client and store over `databaseName`, signed
 * in as `scope`. Returns the function that closes it (the page unloading).
 */
function openApp(databaseName: string, { scope, limit }: { scope?: string; limit?: number } = {}) {
  const store = createIndexedDbHistoryStore({ databaseName });
  const client = createClient({
    baseUrl: 'https://api.test',
    pollSchedule: fixedPollSchedule(150),
  });
  const wrapper = appWrapper({
    queryClient: newQueryClient(),
    client,
    strict: true,
    main: true,
    persistScope: scope,
  });
  const view = render(<HistoryScreen store={store} limit={limit} />, { wrapper });
  return view.unmount;
}

/** The polls of single tasks the mock has answered so far. */
const taskGets = () =>
  mock.api.requests.filter(
    (request) => request.method === 'GET' && /^\/api\/ai\/tasks\/./.test(request.path),
  ).length;

/** The server lists the mock was asked for (it answers each 404, as the real API does). */
const lists = () =>
  mock.api.requests.filter(
    (request) => request.method === 'GET' && request.path === '/api/ai/tasks',
  ).length;

const history = () => screen.getByRole('region', { name: 'History' });
/** The History's lines, top to bottom, once it has read its first page. */
async function shown() {
  await within(history()).findByText(/^Kept by: browser$/);
  return within(history())
    .queryAllByRole('listitem')
    .map((item) => item.textContent);
}

/** Generates one image from the form and waits for the History to show it first, completed. */
async function generate(prompt: string) {
  const field = screen.getByRole('textbox', { name: 'Prompt' });
  await userEvent.clear(field);
  await userEvent.type(field, prompt);
  await userEvent.click(screen.getByRole('button', { name: 'Generate' }));
  await expect
    .poll(async () => (await shown())[0], { timeout: 15_000 })
    .toBe(`${prompt} · completed`);
}

describe('useTaskHistory over IndexedDB in Chromium', { timeout: FLOW }, () => {
  it('shows generations made without a proxy newest first, and still after a reload', async () => {
    const databaseName = newDatabase();
    const close = openApp(databaseName);
    await expect.poll(shown).toEqual([]);
    // The server's list answered 404 (asked twice under React 18's StrictMode, which aborts the first).
    const asked = lists();
    expect(asked).toBeGreaterThan(0);
    await generate('A red fox');
    await generate('A paper boat');
    await generate('A lighthouse');
    expect(await shown()).toEqual([
      'A lighthouse · completed',
      'A paper boat · completed',
      'A red fox · completed',
    ]);
    // Each was charged once, and the server's list was not asked again: the 404 sent the reads to the store.
    expect(mock.posts()).toBe(3);
    expect(lists()).toBe(asked);

    close();
    openApp(databaseName);
    await expect
      .poll(shown)
      .toEqual(['A lighthouse · completed', 'A paper boat · completed', 'A red fox · completed']);
  });

  it('follows a pending generation to completion, also after a reload that left it pending', async () => {
    // Tasks now take about 15 s: long enough to reload the page, even a slow one, while one generates.
    mock.api.setScenario({ timing: 0.5 });
    const databaseName = newDatabase();
    const close = openApp(databaseName);
    await expect.poll(shown).toEqual([]);
    await userEvent.type(screen.getByRole('textbox', { name: 'Prompt' }), 'A slow sunrise');
    await userEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await expect.poll(shown, { timeout: 10_000 }).toEqual(['A slow sunrise · pending']);

    // Reloaded mid-generation: no generation hook follows it now, only the History, from the store.
    close();
    const reopened = openApp(databaseName);
    expect(await shown()).toEqual(['A slow sunrise · pending']);
    await expect.poll(shown, { timeout: 30_000 }).toEqual(['A slow sunrise · completed']);
    // The generation hook of this page never heard of it: it was the History that followed it.
    expect(screen.getByRole('status')).toHaveTextContent('Generation: idle');

    // The store keeps the completed snapshot: the next page load shows it completed, with no poll.
    const probe = createIndexedDbHistoryStore({ databaseName });
    await expect.poll(async () => (await probe.list('')).tasks[0]?.status).toBe('completed');
    reopened();
    const before = taskGets();
    openApp(databaseName);
    expect(await shown()).toEqual(['A slow sunrise · completed']);
    expect(taskGets()).toBe(before);
  });

  it('pages by `limit`, newest first, with Load more until the oldest', async () => {
    const databaseName = newDatabase();
    openApp(databaseName, { limit: 2 });
    await expect.poll(shown).toEqual([]);
    for (const prompt of ['one', 'two', 'three', 'four', 'five']) await generate(prompt);
    // Each submit reads the history again from its first page.
    await expect.poll(shown).toEqual(['five · completed', 'four · completed']);
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await expect
      .poll(shown)
      .toEqual(['five · completed', 'four · completed', 'three · completed', 'two · completed']);
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await expect.poll(shown).toHaveLength(5);
    expect((await shown()).at(-1)).toBe('one · completed');
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it("keeps each signed-in user's history apart on a shared browser", async () => {
    const databaseName = newDatabase();
    let close = openApp(databaseName, { scope: 'alice' });
    await expect.poll(shown).toEqual([]);
    await generate('Alice’s cat');
    await generate('Alice’s dog');
    close();

    close = openApp(databaseName, { scope: 'bob' });
    expect(await shown()).toEqual([]);
    await generate('Bob’s bike');
    close();

    close = openApp(databaseName, { scope: 'alice' });
    await expect.poll(shown).toEqual(['Alice’s dog · completed', 'Alice’s cat · completed']);
    close();

    close = openApp(databaseName, { scope: 'bob' });
    await expect.poll(shown).toEqual(['Bob’s bike · completed']);
    close();

    // Someone who made nothing here sees nothing, not another user's work.
    openApp(databaseName, { scope: 'carol' });
    expect(await shown()).toEqual([]);
    expect(within(history()).queryByRole('listitem')).toBeNull();
  });
});
