import { describe, expect, it, vi } from 'vitest';
import { createMemoryTaskOwnerStore } from '../../src/server/index.js';

describe('createMemoryTaskOwnerStore', () => {
  it('warns once in production that it serves one process only, and never elsewhere', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      vi.resetModules();
      const fresh = await import('../../src/server/task-owner-store.js');
      fresh.createMemoryTaskOwnerStore();
      expect(warn).not.toHaveBeenCalled(); // NODE_ENV=test
      vi.stubEnv('NODE_ENV', 'production');
      fresh.createMemoryTaskOwnerStore();
      fresh.createMemoryTaskOwnerStore();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0])).toMatch(
        /kept in this process only.*Use createRedisTaskStore/,
      );
    } finally {
      vi.unstubAllEnvs();
      warn.mockRestore();
    }
  });

  it('drops the oldest records past maxEntries', () => {
    const store = createMemoryTaskOwnerStore({ maxEntries: 2 });
    store.set('a', 'u1', 60_000);
    store.set('b', 'u2', 60_000);
    store.set('c', 'u3', 60_000);
    expect([store.get('a'), store.get('b'), store.get('c')]).toEqual([null, 'u2', 'u3']);
  });

  it('expires records after their TTL and clears expired ones as it records new ones', () => {
    let now = 0;
    const store = createMemoryTaskOwnerStore({ maxEntries: 2, now: () => now });
    store.set('a', 'u1', 100);
    store.set('b', 'u2', 1_000);
    now = 100;
    expect(store.get('a')).toBeNull();
    store.set('c', 'u3', 1_000);
    // `a` expired, so `b` survives the bound of 2.
    expect([store.get('b'), store.get('c')]).toEqual(['u2', 'u3']);
  });
});
