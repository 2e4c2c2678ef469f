// A plain view of a generation hook's state, so each story shows exactly what the hook returns.
import {
  InsufficientCreditsError,
  TaskFailedError,
  TimeoutError,
  type GenerationState,
} from 'gptimage2-react';
import { useId, type ReactNode } from 'react';
import '../theme/theme.css';
import '../harness.css';

/** The fields a harness shows; both `useGenerateVideo` and `useGenerateImage` return these. */
export interface HarnessGeneration {
  status: GenerationState['status'];
  taskId: string | null;
  error: GenerationState['error'];
  creditsUsed: number | null;
  progress: { elapsedMs: number; estimate: number | null } | null;
  fieldErrors: Partial<Record<string, string[]>> | null;
  isBusy: boolean;
  retry: () => void;
  reset: () => void;
  cancel: () => void;
  resume: () => void;
}

interface GenerationViewProps {
  /** The hook's name, for the heading. */
  hook: string;
  generation: HarnessGeneration;
  /** Submits the story's request. */
  onGenerate: () => void;
  /** The request the button submits, shown as JSON. */
  request: unknown;
  /** The output, once completed. */
  result?: ReactNode;
}

const percent = (value: number) => `${Math.round(value * 100)} %`;

/** Shows every field of a generation's state, with the buttons its methods need. */
export function GenerationView({
  hook,
  generation,
  onGenerate,
  request,
  result,
}: GenerationViewProps) {
  const { status, taskId, error, creditsUsed, progress, fieldErrors } = generation;
  const estimate = progress?.estimate ?? null;
  const titleId = useId();
  return (
    <section className="harness" aria-labelledby={titleId} data-status={status}>
      <h2 id={titleId}>{hook}</h2>
      <pre className="harness-request" aria-label="Request">
        {JSON.stringify(request, null, 2)}
      </pre>
      <div className="harness-actions">
        <button type="button" onClick={onGenerate} disabled={generation.isBusy}>
          Generate
        </button>
        <button
          type="button"
          onClick={generation.retry}
          disabled={generation.isBusy || status === 'idle'}
        >
          Retry
        </button>
        {error instanceof TimeoutError && (
          <button type="button" onClick={generation.resume}>
            Resume
          </button>
        )}
        <button type="button" onClick={generation.cancel} disabled={!generation.isBusy}>
          Cancel
        </button>
        <button type="button" onClick={generation.reset} disabled={status === 'idle'}>
          Reset
        </button>
      </div>
      <dl className="harness-state">
        <dt>status</dt>
        <dd data-testid="status">{status}</dd>
        <dt>taskId</dt>
        <dd>{taskId ?? '—'}</dd>
        <dt>creditsUsed</dt>
        <dd data-testid="credits-used">{creditsUsed ?? '—'}</dd>
        <dt>progress</dt>
        <dd>
          {progress ? (
            <>
              <progress aria-label="Progress (estimate)" max={1} value={estimate ?? undefined} />{' '}
              {estimate === null ? 'unknown' : percent(estimate)},{' '}
              {(progress.elapsedMs / 1000).toFixed(0)} s elapsed
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>error</dt>
        <dd>{error ? <ErrorDetails error={error} /> : '—'}</dd>
      </dl>
      {fieldErrors && (
        <div role="alert" className="harness-field-errors">
          <p>Field errors (nothing was sent, nothing was charged):</p>
          <ul>
            {Object.entries(fieldErrors).map(([field, messages]) => (
              <li key={field}>
                <code>{field}</code>: {messages?.join('; ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {status === 'completed' && <div className="harness-result">{result}</div>}
    </section>
  );
}

/** The typed error's code, message and the data it carries for a UI. */
function ErrorDetails({ error }: { error: NonNullable<GenerationState['error']> }) {
  return (
    <span role="alert">
      <code>{error.code}</code> {error.message}
      {error instanceof TaskFailedError && (
        <>
          {' '}
          · errorCode <code>{error.errorCode ?? '—'}</code> ·{' '}
          <strong>{error.creditsRefunded ? 'credits refunded' : 'credits not refunded yet'}</strong>
        </>
      )}
      {error instanceof InsufficientCreditsError && error.required !== null && (
        <> · {error.required} credits required</>
      )}
      {error.retryable && <> · retryable</>}
    </span>
  );
}
