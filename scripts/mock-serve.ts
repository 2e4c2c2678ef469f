// npm run mock:serve: the mock GPT Image 2 API on http://127.0.0.1:4010, for curl, an app's server or
// a browser. Flags (or environment variables):
//   --port 4010 (PORT)
//   --host 127.0.0.1: the interface; only this flag moves it off loopback (HOST is ignored: many
//     containers export HOST=0.0.0.0), and then it warns
//   --cors '*' or --cors http://localhost:5173 (MOCK_CORS): let browsers on other origins call it
//   --key sk_test:500, repeatable (MOCK_KEYS=sk_a:500,sk_b:20): require these bearer keys
//   --credits 1000 (MOCK_CREDITS): the balance when no keys are given
//   --timing realistic|fast|instant|<factor> (MOCK_TIMING)   --seed 42 (MOCK_SEED)
//   --scenario realistic|instant|providerFailure|… (MOCK_SCENARIO)
import { parseArgs } from 'node:util';
import { mockScenarios, type MockScenarioName, type MockTiming } from '../src/mock/index.js';
import { startMockServer } from '../src/mock/node.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    cors: { type: 'string' },
    key: { type: 'string', multiple: true },
    credits: { type: 'string' },
    timing: { type: 'string' },
    seed: { type: 'string' },
    scenario: { type: 'string' },
  },
});
const env = process.env;

function fail(message: string): never {
  console.error(`mock:serve: ${message}`);
  process.exit(2);
}

function number(name: string, text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) fail(`${name} must be a number (got "${text}")`);
  return value;
}

const keySpecs = values.key ?? (env.MOCK_KEYS ? env.MOCK_KEYS.split(',') : []);
const keys = keySpecs.length
  ? Object.fromEntries(
      keySpecs.map((spec) => {
        const [key, credits = '1000'] = spec.trim().split(':');
        if (!key) fail(`a key must look like sk_test or sk_test:500 (got "${spec}")`);
        return [key, { credits: number(`credits of ${key}`, credits)! }];
      }),
    )
  : undefined;

const timingText = values.timing ?? env.MOCK_TIMING;
const timing: MockTiming | undefined =
  timingText === undefined
    ? undefined
    : ['instant', 'fast', 'realistic'].includes(timingText)
      ? (timingText as MockTiming)
      : number('--timing', timingText);
const scenario = values.scenario ?? env.MOCK_SCENARIO;
if (scenario !== undefined && !(scenario in mockScenarios))
  fail(`--scenario must be one of ${Object.keys(mockScenarios).join(', ')}`);

const server = await startMockServer({
  port: number('--port', values.port ?? env.PORT) ?? 4010,
  host: values.host ?? '127.0.0.1',
  cors: values.cors ?? env.MOCK_CORS,
  keys,
  credits: number('--credits', values.credits ?? env.MOCK_CREDITS),
  timing,
  seed: number('--seed', values.seed ?? env.MOCK_SEED),
  scenario: scenario as MockScenarioName | undefined,
});

const key = keys ? Object.keys(keys)[0] : undefined;
const auth = key ? ` \\\n  -H "Authorization: Bearer ${key}"` : '';
console.log(`GPT Image 2 mock API listening on ${server.url}`);
console.log(
  keys
    ? `Keys: ${Object.entries(keys)
        .map(([k, { credits }]) => `${k} (${credits} credits)`)
        .join(', ')}`
    : `No keys required; balance ${server.api.balance()} credits`,
);
console.log(`Timing: ${timing ?? 'realistic'}${scenario ? `; scenario: ${scenario}` : ''}\n`);
console.log('Submit a task:');
console.log(
  `curl -X POST ${server.url}/api/ai/image/generate${auth} \\\n  -H "Content-Type: application/json" \\\n  -d '{"prompt":"A red fox in fresh snow","model":"gpt-image-2","aspectRatio":"16:9"}'\n`,
);
console.log('Then poll it:');
console.log(`curl ${server.url}/api/ai/tasks/<taskId>${auth}\n`);

const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
