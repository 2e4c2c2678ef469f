import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createUploadHandler,
  type UploadResult,
  type UploadTicket,
} from '../../../src/server/index.js';
import { createS3Storage } from '../../../src/server/uploads/s3/index.js';
import { byHeader, intent } from './handler-fixture.js';
import { JPEG, padded, PNG, TEXT, WEBP } from './images.js';
import { BUCKET, startS3rver } from './start-s3rver.js';

let s3: Awaited<ReturnType<typeof startS3rver>>;
beforeAll(async () => {
  s3 = await startS3rver();
});
afterAll(() => s3?.close());

function s3Handler(options: { maxBytes?: () => number } = {}) {
  const storage = createS3Storage({ client: s3.client, bucket: BUCKET });
  return {
    storage,
    handler: createUploadHandler({
      authorize: byHeader,
      storage,
      publicBaseUrl: s3.bucketUrl,
      onError: () => {},
      ...options,
    }),
  };
}

const ORIGIN = 'https://app.example';
const complete = (path: string, user = 'alice') =>
  new Request(new URL(path, ORIGIN), { method: 'POST', headers: { 'x-user': user } });

/** Declares, PUTs to the presigned URL as a browser would, and confirms. */
async function upload(
  handler: (request: Request) => Promise<Response>,
  bytes: Uint8Array<ArrayBuffer>,
  contentType = 'image/png',
) {
  const ticket = (await (
    await handler(intent({ model: 'nano-banana-2', size: bytes.byteLength, contentType }))
  ).json()) as UploadTicket;
  const putAnswer = await fetch(ticket.put.url, {
    method: 'PUT',
    headers: ticket.put.headers,
    body: bytes,
  });
  const confirmed = await handler(complete(ticket.complete!));
  return {
    ticket,
    putAnswer,
    confirmed,
    result: (await confirmed.json()) as UploadResult & { code?: string },
  };
}

const exists = (key: string) =>
  s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key })).then(
    () => true,
    () => false,
  );

// Real S3 calls to s3rver: the first loads the AWS SDK's signing and XML code, seconds on a loaded machine.
describe('createS3Storage against s3rver (presigned PUT)', { timeout: 30_000 }, () => {
  it.each([
    ['PNG', PNG, 'image/png'],
    ['JPEG', JPEG, 'image/jpeg'],
    ['WebP', WEBP, 'image/webp'],
  ] as const)(
    'takes a %s straight to the bucket, confirms it, and answers the bucket URL',
    async (_name, bytes, type) => {
      const { handler } = s3Handler();
      const { ticket, putAnswer, confirmed, result } = await upload(handler, bytes, type);
      expect(new URL(ticket.put.url).searchParams.get('X-Amz-SignedHeaders')).toBe(
        'content-length;content-type;host;if-none-match',
      );
      expect(putAnswer.status).toBe(200);
      expect(confirmed.status).toBe(201);
      expect(result).toEqual({
        url: `${s3.bucketUrl}/${ticket.key}`,
        key: ticket.key,
        contentType: type,
        size: bytes.byteLength,
      });
      const served = await fetch(result.url);
      expect(served.headers.get('Content-Type')).toBe(type);
      expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes);
    },
  );

  it('signs no checksum of an empty body into the URL (S3 would refuse the real file)', async () => {
    const { storage } = s3Handler();
    const { url } = await storage.presignPut!('0'.repeat(32) + '/' + '1'.repeat(32) + '.png', {
      contentType: 'image/png',
      size: 10,
    });
    expect([...new URL(url).searchParams.keys()].filter((name) => /checksum/i.test(name))).toEqual(
      [],
    );
  });

  it('deletes a text file that landed under a PNG key and answers 415', async () => {
    const { handler } = s3Handler();
    const { ticket, putAnswer, confirmed, result } = await upload(handler, TEXT, 'image/png');
    expect(putAnswer.status).toBe(200); // the bucket took it: only the confirm step can see what it is
    expect(confirmed.status).toBe(415);
    expect(result).toMatchObject({
      code: 'file-invalid-type',
      error: 'The file is not a JPEG, PNG or WebP image',
    });
    expect(await exists(ticket.key)).toBe(false);
  });

  it('reads only the first bytes of what landed to check it (a ranged GET)', async () => {
    const { handler } = s3Handler();
    const send = vi.spyOn(s3.client, 'send');
    await upload(handler, padded(PNG, 200_000));
    const gets = send.mock.calls
      .map(([command]) => command)
      .filter((command) => command instanceof GetObjectCommand);
    expect(gets.map((command) => command.input.Range)).toEqual(['bytes=0-11']);
    send.mockRestore();
  });

  it("refuses a file over the model's limit before the PUT, and deletes one that landed larger anyway", async () => {
    const { handler } = s3Handler({ maxBytes: () => 1000 });
    const declared = await handler(
      intent({ model: 'nano-banana-2', size: 1001, contentType: 'image/png' }),
    );
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ code: 'file-too-large' });

    // S3 refuses a PUT whose length differs from the signed one; s3rver does not check v4 signatures,
    // so a larger file lands here, as it would on a lenient S3-compatible service. Confirm catches it.
    const ticket = (await (
      await handler(intent({ model: 'nano-banana-2', size: 1000, contentType: 'image/png' }))
    ).json()) as UploadTicket;
    expect(
      (
        await fetch(ticket.put.url, {
          method: 'PUT',
          headers: ticket.put.headers,
          body: padded(PNG, 5000),
        })
      ).status,
    ).toBe(200);
    const refused = await handler(complete(ticket.complete!));
    expect(refused.status).toBe(413);
    expect(await refused.json()).toMatchObject({
      code: 'file-too-large',
      details: { fieldErrors: { file: [expect.stringContaining('Nano Banana 2')] } },
    });
    expect(await exists(ticket.key)).toBe(false);
  });

  it("will not confirm another user's upload", async () => {
    const { handler } = s3Handler();
    const ticket = (await (
      await handler(
        intent({ model: 'nano-banana-2', size: PNG.byteLength, contentType: 'image/png' }),
      )
    ).json()) as UploadTicket;
    await fetch(ticket.put.url, { method: 'PUT', headers: ticket.put.headers, body: PNG });
    expect((await handler(complete(ticket.complete!, 'bob'))).status).toBe(404);
    expect((await handler(complete(ticket.complete!, 'alice'))).status).toBe(201);
  });

  it('answers 404 to a confirm before any PUT', async () => {
    const { handler } = s3Handler();
    const ticket = (await (
      await handler(intent({ model: 'nano-banana-2', size: 10, contentType: 'image/png' }))
    ).json()) as UploadTicket;
    expect((await handler(complete(ticket.complete!))).status).toBe(404);
  });

  it('does not serve files itself: the API reads them from the bucket', async () => {
    const { handler } = s3Handler();
    const { ticket } = await upload(handler, PNG);
    const answer = await handler(new Request(`${ORIGIN}/api/uploads/${ticket.key}`));
    expect(answer.status).toBe(405);
    expect(answer.headers.get('Allow')).toBe('POST');
  });
});
