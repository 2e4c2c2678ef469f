import type { RadioGroup } from 'radix-ui';
import type {
  ComponentPropsWithoutRef,
  ForwardRefExoticComponent,
  ReactNode,
  RefAttributes,
} from 'react';
import type { ControlOption, OptionContext } from '../../core/registry/control-options.js';
import type { Registry } from '../../core/registry/registry.js';
import type { PartProps } from './primitive.js';
import type { ModelInput } from './use-model.js';

/** One choice of a picker, as its render props and parts see it. */
export interface PickerOption<T> extends ControlOption<T> {
  /** The choice in words (`"8 s"`, `"16:9"`, `"1080p"`). */
  label: string;
  /** Whether it is the model's only choice (Veo 3.1's 8 s): shown as fixed. */
  fixed: boolean;
  /** Whether it is the current value. */
  checked: boolean;
}

/** Props of a picker's `Root`. */
export interface PickerRootProps<T> extends Omit<
  RadioGroup.RadioGroupProps,
  'value' | 'defaultValue' | 'onValueChange' | 'children'
> {
  /** The model whose choices are offered: its id or its spec. Nothing is offered without one. */
  model: ModelInput | undefined;
  /** Where a model id is looked up. Defaults to the client's registry (`GptImageProvider`). */
  registry?: Registry;
  /** The choice (controlled); `null` for none. */
  value?: T | null;
  /** The first choice when uncontrolled. Defaults to none. */
  defaultValue?: T | null;
  /**
   * Called with the user's choice, and with the adapted choice when the model changes and the current
   * one is no longer offered (`null` when the model offers no such choice at all).
   */
  onValueChange?: (value: T | null) => void;
  /** The request's other choices, which some options depend on (Nano Banana 2's 1:4 at 1K only). */
  context?: OptionContext;
  /** Marks the group invalid (`aria-invalid`, `data-invalid`). */
  invalid?: boolean;
  /** Messages for this field (the form's, or the server's 400); any makes the group invalid, and `Error` shows them. */
  errors?: readonly string[];
  /** The parts, or a render function of the options. Defaults to one `Item` and `ItemReason` per option, or `Empty`. */
  children?: ReactNode;
}

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
