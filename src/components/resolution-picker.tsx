'use client';
import { getResolutionOptions } from '../core/registry/control-options.js';
import { createOptionPicker } from './internal/option-picker.js';

const parts = createOptionPicker<string>({
  name: 'ResolutionPicker',
  label: 'Resolution',
  field: 'resolution',
  getOptions: getResolutionOptions,
  parse: String,
  format: String,
  emptyReason: (model) => (model ? `${model.name} offers no resolution choice` : 'Choose a model first'),
});

/**
 * The resolution, as a radio group of the model's tiers, each with its price (`ItemCredits`).
 * Tiers the current aspect ratio excludes (pass `context={{ aspectRatio }}`) stay visible, disabled
 * with the reason. When the model changes and the value is not one of its tiers, the nearest is
 * reported through `onValueChange` (`null` when the model offers none).
 *
 * @example
 * <ResolutionPicker.Root model="sora-2-text-to-video" context={{ duration }} value={resolution} onValueChange={setResolution} />
 */
export const ResolutionPicker = {
  /**
   * The radio group (named "Resolution" by default). Data attributes: `data-value`, `data-fixed`,
   * `data-invalid`, `data-disabled`; a model without tiers renders `role="group"` with `data-empty`.
   */
  Root: parts.Root,
  /** Renders each option through a render function `(option) => node`, or as `Item` + `ItemReason`. */
  Options: parts.Options,
  /** One radio for one of the model's tiers. Data: `data-state`, `data-value`, `data-disabled`. */
  Item: parts.Item,
  /** Radix's radio indicator, rendered while its item is checked. */
  ItemIndicator: parts.ItemIndicator,
  /** Why a tier is unavailable, linked to its radio by `aria-describedby`. */
  ItemReason: parts.ItemReason,
  /** The tier's price with the rest of the request (`"8 credits"`, `data-value`); nothing when unpublished. */
  ItemCredits: parts.ItemCredits,
  /** Rendered only when the model offers no tiers, saying why. */
  Empty: parts.Empty,
  /** The `errors` given (the form's or the server's), linked to the group by `aria-describedby`; nothing when none. */
  Error: parts.Error,
};
