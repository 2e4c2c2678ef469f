import type { Random } from './random.js';

// Crockford's base32, as ULIDs use: no I, L, O or U.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A task id as the API makes them: `tsk_` + a 26-character ULID (10 characters of millisecond time,
 * 16 of randomness). The randomness comes from the mock's seeded source, so a replay gives the same ids.
 */
export function createTaskId(time: number, random: Random): string {
  let timePart = '';
  let rest = Math.max(0, Math.floor(time));
  for (let i = 0; i < 10; i++) {
    timePart = ALPHABET[rest % 32] + timePart;
    rest = Math.floor(rest / 32);
  }
  let randomPart = '';
  for (let i = 0; i < 16; i++) randomPart += ALPHABET[Math.floor(random() * 32)];
  return `tsk_${timePart}${randomPart}`;
}
