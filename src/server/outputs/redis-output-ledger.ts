import type { TaskOwnerStore } from '../task-owner-store.js';
import type { KeptOutputs, OutputClaim } from '../output-ledger.js';

type Command = (args: string[]) => Promise<unknown>;

// KEYS: owner, outputs hash, lease. The kept URLs, else the attempts so far, else a lease taken with
// SET NX (one copy at a time across every instance).
const CLAIM = `
if redis.call('EXISTS', KEYS[1]) == 0 then return {'given-up', ''} end
local kept = redis.call('HGET', KEYS[2], 'kept')
if kept then return {'kept', kept} end
if tonumber(redis.call('HGET', KEYS[2], 'attempts') or '0') >= tonumber(ARGV[2]) then return {'given-up', ''} end
if redis.call('SET', KEYS[3], '1', 'PX', ARGV[1], 'NX') then return {'claimed', ''} end
return {'busy', ''}`;

// KEYS: owner, outputs hash, lease, history hash. Kept as long as the task's owner; the history's
// snapshot is replaced by the one naming the kept URLs, and marked final.
const SETTLE = `
local ttl = redis.call('PTTL', KEYS[1])
redis.call('DEL', KEYS[3])
if ttl <= 0 then return 0 end
if ARGV[1] == '' then redis.call('HINCRBY', KEYS[2], 'attempts', 1)
else
  redis.call('HSET', KEYS[2], 'kept', ARGV[1])
  if redis.call('EXISTS', KEYS[4]) == 1 then redis.call('HSET', KEYS[4], 'snapshot', ARGV[2], 'final', '1') end
end
redis.call('PEXPIRE', KEYS[2], ttl)
return 1`;

/** The Redis task store's `claimOutputs` and `saveOutputs`, on keys beside the task's. */
export function redisOutputLedger(
  command: Command,
  keyPrefix: string,
): Required<Pick<TaskOwnerStore, 'claimOutputs' | 'saveOutputs'>> {
  const keys = (taskId: string) => [
    `${keyPrefix}task:${taskId}`,
    `${keyPrefix}outputs:${taskId}`,
    `${keyPrefix}outputs-lease:${taskId}`,
    `${keyPrefix}history:${taskId}`,
  ];
  return {
    async claimOutputs(taskId, leaseMs, maxAttempts) {
      const [owner, outputs, lease] = keys(taskId);
      const [state, kept] = (await command([
        'EVAL',
        CLAIM,
        '3',
        owner!,
        outputs!,
        lease!,
        String(Math.max(1, Math.round(leaseMs))),
        String(maxAttempts),
      ])) as [string, string];
      if (state === 'kept') return { state, outputs: JSON.parse(kept) as KeptOutputs };
      return { state } as OutputClaim;
    },
    async saveOutputs(taskId, outcome) {
      const kept =
        'failed' in outcome
          ? ['', '']
          : [JSON.stringify(outcome.outputs), JSON.stringify(outcome.snapshot)];
      await command(['EVAL', SETTLE, '4', ...keys(taskId), ...kept]);
    },
  };
}
