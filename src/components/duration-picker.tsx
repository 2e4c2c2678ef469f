'use client';
import { getDurationOptions } from '../core/registry/control-options.js';
import { createOptionPicker } from './internal/option-picker.js';

export type { PickerOption, PickerRootProps } from './internal/option-picker.js';

const parts = createOptionPicker<number>({
  name: 'DurationPicker',
  label: 'Duration',
  field: 'duration',
  getOptions: getDurationOptions,
  parse: Number,
  format: (seconds) => `${seconds} s`,
  emptyReason: (model) => (!model ? 'Choose a model first' : model.kind === 'image' ? `${model.name} makes still images` : `${model.name} offers no duration choice`),
});

/**
 * The clip length, as a radio group of the model's durations only: a fixed-duration model (Veo 3.1,
 * 8 s) shows its single value chosen and marked fixed; durations of other models are never offered.
 * When the model changes and the value is not one of its durations, the nearest is reported through
 * `onValueChange`.
 *
 * Keyboard as Radix RadioGroup: Tab into the group, arrow keys move and choose, disabled options are skipped.
 *
 * @example
 * <DurationPicker.Root model="kling/v2-1-pro" value={duration} onValueChange={setDuration} />
 */
export const DurationPicker = {
  /**
   * The radio group (`role="radiogroup"`, named "Duration" unless `aria-label`/`aria-labelledby` is given).
   * Data attributes: `data-value` (the chosen seconds), `data-fixed` (one duration only),
   * `data-invalid`, `data-disabled`. A model without durations (an image model) renders a
   * `role="group"` with `data-empty` and `data-disabled` and its `Empty` part instead.
   * Children default to `<Options />`.
   */
  Root: parts.Root,
  /** Renders each option through a render function `(option) => node`, or as `Item` + `ItemReason`. */
  Options: parts.Options,
  /**
   * One radio (`button role="radio"`) for one of the model's durations; renders nothing for any other.
   * Its label defaults to `"8 s"`. Data attributes: `data-state` (`checked`/`unchecked`), `data-value`
   * (seconds), `data-fixed`, `data-disabled`. `asChild` supported.
   */
  Item: parts.Item,
  /** Radix's radio indicator: rendered only while its item is checked (`data-state`). */
  ItemIndicator: parts.ItemIndicator,
  /** Why an option is unavailable; rendered only for a disabled option, and linked to it by `aria-describedby`. */
  ItemReason: parts.ItemReason,
  /** The option's price with the rest of the request (`"10 credits"`, `data-value`); nothing when unpublished. */
  ItemCredits: parts.ItemCredits,
  /** Rendered only when the model has no durations, saying why (`"GPT Image 2 makes still images"`). */
  Empty: parts.Empty,
  /** The `errors` given (the form's or the server's), linked to the group by `aria-describedby`; nothing when none. */
  Error: parts.Error,
};
