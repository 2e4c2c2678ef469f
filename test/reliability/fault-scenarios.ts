// The faults of issue 8, as mock scenarios for the polling phase (set after every task is submitted,
// so the GETs meet them). Each draws per request from the mock's seeded network stream.
import type { MockFault, MockScenario } from '../../src/mock/index.js';

const RATE = 0.2;

/** A scenario where `RATE` of the requests meet one of `faults`. */
const some = (...faults: MockFault[]): MockScenario => ({ faultRate: RATE, faults });

/** Every fault of the issue, named; `requestTimeoutMs` is the client's timeout these assume. */
export const faultScenarios = {
  '20 % of GETs answer 500': some({ type: 'serverError', status: 500 }),
  'dropped connections, before and after the service': some(
    { type: 'drop' },
    { type: 'drop', phase: 'after' },
  ),
  '429 with Retry-After (1 s, 3 s, 90 s, an HTTP date)': some(
    { type: 'rateLimit', retryAfter: 1 },
    { type: 'rateLimit', retryAfter: 3 },
    { type: 'rateLimit', retryAfter: 90 },
    { type: 'rateLimit', retryAfter: new Date(Date.UTC(2026, 0, 1, 0, 0, 5)).toUTCString() },
  ),
  'malformed JSON and non-JSON bodies (HTML at 200 and 502)': some(
    { type: 'malformedJson' },
    { type: 'html' },
    { type: 'serverError', status: 502, body: 'html' },
  ),
  'responses slower than the request timeout': some({ type: 'latency', ms: 8000 }),
  'all of them at once, on 40 % of requests': {
    faultRate: 0.4,
    faults: [
      { type: 'serverError', status: 500 },
      { type: 'serverError', status: 503, body: 'html' },
      { type: 'drop' },
      { type: 'drop', phase: 'after' },
      { type: 'rateLimit', retryAfter: 2 },
      { type: 'malformedJson' },
      { type: 'html' },
      { type: 'latency', ms: 8000 },
      { type: 'quickstartSpelling' },
    ],
  },
} satisfies Record<string, MockScenario>;

/** The request timeout the clients in these tests use: below the 8 s latency fault. */
export const REQUEST_TIMEOUT_MS = 5000;
