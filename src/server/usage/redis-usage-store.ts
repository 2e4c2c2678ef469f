import {
  redisCommand,
  type RedisClientLike,
  type RedisStoreOptions,
} from '../redis/redis-command.js';
import type { TaskCharge, UsageStore } from './usage-store.js';

// One step on the server, so concurrent submits from any number of instances cannot overshoot:
// drop submits older than the window, refuse past either limit, else count the submit and its credits.
// KEYS: the user's submit times (a sorted set), the user's credits of the day. ARGV: now, windowMs,
// maxSubmits (-1: none), credits, maxCredits (-1: none), dayTtlMs, a unique member for this submit.
const RESERVE = `
local now, window = tonumber(ARGV[1]), tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local max = tonumber(ARGV[3])
if max >= 0 and redis.call('ZCARD', KEYS[1]) >= max then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, 'submits', tonumber(oldest[2]) + window - now}
end
local credits, maxCredits = tonumber(ARGV[4]), tonumber(ARGV[5])
if maxCredits >= 0 and tonumber(redis.call('GET', KEYS[2]) or '0') + credits > maxCredits then
  return {0, 'credits', 0}
end
redis.call('ZADD', KEYS[1], now, ARGV[7])
redis.call('PEXPIRE', KEYS[1], window)
redis.call('INCRBY', KEYS[2], credits)
redis.call('PEXPIRE', KEYS[2], ARGV[6])
return {1}
`;

// Gives back or adds credits without going below zero, and only to a day that is still counted.
const ADJUST = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local total = redis.call('INCRBY', KEYS[1], ARGV[1])
if total < 0 then redis.call('SET', KEYS[1], 0, 'KEEPTTL') end
return 1
`;

/**
 * A {@link UsageStore} on Redis, shared by every instance given the same Redis: a Lua script checks
 * and counts each submit in one step; Redis expires the counts. Takes a `redis` (node-redis) or
 * `ioredis` client, like `createRedisTaskStore`.
 */
export function createRedisUsageStore(
  client: RedisClientLike,
  options: RedisStoreOptions = {},
): UsageStore {
  const { keyPrefix = 'gptimage2:', commandTimeoutMs = 2000 } = options;
  const command = redisCommand(client, commandTimeoutMs);
  const submitsKey = (userId: string) => `${keyPrefix}usage:submits:${userId}`;
  const creditsKey = (userId: string, day: string) => `${keyPrefix}usage:credits:${day}:${userId}`;
  const limit = (value: number) => (Number.isFinite(value) ? String(value) : '-1');
  let sequence = 0;
  return {
    async reserve(userId, { now, windowMs, maxSubmits, credits, day, maxCredits, dayTtlMs }) {
      const member = `${now}:${Math.random().toString(36).slice(2)}:${(sequence += 1)}`;
      const args = [
        String(now),
        String(windowMs),
        limit(maxSubmits),
        String(credits),
        limit(maxCredits),
        String(dayTtlMs),
        member,
      ];
      const [ok, which, wait] = (await command([
        'EVAL',
        RESERVE,
        '2',
        submitsKey(userId),
        creditsKey(userId, day),
        ...args,
      ])) as [number, string?, number?];
      if (ok === 1) return { allowed: true };
      return which === 'submits'
        ? { allowed: false, limit: 'submits', retryAfterMs: Number(wait) }
        : { allowed: false, limit: 'credits' };
    },
    async adjustCredits(userId, day, delta) {
      if (delta !== 0) await command(['EVAL', ADJUST, '1', creditsKey(userId, day), String(delta)]);
    },
    async rememberTask(taskId, charge, ttlMs) {
      await command([
        'SET',
        `${keyPrefix}usage:task:${taskId}`,
        JSON.stringify(charge),
        'PX',
        String(Math.max(1, Math.round(ttlMs))),
      ]);
    },
    async takeTask(taskId) {
      const stored = await command(['GETDEL', `${keyPrefix}usage:task:${taskId}`]);
      return typeof stored === 'string' ? (JSON.parse(stored) as TaskCharge) : null;
    },
  };
}
