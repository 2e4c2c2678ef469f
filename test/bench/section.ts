// Runs one measured section in this process and prints its figures as JSON on the last line of
// stdout. The environment module comes first: it must patch the globals before anything else loads.
import { time } from './bench-env.js';

const sections: Record<string, () => Promise<unknown>> = {
  polling: async () => (await import('./polling.js')).measurePolling(time),
  'polling-observer': async () =>
    (await import('./polling.js')).measurePolling(time, { path: 'observer' }),
  'polling-by-id': async () => {
    const { measurePolling, strategies } = await import('./polling.js');
    return measurePolling(time, {
      path: 'taskProgress',
      list: strategies.filter((s) => /^(fixed 2 s|ours)/.test(s.name)),
    });
  },
  sharing: async () => (await import('./sharing.js')).measureSharing(time),
  history: async () => (await import('./history.js')).measureHistory(time),
  variants: async () => (await import('./variants.js')).measureVariants(time),
  renders: async () => (await import('./renders.js')).measureRenders(time),
  cycles: async () => (await import('./scale.js')).measureCycles(time),
  memory: async () =>
    (await import('./scale.js')).measureMemory(time, 1000, Number(process.env.MEMORY_ROUNDS ?? 5)),
};

const name = process.argv[2] ?? '';
const run = sections[name];
if (!run) throw new Error(`Unknown section "${name}": one of ${Object.keys(sections).join(', ')}`);
const figures = await run();
process.stdout.write(`\n${JSON.stringify(figures)}\n`);
process.exit(0);
