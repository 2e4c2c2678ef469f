// The proxy's keepOutputs over real HTTP on 127.0.0.1: the browser → the proxy (memory store) → a fake
// API whose CDN serves real bytes; outputs kept in the file-system storage, served by the upload handler.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUploadHandler,
  toNodeHandler,
  type ProxyErrorStage,
  type ProxyOptions,
} from '../../../src/server/index.js';
import { createFileSystemStorage } from '../../../src/server/uploads/file-system/index.js';
import {
  authorizeByHeader,
  listen,
  postJson,
  send,
  startProxy,
} from '../../helpers/proxy-server.js';
import { IMAGE, MP4, startApiWithCdn } from './cdn-fixture.js';

let api: Awaited<ReturnType<typeof startApiWithCdn>>;
let directory: string;
let publicBaseUrl: string;
const storage = () => createFileSystemStorage({ directory });

beforeAll(async () => {
  api = await startApiWithCdn();
  directory = await mkdtemp(join(tmpdir(), 'kept-outputs-'));
  afterAll(() => rm(directory, { recursive: true, force: true }));
  const uploads = createUploadHandler({
    authorize: authorizeByHeader,
    storage: storage(),
    publicBaseUrl: 'http://127.0.0.1/api/uploads',
  });
  publicBaseUrl = `${(await listen(toNodeHandler(uploads))).url}/api/uploads`;
});

/** A proxy keeping outputs, with the failures it reported. */
async function proxy(keep: Partial<NonNullable<ProxyOptions['keepOutputs']>> = {}) {
  const errors: Array<{ stage: ProxyErrorStage; message: string }> = [];
  const { url } = await startProxy({
    baseUrl: api.url,
    keepOutputs: { storage: storage(), publicBaseUrl, maxImageBytes: 4096, ...keep },
    onError: (error, { stage }) => errors.push({ stage, message: error.message }),
  });
  return { url, errors };
}

const submit = async (url: string, kind: 'image' | 'video' = 'image') => {
  const body =
    kind === 'image'
      ? { model: 'gpt-image-2', prompt: 'A fox', aspectRatio: '1:1' }
      : { model: 'sora-2-text-to-video', prompt: 'Waves', duration: 5, resolution: '1080p' };
  const answer = await postJson(url, `/api/ai/${kind}/generate`, body);
  expect(answer.status).toBe(200);
  return (answer.json as { taskId: string }).taskId;
};
const poll = async (url: string, taskId: string, user = 'alice') => {
  const answer = await send(url, `/api/ai/tasks/${taskId}`, { headers: { 'x-user': user } });
  expect(answer.status).toBe(200);
  return answer.json as { status: number; imageUrls: string[]; videoUrl: string | null };
};
const history = async (url: string) =>
  (
    (await send(url, '/api/ai/tasks', { headers: { 'x-user': 'alice' } })).json as {
      tasks: Array<{ taskId: string; imageUrls: string[]; videoUrl: string | null }>;
    }
  ).tasks;
const download = async (url: string) => {
  const response = await fetch(url);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
};
const keptUrl = () =>
  new RegExp(`^${publicBaseUrl.replace(/\./g, '\\.')}/[0-9a-f]{32}/[0-9a-f]{32}\\.(png|mp4)$`);

describe('keepOutputs', () => {
  it('answers the first completed poll, later polls and the history with the kept copy, fetched once', async () => {
    const { url, errors } = await proxy();
    api.setNext('image', '/cdn/fox.png');
    const taskId = await submit(url);

    const first = await poll(url, taskId);
    expect(first.status).toBe(1);
    expect(first.imageUrls).toHaveLength(1);
    expect(first.imageUrls[0]).toMatch(keptUrl());
    expect(first.imageUrls[0]).not.toContain(taskId);
    const file = await download(first.imageUrls[0]!);
    expect(file).toEqual({ status: 200, type: 'image/png', bytes: IMAGE });

    expect((await poll(url, taskId)).imageUrls).toEqual(first.imageUrls);
    const [listed] = await history(url);
    expect(listed).toMatchObject({ taskId, imageUrls: first.imageUrls });
    expect(api.cdnGets('/cdn/fox.png')).toBe(1);
    expect(errors).toEqual([]);
  });

  it('copies once for many concurrent polls of the same completed task', async () => {
    const { url } = await proxy();
    api.setNext('image', '/cdn/fox.png');
    const before = api.cdnGets('/cdn/fox.png');
    const taskId = await submit(url);
    const answers = await Promise.all(Array.from({ length: 6 }, () => poll(url, taskId)));
    expect(new Set(answers.map((answer) => answer.imageUrls[0])).size).toBe(1);
    expect(answers[0]!.imageUrls[0]).toMatch(keptUrl());
    expect(api.cdnGets('/cdn/fox.png') - before).toBe(1);
  });

  it('keeps a video as video/mp4', async () => {
    const { url } = await proxy();
    api.setNext('video', '/cdn/clip.mp4');
    const taskId = await submit(url, 'video');
    const { videoUrl } = await poll(url, taskId);
    expect(videoUrl).toMatch(keptUrl());
    expect(await download(videoUrl!)).toEqual({ status: 200, type: 'video/mp4', bytes: MP4 });
  });

  it.each([
    ['answers 404', '/cdn/gone.png', /answered 404/],
    ['sends text named .png', '/cdn/notes.png', /not a known image or video/],
    [
      'sends more than the cap, without a Content-Length',
      '/cdn/huge.png',
      /larger than the limit of 4096 bytes/,
    ],
  ])(
    'falls back to the CDN URL when the CDN %s, reports it, and retries up to maxAttempts',
    async (_, path, reason) => {
      const { url, errors } = await proxy({ maxAttempts: 2 });
      api.setNext('image', path);
      const before = api.cdnGets(path);
      const taskId = await submit(url);
      const cdnUrl = `${api.url}${path}`;

      expect((await poll(url, taskId)).imageUrls).toEqual([cdnUrl]);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.stage).toBe('keepOutputs');
      expect(errors[0]!.message).toMatch(reason);
      expect(errors[0]!.message).toContain(taskId);
      expect((await poll(url, taskId)).imageUrls).toEqual([cdnUrl]);
      expect((await poll(url, taskId)).imageUrls).toEqual([cdnUrl]);
      // Two attempts, then left on the CDN.
      expect(api.cdnGets(path) - before).toBe(2);
      expect(errors).toHaveLength(2);
      expect((await history(url)).find((task) => task.taskId === taskId)?.imageUrls).toEqual([
        cdnUrl,
      ]);
      // Nothing half-written stays in the storage.
      const files = (await readdir(directory, { recursive: true })).map(String);
      expect(files.filter((name) => name.endsWith('.part'))).toEqual([]);
    },
  );

  it('answers the CDN URL after waitMs when the copy is slow, and the history gets the kept URL once done', async () => {
    const { url } = await proxy({ waitMs: 50 });
    api.setNext('image', '/cdn/fox.png');
    const taskId = await submit(url);
    api.hold();
    try {
      expect((await poll(url, taskId)).imageUrls).toEqual([`${api.url}/cdn/fox.png`]);
    } finally {
      api.release();
    }
    await expect
      .poll(async () => (await history(url)).find((task) => task.taskId === taskId)?.imageUrls[0])
      .toMatch(keptUrl());
    expect((await poll(url, taskId)).imageUrls[0]).toMatch(keptUrl());
  });
});
