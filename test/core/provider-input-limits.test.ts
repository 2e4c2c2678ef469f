import { describe, expect, it } from 'vitest';
import { createClient, ValidationError } from '../../src/core/index.js';
import {
  PROVIDER_INPUT_MAX_BYTES,
  PROVIDER_INPUT_MAX_DEPTH,
  providerInputError,
} from '../../src/core/request/provider-input-limits.js';
import { API, recordRequests, setupMswServer } from '../helpers/msw-server.js';

/** An object nested `levels` deep: `{ a: { a: … { a: 1 } } }`, the outer object being level 1. */
function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = { a: 1 };
  for (let level = 1; level < levels; level++) value = { a: value };
  return value;
}

describe('providerInputError', () => {
  it('accepts the limits themselves, and no providerInput at all', () => {
    expect(PROVIDER_INPUT_MAX_DEPTH).toBe(32);
    expect(PROVIDER_INPUT_MAX_BYTES).toBe(64 * 1024);
    expect(providerInputError(undefined)).toBeUndefined();
    expect(providerInputError(nested(32))).toBeUndefined();
    // 64 KB of JSON exactly: `{"s":"…"}` is 8 bytes around the string.
    expect(providerInputError({ s: 'x'.repeat(PROVIDER_INPUT_MAX_BYTES - 8) })).toBeUndefined();
  });

  it('refuses one level too deep, arrays counting as levels, naming the field and the limit', () => {
    expect(providerInputError(nested(33))).toBe(
      'providerInput must be nested at most 32 levels deep',
    );
    let list: unknown = [1];
    for (let level = 1; level < 33; level++) list = [list];
    expect(providerInputError({ list })).toBe(
      'providerInput must be nested at most 32 levels deep',
    );
  });

  it('refuses a hostile 20,000-level object without overflowing the stack', () => {
    expect(providerInputError(nested(20_000))).toBe(
      'providerInput must be nested at most 32 levels deep',
    );
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(providerInputError(cyclic)).toBe('providerInput must be nested at most 32 levels deep');
  });

  it('counts size in UTF-8 bytes: one byte over is refused', () => {
    expect(providerInputError({ s: 'x'.repeat(PROVIDER_INPUT_MAX_BYTES - 7) })).toBe(
      'providerInput must be at most 64 KB as JSON',
    );
    // 22,000 Japanese characters are 66,000 bytes, though only 22,000 UTF-16 units.
    expect(providerInputError({ s: 'あ'.repeat(22_000) })).toBe(
      'providerInput must be at most 64 KB as JSON',
    );
  });

  it('refuses what is not an object, and what JSON cannot carry, instead of throwing', () => {
    expect(providerInputError('high')).toBe('providerInput must be an object');
    expect(providerInputError([1])).toBe('providerInput must be an object');
    expect(providerInputError({ big: 10n })).toBe('providerInput must be plain JSON');
  });
});

describe('the client', () => {
  const server = setupMswServer();
  const seen = recordRequests(server);
  const client = createClient({ baseUrl: API, apiKey: 'sk_live_test' });

  it('refuses a too-deep or too-large providerInput as a client ValidationError and sends nothing', async () => {
    const base = { model: 'veo3_fast', prompt: 'Waves' } as const;
    for (const [providerInput, message] of [
      [nested(20_000), 'providerInput must be nested at most 32 levels deep'],
      [{ s: 'x'.repeat(70_000) }, 'providerInput must be at most 64 KB as JSON'],
    ] as const) {
      const error = await client.generateVideo({ ...base, providerInput }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ source: 'client', fieldErrors: { providerInput: [message] } });
    }
    expect(seen).toHaveLength(0);
  });
});
