import { API_ROOT } from '../core/http/routes.js';
import { json } from './json-response.js';
import type { MockFailure } from './failures.js';

/**
 * When a fault strikes: `'before'` the request reaches the service (nothing happens, nothing is
 * charged), or `'after'` the service handled it (a submit created and charged its task) and the
 * answer is then lost or spoiled: the case a client must not resubmit blindly.
 */
export type FaultPhase = 'before' | 'after';

/**
 * Something that goes wrong with a request, for `api.inject` or a scenario's `faults`. The documented
 * API never does these, but any deployment behind proxies and gateways will.
 */
export type MockFault =
  /** 429 `{"error":"Too many requests"}` with `Retry-After` (seconds, or an HTTP date). Defaults to `1`. */
  | { type: 'rateLimit'; retryAfter?: number | string }
  /** A 5xx. `status` defaults to `500`; `body` defaults to JSON for 500, an HTML gateway page otherwise. */
  | {
      type: 'serverError';
      status?: 500 | 502 | 503 | 504;
      body?: 'json' | 'html';
      phase?: FaultPhase;
    }
  /** The connection drops: no response at all. `phase` defaults to `'before'`. */
  | { type: 'drop'; phase?: FaultPhase }
  /** A truncated JSON body under a JSON content type. `phase` defaults to `'after'` (the real answer, cut). */
  | { type: 'malformedJson'; phase?: FaultPhase }
  /** An HTML page (a proxy's or a CDN's), status `200` by default. `phase` defaults to `'before'`. */
  | { type: 'html'; status?: number; phase?: FaultPhase }
  /** The answer comes `ms` later (on the mock's clock), then as usual. */
  | { type: 'latency'; ms: number }
  /** A task snapshot with the quickstart's names: `id`, `outputImageUrls`, `creditRefunded`, `completedAt`. */
  | { type: 'quickstartSpelling' }
  /** The task this submit creates will fail, with this failure (default `EMPTY_RESULT`). */
  | ({ type: 'failTask' } & Partial<MockFailure>);

/** The fault types that need no parameters, accepted by `api.inject` as a plain string. */
export type MockFaultType = MockFault['type'];

/** Which requests an injected fault meets. */
export interface MockFaultTarget {
  /** Only this HTTP method (any case). Defaults to any. */
  method?: string;
  /** Only this path: exact (`/api/ai/tasks/tsk_…`), a prefix ending in `*` (`/api/ai/tasks/*`), or a RegExp. Defaults to the API's paths. */
  path?: string | RegExp;
  /** How many matching requests it meets before it is used up. Defaults to `1`; `Infinity` for all. */
  times?: number;
}

/** A fault waiting for its requests. */
export interface PendingFault {
  fault: MockFault;
  target: MockFaultTarget;
  left: number;
}

/** The fault object for a shorthand string. */
export function toFault(fault: MockFault | MockFaultType): MockFault {
  if (typeof fault !== 'string') return fault;
  if (fault === 'latency')
    throw new TypeError("A latency fault needs its delay: { type: 'latency', ms: 2000 }");
  return { type: fault } as MockFault;
}

/** Whether a target covers this request. API paths only unless the target names its own path. */
export function targets(target: MockFaultTarget, method: string, path: string): boolean {
  if (target.method && target.method.toUpperCase() !== method) return false;
  const { path: want } = target;
  if (want === undefined) return path.includes(API_ROOT);
  if (want instanceof RegExp) return want.test(path);
  return want.endsWith('*') ? path.startsWith(want.slice(0, -1)) : path === want;
}

/** The phase a fault strikes in, with its type's default. */
export function phaseOf(fault: MockFault): FaultPhase {
  if (fault.type === 'quickstartSpelling' || fault.type === 'failTask') return 'after';
  return ('phase' in fault && fault.phase) || (fault.type === 'malformedJson' ? 'after' : 'before');
}

const REASONS: Readonly<Record<number, string>> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const htmlPage = (status: number, title: string) =>
  new Response(
    `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center><hr><center>nginx</center></body></html>\n`,
    {
      status,
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
    },
  );

/**
 * The response a fault answers with (`Response.error()` for a dropped connection), or `undefined`
 * for faults that do not replace the answer (latency, spelling, a failed task). `answer` is the
 * service's own answer, for faults that strike after it.
 */
export async function faultResponse(
  fault: MockFault,
  answer?: Response,
): Promise<Response | undefined> {
  switch (fault.type) {
    case 'rateLimit':
      return json(
        429,
        { error: 'Too many requests' },
        { 'Retry-After': String(fault.retryAfter ?? 1) },
      );
    case 'serverError': {
      const status = fault.status ?? 500;
      const title = REASONS[status] ?? 'Error';
      if ((fault.body ?? (status === 500 ? 'json' : 'html')) === 'html')
        return htmlPage(status, `${status} ${title}`);
      return json(status, { error: title });
    }
    case 'drop':
      return Response.error();
    case 'malformedJson': {
      const whole = answer
        ? await answer.text()
        : '{"taskId":"tsk_01J9XA5M2R9W4QZC4PYJF3N7ND","status":0}';
      return new Response(whole.slice(0, Math.max(1, Math.floor(whole.length / 2))), {
        status: answer?.status ?? 200,
        headers: { 'Content-Type': 'application/json' },
      });
    }
    case 'html':
      // A proxy's interstitial, as a captive portal or a CDN's bot check would serve.
      return htmlPage(fault.status ?? 200, 'Just a moment…');
    default:
      return undefined;
  }
}
