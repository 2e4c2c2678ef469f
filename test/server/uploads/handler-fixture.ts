import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createUploadHandler, type UploadHandlerOptions } from '../../../src/server/index.js';
import { createFileSystemStorage } from '../../../src/server/uploads/file-system/index.js';

/** Users by the `x-user` header, as the proxy's tests do. */
export const byHeader: UploadHandlerOptions['authorize'] = (request) =>
  request.headers.get('x-user');

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(
    folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })),
  );
});

/** A fresh folder, removed after the test. */
export async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'uploads-test-'));
  folders.push(folder);
  return folder;
}

/** The handler over the file system in a fresh folder, served at https://app.example/api/uploads. */
export async function fileSystemHandler(options: Partial<UploadHandlerOptions> = {}) {
  const directory = await tempFolder();
  const storage = createFileSystemStorage({ directory });
  const handler = createUploadHandler({
    authorize: byHeader,
    storage,
    publicBaseUrl: 'https://app.example/api/uploads',
    onError: () => {},
    ...options,
  });
  return { handler, storage, directory };
}

export const ORIGIN = 'https://app.example';

/** `POST /api/uploads` with an intent, as `createUploader` sends it. */
export const intent = (body: unknown, user: string | null = 'alice') =>
  new Request(`${ORIGIN}/api/uploads`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(user ? { 'x-user': user } : {}) },
    body: JSON.stringify(body),
  });

/** `PUT` of bytes (or a stream) to a ticket's URL. */
export const put = (
  path: string,
  body: BodyInit,
  user = 'alice',
  headers: Record<string, string> = {},
) =>
  new Request(new URL(path, ORIGIN), {
    method: 'PUT',
    headers: { 'x-user': user, ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
