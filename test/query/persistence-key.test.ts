import { describe, expect, it } from 'vitest';
import { withKeySuffix } from '../../src/query/persistence-key.js';

describe('withKeySuffix', () => {
  it('puts a record beside another under <key>:<suffix>, in the same storage', () => {
    const storage = { getItem: () => null, setItem: () => {}, removeItem: () => {} };
    expect(withKeySuffix('video-form', 'variants')).toBe('video-form:variants');
    expect(withKeySuffix({ key: 'batch', storage }, 's1')).toEqual({ key: 'batch:s1', storage });
    expect(withKeySuffix(undefined, 'variants')).toBeUndefined();
  });
});
