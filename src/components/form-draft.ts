import { adaptRequest } from '../core/request/adapt-request.js';
import { effectiveInputMode } from '../core/request/input-mode.js';
import type { ModelSpec } from '../core/registry/model-spec.js';
import type { DraftRequest } from '../core/request/types.js';

// A form's draft and the model it is for: pure, so the form hook keeps only its state and wiring.

// The options the form fills with the model's default when the user has not chosen one.
const DEFAULTED = ['duration', 'aspectRatio', 'resolution'] as const;

/**
 * Options the model has are filled with its defaults (shortest duration, first aspect ratio, default
 * resolution), so what the pickers show is what is sent and what the estimate counts. The input mode is kept only
 * where the images do not already imply it, so adding an image switches a two-mode model by itself.
 */
export function normalizeDraft(draft: DraftRequest, model: ModelSpec | undefined): DraftRequest {
  const next = { ...draft };
  if (model?.durations.length && next.duration === undefined) next.duration = model.durations[0];
  if (model?.aspectRatios.length && next.aspectRatio === undefined)
    next.aspectRatio = model.aspectRatios[0];
  if (model?.resolutions.length && next.resolution === undefined)
    next.resolution = model.defaultResolution ?? model.resolutions[0];
  if (next.inputImageUrls?.length === 0) delete next.inputImageUrls;
  if (
    model &&
    next.inputMode &&
    next.inputMode === effectiveInputMode({ inputImageUrls: next.inputImageUrls }, model.kind)
  )
    delete next.inputMode;
  return next;
}

/**
 * The draft for another model: a default the form filled is replaced by the new model's default (no
 * notice: it was not the user's choice); everything the user chose is adapted by the registry, and
 * those changes are returned for the notice.
 */
export function switchModel(draft: DraftRequest, model: ModelSpec, chosen: ReadonlySet<string>) {
  const base = { ...draft };
  for (const field of DEFAULTED) if (!chosen.has(field)) delete base[field];
  // An input mode the previous model forced (Kling V2.1 Pro: images only) was not the user's: the
  // next model starts from what the images imply again.
  if (!chosen.has('inputMode')) delete base.inputMode;
  const { request, changes } = adaptRequest(base, model);
  const next = normalizeDraft(request, model);
  const kept = changes.filter((change) => change.field !== 'model' && change.field !== 'inputMode');
  // The mode as the form shows it, before and after: announced whenever it differs.
  const [from, to] = [draft, next].map((request) => effectiveInputMode(request, model.kind));
  const modeChange = changes.find((change) => change.field === 'inputMode');
  if (from !== to)
    kept.unshift({
      field: 'inputMode',
      from,
      to,
      message: modeChange?.message ?? `Input mode → ${to}`,
    });
  return { draft: next, changes: kept };
}
