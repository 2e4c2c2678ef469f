'use client';
import { getDurationOptions } from '../core/registry/control-options.js';
import { createOptionPicker, type PickerParts } from './internal/option-picker.js';

export type { PickerOption, PickerParts, PickerRootProps } from './internal/option-picker.js';

/**
 * The clip length, as a radio group of the model's durations only: a fixed-duration model (Veo 3.1,
 * 8 s) shows its single value chosen and marked fixed; durations of other models are never offered.
 * When the model changes and the value is not one of its durations, the nearest is reported through
 * `onValueChange`.
 *
 * Keyboard as Radix RadioGroup: Tab into the group, arrow keys move and choose, disabled options are skipped.
 * Data: `data-value` is the chosen seconds; `data-fixed` marks a single-duration model; an image model
 * (no durations) renders the empty group (`"GPT Image 2 makes still images"`).
 *
 * @example
 * <DurationPicker.Root model="kling/v2-1-pro" value={duration} onValueChange={setDuration} />
 */
export const DurationPicker: PickerParts<number> = /* @__PURE__ */ createOptionPicker<number>({
  name: 'DurationPicker',
  label: 'Duration',
  field: 'duration',
  getOptions: getDurationOptions,
  parse: Number,
  format: (seconds) => `${seconds} s`,
  emptyReason: (model) =>
    !model
      ? 'Choose a model first'
      : model.kind === 'image'
        ? `${model.name} makes still images`
        : `${model.name} offers no duration choice`,
});
