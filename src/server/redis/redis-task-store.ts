import type { TaskOwnerStore } from '../task-owner-store.js';
import { redisCommand, type RedisClientLike, type RedisStoreOptions } from './redis-command.js';

/**
 * A {@link TaskOwnerStore} on Redis, for an app that runs more than one instance: every instance
 * given the same Redis sees every task's owner. Takes a connected `redis` (node-redis 5.10 or later;
 * earlier ones can stay offline after a restart) or `ioredis` v5 client the app already has (neither
 * is a dependency of this package). Records expire
 * in Redis itself (`PX`), are written once (`NX`: a task's owner never changes), and every call is
 * bounded by `commandTimeoutMs`, so a Redis that is away makes the proxy answer 503 instead of waiting.
 */
export function createRedisTaskStore(
  client: RedisClientLike,
  options: RedisStoreOptions = {},
): TaskOwnerStore {
  const { keyPrefix = 'gptimage2:', commandTimeoutMs = 2000 } = options;
  const command = redisCommand(client, commandTimeoutMs);
  const key = (taskId: string) => `${keyPrefix}task:${taskId}`;
  return {
    async get(taskId) {
      const owner = await command(['GET', key(taskId)]);
      return typeof owner === 'string' ? owner : null;
    },
    async set(taskId, userId, ttlMs) {
      const written = await command([
        'SET',
        key(taskId),
        userId,
        'PX',
        String(Math.max(1, Math.round(ttlMs))),
        'NX',
      ]);
      if (written !== null) return;
      // Already recorded: the same user again is fine; anyone else must not take the task over.
      const owner = await command(['GET', key(taskId)]);
      if (owner !== null && owner !== userId)
        throw new Error(`Task ${taskId} is already recorded for another user`);
    },
    async ping() {
      await command(['PING']);
    },
  };
}
