// The model capability table, rendered from the library's own registry: what the table says is what
// the client validates against, because it is the same data (nothing here is copied by hand).
import {
  builtInModels,
  defaultPollSchedule,
  modeLabel,
  type CreditRule,
  type ModelKind,
  type ModelSpec,
} from 'gptimage2-react/client';
import type { ReactNode } from 'react';
import './docs.css';

const list = (values: readonly (string | number)[], empty = '—') =>
  values.length ? values.join(', ') : empty;

/** A price rule in words, one price per line: a flat price, a table of prices, or unpublished. */
function credits(rule: CreditRule): ReactNode {
  if (rule === null) return 'unpublished (shown after submit)';
  if (typeof rule === 'number') return String(rule);
  const label = (key: string) =>
    key.includes('/') ? `${key.replace('/', ' · ')} s` : /^\d+$/.test(key) ? `${key} s` : key;
  return lines(Object.entries(rule).map(([key, price]) => `${label(key)}: ${price}`));
}

/** Items on their own lines. */
function lines(items: readonly string[]): ReactNode {
  return items.map((item, index) => (
    <span key={item} className="docs-line">
      {index > 0 && <br />}
      {item}
    </span>
  ));
}

function aspectRatios(model: ModelSpec): string {
  if (model.aspectRatioFromImage) return 'from the input image';
  const limited = Object.entries(model.aspectRatioResolutions ?? {});
  const base = list(model.aspectRatios, 'no choice');
  return limited.length
    ? `${base} (${limited.map(([ratio, at]) => `${ratio} at ${at.join('/')}`).join(', ')})`
    : base;
}

function resolutions(model: ModelSpec): string {
  if (!model.resolutions.length) return '—';
  return model.resolutions
    .map((value) => (value === model.defaultResolution ? `${value} (default)` : value))
    .join(', ');
}

const seconds = ([fastest, slowest]: readonly [number, number]) => `${fastest}–${slowest} s`;

/** The models of one kind (or all), one row each, every capability the client enforces. */
export function ModelTable({ kind }: { kind?: ModelKind }) {
  const models = builtInModels.filter((model) => !kind || model.kind === kind);
  return (
    <div
      className="docs-table-wrap"
      tabIndex={0}
      role="region"
      aria-label={`${kind ?? 'All'} models`}
    >
      <table className="docs-table">
        <caption>
          {models.length} {kind ?? ''} models, from <code>builtInModels</code>
        </caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Family</th>
            <th scope="col">Input modes</th>
            <th scope="col">Images</th>
            {kind !== 'image' && <th scope="col">Durations</th>}
            <th scope="col">Aspect ratios</th>
            <th scope="col">Resolutions</th>
            <th scope="col">Credits</th>
            <th scope="col">Prompt (chars)</th>
            <th scope="col">Typical time</th>
          </tr>
        </thead>
        <tbody>
          {models.map((model: ModelSpec) => (
            <tr key={model.id}>
              <th scope="row">
                {model.name}
                <br />
                <code>{model.id}</code>
              </th>
              <td>{model.family}</td>
              <td>{lines(model.inputModes.map(modeLabel))}</td>
              <td>{model.maxImages === 0 ? 'none' : `up to ${model.maxImages}`}</td>
              {kind !== 'image' && (
                <td>
                  {model.durations.length === 1
                    ? `${model.durations[0]} s (fixed)`
                    : list(model.durations.map((d) => `${d} s`))}
                </td>
              )}
              <td>{aspectRatios(model)}</td>
              <td>{resolutions(model)}</td>
              <td>{credits(model.credits)}</td>
              <td>
                {model.promptMin && model.promptMin > 1 ? `${model.promptMin}–` : '≤ '}
                {model.promptMax.toLocaleString('en')}
                {model.negativePromptMax ? (
                  <>
                    <br />
                    <span className="docs-line">negative ≤ {model.negativePromptMax}</span>
                  </>
                ) : null}
              </td>
              <td>{seconds(model.typicalSeconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * When the library polls a task of each model, by the default schedule: worked out here by calling
 * `defaultPollSchedule` itself, so the page cannot drift from the code.
 */
export function PollTimeline({
  models = ['nano-banana-2', 'gpt-image-2', 'veo3_fast', 'kling/v2-1-pro'],
  until = 180,
}: {
  models?: string[];
  until?: number;
}) {
  const rows = models.map((id) => {
    const model = builtInModels.find((candidate) => candidate.id === id)!;
    const times: number[] = [];
    let elapsedMs = 0;
    for (let attempt = 0; elapsedMs <= until * 1000; attempt++) {
      elapsedMs += defaultPollSchedule({ attempt, elapsedMs, model });
      if (elapsedMs <= until * 1000) times.push(elapsedMs / 1000);
    }
    return { model, times };
  });
  return (
    <div className="docs-table-wrap" tabIndex={0} role="region" aria-label="Poll times by model">
      <table className="docs-table">
        <caption>
          Seconds after submit at which a still-pending task is polled (first {until} s)
        </caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Typical time</th>
            <th scope="col">Polls</th>
            <th scope="col">Poll times (s)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ model, times }) => (
            <tr key={model.id}>
              <th scope="row">
                <code>{model.id}</code>
              </th>
              <td>{seconds(model.typicalSeconds)}</td>
              <td>{times.length}</td>
              <td>
                {times.map((time) => (Number.isInteger(time) ? time : time.toFixed(1))).join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
