import type { ProxyHandler } from './create-proxy-handler.js';

// Structural types, not `node:http`'s: this file must load in edge bundles, and Express's or
// Connect's req/res fit them as well as Node's own.

/** What the adapter reads of a Node request (`http.IncomingMessage`, or Express's `req`). */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  method?: string;
  url?: string;
  /** Express keeps the full path here when a router strips its mount path from `url`. */
  originalUrl?: string;
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** Whether the whole body has arrived. */
  complete?: boolean;
  socket?: object | null;
}

/** What the adapter writes to (`http.ServerResponse`, or Express's `res`). */
export interface NodeResponseLike {
  statusCode: number;
  readonly headersSent: boolean;
  setHeader(name: string, value: string | readonly string[]): unknown;
  write(chunk: Uint8Array): unknown;
  end(chunk?: Uint8Array): unknown;
  destroy(error?: Error): unknown;
  /** Whether the whole answer was sent (Node's `http.ServerResponse`). */
  readonly writableFinished?: boolean;
  /** Node's `close` event, which tells that the browser went away before the answer was sent. */
  once?(event: 'close', listener: () => void): unknown;
}

// Methods the Fetch API refuses to carry (`new Request` throws for them), answered here.
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

const JSON_HEADERS = {
  'Content-Type': 'application/json',
  'Cache-Control': 'no-store',
  Allow: 'GET, POST',
};

/** The request's URL: its own path on the `Host` it was sent to (the host can never change the path). */
function requestUrl(req: NodeRequestLike): URL {
  const target = req.originalUrl ?? req.url ?? '/';
  let path = '/';
  if (target.startsWith('/')) path = target;
  else if (URL.canParse(target)) path = new URL(target).pathname;
  // Concatenated, not resolved: `//host/x` is a path here, never another origin.
  const url = new URL(`http://localhost${path}`);
  if (req.socket && 'encrypted' in req.socket && req.socket.encrypted) url.protocol = 'https:';
  const host = req.headers.host;
  if (typeof host === 'string') url.host = host; // an invalid host is ignored by the setter
  return url;
}

function requestHeaders(req: NodeRequestLike): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) continue; // HTTP/2 pseudo-headers
    for (const item of typeof value === 'string' ? [value] : value) {
      try {
        headers.append(name, item);
      } catch {
        // A value Node let through but Fetch refuses: dropped, as no route needs it.
      }
    }
  }
  return headers;
}

/** The body as a stream that reads the request only when the handler asks (so unread bodies stay unread). */
function requestBody(req: NodeRequestLike): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let iterator: AsyncIterator<Uint8Array | string> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        iterator ??= req[Symbol.asyncIterator]();
        const { done, value } = await iterator.next();
        if (done) controller.close();
        else
          controller.enqueue(
            typeof value === 'string' ? encoder.encode(value) : new Uint8Array(value),
          );
      },
      // Not `iterator.return()`: that destroys the socket before the refusal (a 413) can be sent.
    },
    { highWaterMark: 0 },
  );
}

async function send(response: Response, req: NodeRequestLike, res: NodeResponseLike) {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader('Set-Cookie', cookies);
  // A body left unread (a refused upload) would hold the connection: close it after this answer.
  if (req.complete === false) res.setHeader('Connection', 'close');
  if (response.body && req.method !== 'HEAD') {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
    }
  }
  res.end();
}

/**
 * Adapts a Fetch API handler (such as {@link createProxyHandler}'s) to Node's `http` server, Express or
 * Connect: `http.createServer(toNodeHandler(handler))`, or `app.all('/api/ai/*', toNodeHandler(handler))`.
 * The returned listener never rejects: a handler that throws answers 500 `{"error":"Internal error"}`;
 * `TRACE`, `TRACK` and `CONNECT`, which a Fetch API `Request` cannot carry, answer 405. The request's
 * `signal` aborts when the browser disconnects before the answer is sent.
 */
export function toNodeHandler(
  handler: ProxyHandler,
): (req: NodeRequestLike, res: NodeResponseLike) => Promise<void> {
  return async (req, res) => {
    const method = (req.method ?? 'GET').toUpperCase();
    try {
      if (FORBIDDEN_METHODS.has(method)) {
        await send(
          new Response('{"error":"Method not allowed"}', { status: 405, headers: JSON_HEADERS }),
          req,
          res,
        );
        return;
      }
      // Aborted when the connection closes before the answer is sent: the browser went away.
      const gone = new AbortController();
      res.once?.('close', () => {
        if (!res.writableFinished) gone.abort();
      });
      const request = new Request(requestUrl(req), {
        method,
        headers: requestHeaders(req),
        body: method === 'GET' || method === 'HEAD' ? undefined : requestBody(req),
        signal: gone.signal,
        // Node's fetch needs this for a stream body; other platforms ignore it.
        duplex: 'half',
      } as RequestInit);
      await send(await handler(request), req, res);
    } catch {
      if (res.headersSent) {
        res.destroy();
      } else {
        res.statusCode = 500;
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('Cache-Control', 'no-store');
        res.end(new TextEncoder().encode('{"error":"Internal error"}'));
      }
    }
  };
}
