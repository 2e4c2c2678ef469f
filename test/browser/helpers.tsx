import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, type RenderOptions } from '@testing-library/react';
import axe from 'axe-core';
import { StrictMode, useState, type ReactNode } from 'react';
import { afterEach, expect, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createClient, type ClientOptions, type GptImageClient } from '../../src/core/index.js';
import type { Task } from '../../src/core/task/task.js';
import { GptImageProvider } from '../../src/react/index.js';
import {
  type AspectRatioPicker,
  type DurationPicker,
  type ResolutionPicker,
  type UploadAdapter,
  type UploadContext,
} from '../../src/components/index.js';

const queryClients = new Set<QueryClient>();
// Each test's components are unmounted and its QueryClients emptied (fetches cancelled, timers
// cleared) before the next, so a test that timed out cannot answer into the next one.
afterEach(() => {
  cleanup();
  for (const client of queryClients) client.clear();
  queryClients.clear();
});

/** A fresh QueryClient per test, with no retries to wait for; emptied after the test. */
export const newQueryClient = () => {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  queryClients.add(client);
  return client;
};

/**
 * Renders inside StrictMode (double effects catch leaks such as unrevoked object URLs), the app's
 * providers, and a `<main>` landmark so axe judges the component and not the empty test page.
 */
export function renderWithProviders(
  ui: ReactNode,
  {
    client,
    clientOptions,
    ...options
  }: RenderOptions & {
    client?: GptImageClient;
    clientOptions?: ClientOptions;
  } = {},
) {
  const queryClient = newQueryClient();
  const gptClient = client ?? createClient({ baseUrl: 'https://api.test', ...clientOptions });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <GptImageProvider client={gptClient}>
          <main>{children}</main>
        </GptImageProvider>
      </QueryClientProvider>
    </StrictMode>
  );
  return { queryClient, client: gptClient, ...render(ui, { wrapper, ...options }) };
}

// Rules about the host page, not a component: the test page has no heading, and Radix portals sit
// outside the test's <main> as they sit outside an app's landmarks.
const PAGE_RULES = {
  region: { enabled: false },
  'landmark-one-main': { enabled: false },
  'page-has-heading-one': { enabled: false },
};

/**
 * Asserts that axe (every rule, best practices included, but the page-level ones above) finds no
 * violations in `context`: the whole document by default, portals included.
 */
export async function expectNoAxeViolations(context: Element | Document = document) {
  const result = await axe.run(context as Element, {
    resultTypes: ['violations'],
    rules: PAGE_RULES,
  });
  const found = result.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(found).toEqual([]);
}

/** A promise with its resolve and reject, for uploads a test finishes by hand. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A small valid PNG (1×1), as a File. */
export function pngFile(name = 'photo.png', size?: number) {
  const bytes = Uint8Array.from(
    atob(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    ),
    (c) => c.charCodeAt(0),
  );
  const content =
    size === undefined ? [bytes] : [bytes, new Uint8Array(Math.max(0, size - bytes.length))];
  return new File(content, name, { type: 'image/png' });
}

/** A task snapshot (an image task, pending, created now) with the given fields. */
export const taskSnapshot = (fields: Partial<Task> = {}): Task => ({
  id: 'tsk_01J9XA5M2R9W4QZC4PYJF3N7ND',
  status: 'pending',
  type: 'image',
  model: 'gpt-image-2',
  request: null,
  prompt: 'A lighthouse',
  imageUrls: [],
  videoUrl: null,
  errorCode: null,
  errorMessage: null,
  creditsUsed: 3,
  creditsRefunded: false,
  createdAt: new Date().toISOString(),
  updatedAt: null,
  ...fields,
});

/** A picker whose model can be switched, reporting its value and every onValueChange. */
export function PickerHarness<T>({
  Picker,
  models,
  initial,
  onValueChange,
  context,
}: {
  Picker: typeof DurationPicker | typeof AspectRatioPicker | typeof ResolutionPicker;
  models: string[];
  initial: T | null;
  onValueChange?: (value: T | null) => void;
  context?: Record<string, unknown>;
}) {
  const [model, setModel] = useState(models[0]!);
  const [value, setValue] = useState<T | null>(initial);
  const Root = Picker.Root as unknown as React.ComponentType<Record<string, unknown>>;
  return (
    <>
      {models.map((id) => (
        <button key={id} type="button" onClick={() => setModel(id)}>
          use {id}
        </button>
      ))}
      <Root
        model={model}
        value={value}
        context={context}
        onValueChange={(next: T | null) => {
          setValue(next);
          onValueChange?.(next);
        }}
      />
      <output aria-label="value">{value === null ? 'none' : String(value)}</output>
    </>
  );
}

/**
 * Presses an arrow key as a person does: Radix moves focus in a timeout and checks the radio it lands
 * on only while the key is still down, so the key is released once focus has moved (a wait for what
 * a user sees, not for a number of milliseconds).
 */
export async function pressArrow(key: string) {
  const before = document.activeElement;
  await userEvent.keyboard(`{${key}>}`);
  await expect.poll(() => document.activeElement !== before).toBe(true);
  await userEvent.keyboard(`{/${key}}`);
}

/** An upload adapter the test drives: each call waits until the test resolves or rejects it. */
export function manualUploads() {
  const calls: { file: File; context: UploadContext; done: ReturnType<typeof deferred<string>> }[] =
    [];
  const upload: UploadAdapter = vi.fn((file: File, context: UploadContext) => {
    const done = deferred<string>();
    calls.push({ file, context, done });
    return done.promise;
  });
  return { upload, calls };
}

/** A DataTransfer holding `files` and the given text entries (type → text). */
export const transfer = (files: File[] = [], text?: Record<string, string>) => {
  const data = new DataTransfer();
  files.forEach((file) => data.items.add(file));
  for (const [type, value] of Object.entries(text ?? {})) data.setData(type, value);
  return data;
};

/** Drags files over `target` and drops them, as the browser dispatches it. */
export function drop(target: Element, dataTransfer: DataTransfer) {
  act(() => {
    target.dispatchEvent(
      new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer }),
    );
    target.dispatchEvent(
      new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer }),
    );
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer }));
  });
}
