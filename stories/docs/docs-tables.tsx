// Tables for the guides, built from the library and the Storybook environment where they can be, so a
// page cannot say one thing while the code does another. (MDX here has no Markdown tables.)
import type { GptImageError } from 'gptimage2-react/client';
import {
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
  type Task,
} from 'gptimage2-react/client';
import type { ReactNode } from 'react';
import { SCENARIOS } from '../../.storybook/mock-environment';
import './docs.css';

const task: Task = {
  id: 'tsk_x',
  status: 'failed',
  type: 'video',
  model: 'veo3_fast',
  prompt: '',
  request: null,
  imageUrls: [],
  videoUrl: null,
  errorCode: 'EMPTY_RESULT',
  errorMessage: null,
  creditsUsed: 9,
  creditsRefunded: true,
  createdAt: null,
  updatedAt: null,
};

/** One of each error class (its `code` and `retryable` are read from the instance), with when and what it carries. */
const ERRORS: { error: GptImageError; when: ReactNode; carries: ReactNode }[] = [
  {
    error: new ValidationError({ formErrors: [], fieldErrors: {} }, 'client'),
    when: (
      <>
        the request breaks a model’s rule: refused <strong>before sending</strong> (
        <code>source: 'client'</code>), or the API’s 400 (<code>'server'</code>)
      </>
    ),
    carries: (
      <>
        <code>fieldErrors</code>, <code>formErrors</code>, <code>source</code>
      </>
    ),
  },
  {
    error: new UnauthorizedError(),
    when: '401: no session (through your proxy) or a bad key',
    carries: '',
  },
  {
    error: new InsufficientCreditsError(9),
    when: '402: nothing was charged; top up',
    carries: <code>required</code>,
  },
  {
    error: new TaskNotFoundError('tsk_x'),
    when: '404: an unknown id, or another user’s',
    carries: <code>taskId</code>,
  },
  {
    error: new RateLimitedError(1000),
    when: (
      <>
        429; wait for <code>Retry-After</code>
      </>
    ),
    carries: <code>retryAfterMs</code>,
  },
  { error: new ServerError(503, 'Service Unavailable'), when: '5xx', carries: <code>status</code> },
  {
    error: new NetworkError('offline'),
    when: 'no answer: offline, dropped, timed out',
    carries: '',
  },
  {
    error: new InvalidResponseError('not JSON'),
    when: 'an answer that is not the API’s (an HTML page, cut-off JSON)',
    carries: '',
  },
  {
    error: new HttpError(418, 'I’m a teapot'),
    when: 'any other status',
    carries: <code>status</code>,
  },
  {
    error: new TaskFailedError(task),
    when: 'the task ended FAILED; a new submit is a new charge',
    carries: (
      <>
        <code>errorCode</code>, <code>errorMessage</code>, <code>creditsRefunded</code>,{' '}
        <code>task</code>
      </>
    ),
  },
  {
    error: new TimeoutError('tsk_x', 600_000, null),
    when: (
      <>
        following gave up with the task still pending; <code>resume()</code> goes on
      </>
    ),
    carries: (
      <>
        <code>taskId</code>, <code>task</code>
      </>
    ),
  },
  {
    error: new SubmitOutcomeUnknownError(new NetworkError('dropped')),
    when: (
      <>
        the submit got no usable answer: a task <strong>may exist and be charged</strong>; check
        before submitting again
      </>
    ),
    carries: <code>cause</code>,
  },
];

/** Every error class the client raises: its stable `code`, whether it is retryable, when, and its data. */
export function ErrorTable() {
  return (
    <div className="docs-table-wrap" tabIndex={0} role="region" aria-label="Errors">
      <table className="docs-table">
        <caption>
          <code>code</code> and <code>retryable</code> are read from an instance of each class
        </caption>
        <thead>
          <tr>
            <th scope="col">Class</th>
            <th scope="col">
              <code>code</code>
            </th>
            <th scope="col">Retryable</th>
            <th scope="col">When</th>
            <th scope="col">Carries</th>
          </tr>
        </thead>
        <tbody>
          {ERRORS.map(({ error, when, carries }) => (
            <tr key={error.name}>
              <th scope="row">
                <code>{error.name}</code>
              </th>
              <td>
                <code>{error.code}</code>
              </td>
              <td>{error.retryable ? 'yes' : 'no'}</td>
              <td>{when}</td>
              <td>{carries}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The toolbar's **API** menu, from the list the toolbar itself is made of. */
export function ToolbarTable() {
  return (
    <div className="docs-table-wrap" tabIndex={0} role="region" aria-label="The API menu">
      <table className="docs-table">
        <caption>
          The <strong>API</strong> menu of the toolbar
        </caption>
        <thead>
          <tr>
            <th scope="col">Choice</th>
            <th scope="col">What happens</th>
          </tr>
        </thead>
        <tbody>
          {SCENARIOS.map((scenario) => (
            <tr key={scenario.value}>
              <th scope="row">{scenario.title}</th>
              <td>{scenario.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
