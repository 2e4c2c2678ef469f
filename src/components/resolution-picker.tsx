'use client';
import { getResolutionOptions } from '../core/registry/control-options.js';
import { createOptionPicker, type PickerParts } from './internal/option-picker.js';

/**
 * The resolution, as a radio group of the model's tiers, each with its price (`ItemCredits`).
 * Tiers the current aspect ratio excludes (pass `context={{ aspectRatio }}`) stay visible, disabled
 * with the reason. When the model changes and the value is not one of its tiers, the nearest is
 * reported through `onValueChange` (`null` when the model offers none).
 *
 * @example
 * <ResolutionPicker.Root model="sora-2-text-to-video" context={{ duration }} value={resolution} onValueChange={setResolution} />
 */
export const ResolutionPicker: PickerParts<string> = /* @__PURE__ */ createOptionPicker<string>({
  name: 'ResolutionPicker',
  label: 'Resolution',
  field: 'resolution',
  getOptions: getResolutionOptions,
  parse: String,
  format: String,
  emptyReason: (model) =>
    model ? `${model.name} offers no resolution choice` : 'Choose a model first',
});
