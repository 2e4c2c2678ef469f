// Small helpers the component stories share: one model per family (from the registry), a labelled row,
// and a readout of a controlled value.
import { builtInModels, type ModelKind, type ModelSpec } from 'gptimage2-react';
import type { ReactNode } from 'react';
import '../theme/theme.css';
import '../harness.css';

/** The first model of each family, in registry order: what "constrained by each model family" shows. */
export function familyModels(kind?: ModelKind): ModelSpec[] {
  const seen = new Set<string>();
  return builtInModels.filter(
    (model) => (!kind || model.kind === kind) && !seen.has(model.family) && seen.add(model.family),
  );
}

/** Every model id of a kind, for a `model` control. */
export const modelIds = (kind?: ModelKind) =>
  builtInModels.filter((model) => !kind || model.kind === kind).map((model) => model.id);

/** A table of one row per model: its name and whatever `children` renders for it. */
export function PerModel({
  models,
  caption,
  children,
}: {
  models: readonly ModelSpec[];
  caption: string;
  children: (model: ModelSpec) => ReactNode;
}) {
  return (
    <table className="harness showcase-table">
      <caption>{caption}</caption>
      <tbody>
        {models.map((model) => (
          <tr key={model.id}>
            <th scope="row">
              {model.family}
              <br />
              <code>{model.id}</code>
            </th>
            <td>{children(model)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Shows a controlled value as the parent holds it. */
export function Readout({
  label = 'Value in the parent',
  value,
}: {
  label?: string;
  value: unknown;
}) {
  return (
    <p className="harness showcase-readout">
      {label}:{' '}
      <output data-testid="readout">
        {value === undefined ? 'undefined' : JSON.stringify(value)}
      </output>
    </p>
  );
}
