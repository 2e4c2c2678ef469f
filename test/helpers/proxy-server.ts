import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type RequestListener,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, expect } from 'vitest';
import { createProxyHandler, toNodeHandler, type ProxyOptions } from '../../src/server/index.js';

/** A key no answer, error or log may ever contain. */
export const KEY = 'sk_live_SECRET_do_not_leak_7f3a9c';

/** Identifies users by the `x-user` header; `banned` is refused, `throw` makes authorize throw. */
export const authorizeByHeader: ProxyOptions['authorize'] = (request) => {
  const user = request.headers.get('x-user');
  if (user === 'throw') throw new Error('session store down');
  return user === 'banned' ? null : user;
};

/** A Node HTTP server on 127.0.0.1 and a free port, closed after the file's tests. */
export async function listen(
  listener: RequestListener,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  afterAll(close);
  return { url, close };
}

/** One request the fake upstream received. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/**
 * A stand-in upstream that records every request and answers as `respond` says (by default, as the
 * reference documents: a submit gets a task id, a task GET a pending snapshot). For the tests that
 * must show no call was made, and for upstream misbehaviour the mock cannot produce (hangs).
 */
export async function startFakeUpstream(
  respond?: (seen: SeenRequest, res: ServerResponse) => void,
) {
  const requests: SeenRequest[] = [];
  let count = 0;
  const server = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      requests.push(seen);
      if (respond) return respond(seen, res);
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (seen.method === 'POST')
        return json(200, {
          taskId: `tsk_FAKE${String(++count).padStart(22, '0')}`,
          status: 0,
          creditsUsed: 3,
        });
      const id = seen.url.split('/').pop();
      json(200, {
        taskId: id,
        type: 'image',
        status: 0,
        model: 'gpt-image-2',
        imageUrls: [],
        creditsUsed: 3,
      });
    });
  });
  return { ...server, requests };
}

/** The proxy behind Node's `http` server through `toNodeHandler`. */
export async function startProxy(options: Partial<ProxyOptions> & { baseUrl: string }) {
  const handler = createProxyHandler({
    apiKey: KEY,
    authorize: authorizeByHeader,
    onError: () => {},
    ...options,
  });
  return listen(toNodeHandler(handler));
}

/** What a browser would see of one answer. */
export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
}

/**
 * A raw HTTP request: the path goes on the wire exactly as given (no URL normalization, unlike
 * `fetch`), so `..` and encoded tricks reach the proxy as an attacker would send them. Every answer
 * is checked for the key.
 */
export function send(
  base: string,
  path: string,
  init: {
    method?: string;
    headers?: Record<string, string | string[]>;
    body?: string | Buffer | Buffer[];
  } = {},
): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: hostname, port, path, method: init.method ?? 'GET', headers: init.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          const answer = { status: res.statusCode ?? 0, headers: res.headers, text, json };
          expect(JSON.stringify(answer)).not.toContain(KEY);
          resolve(answer);
        });
      },
    );
    req.on('error', reject);
    const parts = Array.isArray(init.body) ? init.body : init.body === undefined ? [] : [init.body];
    for (const part of parts) req.write(part);
    req.end();
  });
}

/** A JSON submit as the browser client sends it. */
export function postJson(
  base: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return send(base, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-user': 'alice', ...headers },
    body: JSON.stringify(body),
  });
}
