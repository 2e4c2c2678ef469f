/// <reference types="node" />
// Node only (the build's tsconfig leaves out Node's types by default; this entry needs them).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMockApi, type MockApi, type MockApiOptions } from './create-mock-api.js';

/** Options of {@link startMockServer}: where to listen, and the API to serve (or the options to make one). */
export interface MockServerOptions extends MockApiOptions {
  /** The port. Defaults to `4010`; `0` picks any free port (read it from `url`). */
  port?: number;
  /** The interface to listen on. Defaults to `'127.0.0.1'` (this machine only). */
  host?: string;
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

async function respond(api: MockApi, origin: string, req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const method = req.method ?? 'GET';
  const request = new Request(new URL(req.url ?? '/', req.headers.host ? `http://${req.headers.host}` : origin), {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks),
  });
  const response = await api.handle(request);
  // A dropped connection: the client sees the socket close with no response.
  if (response.type === 'error') return void req.socket.destroy();
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(method === 'HEAD' ? undefined : body);
}

/**
 * Serves a mock API over real HTTP (Node only), so anything can call it: your app's server, `curl`, a
 * browser. Resolves once it listens.
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const { port = 4010, host = '127.0.0.1', api: given, ...apiOptions } = options;
  const api = given ?? createMockApi(apiOptions);
  let origin = '';
  const server = createServer((req, res) => {
    respond(api, origin, req, res).catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  return {
    url: origin,
    api,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
