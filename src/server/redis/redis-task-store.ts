import { isAfter, type TaskListPosition } from '../../core/http/task-list-query.js';
import { redisOutputLedger } from '../outputs/redis-output-ledger.js';
import type { TaskOwnerStore, TaskRecord } from '../task-owner-store.js';
import { redisCommand, type RedisClientLike, type RedisStoreOptions } from './redis-command.js';

// Records the owner (written once: a task's owner never changes) and, atomically with it, the task's
// history entry and its place in the user's list; the list drops what is older than the expiry. Answers
// 1 when written, else the owner already recorded.
const RECORD = `
if redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then
  if ARGV[3] ~= '' then
    redis.call('HSET', KEYS[2], 'createdAt', ARGV[3], 'request', ARGV[4], 'snapshot', ARGV[5])
    redis.call('PEXPIRE', KEYS[2], ARGV[2])
    redis.call('ZADD', KEYS[3], ARGV[3], ARGV[6])
    redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', '(' .. (tonumber(ARGV[3]) - tonumber(ARGV[2])))
    redis.call('PEXPIRE', KEYS[3], ARGV[2])
  end
  return 1
end
return redis.call('GET', KEYS[1])`;

// A relayed snapshot replaces the kept one, unless the task has expired or its end is already kept.
const SAVE_SNAPSHOT = `
if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HEXISTS', KEYS[1], 'final') == 1 then return 0 end
redis.call('HSET', KEYS[1], 'snapshot', ARGV[1])
if ARGV[2] == '1' then redis.call('HSET', KEYS[1], 'final', '1') end
return 1`;

/**
 * A {@link TaskOwnerStore} on Redis, for an app that runs more than one instance: every instance
 * given the same Redis sees every task's owner and every user's history. Takes a connected `redis`
 * (node-redis 5.10 or later; earlier ones can stay offline after a restart) or `ioredis` v5 client the
 * app already has (neither is a dependency of this package). Owners are written once (a task's owner
 * never changes); each task's history entry is a hash beside it and each user's list a sorted set by
 * creation time, all expiring in Redis itself (`PX`) with the owner. Every call is bounded by
 * `commandTimeoutMs`, so a Redis that is away makes the proxy answer 503 instead of waiting. Runs Lua
 * scripts (`EVAL`), so one Redis (or a primary), not a cluster: a task's keys and its user's list are
 * not in one hash slot.
 */
export function createRedisTaskStore(
  client: RedisClientLike,
  options: RedisStoreOptions = {},
): TaskOwnerStore {
  const { keyPrefix = 'gptimage2:', commandTimeoutMs = 2000 } = options;
  const command = redisCommand(client, commandTimeoutMs);
  const key = (taskId: string) => `${keyPrefix}task:${taskId}`;
  const recordKey = (taskId: string) => `${keyPrefix}history:${taskId}`;
  const listKey = (userId: string) => `${keyPrefix}history-of:${userId}`;

  /** Up to `count` of the user's task ids after `after`, newest first, with their creation times. */
  const range = async (
    userId: string,
    after: TaskListPosition | null,
    count: number,
  ): Promise<TaskListPosition[]> => {
    const max = after ? String(after.createdAt) : '+inf';
    // Tasks created in the same millisecond as the cursor's are ordered by id: fetch them all, then skip.
    const ties = after ? Number(await command(['ZCOUNT', listKey(userId), max, max])) : 0;
    const reply = (await command([
      'ZREVRANGEBYSCORE',
      listKey(userId),
      max,
      '-inf',
      'WITHSCORES',
      'LIMIT',
      '0',
      String(count + ties),
    ])) as unknown[];
    const positions: TaskListPosition[] = [];
    for (let i = 0; i + 1 < reply.length; i += 2)
      positions.push({ taskId: String(reply[i]), createdAt: Number(reply[i + 1]) });
    return positions.filter((position) => isAfter(position, after)).slice(0, count);
  };

  const read = async (taskId: string): Promise<(TaskRecord & { taskId: string }) | null> => {
    const [createdAt, request, snapshot] = (await command([
      'HMGET',
      recordKey(taskId),
      'createdAt',
      'request',
      'snapshot',
    ])) as Array<string | null>;
    if (createdAt == null || request == null || snapshot == null) return null;
    try {
      return {
        taskId,
        createdAt: Number(createdAt),
        request: JSON.parse(request) as TaskRecord['request'],
        snapshot: JSON.parse(snapshot) as TaskRecord['snapshot'],
      };
    } catch {
      return null; // not written by this store: left out
    }
  };

  return {
    async get(taskId) {
      const owner = await command(['GET', key(taskId)]);
      return typeof owner === 'string' ? owner : null;
    },
    async set(taskId, userId, ttlMs, record) {
      const ttl = String(Math.max(1, Math.round(ttlMs)));
      const written = await command([
        'EVAL',
        RECORD,
        '3',
        key(taskId),
        recordKey(taskId),
        listKey(userId),
        userId,
        ttl,
        record ? String(record.createdAt) : '',
        record ? JSON.stringify(record.request) : '',
        record ? JSON.stringify(record.snapshot) : '',
        taskId,
      ]);
      // Already recorded: the same user again is fine; anyone else must not take the task over.
      if (written !== 1 && written !== null && written !== userId)
        throw new Error(`Task ${taskId} is already recorded for another user`);
    },
    async saveSnapshot(taskId, snapshot, final) {
      await command([
        'EVAL',
        SAVE_SNAPSHOT,
        '1',
        recordKey(taskId),
        JSON.stringify(snapshot),
        final ? '1' : '0',
      ]);
    },
    async list(userId, { limit, after }) {
      const records: Array<TaskRecord & { taskId: string }> = [];
      let position = after;
      // Entries whose record has expired before the list pruned them are skipped (and removed).
      for (;;) {
        const need = limit - records.length;
        const batch = await range(userId, position, need + 1);
        const wanted = batch.slice(0, need);
        const found = await Promise.all(wanted.map(({ taskId }) => read(taskId)));
        const gone = wanted.filter((_, index) => !found[index]).map(({ taskId }) => taskId);
        if (gone.length) await command(['ZREM', listKey(userId), ...gone]);
        for (const record of found) if (record) records.push(record);
        if (batch.length <= need) return { records, hasMore: false };
        if (!gone.length) return { records, hasMore: true };
        position = wanted[wanted.length - 1]!;
      }
    },
    async ping() {
      await command(['PING']);
    },
    ...redisOutputLedger(command, keyPrefix),
  };
}
