import { describe, expect, it } from 'vitest';
import * as errors from '../../src/core/errors.js';
import {
  GptImageError,
  HistoryUnavailableError,
  HttpError,
  InsufficientCreditsError,
  InvalidResponseError,
  NetworkError,
  RateLimitedError,
  ServerError,
  SubmitOutcomeUnknownError,
  TaskFailedError,
  TaskNotFoundError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
} from '../../src/core/errors.js';
import type { Task } from '../../src/core/task/task.js';

const failed = { id: 'tsk_1', status: 'failed', errorCode: 'E', errorMessage: 'no' } as Task;

// One instance of each error the client throws, as the client makes them.
const instances: GptImageError[] = [
  new ValidationError(
    { formErrors: [], fieldErrors: { prompt: ['Prompt is required'] } },
    'client',
  ),
  new UnauthorizedError(),
  new InsufficientCreditsError(12),
  new TaskNotFoundError('tsk_1'),
  new RateLimitedError(null),
  new ServerError(502, 'Bad gateway'),
  new HttpError(403, 'Forbidden'),
  new NetworkError('offline'),
  new InvalidResponseError('not JSON'),
  new TaskFailedError(failed),
  new TimeoutError('tsk_1', 600_000, null),
  new SubmitOutcomeUnknownError(new NetworkError('offline')),
  new HistoryUnavailableError(404),
];

describe('the client errors', () => {
  it('covers every error class the module exports', () => {
    const classes = Object.values(errors).filter(
      (value) => typeof value === 'function' && value.prototype instanceof GptImageError,
    );
    expect(new Set(instances.map((error) => error.constructor))).toEqual(new Set(classes));
  });

  it.each(instances.map((error) => [error.constructor.name, error] as const))(
    '%s is named after its class (what a log or a stack trace shows)',
    (className, error) => {
      expect(error.name).toBe(className);
      expect(String(error)).toMatch(new RegExp(`^${className}: `));
      expect(error).toBeInstanceOf(GptImageError);
      expect(errors.isGptImageError(error, error.code)).toBe(true);
    },
  );

  it('names a GptImageError made directly GptImageError, whatever its code', () => {
    expect(new GptImageError('timeout', 'gave up').name).toBe('GptImageError');
  });
});
