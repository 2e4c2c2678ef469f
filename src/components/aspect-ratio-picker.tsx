'use client';
import { getAspectRatioOptions } from '../core/registry/control-options.js';
import { createOptionPicker } from './internal/option-picker.js';

const parts = createOptionPicker<string>({
  name: 'AspectRatioPicker',
  label: 'Aspect ratio',
  field: 'aspectRatio',
  getOptions: getAspectRatioOptions,
  parse: String,
  format: (ratio) => (ratio === 'auto' ? 'Auto' : ratio),
  emptyReason: (model) =>
    !model ? 'Choose a model first' : model.aspectRatioFromImage ? `${model.name} takes the aspect ratio from the input image` : `${model.name} offers no aspect ratio choice`,
});

/**
 * The aspect ratio, as a radio group of the model's ratios. Ratios the current resolution excludes
 * (Nano Banana 2's 1:4, 4:1, 1:8, 8:1 at 1K only; pass `context={{ resolution }}`) stay visible, disabled
 * with the reason. When the model changes and the value is not one of its ratios, the nearest in shape
 * is reported through `onValueChange` (`null` when the model offers none).
 *
 * @example
 * <AspectRatioPicker.Root model="nano-banana-2" context={{ resolution }} value={ratio} onValueChange={setRatio} />
 */
export const AspectRatioPicker = {
  /**
   * The radio group (named "Aspect ratio" by default). Data attributes: `data-value`, `data-fixed`,
   * `data-invalid`, `data-disabled`; a model without ratios (Kling 2.1 Standard/Pro take the input
   * image's, Hailuo and Wan offer none) renders `role="group"` with `data-empty` and its `Empty` part.
   */
  Root: parts.Root,
  /** Renders each option through a render function `(option) => node`, or as `Item` + `ItemReason`. */
  Options: parts.Options,
  /** One radio for one of the model's ratios (label `"16:9"`, `"Auto"`). Data: `data-state`, `data-value`, `data-disabled`. */
  Item: parts.Item,
  /** Radix's radio indicator, rendered while its item is checked. */
  ItemIndicator: parts.ItemIndicator,
  /** Why a ratio is unavailable (`"1:4 is only available at 1K"`), linked to its radio by `aria-describedby`. */
  ItemReason: parts.ItemReason,
  /** The price with the rest of the request; nothing when unpublished. */
  ItemCredits: parts.ItemCredits,
  /** Rendered only when the model offers no ratios, saying why. */
  Empty: parts.Empty,
  /** The `errors` given (the form's or the server's), linked to the group by `aria-describedby`; nothing when none. */
  Error: parts.Error,
};
