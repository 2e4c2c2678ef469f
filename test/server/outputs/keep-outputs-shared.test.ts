// keepOutputs across instances: two proxies, each with its own client, on one real redis-server, keeping
// outputs in S3 (s3rver): concurrent polls through both copy once, and both answer the kept URL.
import { createClient as createRedisClient } from 'redis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRedisTaskStore } from '../../../src/server/index.js';
import { createS3Storage } from '../../../src/server/uploads/s3/index.js';
import { postJson, send, startProxy } from '../../helpers/proxy-server.js';
import { startRedis, type TestRedis } from '../redis-server.js';
import { BUCKET, startS3rver } from '../uploads/start-s3rver.js';
import { IMAGE, startApiWithCdn } from './cdn-fixture.js';

let redis: TestRedis;
let s3: Awaited<ReturnType<typeof startS3rver>>;
let api: Awaited<ReturnType<typeof startApiWithCdn>>;

beforeAll(async () => {
  redis = await startRedis();
  afterAll(() => redis.stop());
  s3 = await startS3rver();
  afterAll(() => s3.close());
  api = await startApiWithCdn();
});

/** One instance: its own Redis connection, the shared Redis and bucket. */
async function instance() {
  const client = createRedisClient({ url: redis.url });
  client.on('error', () => {});
  await client.connect();
  afterAll(async () => void (client.isOpen && client.destroy()));
  const errors: Error[] = [];
  const { url } = await startProxy({
    baseUrl: api.url,
    taskStore: createRedisTaskStore(client),
    keepOutputs: {
      storage: createS3Storage({ client: s3.client, bucket: BUCKET }),
      publicBaseUrl: s3.bucketUrl,
    },
    onError: (error) => errors.push(error),
  });
  return { url, errors };
}

it('two instances on one Redis copy a task once into S3 and both answer the kept URL, as does the history', async () => {
  const one = await instance();
  const two = await instance();
  api.setNext('image', '/cdn/fox.png');
  const before = api.cdnGets('/cdn/fox.png');
  const submitted = await postJson(one.url, '/api/ai/image/generate', {
    model: 'gpt-image-2',
    prompt: 'A fox',
    aspectRatio: '1:1',
  });
  const { taskId } = submitted.json as { taskId: string };
  const poll = (url: string) =>
    send(url, `/api/ai/tasks/${taskId}`, { headers: { 'x-user': 'alice' } });

  const answers = await Promise.all([one, two, one, two, one, two].map(({ url }) => poll(url)));
  expect(api.cdnGets('/cdn/fox.png') - before).toBe(1);
  const [kept] = (
    answers.find((answer) =>
      (answer.json as { imageUrls: string[] }).imageUrls[0]!.startsWith(s3.bucketUrl),
    )!.json as { imageUrls: string[] }
  ).imageUrls;
  expect(kept).toMatch(new RegExp(`^${s3.bucketUrl}/[0-9a-f]{32}/[0-9a-f]{32}\\.png$`));
  // An instance that polled while the other held the lease answered the CDN URL; every later poll, on either, the kept one.
  for (const { url } of [one, two])
    expect((await poll(url)).json).toMatchObject({ imageUrls: [kept] });
  for (const { url } of [one, two]) {
    const list = (await send(url, '/api/ai/tasks', { headers: { 'x-user': 'alice' } })).json;
    expect(list).toMatchObject({ tasks: [{ taskId, imageUrls: [kept] }] });
  }
  const object = await fetch(kept!);
  expect(object.headers.get('content-type')).toBe('image/png');
  expect(new Uint8Array(await object.arrayBuffer())).toEqual(IMAGE);
  expect([...one.errors, ...two.errors]).toEqual([]);
});
