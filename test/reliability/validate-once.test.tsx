// Each submit is validated exactly once, on every path: the hook (the client's check is the one; the
// hook does not check again) and the form (its draft's validation is what it shows; the submit itself
// is checked once, by the client). An invalid request still shows its field errors with nothing sent.
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useGenerationForm } from '../../src/components/index.js';
import * as validation from '../../src/core/request/validate-request.js';
import { useGenerateVideo } from '../../src/react/index.js';
import { advance, providers, setupMockApi } from '../helpers/render-with-client.js';

// Every call of the validation counts: the client, the hooks and the form all check through it.
vi.mock('../../src/core/request/validate-request.js', async (importOriginal) => {
  const original: typeof validation = await importOriginal();
  return { ...original, validateRequest: vi.fn(original.validateRequest) };
});
const checks = () => vi.mocked(validation.validateRequest).mock.calls.length;
const resetChecks = () => vi.mocked(validation.validateRequest).mockClear();

const mock = setupMockApi({ timing: 'realistic' });
const veo = { model: 'veo3_fast', prompt: 'Waves at dawn', duration: 8 } as const;

describe('validation once per submit', () => {
  it('the hook: one check, then one POST', async () => {
    const { result } = renderHook(() => useGenerateVideo(), providers());
    resetChecks();
    act(() => result.current.generate(veo));
    await advance(0);
    expect(result.current.status).toBe('pending');
    expect(mock.posts()).toBe(1);
    expect(checks()).toBe(1);
  });

  it('the hook, refusing an invalid request: one check, field errors, nothing sent', async () => {
    const { result } = renderHook(() => useGenerateVideo(), providers());
    resetChecks();
    act(() =>
      result.current.generate({
        model: 'kling/v2-1-pro',
        prompt: 'x',
        inputImageUrls: ['https://a.test/1.png'],
        duration: 7 as 5,
      }),
    );
    await advance(0);
    expect(result.current.status).toBe('failed');
    expect(result.current.fieldErrors).toMatchObject({
      duration: ['duration must be one of 5, 10 for kling/v2-1-pro'],
    });
    expect(mock.api.requests).toHaveLength(0);
    expect(checks()).toBe(1);
  });

  it('the form: its submit is checked once, then one POST', async () => {
    const { result } = renderHook(
      () => useGenerationForm({ kind: 'video', defaultValues: veo }),
      providers(),
    );
    expect(result.current.isValid).toBe(true);
    resetChecks();
    act(() => result.current.submit());
    await advance(0);
    expect(result.current.generation.status).toBe('pending');
    expect(mock.posts()).toBe(1);
    expect(checks()).toBe(1);
  });
});
