/// <reference types="node" />
// Node only (the build's tsconfig leaves out Node's types by default; this entry needs them).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMockApi, type MockApi, type MockApiOptions } from './create-mock-api.js';

/** Options of {@link startMockServer}: where to listen, and the API to serve (or the options to make one). */
export interface MockServerOptions extends MockApiOptions {
  /** The port. Defaults to `4010`; `0` picks any free port (read it from `url`). */
  port?: number;
  /**
   * The interface to listen on. Defaults to `'127.0.0.1'` (this machine only); the environment's
   * `HOST` is never read. Any other address logs a warning: the mock answers anyone who reaches it.
   */
  host?: string;
  /**
   * Which browser origins may call it from another origin: `true` or `'*'` for any, or one origin
   * (`'http://localhost:5173'`). Defaults to none: no `Access-Control-*` headers are sent.
   */
  cors?: boolean | string;
  /** The largest request body read, in bytes; a larger one is a 413, never buffered. Defaults to `1048576` (1 MB). */
  maxBodyBytes?: number;
  /** An API to serve (the other API options are then ignored). Defaults to a new one made from them. */
  api?: MockApi;
}

/** A running mock server. */
export interface MockServer {
  /** Its origin, e.g. `http://127.0.0.1:4010`: the client's `baseUrl`. */
  url: string;
  /** The API it serves, for inspection and faults. */
  api: MockApi;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/** What the server adds to the API's answers. */
interface Serving {
  api: MockApi;
  origin: string;
  /** The `Access-Control-Allow-Origin` to send, or `null` for none. */
  allowOrigin: string | null;
  maxBodyBytes: number;
}

const LOOPBACK = /^(127(?:\.\d{1,3}){3}|::1|localhost)$/;

/**
 * The body, or `null` once it passes `maxBytes`: reading stops there (paused, not destroyed, so the
 * 413 can still be sent).
 */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer<ArrayBuffer> | null> {
  if (Number(req.headers['content-length'] ?? NaN) > maxBytes) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      req.pause();
      req.removeAllListeners('data');
      resolve(null);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function respond(
  { api, origin, allowOrigin, maxBodyBytes }: Serving,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const body = await readBody(req, maxBodyBytes);
  if (!body) {
    // Unread bytes may still be on their way, and closing on them resets the connection, which can
    // make the client lose the 413 before reading it: answer, half-close, then discard (never keep)
    // what still arrives until the client closes, for at most a few seconds.
    res.writeHead(413, { 'Content-Type': 'application/json', Connection: 'close' });
    res.end(
      JSON.stringify({ error: `Request body too large (at most ${maxBodyBytes} bytes)` }),
      () => {
        req.socket.end();
        req.resume();
        setTimeout(() => req.socket.destroy(), 5000).unref();
      },
    );
    return;
  }
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2)
    headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const method = req.method ?? 'GET';
  const request = new Request(
    new URL(req.url ?? '/', req.headers.host ? `http://${req.headers.host}` : origin),
    {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' ? undefined : body,
    },
  );
  const response = await api.handle(request);
  // A dropped connection: the client sees the socket close with no response.
  if (response.type === 'error') return void req.socket.destroy();
  const answer = Buffer.from(await response.arrayBuffer());
  const sent = Object.fromEntries(
    [...response.headers].filter(([name]) => !name.startsWith('access-control-')),
  );
  if (allowOrigin !== null) {
    for (const [name, value] of response.headers)
      if (name.startsWith('access-control-')) sent[name] = value;
    sent['access-control-allow-origin'] = allowOrigin;
    if (allowOrigin !== '*') sent.vary = 'Origin';
  }
  res.writeHead(response.status, sent);
  res.end(method === 'HEAD' ? undefined : answer);
}

/**
 * Serves a mock API over real HTTP (Node only), so anything can call it: your app's server, `curl`, a
 * browser. Resolves once it listens.
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const {
    port = 4010,
    host = '127.0.0.1',
    api: given,
    cors,
    maxBodyBytes = 1_048_576,
    ...apiOptions
  } = options;
  const api = given ?? createMockApi(apiOptions);
  const serving: Serving = {
    api,
    origin: '',
    allowOrigin: cors === true ? '*' : cors || null,
    maxBodyBytes,
  };
  if (!LOOPBACK.test(host)) {
    console.warn(
      `gptimage2-react/mock: listening on ${host}, not loopback: anyone who can reach this machine can use the mock API.`,
    );
  }
  const server = createServer((req, res) => {
    respond(serving, req, res).catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  serving.origin = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  return {
    url: serving.origin,
    api,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
