import { describe, expect, it, vi } from 'vitest';
import { toNodeHandler } from '../../src/server/index.js';
import { listen, send } from '../helpers/proxy-server.js';

describe('toNodeHandler', () => {
  it('routes by Express’s originalUrl when a router has stripped its mount path from url', async () => {
    const handler = vi.fn(async (request: Request) => new Response(new URL(request.url).pathname));
    const listener = toNodeHandler(handler);
    const { url } = await listen((req, res) => {
      Object.assign(req, { originalUrl: req.url, url: '/' });
      void listener(req, res);
    });
    expect((await send(url, '/api/ai/tasks/tsk_1')).text).toBe('/api/ai/tasks/tsk_1');
  });

  it.each(['TRACK', 'CONNECT'])(
    'answers %s set by a method-override middleware with a 405, not a 500',
    async (method) => {
      const handler = vi.fn(async () => new Response('ok'));
      const listener = toNodeHandler(handler);
      const { url } = await listen((req, res) => {
        req.method = String(req.headers['x-http-method-override'] ?? req.method);
        void listener(req, res);
      });
      const answer = await send(url, '/api/ai/tasks/tsk_1', {
        method: 'POST',
        headers: { 'x-http-method-override': method },
      });
      expect(answer).toMatchObject({ status: 405, json: { error: 'Method not allowed' } });
      expect(handler).not.toHaveBeenCalled();
    },
  );

  it('passes on every Set-Cookie of an app’s own handler, and answers 500 in the API shape when the handler throws', async () => {
    const { url } = await listen(
      toNodeHandler(async (request) => {
        if (request.method === 'POST') throw new Error('boom');
        const headers = new Headers();
        headers.append('Set-Cookie', 'a=1');
        headers.append('Set-Cookie', 'b=2');
        return new Response('ok', { headers });
      }),
    );
    expect((await send(url, '/')).headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(await send(url, '/', { method: 'POST', body: 'x' })).toMatchObject({
      status: 500,
      json: { error: 'Internal error' },
    });
  });
});
