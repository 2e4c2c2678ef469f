import { readdir } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import {
  createUploadHandler,
  type UploadResult,
  type UploadTicket,
} from '../../../src/server/index.js';
import { byHeader, fileSystemHandler, intent, ORIGIN, put } from './handler-fixture.js';
import { JPEG, padded, PNG, TEXT, WEBP } from './images.js';

const MB = 1024 * 1024;

/** Declares, then PUTs the bytes where the ticket says; the two answers. */
async function upload(
  handler: (request: Request) => Promise<Response>,
  bytes: Uint8Array<ArrayBuffer>,
  { model = 'gpt-image-2', contentType = 'image/png', user = 'alice' } = {},
) {
  const started = await handler(
    intent({ model, size: bytes.byteLength, contentType, name: 'photo.png' }, user),
  );
  const ticket = (await started.json()) as UploadTicket;
  const stored = await handler(put(ticket.put.url, bytes, user, ticket.put.headers));
  return {
    ticket,
    stored,
    result: (await stored.json()) as UploadResult & {
      error?: string;
      code?: string;
      details?: { fieldErrors: Record<string, string[]> };
    },
  };
}

describe('createUploadHandler through the handler (file system storage)', () => {
  it.each([
    ['PNG', PNG, 'image/png', 'png'],
    ['JPEG', JPEG, 'image/jpeg', 'jpg'],
    ['WebP', WEBP, 'image/webp', 'webp'],
  ] as const)(
    'stores a %s and answers its https URL, which serves it back typed and nosniff',
    async (_name, bytes, type, ext) => {
      const { handler } = await fileSystemHandler();
      const { ticket, stored, result } = await upload(handler, bytes, { contentType: type });
      expect(ticket.complete).toBeNull();
      expect(ticket.put.headers).toEqual({ 'Content-Type': type });
      expect(stored.status).toBe(201);
      expect(result).toEqual({
        url: `https://app.example/api/uploads/${ticket.key}`,
        key: ticket.key,
        contentType: type,
        size: bytes.byteLength,
      });
      expect(ticket.key).toMatch(new RegExp(`^[0-9a-f]{32}/[0-9a-f]{32}\\.${ext}$`));

      // The API fetches it without the user's session.
      const served = await handler(new Request(result.url));
      expect(served.status).toBe(200);
      expect(served.headers.get('Content-Type')).toBe(type);
      expect(served.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes);
    },
  );

  it('refuses a text file named and declared as a PNG: 415 in the API shape, nothing stored', async () => {
    const { handler, directory } = await fileSystemHandler();
    const { stored, result, ticket } = await upload(handler, TEXT, { contentType: 'image/png' });
    expect(stored.status).toBe(415);
    expect(result).toMatchObject({
      error: 'The file is not a JPEG, PNG or WebP image',
      code: 'file-invalid-type',
      details: { fieldErrors: { file: ['The file is not a JPEG, PNG or WebP image'] } },
    });
    expect((await handler(new Request(`${ORIGIN}/api/uploads/${ticket.key}`))).status).toBe(404);
    expect(await readdir(directory, { recursive: true })).toEqual(
      expect.not.arrayContaining([expect.stringMatching(/\.(png|part)$/)]),
    );
  });

  it('refuses bytes of another image type than declared (a JPEG sent as PNG): the stored type is what the bytes say', async () => {
    const { handler } = await fileSystemHandler();
    const { stored, result } = await upload(handler, JPEG, { contentType: 'image/png' });
    expect(stored.status).toBe(415);
    expect(result.error).toContain('its bytes are image/jpeg, but it was declared image/png');
  });

  it('refuses a declared type that is not an image before any byte is sent', async () => {
    const { handler } = await fileSystemHandler();
    const answer = await handler(
      intent({ model: 'gpt-image-2', size: 100, contentType: 'image/gif' }),
    );
    expect(answer.status).toBe(415);
    expect(await answer.json()).toMatchObject({
      code: 'file-invalid-type',
      details: { fieldErrors: { file: ['The file is not a JPEG, PNG or WebP image (image/gif)'] } },
    });
  });

  it("applies the chosen model's size limit: 10 MB for Nano Banana, 30 MB for Nano Banana 2 (413 before upload)", async () => {
    const { handler } = await fileSystemHandler();
    const declare = (model: string, size: number) =>
      handler(intent({ model, size, contentType: 'image/png' }));
    const refused = await declare('google/nano-banana', 10 * MB + 1);
    expect(refused.status).toBe(413);
    expect(await refused.json()).toMatchObject({
      code: 'file-too-large',
      details: {
        fieldErrors: { file: ['The file is larger than 10 MB, the limit for Nano Banana'] },
      },
    });
    expect((await declare('google/nano-banana', 10 * MB)).status).toBe(200);
    expect((await declare('nano-banana-2', 30 * MB)).status).toBe(200);
    expect((await declare('nano-banana-2', 30 * MB + 1)).status).toBe(413);
    // A model with no published file limit: 10 MB, or what maxBytes says.
    expect((await declare('gpt-image-2', 10 * MB + 1)).status).toBe(413);
    const custom = createUploadHandler({
      authorize: byHeader,
      storage: (await fileSystemHandler()).storage,
      publicBaseUrl: 'https://app.example/api/uploads',
      maxBytes: () => 1000,
    });
    expect(
      (await custom(intent({ model: 'nano-banana-2', size: 1001, contentType: 'image/png' })))
        .status,
    ).toBe(413);
  });

  it('stops reading a body that streams past the limit and answers 413, keeping nothing', async () => {
    const { handler, directory } = await fileSystemHandler({ maxBytes: () => 64 * 1024 });
    const { ticket } = await upload(handler, PNG); // a ticket (the PNG is then stored under it; take a new one)
    const started = await handler(
      intent({ model: 'gpt-image-2', size: 1000, contentType: 'image/png' }),
    );
    const fresh = (await started.json()) as UploadTicket;
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(pulled++ === 0 ? padded(PNG, 16 * 1024) : new Uint8Array(16 * 1024));
      },
    });
    const answer = await handler(put(fresh.put.url, endless, 'alice', fresh.put.headers));
    expect(answer.status).toBe(413);
    // 64 KB is four chunks of 16 KB: the fifth passes the limit, and nothing after it is read.
    expect(pulled).toBeLessThanOrEqual(6);
    const files = await readdir(directory, { recursive: true });
    expect(files.filter((file) => /\.(png|part)$/.test(file))).toEqual([ticket.key]);
  });

  it('refuses a Content-Length over the limit without reading the body', async () => {
    const { handler } = await fileSystemHandler({ maxBytes: () => 1000 });
    const started = await handler(
      intent({ model: 'gpt-image-2', size: 1000, contentType: 'image/png' }),
    );
    const ticket = (await started.json()) as UploadTicket;
    const body = { pulled: false };
    const stream = new ReadableStream<Uint8Array>(
      { pull: () => void (body.pulled = true) },
      { highWaterMark: 0 },
    );
    const answer = await handler(
      put(ticket.put.url, stream, 'alice', { 'Content-Length': '5000' }),
    );
    expect(answer.status).toBe(413);
    expect(body.pulled).toBe(false);
  });

  it('names the field and the rule of a bad intent (400)', async () => {
    const { handler } = await fileSystemHandler();
    const fields = async (body: unknown) =>
      (
        (await (await handler(intent(body))).json()) as {
          details: { fieldErrors: Record<string, string[]> };
        }
      ).details.fieldErrors;
    expect(await fields({ size: 10, contentType: 'image/png' })).toEqual({
      model: ['model is required: the id of the model the image is for'],
    });
    expect(await fields({ model: 'dall-e-9', size: 10, contentType: 'image/png' })).toEqual({
      model: ['model dall-e-9 is not a known model'],
    });
    expect(
      await fields({ model: 'sora-2-text-to-video', size: 10, contentType: 'image/png' }),
    ).toEqual({ model: ['Sora 2 takes no reference images'] });
    expect(await fields({ model: 'gpt-image-2', size: 0, contentType: 'image/png' })).toEqual({
      size: ['size must be the file size in bytes, a whole number of at least 1'],
    });
    expect(await fields({ model: 'gpt-image-2', size: 1.5, contentType: 'image/png' })).toEqual({
      size: ['size must be the file size in bytes, a whole number of at least 1'],
    });
  });

  it('keeps each user to their own files: no write, no overwrite, no ticket of another user', async () => {
    const { handler } = await fileSystemHandler();
    const { ticket: alices, result } = await upload(handler, PNG, { user: 'alice' });
    // Bob cannot write under Alice's key, even one she has not used yet.
    const unused = (await (
      await handler(
        intent({ model: 'gpt-image-2', size: PNG.byteLength, contentType: 'image/png' }, 'alice'),
      )
    ).json()) as UploadTicket;
    expect((await handler(put(unused.put.url, PNG, 'bob'))).status).toBe(404);
    expect((await handler(put(alices.put.url, WEBP, 'bob'))).status).toBe(404);
    // Alice herself cannot replace a stored file.
    expect((await handler(put(alices.put.url, PNG, 'alice', alices.put.headers))).status).toBe(409);
    const served = await handler(new Request(result.url));
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
    // Different users, different folders; no user id in the URL.
    const bobs = (await (
      await handler(intent({ model: 'gpt-image-2', size: 10, contentType: 'image/png' }, 'bob'))
    ).json()) as UploadTicket;
    expect(bobs.key.split('/')[0]).not.toBe(alices.key.split('/')[0]);
    expect(alices.key).not.toContain('alice');
  });

  it('answers 401 without a user, and when authorize throws', async () => {
    const { handler } = await fileSystemHandler();
    expect(
      (await handler(intent({ model: 'gpt-image-2', size: 10, contentType: 'image/png' }, null)))
        .status,
    ).toBe(401);
    const throwing = createUploadHandler({
      authorize: () => {
        throw new Error('session store down');
      },
      storage: (await fileSystemHandler()).storage,
      publicBaseUrl: 'https://app.example/api/uploads',
    });
    expect(
      (await throwing(intent({ model: 'gpt-image-2', size: 10, contentType: 'image/png' }))).status,
    ).toBe(401);
  });

  it.each([
    '/api/uploads/../../etc/passwd',
    '/api/uploads/%2e%2e/%2e%2e/etc/passwd',
    '/api/uploads/..%2f..%2fetc%2fpasswd',
    '/api/uploads/abc/def.png',
    '/api/uploads/x',
  ])('answers 404 to %s without touching the storage', async (path) => {
    const { handler, storage } = await fileSystemHandler();
    const read = vi.spyOn(storage, 'read');
    const answer = await handler(new Request(`${ORIGIN}${path}`));
    expect(answer.status).toBe(404);
    expect(read).not.toHaveBeenCalled();
  });

  it('answers 405 with Allow for the wrong method', async () => {
    const { handler } = await fileSystemHandler();
    const list = await handler(new Request(`${ORIGIN}/api/uploads`));
    expect(list.status).toBe(405);
    expect(list.headers.get('Allow')).toBe('POST');
    const { result } = await upload(handler, PNG);
    const del = await handler(new Request(result.url, { method: 'DELETE' }));
    expect(del.status).toBe(405);
    expect(del.headers.get('Allow')).toBe('GET, HEAD, PUT');
  });

  it('reports a storage failure to onError and answers 500', async () => {
    const onError = vi.fn();
    const { handler, storage } = await fileSystemHandler({ onError });
    vi.spyOn(storage, 'write').mockRejectedValue(new Error('disk full'));
    const { stored } = await upload(handler, PNG);
    expect(stored.status).toBe(500);
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'disk full' }),
      expect.objectContaining({ stage: 'storage' }),
    );
  });

  it('wants an https publicBaseUrl (http only on localhost) and a usable storage', async () => {
    const { storage } = await fileSystemHandler();
    const make = (publicBaseUrl: string) => () =>
      createUploadHandler({ authorize: byHeader, storage, publicBaseUrl });
    expect(make('http://app.example/api/uploads')).toThrow(
      'publicBaseUrl must be https (http is allowed only on localhost, for development)',
    );
    expect(make('/api/uploads')).toThrow('publicBaseUrl must be an absolute URL');
    expect(make('http://127.0.0.1:3000/api/uploads')).not.toThrow();
    expect(make('http://localhost:3000/api/uploads')).not.toThrow();
    expect(() =>
      createUploadHandler({
        authorize: byHeader,
        storage: { remove: async () => {} },
        publicBaseUrl: 'https://x.example',
      }),
    ).toThrow('needs a storage with write');
  });
});
