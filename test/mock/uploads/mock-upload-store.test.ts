import { describe, expect, it } from 'vitest';
import type { UploadResult, UploadTicket } from '../../../src/core/upload/upload-protocol.js';
import { createMockApi, createMockHandlers } from '../../../src/mock/index.js';
import { API, setupMswServer } from '../../helpers/msw-server.js';
import { JPEG, padded, PNG, TEXT, WEBP } from '../../server/uploads/images.js';

const APP = 'https://app.test';
const server = setupMswServer();

/** The mock behind real fetch, as a user's tests use it; the upload endpoint at the app's origin. */
function mock() {
  const api = createMockApi({ seed: 1 });
  server.use(...createMockHandlers(api, { baseUrl: API }));
  return api;
}

type Answer = {
  status: number;
  body: UploadResult & { code?: string; details?: unknown };
  ticket?: UploadTicket;
};

async function upload(
  bytes: Uint8Array<ArrayBuffer>,
  contentType = 'image/png',
  model = 'gpt-image-2',
): Promise<Answer> {
  const started = await fetch(`${APP}/api/uploads`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ model, size: bytes.byteLength, contentType }),
  });
  if (started.status !== 200)
    return { status: started.status, body: (await started.json()) as Answer['body'] };
  const ticket = (await started.json()) as UploadTicket;
  const stored = await fetch(new URL(ticket.put.url, APP), {
    method: 'PUT',
    headers: ticket.put.headers,
    body: bytes,
  });
  return { status: stored.status, body: (await stored.json()) as Answer['body'], ticket };
}

describe('the mock upload store', () => {
  it.each([
    ['PNG', PNG, 'image/png'],
    ['JPEG', JPEG, 'image/jpeg'],
    ['WebP', WEBP, 'image/webp'],
  ] as const)(
    'stores a %s and serves it back under the URL it answers',
    async (_name, bytes, type) => {
      const api = mock();
      const { status, body, ticket } = await upload(bytes, type);
      expect(status).toBe(201);
      expect(ticket!.complete).toBeNull();
      expect(body).toEqual({
        url: `${APP}/api/uploads/${ticket!.key}`,
        key: ticket!.key,
        contentType: type,
        size: bytes.byteLength,
      });
      const served = await fetch(body.url);
      expect(served.headers.get('Content-Type')).toBe(type);
      expect(served.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes);
      expect(api.uploads.files()).toEqual([
        { url: body.url, key: ticket!.key, contentType: type, size: bytes.byteLength },
      ]);
    },
  );

  it('refuses a renamed text file as the handler does (415, in the API shape), storing nothing', async () => {
    const api = mock();
    const { status, body } = await upload(TEXT, 'image/png');
    expect(status).toBe(415);
    expect(body).toMatchObject({
      code: 'file-invalid-type',
      details: { fieldErrors: { file: ['The file is not a JPEG, PNG or WebP image'] } },
    });
    expect(api.uploads.files()).toEqual([]);
  });

  it("applies the model's limit (413) and names bad fields (400)", async () => {
    mock();
    const big = await upload(padded(PNG, 10 * 1024 * 1024 + 1), 'image/png', 'google/nano-banana');
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ code: 'file-too-large' });
    const none = await upload(PNG, 'image/png', 'sora-2-text-to-video');
    expect(none.status).toBe(400);
    expect(none.body).toMatchObject({
      details: { fieldErrors: { model: ['Sora 2 takes no reference images'] } },
    });
  });

  it('forgets its files on reset, and never charges credits', async () => {
    const api = mock();
    const before = api.balance();
    await upload(PNG);
    expect(api.balance()).toBe(before);
    api.reset();
    expect(api.uploads.files()).toEqual([]);
  });
});
