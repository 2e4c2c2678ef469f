// `npm run bench`: every figure of issue 8, side by side with its baselines, as a table on stdout and
// as JSON in test/bench/results.json. Each measured section runs in its own Node process on virtual
// time (see section.ts); sizes are measured here. Timings are medians of one run on this machine:
// compare the ratios, not the milliseconds.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { PollingFigures } from './polling.js';
import type { RenderFigures } from './renders.js';
import type { CycleFigures, MemoryFigures } from './scale.js';
import type { SharingFigures } from './sharing.js';
import type { HistoryFigures } from './history.js';
import type { VariantsFigures } from './variants.js';
import { measureSizes, REFERENCES } from './size.js';
import { round } from './stats.js';
import { printTable } from './table.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const started = performance.now();

/** Runs one section in a fresh process (fresh heap, its own globals) and returns its figures. */
function section<T>(name: string, env: Record<string, string> = {}): T {
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'test/bench/section.ts', name],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (result.status !== 0)
    throw new Error(`Bench section "${name}" failed (exit ${result.status})`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as T;
}

const kb = (bytes: number | null | undefined) =>
  bytes === null || bytes === undefined ? 'pending' : `${round(bytes / 1024, 2)} KiB`;
const ms = (value: number) => `${round(value / 1000, 2)} s`;
const check = (ok: boolean) => (ok ? '✓' : '✗');
const failed: string[] = [];
const target = (name: string, ok: boolean) => {
  if (!ok) failed.push(name);
  return check(ok);
};

// 1. Size
console.log(
  'Size: esbuild (ESM, minified, NODE_ENV=production) of src/, gzip -9; react, react-dom, @tanstack/react-query external.',
);
const sizes = await measureSizes();
execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'ignore' });
const budgets = JSON.parse(
  execFileSync('npx', ['size-limit', '--json'], { cwd: ROOT, encoding: 'utf8' }),
) as Array<{ name: string; size: number; sizeLimit: number; passed: boolean }>;
printTable(
  ['bundle', 'min+gzip', 'added over hooks', 'added, radix-ui already in the app'],
  [
    ...sizes.map((s) => [
      s.name,
      kb(s.bytes),
      s.addedBytes === undefined ? '' : kb(s.addedBytes),
      s.addedWithoutRadixBytes === undefined ? '' : kb(s.addedWithoutRadixBytes),
    ]),
    ...Object.entries(REFERENCES).map(([name, bytes]) => [
      `reference: ${name} (the issue's figure)`,
      kb(bytes),
      '',
      '',
    ]),
  ],
);
printTable(
  ['size-limit budget (dist/, as npm test checks it)', 'size', 'limit', ''],
  budgets.map((b) => [
    b.name,
    `${b.size} B`,
    `${b.sizeLimit} B`,
    target(`size-limit: ${b.name}`, b.passed),
  ]),
);

// 2. Polling
console.log(
  '\nPolling: 200 tasks (10 per model), completion times drawn by the mock (seed 2026) from each model’s typical range, virtual time.',
);
const polling = section<PollingFigures[]>('polling');
const observer = section<PollingFigures[]>('polling-observer');
const byId = section<PollingFigures[]>('polling-by-id');
const docs = polling.find((p) => p.strategy.startsWith('fixed 2 s'))!;
const ours = polling.find((p) => p.strategy.startsWith('ours'))!;
printTable(
  [
    'strategy (useGenerateVideo/Image, React)',
    'GETs/task',
    'image',
    'video',
    'vs 2 s loop',
    'delay median',
    'p95',
    'max',
  ],
  polling.map((p) => [
    p.strategy,
    p.getsPerTask,
    p.getsPerImageTask,
    p.getsPerVideoTask,
    `${round(p.getsPerTask / docs.getsPerTask)}×`,
    ms(p.delayMedianMs),
    ms(p.delayP95Ms),
    ms(p.delayMaxMs),
  ]),
);
const samePath = observer.every((o) => {
  const hook = polling.find((p) => p.strategy === o.strategy)!;
  return (
    hook.getsPerTask === o.getsPerTask &&
    hook.delayMedianMs === o.delayMedianMs &&
    hook.delayP95Ms === o.delayP95Ms
  );
});
console.log(
  `Targets: ours ≤ 0.5× the 2 s loop's GETs ${target('polling: requests', ours.getsPerTask <= docs.getsPerTask / 2)} (${round(ours.getsPerTask / docs.getsPerTask)}×), median ≤ 2 s ${target('polling: median delay', ours.delayMedianMs <= 2000)}, p95 ≤ 4 s ${target('polling: p95 delay', ours.delayP95Ms <= 4000)}`,
);
console.log(
  `Cross-check: QueryObserver + taskQueryOptions without React gives the same figures: ${check(samePath)}`,
);
const docsById = byId.find((p) => p.strategy.startsWith('fixed 2 s'))!;
const oursById = byId.find((p) => p.strategy.startsWith('ours'))!;
console.log(
  '\nThe same tasks followed by id, each by <TaskProgress.Root taskId> (no model or snapshot given: loaded at mount).',
);
printTable(
  [
    'strategy (TaskProgress by task id)',
    'GETs/task',
    'image',
    'video',
    'vs 2 s loop',
    'delay median',
    'p95',
    'max',
  ],
  byId.map((p) => [
    p.strategy,
    p.getsPerTask,
    p.getsPerImageTask,
    p.getsPerVideoTask,
    `${round(p.getsPerTask / docsById.getsPerTask)}×`,
    ms(p.delayMedianMs),
    ms(p.delayP95Ms),
    ms(p.delayMaxMs),
  ]),
);
console.log(
  `Targets by id: ≤ 0.5× ${target('polling by id: requests', oursById.getsPerTask <= docsById.getsPerTask / 2)} (${round(oursById.getsPerTask / docsById.getsPerTask)}×), median ≤ 2 s ${target('polling by id: median delay', oursById.delayMedianMs <= 2000)}, p95 ≤ 4 s ${target('polling by id: p95 delay', oursById.delayP95Ms <= 4000)}`,
);

// 3. Sharing
const sharing = section<SharingFigures>('sharing');
console.log('\nSharing: one Veo 3.1 Fast task, useTask components in one QueryClient.');
printTable(
  ['measure', 'value', 'target', ''],
  [
    [
      `GETs to completion, 1 follower → ${sharing.followers} followers`,
      `${sharing.getsOneFollower} → ${sharing.getsManyFollowers} (${sharing.ratio}×)`,
      '1×',
      target('sharing: one request per interval', sharing.ratio === 1),
    ],
    [
      'most GETs at one instant',
      sharing.mostGetsAtOnce,
      '1',
      target('sharing: no duplicate per interval', sharing.mostGetsAtOnce === 1),
    ],
    [
      'GETs in 10 min after completion (then invalidated)',
      sharing.getsAfterTerminal,
      '0',
      target('sharing: none after terminal', sharing.getsAfterTerminal === 0),
    ],
    [
      'GETs while the page is hidden 60 s',
      sharing.getsWhileHidden,
      '0',
      target('sharing: none while hidden', sharing.getsWhileHidden === 0),
    ],
    [
      'GETs within 100 ms of showing the page again',
      sharing.getsOnShow,
      '1',
      check(sharing.getsOnShow === 1),
    ],
  ],
);

// 3b. History (issue 15)
const history = section<HistoryFigures>('history');
console.log(
  `\nHistory: one page of ${history.pageSize} (useTaskHistory on the mock's list) with ${history.pending} pending Veo 3.1 tasks.`,
);
printTable(
  ['measure', 'value', 'target', ''],
  [
    [
      'requests per poll interval (3.5 s) while they run',
      history.requestsPerInterval,
      `≤ ${history.pending} (one per pending task)`,
      target('history: requests per interval', history.requestsPerInterval <= history.pending),
    ],
    [
      'list reads in 10 min (the list is not polled)',
      history.listRequests,
      '1',
      check(history.listRequests === 1),
    ],
    [
      'task GETs to completion: history alone, useTask followers of the 5 alone',
      `${history.taskGetsHistory}, ${history.taskGetsFollowers}`,
      'history ≤ followers',
      check(history.taskGetsHistory <= history.taskGetsFollowers),
    ],
    [
      'task GETs history adds when the 5 are already followed',
      history.addedByHistoryWhenFollowed,
      '0',
      target('history: no second request', history.addedByHistoryWhenFollowed === 0),
    ],
  ],
);

// 3c. Many generations at once
const variants = section<VariantsFigures>('variants');
console.log(
  `\nVariants: ${variants.variants} Veo 3.1 Fast tasks, one useGenerations batch against ${variants.variants} useGenerateVideo hooks (same seed, same task times).`,
);
const separate = variants.runs[0]!;
printTable(
  ['way', 'POSTs', 'GETs', 'GETs per task', 'most GETs of a task at once', 'all done after', ''],
  variants.runs.map((r) => [
    r.way,
    r.posts,
    r.gets,
    r.getsPerTask,
    r.mostGetsOfOneTaskAtOnce,
    `${r.secondsToAll} s`,
    target(
      `variants: ${r.way}`,
      r.posts === variants.variants && r.gets <= separate.gets && r.mostGetsOfOneTaskAtOnce === 1,
    ),
  ]),
);

// 4. Renders
const renders = section<RenderFigures[]>('renders');
console.log(
  '\nRenders: React Profiler commits over a task’s life, one task per model (20), against mount + first snapshot (when following by id) + status changes + seconds shown.',
);
printTable(
  ['component', 'renders', 'budget', 'ratio', 'worst excess/task', ''],
  renders.map((r, i) => [
    r.component,
    r.renders,
    r.budget,
    r.ratio,
    r.worstExcess,
    i === 0 ? target('renders: TaskProgress', r.worstExcess <= 0) : check(r.worstExcess <= 0),
  ]),
);

// 5. Scale
const cycles = section<CycleFigures[]>('cycles', { NODE_ENV: 'production' });
console.log(
  '\nScale: 500 tasks followed at once, all polled every 2 s, against a canned server; median wall time of one cycle (React production build).',
);
printTable(
  ['variant', 'ms / cycle', 'vs bare fetch'],
  cycles.map((c) => [c.variant, c.msPerCycle, `${c.ratioToBareFetch}×`]),
);
const memory = section<MemoryFigures>('memory', { NODE_ENV: 'production' });
const grown = memory.heapPeakKb - memory.heapBeforeKb;
const leakFree = memory.retainedKb < grown * 0.1;
console.log(
  `\nMemory: ${memory.rounds} rounds of ${memory.tasksPerRound} tasks followed to the end by useTask components, unmounted, gcTime passed, global.gc().`,
);
printTable(
  [
    'heap before',
    'with 1000 followed',
    'after each round',
    'retained',
    'queries / timers left',
    '',
  ],
  [
    [
      `${memory.heapBeforeKb} KB`,
      `${memory.heapPeakKb} KB`,
      memory.heapAfterKb.map((k) => `${k}`).join(', ') + ' KB',
      `${memory.retainedKb} KB`,
      `${memory.queriesLeft} / ${memory.timersLeft}`,
      target('memory: back to baseline', leakFree && memory.queriesLeft === 0),
    ],
  ],
);

const wallSeconds = round((performance.now() - started) / 1000, 1);
const results = {
  machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown' },
  wallSeconds,
  sizes: {
    method:
      'esbuild ESM minified, NODE_ENV=production, src/, gzip level 9; react, react-dom, @tanstack/react-query external',
    figures: sizes,
    references: REFERENCES,
    sizeLimit: budgets,
  },
  polling: {
    path: 'useGenerateVideo/useGenerateImage rendered by React (hook); cross-checked with QueryObserver + taskQueryOptions; and by id with TaskProgress',
    hook: polling,
    observer,
    byId,
  },
  sharing,
  history,
  variants,
  renders,
  scale: { cycles, memory },
  targetsMissed: failed,
};
writeFileSync(`${ROOT}test/bench/results.json`, `${JSON.stringify(results, null, 2)}\n`);
console.log(
  `\nWrote test/bench/results.json. Wall time ${wallSeconds} s. ${failed.length ? `Missed: ${failed.join('; ')}` : 'Every target met.'}`,
);
if (failed.length) process.exitCode = 1;
