// startMockServer's own duties over real HTTP: where it listens, which origins may call it, and bodies
// it refuses without holding them.
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startMockServer, type MockServer } from '../../src/mock/node.js';
import { FOX, call } from '../helpers/api-calls.js';

const servers: MockServer[] = [];
async function start(options: Parameters<typeof startMockServer>[0] = {}) {
  const server = await startMockServer({ port: 0, timing: 'instant', ...options });
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/**
 * POSTs up to `total` bytes in 64 KB chunks without a length, stopping as soon as an answer comes or
 * the connection closes. Resolves with the status and how much was written by then.
 */
function streamUpload(
  url: string,
  total: number,
): Promise<{ status: number; written: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    let written = 0;
    let done = false;
    const req = request(
      {
        host: hostname,
        port,
        path: '/api/ai/image/generate',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      },
      (res) => {
        done = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, written, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', (error) => (done ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const pump = () => {
      while (!done && written < total) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!done) req.end();
    };
    pump();
  });
}

describe('request bodies', () => {
  it('refuses a 100 MB upload with a 413 in the API shape once it passes the cap, without reading the rest', async () => {
    const server = await start();
    const answer = await streamUpload(server.url, 100 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({
      error: 'Request body too large (at most 1048576 bytes)',
    });
    expect(answer.written).toBeLessThan(20 * 1024 * 1024);
  });

  it('refuses a declared Content-Length over maxBodyBytes at once', async () => {
    const server = await start({ maxBodyBytes: 1000 });
    const answer = await call(`${server.url}/api/ai/image/generate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...FOX, prompt: 'x'.repeat(2000) }),
    });
    expect(answer).toMatchObject({
      status: 413,
      body: { error: 'Request body too large (at most 1000 bytes)' },
    });
    expect(server.api.requests).toHaveLength(0);
  });

  it('takes a body under the cap', async () => {
    const server = await start({ maxBodyBytes: 1000 });
    const answer = await call(`${server.url}/api/ai/image/generate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(FOX),
    });
    expect(answer.status).toBe(200);
  });
});

describe('where it listens', () => {
  it('stays on loopback when the environment says HOST=0.0.0.0 (npm run mock:serve)', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/mock-serve.ts', '--port', '0'],
      { env: { ...process.env, HOST: '0.0.0.0' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await expect
        .poll(() => output, { timeout: 20_000 })
        .toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1]!;
      expect((await call(`${url}/api/ai/tasks/tsk_x`)).status).toBe(404);
    } finally {
      child.kill();
    }
  }, 30_000);

  it('warns when told to listen beyond loopback, and not otherwise', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      await start();
      expect(warn).not.toHaveBeenCalled();
      await start({ host: '0.0.0.0' });
      expect(warn).toHaveBeenCalledWith(
        expect.stringMatching(/listening on 0\.0\.0\.0, not loopback/),
      );
    } finally {
      warn.mockRestore();
    }
  });
});

describe('CORS, opt-in', () => {
  const preflight = (url: string) =>
    fetch(`${url}/api/ai/image/generate`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' },
    });

  it('sends no Access-Control headers by default, so other sites’ pages cannot read it', async () => {
    const server = await start();
    const res = await preflight(server.url);
    expect([...res.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual(
      [],
    );
    const answer = await call(`${server.url}/api/ai/tasks/tsk_x`, {
      headers: { Origin: 'http://evil.example' },
    });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers preflights for the one origin it is given', async () => {
    const server = await start({ cors: 'http://localhost:5173' });
    const res = await preflight(server.url);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(res.headers.get('vary')).toBe('Origin');
  });

  it('allows any origin with cors: true', async () => {
    const server = await start({ cors: true });
    const answer = await call(`${server.url}/api/ai/tasks/tsk_x`);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
  });
});
