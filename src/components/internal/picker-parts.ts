import type { RadioGroup } from 'radix-ui';
import type {
  ComponentPropsWithoutRef,
  ForwardRefExoticComponent,
  ReactNode,
  RefAttributes,
} from 'react';
import type { PickerOption, PickerRootProps } from './option-picker.js';
import type { PartProps } from './primitive.js';

/** Props of a picker's `Reasons`: those of a `span`, given to each caption. */
export type ReasonsProps = Omit<ComponentPropsWithoutRef<'span'>, 'children' | 'id'>;

/** The parts of a picker (`DurationPicker`, `AspectRatioPicker`, `ResolutionPicker`). */
export interface PickerParts<T extends string | number> {
  /**
   * The radio group (`role="radiogroup"`, named after the control unless `aria-label`/`aria-labelledby`
   * is given). Data: `data-value` (the choice), `data-fixed` (one choice only), `data-invalid`,
   * `data-disabled`. A model with no such choice renders a `role="group"` with `data-empty` and
   * `data-disabled` and its `Empty` part instead. Children default to `Options` and `Error`.
   */
  Root: ForwardRefExoticComponent<PickerRootProps<T> & RefAttributes<HTMLDivElement>>;
  /** Renders each option through a render function `(option) => node`, or as `Item` + `ItemReason`. */
  Options: (props: { children?: (option: PickerOption<T>) => ReactNode }) => ReactNode;
  /**
   * One radio (`button role="radio"`) for one of the model's choices; renders nothing for any other.
   * A disabled option stays disabled whatever the props say. Data: `data-state` (`checked`/`unchecked`),
   * `data-value`, `data-fixed`, `data-disabled`. `asChild` supported.
   */
  Item: ForwardRefExoticComponent<
    Omit<RadioGroup.RadioGroupItemProps, 'value'> & { value: T } & RefAttributes<HTMLButtonElement>
  >;
  /** Radix's radio indicator: rendered only while its item is checked. */
  ItemIndicator: typeof RadioGroup.Indicator;
  /** Why an option is unavailable; rendered only for a disabled option, and linked to it by `aria-describedby`. Use it or `Reasons`, not both. */
  ItemReason: ForwardRefExoticComponent<
    PartProps<'span'> & { value: T } & RefAttributes<HTMLSpanElement>
  >;
  /**
   * One caption per reason the disabled options share ("1:4, 4:1, 1:8 and 8:1 are only available at
   * 1K"), each linked by `aria-describedby` to the options it explains; nothing when all are available.
   * `Options` renders it after the items by default. Data: `data-disabled`, `data-reason`.
   */
  Reasons: (props: ReasonsProps) => ReactNode;
  /** The option's price with the rest of the request (`"10 credits"`, `data-value`); nothing when unpublished. */
  ItemCredits: ForwardRefExoticComponent<
    PartProps<'span'> & { value: T } & RefAttributes<HTMLSpanElement>
  >;
  /** Rendered only when the model offers no choice, saying why. */
  Empty: ForwardRefExoticComponent<PartProps<'span'> & RefAttributes<HTMLSpanElement>>;
  /** The `errors` given (the form's or the server's), linked to the group by `aria-describedby`; nothing when none. */
  Error: ForwardRefExoticComponent<PartProps<'p'> & RefAttributes<HTMLParagraphElement>>;
}
