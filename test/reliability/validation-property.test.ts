// The property at scale: for thousands of generated requests across all 20 models, the client's
// validation and the mock service's documented rules agree, end to end through the client's submit:
// nothing valid is refused and nothing invalid is sent. (test/mock/request-schema.test.ts keeps
// the hand-written battery; the random mix lives here.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/core/client.js';
import { ValidationError } from '../../src/core/errors.js';
import type { ModelKind } from '../../src/core/registry/model-spec.js';
import { builtInModels } from '../../src/core/registry/models.js';
import { defaultRegistry } from '../../src/core/registry/registry.js';
import { effectiveInputMode } from '../../src/core/request/input-mode.js';
import { toWireBody } from '../../src/core/request/to-wire-body.js';
import type { DraftRequest } from '../../src/core/request/types.js';
import { validateRequest } from '../../src/core/request/validate-request.js';
import { createMockApi } from '../../src/mock/index.js';
import { validateMockRequest } from '../../src/mock/request-schema.js';
import { createVirtualClock } from '../../src/mock/virtual-clock.js';
import { verdict } from '../helpers/verdict.js';
import { anyDraft, validDraftFor } from './request-arbitraries.js';

// Deterministic on virtual time, but thousands of steps: a loaded machine needs more than the default 5 s.
const SLOW = 60_000;

/** The client wired straight to the mock's handler (no interceptor: thousands of submits stay fast). */
function service() {
  const clock = createVirtualClock();
  const api = createMockApi({ clock, seed: 11, credits: 1e12, timing: 'instant' });
  const client = createClient({
    baseUrl: 'http://mock.test',
    clock,
    fetch: (input, init) => api.handle(new Request(input, init)),
  });
  return { api, client };
}

/**
 * The draft as the service's rules judge it: as written, with the input mode a video submit always
 * carries (the client fills in the default). Not the wire body: the client checks the draft before
 * building that, so a draft it refuses never reaches `toWireBody`. An image draft keeps its
 * `inputMode`, which the client checks against the images (and never sends); the mock applies the
 * same documented rule when an image body has it.
 */
function asWritten(kind: ModelKind, draft: Record<string, unknown>) {
  const written = Object.fromEntries(
    Object.entries(draft).filter(([, value]) => value !== undefined),
  );
  return kind === 'video'
    ? { ...written, inputMode: effectiveInputMode(draft as unknown as DraftRequest, kind) }
    : written;
}

/** Submits through the client; what the client did and what the mock saw. */
async function submitThrough(
  { api, client }: ReturnType<typeof service>,
  kind: ModelKind,
  draft: Record<string, unknown>,
) {
  if (api.requests.length > 500) api.reset();
  const before = api.requests.length;
  const outcome = await client.submit(kind, draft as unknown as DraftRequest).then(
    () => 'accepted' as const,
    (error: unknown) => error,
  );
  return { outcome, received: api.requests.slice(before) };
}

describe('client and mock agree on every generated request', { timeout: SLOW }, () => {
  it('name the same wrong fields for 5000 drafts near every limit of every model', () => {
    fc.assert(
      fc.property(anyDraft, ([kind, draft]) => {
        const wire = toWireBody(draft as unknown as DraftRequest, kind);
        expect(verdict(validateRequest(wire, kind, defaultRegistry))).toEqual(
          verdict(validateMockRequest(wire, kind, defaultRegistry)),
        );
      }),
      { numRuns: 5000, seed: 20261124 },
    );
  });

  it('nothing valid is refused: 2000 valid drafts are sent and the service accepts each', async () => {
    const mock = service();
    const valid = fc
      .constantFrom(...builtInModels)
      .chain((model) => validDraftFor(model).map((draft) => [model.kind, draft] as const));
    await fc.assert(
      fc.asyncProperty(valid, async ([kind, draft]) => {
        expect(validateRequest(draft, kind, defaultRegistry)).toBeNull();
        const { outcome, received } = await submitThrough(
          mock,
          kind,
          draft as unknown as Record<string, unknown>,
        );
        expect(outcome).toBe('accepted');
        expect(received.map((r) => r.status)).toEqual([200]);
      }),
      { numRuns: 2000, seed: 20261125 },
    );
  });

  it('nothing invalid is sent: of 3000 mixed drafts, each is refused unsent or sent and accepted, as the service would', async () => {
    const mock = service();
    let refused = 0;
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(anyDraft, async ([kind, draft]) => {
        const serviceSays = validateMockRequest(asWritten(kind, draft), kind, defaultRegistry);
        const { outcome, received } = await submitThrough(mock, kind, draft);
        if (serviceSays) {
          expect(outcome).toBeInstanceOf(ValidationError);
          expect(outcome).toMatchObject({ source: 'client' });
          expect(received).toHaveLength(0);
          refused++;
        } else {
          expect(outcome).toBe('accepted');
          expect(received.map((r) => r.status)).toEqual([200]);
          sent++;
        }
      }),
      { numRuns: 3000, seed: 20261126 },
    );
    // The mix exercises both sides, not just one.
    expect(Math.min(refused, sent)).toBeGreaterThan(600);
  });
});
