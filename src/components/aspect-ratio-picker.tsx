'use client';
import { getAspectRatioOptions } from '../core/registry/control-options.js';
import { createOptionPicker, type PickerParts } from './internal/option-picker.js';

/**
 * The aspect ratio, as a radio group of the model's ratios. Ratios the current resolution excludes
 * (Nano Banana 2's 1:4, 4:1, 1:8, 8:1 at 1K only; pass `context={{ resolution }}`) stay visible, disabled
 * with the reason. When the model changes and the value is not one of its ratios, the nearest in shape
 * is reported through `onValueChange` (`null` when the model offers none).
 *
 * @example
 * <AspectRatioPicker.Root model="nano-banana-2" context={{ resolution }} value={ratio} onValueChange={setRatio} />
 */
export const AspectRatioPicker: PickerParts<string> = /* @__PURE__ */ createOptionPicker<string>({
  name: 'AspectRatioPicker',
  label: 'Aspect ratio',
  field: 'aspectRatio',
  getOptions: getAspectRatioOptions,
  parse: String,
  format: (ratio) => (ratio === 'auto' ? 'Auto' : ratio),
  emptyReason: (model) =>
    !model
      ? 'Choose a model first'
      : model.aspectRatioFromImage
        ? `${model.name} takes the aspect ratio from the input image`
        : `${model.name} offers no aspect ratio choice`,
});
