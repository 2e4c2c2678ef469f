// Vitest globalSetup of the browser projects: real upload handlers on 127.0.0.1 for the uploads test,
// one storing through itself on the file system, one presigning PUTs to a local S3 (s3rver). Their
// URLs reach the tests through `provide`/`inject`. CORS lets the test page (another origin) call them.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  createUploadHandler,
  toNodeHandler,
  type UploadHandler,
  type UploadStorage,
} from '../../src/server/index.js';
import { createFileSystemStorage } from '../../src/server/uploads/file-system/index.js';
import { createS3Storage } from '../../src/server/uploads/s3/index.js';
import { startS3rver } from '../server/uploads/start-s3rver.js';

/** The handler, answering CORS preflights and naming the page's origin as allowed. */
function withCors(handler: UploadHandler): UploadHandler {
  return async (request) => {
    const origin = request.headers.get('Origin');
    const cors: Record<string, string> = origin
      ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' }
      : {};
    if (request.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          ...cors,
          'Access-Control-Allow-Methods': 'POST, PUT, GET',
          'Access-Control-Allow-Headers': 'content-type, x-user',
          'Access-Control-Max-Age': '600',
        },
      });
    }
    const response = await handler(request);
    for (const [name, value] of Object.entries(cors)) response.headers.set(name, value);
    return response;
  };
}

/** A Node server on a free loopback port whose handler is made once its URL is known. */
async function serve(make: (url: string) => UploadHandler) {
  const made: { handler?: UploadHandler } = {};
  const server = createServer((req, res) => void toNodeHandler(made.handler!)(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  made.handler = withCors(make(url));
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { url, close };
}

export default async function setup(project: TestProject) {
  const authorize = (request: Request) => request.headers.get('x-user');
  const directory = await mkdtemp(join(tmpdir(), 'uploads-browser-'));
  const fileSystem: UploadStorage = createFileSystemStorage({ directory });
  const direct = await serve((url) =>
    createUploadHandler({ authorize, storage: fileSystem, publicBaseUrl: `${url}/api/uploads` }),
  );

  const s3 = await startS3rver();
  const storage = createS3Storage({ client: s3.client, bucket: 'uploads' });
  const presigned = await serve(() =>
    createUploadHandler({ authorize, storage, publicBaseUrl: s3.bucketUrl }),
  );

  // The network dropping: every connection is reset as soon as it opens, before any answer.
  const dropping = createServer();
  dropping.on('connection', (socket) => socket.destroy());
  await new Promise<void>((resolve) => dropping.listen(0, '127.0.0.1', resolve));

  project.provide('uploadEndpoints', {
    direct: `${direct.url}/api/uploads`,
    presigned: `${presigned.url}/api/uploads`,
    dropping: `http://127.0.0.1:${(dropping.address() as AddressInfo).port}/api/uploads`,
  });
  return async () => {
    await Promise.all([
      direct.close(),
      presigned.close(),
      s3.close(),
      new Promise<void>((resolve) => dropping.close(() => resolve())),
    ]);
    await rm(directory, { recursive: true, force: true });
  };
}
