// A user's test that times out inside `advance` must not poison the next one (an `act` left open, the
// clock's timers still firing, a virtual Date). Proven in a Vitest of its own on a fixture of two tests,
// as a user's suite would run: jsdom, Testing Library's automatic cleanup, `afterEach(dispose)`.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startVitest } from 'vitest/node';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('a test that times out in advance', () => {
  // A second Vitest (a worker, jsdom, the transform) on a loaded 2-core machine.
  it('leaves the next test clean', { timeout: 180_000 }, async () => {
    const vitest = await startVitest(
      'test',
      [],
      {
        root,
        config: false,
        watch: false,
        include: ['test/reliability/fixtures/timed-out-advance.fixture.ts'],
        environment: 'jsdom',
        globals: true,
      },
      // No report of its own: the fixture's first test fails on purpose, and the outcomes are read below.
      { logLevel: 'silent', test: { reporters: [{}] } },
    );
    try {
      const outcomes = vitest.state.getTestModules().flatMap((module) =>
        [...module.children.allTests()].map((test) => ({
          name: test.name,
          state: test.result().state,
          error: test.result().errors?.[0]?.message ?? null,
        })),
      );
      expect(outcomes).toEqual([
        {
          name: 'times out in the middle of a long advance',
          state: 'failed',
          error: expect.stringMatching(/timed out in 300ms/),
        },
        {
          name: 'starts clean after it, and drives a video to its result',
          state: 'passed',
          error: null,
        },
      ]);
    } finally {
      await vitest.close();
    }
  });
});
