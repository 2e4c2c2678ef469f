import type { Task } from './task/task.js';

/** Field errors in the API's own 400 shape: messages for the whole request and per field. */
export interface FieldErrors {
  formErrors: string[];
  fieldErrors: Partial<Record<string, string[]>>;
}

/**
 * Every error code the client raises; stable, for `switch` and for i18n keys. A string union (no
 * runtime object) so it costs nothing in a bundle.
 */
export type ErrorCode =
  | 'validation'
  | 'unauthorized'
  | 'insufficient_credits'
  | 'task_not_found'
  | 'rate_limited'
  | 'server_error'
  | 'http_error'
  | 'network_error'
  | 'invalid_response'
  | 'task_failed'
  | 'timeout'
  | 'submit_outcome_unknown'
  | 'history_unavailable';

/** The base of every error the client throws (aborts excepted: those are the platform's `AbortError`). */
export class GptImageError extends Error {
  /** A stable code; see {@link ErrorCode}. */
  declare readonly code: ErrorCode;
  /** Whether the same call may succeed if made again (after a wait). */
  declare readonly retryable: boolean;
  /** The HTTP status, when the error came from a response. */
  declare readonly status?: number;

  /**
   * `options.retryable` defaults to `false`; any further field of `options` (a subclass's `name` and
   * data) is set on the error.
   */
  constructor(
    code: ErrorCode,
    message: string,
    {
      cause,
      ...fields
    }: { retryable?: boolean; status?: number; cause?: unknown; [field: string]: unknown } = {},
  ) {
    super(message, { cause });
    Object.assign(this, {
      name: 'GptImageError',
      retryable: false,
      status: undefined,
      ...fields,
      code,
    });
  }
}

/** The request breaks a rule: from the client's own check (no network call made) or the server's 400. */
export class ValidationError extends GptImageError {
  /** Messages for the whole request. */
  declare readonly formErrors: string[];
  /** Messages per field, each naming the field and the rule. */
  declare readonly fieldErrors: Partial<Record<string, string[]>>;
  /** `client` when caught before sending (nothing was sent or charged), `server` for a 400. */
  declare readonly source: 'client' | 'server';

  constructor(errors: FieldErrors, source: 'client' | 'server', status?: number) {
    const first =
      [...errors.formErrors, ...Object.values(errors.fieldErrors).flat()][0] ?? 'Invalid request';
    super('validation', first, { ...errors, name: 'ValidationError', source, status });
  }
}

/** 401: the API key or session is missing or invalid. */
export class UnauthorizedError extends GptImageError {
  constructor(status = 401) {
    super('unauthorized', 'Unauthorized: missing or invalid API key or session', {
      name: 'UnauthorizedError',
      status,
    });
  }
}

/** 402: the balance is short. No charge was made. */
export class InsufficientCreditsError extends GptImageError {
  /** Credits the request needs, when the server said. */
  declare readonly required: number | null;
  constructor(required: number | null, status = 402) {
    super(
      'insufficient_credits',
      `Insufficient credits${required === null ? '' : `: ${required} required`}; nothing was charged`,
      { name: 'InsufficientCreditsError', status, required },
    );
  }
}

/** 404: no such task for this caller (unknown id, or another account's task). */
export class TaskNotFoundError extends GptImageError {
  /** The id that was asked for. */
  declare readonly taskId: string;
  constructor(taskId: string, status = 404) {
    super('task_not_found', `Task not found: ${taskId}`, {
      name: 'TaskNotFoundError',
      status,
      taskId,
    });
  }
}

/** 429: too many requests. Retryable after `retryAfterMs`. */
export class RateLimitedError extends GptImageError {
  /** How long the server asked us to wait, in milliseconds, when it said (`Retry-After`). */
  declare readonly retryAfterMs: number | null;
  constructor(retryAfterMs: number | null) {
    super('rate_limited', 'Rate limited: too many requests', {
      name: 'RateLimitedError',
      retryable: true,
      status: 429,
      retryAfterMs,
    });
  }
}

/** 5xx: the server or a gateway in front of it failed. Retryable with backoff. */
export class ServerError extends GptImageError {
  /**
   * Whether the server said nothing was sent or charged (`"charged": false` in its answer, as our proxy
   * says when it refuses before sending: no API key, a task store that is away). Such a failed submit
   * is a plain `ServerError`, safe to submit again, instead of a `SubmitOutcomeUnknownError`.
   */
  declare readonly notCharged: boolean;
  constructor(status: number, message: string, notCharged = false) {
    super('server_error', `Server error ${status}: ${message}`, {
      name: 'ServerError',
      retryable: true,
      status,
      notCharged,
    });
  }
}

/** Any other HTTP error status (403, 405, 413 from a proxy, …). */
export class HttpError extends GptImageError {
  constructor(status: number, message: string) {
    super('http_error', `HTTP ${status}: ${message}`, { name: 'HttpError', status });
  }
}

/** The request never got an answer: offline, DNS, a dropped connection, or no response in time. */
export class NetworkError extends GptImageError {
  constructor(message: string, cause?: unknown) {
    super('network_error', `Network error: ${message}`, {
      name: 'NetworkError',
      retryable: true,
      cause,
    });
  }
}

/**
 * A successful status with a body we cannot make sense of (not JSON, no task id, unknown status), or one
 * we refuse to hand on (an output URL that is not http(s)). Retryable unless said otherwise.
 */
export class InvalidResponseError extends GptImageError {
  constructor(message: string, status?: number, retryable = true) {
    super('invalid_response', `Invalid response: ${message}`, {
      name: 'InvalidResponseError',
      retryable,
      status,
    });
  }
}

/** The task ended FAILED. Its credits are refunded (or will be shortly). */
export class TaskFailedError extends GptImageError {
  /** The final snapshot. */
  declare readonly task: Task;
  /** The provider's or the API's code (`EMPTY_RESULT`, `STORAGE_ERROR`, …), when given. */
  declare readonly errorCode: string | null;
  /** The reason in words, when given. */
  declare readonly errorMessage: string | null;
  /** Whether the snapshot already reports the refund. */
  declare readonly creditsRefunded: boolean;
  constructor(task: Task) {
    const { errorCode, errorMessage, creditsRefunded } = task;
    super(
      'task_failed',
      `Task failed${errorCode ? ` (${errorCode})` : ''}: ${errorMessage ?? 'no reason given'}`,
      { name: 'TaskFailedError', task, errorCode, errorMessage, creditsRefunded },
    );
  }
}

/** We stopped waiting; the task may still finish. Carries the id so following can resume. */
export class TimeoutError extends GptImageError {
  /** The task that was being followed. */
  declare readonly taskId: string;
  /** The last snapshot seen, if any. */
  declare readonly task: Task | null;
  constructor(taskId: string, waitedMs: number, task: Task | null, cause?: unknown) {
    super(
      'timeout',
      `Stopped waiting for task ${taskId} after ${Math.round(waitedMs / 1000)} s; it may still complete`,
      { name: 'TimeoutError', retryable: true, cause, taskId, task },
    );
  }
}

/**
 * A submit may have reached the server but we got no usable answer (dropped connection, a 5xx, an
 * unreadable body). The task may exist and be charged: do not resubmit blindly.
 */
export class SubmitOutcomeUnknownError extends GptImageError {
  constructor(cause: unknown) {
    super(
      'submit_outcome_unknown',
      'No answer to the submit: a task may exist and be charged. Check before submitting again',
      {
        name: 'SubmitOutcomeUnknownError',
        cause,
        status: cause instanceof GptImageError ? cause.status : undefined,
      },
    );
  }
}

/**
 * `listTasks` reached a server with no list of tasks: the API itself (it has none, and answers 404),
 * or a proxy whose task store keeps no history (501). History needs the library's proxy
 * (`createProxyHandler`, whose stores keep it) or a browser history store (`useTaskHistory` falls
 * back to one by itself).
 */
export class HistoryUnavailableError extends GptImageError {
  constructor(status?: number) {
    super(
      'history_unavailable',
      'No task history: the API keeps none; serve it through the proxy (createProxyHandler)',
      { name: 'HistoryUnavailableError', status },
    );
  }
}

/** Whether `error` is one of the client's errors (optionally of one code). */
export function isGptImageError(error: unknown, code?: ErrorCode): error is GptImageError {
  return error instanceof GptImageError && (code === undefined || error.code === code);
}

/** Whether `error` is an abort (the platform's `AbortError`), as thrown when a signal aborts. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
