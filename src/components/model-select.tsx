'use client';
import type { Select as SelectTypes } from 'radix-ui';
// The parts from Radix Select's own entry: a bundle keeps only those used. (Through the `radix-ui`
// umbrella, a bundler keeps the whole namespace: every part and its dependencies.) Types come from the
// umbrella, which every module resolution finds.
import * as Select from 'radix-ui/select';
import { useId, useMemo, type ReactNode } from 'react';
import type { InputMode, ModelKind, ModelSpec } from '../core/registry/model-spec.js';
import { priceOf } from '../core/registry/estimate-credits.js';
import { unavailableReason, type Registry } from '../core/registry/registry.js';
import { formatCredits } from './internal/format.js';
import { flag, Part, part, type PartProps } from './internal/primitive.js';
import { useControllableState } from './internal/use-controllable-state.js';
import { joinIds, useDescriptions } from './internal/use-descriptions.js';
import { fieldErrorPart } from './internal/field-error.js';
import { createScope } from './internal/scope.js';
import { useRegistry } from './internal/use-model.js';

/** One model as the select offers it. */
export interface ModelOption {
  /** The model's spec. */
  model: ModelSpec;
  /** Whether it cannot serve the current input (shown, but not choosable). */
  disabled: boolean;
  /** Why not, in words (`"Veo 3.1 takes at most 3 images (4 attached)"`). */
  reason: string | undefined;
  /** Its lowest published price, or `null` when unpublished. */
  credits: number | null;
  /** Whether the price depends on the options (a table): shown as "from N credits". */
  creditsVary: boolean;
}

/** Models of one family, in registry order. */
export interface ModelGroup {
  /** The family (`"Veo 3.1"`). */
  family: string;
  /** Its models. */
  options: ModelOption[];
}

/** What filters the models: the same as the `Root`'s props of those names. */
export interface ModelOptionsFilter {
  /** Only image or only video models. Defaults to all. */
  kind?: ModelKind;
  /** Models that do not take this input mode are disabled, with the reason. */
  inputMode?: InputMode;
  /** Models that take fewer reference images are disabled, with the reason. */
  imageCount?: number;
  /** Hides the models it returns `false` for. */
  filter?: (model: ModelSpec) => boolean;
}

/**
 * The registry's models grouped by family, each with its availability for the current input and its
 * price. A pure function: what `ModelSelect` renders, for apps that build their own picker.
 */
export function getModelGroups(
  registry: Registry,
  { kind, inputMode, imageCount, filter }: ModelOptionsFilter = {},
): ModelGroup[] {
  const groups = new Map<string, ModelOption[]>();
  for (const model of registry.models) {
    if ((kind && model.kind !== kind) || (filter && !filter(model))) continue;
    const reason = unavailableReason(model, { inputMode, imageCount });
    const prices =
      typeof model.credits === 'object' && model.credits !== null
        ? Object.values(model.credits)
        : [];
    const credits = prices.length ? Math.min(...prices) : priceOf(model);
    const option = {
      model,
      disabled: reason !== undefined,
      reason,
      credits,
      creditsVary: new Set(prices).size > 1,
    };
    const group = groups.get(model.family);
    if (group) group.push(option);
    else groups.set(model.family, [option]);
  }
  return [...groups].map(([family, options]) => ({ family, options }));
}

interface ModelSelectContextValue {
  groups: ModelGroup[];
  byId: Map<string, ModelOption>;
  baseId: string;
  invalid: boolean;
  errors: readonly string[];
  value: string | null;
  descriptions: ReturnType<typeof useDescriptions>;
}
const ModelSelectScope = /* @__PURE__ */ createScope<ModelSelectContextValue>('ModelSelect');
const useModelSelect = (part: string) => ModelSelectScope.usePart(part);
const ItemScope = /* @__PURE__ */ createScope<ModelOption>('ModelSelect', 'Item');
const useItem = (part: string) => ItemScope.usePart(part);
const NO_ERRORS: readonly string[] = [];

/** Props of `ModelSelect.Root`. */
export interface ModelSelectRootProps
  extends
    Omit<SelectTypes.SelectProps, 'value' | 'defaultValue' | 'onValueChange'>,
    ModelOptionsFilter {
  /** Only image or only video models. Defaults to every model in the registry. */
  kind?: ModelKind;
  /** Models that do not take this input mode are shown disabled, with the reason. */
  inputMode?: InputMode;
  /** Models that take fewer reference images than this are shown disabled, with the reason. */
  imageCount?: number;
  /** Hides the models it returns `false` for (unlike disabling, they are not shown at all). */
  filter?: (model: ModelSpec) => boolean;
  /** Where the models come from. Defaults to the client's registry (`GptImageProvider`). */
  registry?: Registry;
  /** The chosen model id (controlled); `null` for none. */
  value?: string | null;
  /** The first model when uncontrolled. Defaults to none (the trigger shows its placeholder). */
  defaultValue?: string | null;
  /** Called with the chosen model's id and spec. Disabled models cannot be chosen. */
  onValueChange?: (id: string, model: ModelSpec) => void;
  /** Marks the trigger invalid (`aria-invalid`, `data-invalid`). */
  invalid?: boolean;
  /** Messages for the model field (the form's, or the server's 400); any makes it invalid, and `Error` shows them. */
  errors?: readonly string[];
  /** The parts. Defaults to a trigger (named "Model") with the value, and a popper list of every group. */
  children?: ReactNode;
}

function Root({
  kind,
  inputMode,
  imageCount,
  filter,
  registry,
  value: valueProp,
  defaultValue = null,
  onValueChange,
  invalid: invalidProp,
  errors = NO_ERRORS,
  children,
  ...props
}: ModelSelectRootProps) {
  const models = useRegistry(registry);
  const groups = useMemo(
    () => getModelGroups(models, { kind, inputMode, imageCount, filter }),
    [models, kind, inputMode, imageCount, filter],
  );
  const byId = useMemo(
    () =>
      new Map(
        groups.flatMap((group) =>
          group.options.map((option) => [option.model.id, option] as const),
        ),
      ),
    [groups],
  );
  const [value, setValue] = useControllableState<string | null>({
    prop: valueProp,
    defaultProp: defaultValue,
    onChange: (id) => {
      const option = id === null ? undefined : byId.get(id);
      if (option) onValueChange?.(option.model.id, option.model);
    },
    name: 'ModelSelect',
  });
  const baseId = useId();
  const descriptions = useDescriptions();
  const invalid = Boolean(invalidProp || errors.length);
  const context = useMemo(
    () => ({ groups, byId, baseId, invalid, errors, value, descriptions }),
    [groups, byId, baseId, invalid, errors, value, descriptions],
  );
  return (
    <ModelSelectScope.Provider value={context}>
      {/* `''` keeps Radix controlled while nothing is chosen, so the placeholder shows. */}
      <Select.Root
        {...props}
        value={value ?? ''}
        onValueChange={(id) => byId.get(id)?.disabled === false && setValue(id)}
      >
        {children ?? <DefaultParts />}
      </Select.Root>
    </ModelSelectScope.Provider>
  );
}

function DefaultParts() {
  return (
    <>
      <Trigger>
        <Select.Value placeholder="Choose a model" />
        <Select.Icon />
      </Trigger>
      <Select.Portal>
        <Content position="popper">
          <Select.Viewport>
            <Groups />
          </Select.Viewport>
        </Content>
      </Select.Portal>
      <ErrorMessage />
    </>
  );
}

const Trigger = /* @__PURE__ */ part<HTMLButtonElement, SelectTypes.SelectTriggerProps>(
  'ModelSelect.Trigger',
  function Trigger(props, ref) {
    const { invalid, value, baseId, descriptions } = useModelSelect('Trigger');
    const named = props['aria-label'] ?? props['aria-labelledby'] ?? props.id;
    return (
      <Select.Trigger
        aria-label={named ? undefined : 'Model'}
        aria-invalid={invalid || undefined}
        data-invalid={flag(invalid)}
        data-value={value ?? undefined}
        {...props}
        ref={ref}
        aria-describedby={joinIds(
          props['aria-describedby'],
          descriptions.has('error') && `${baseId}-error`,
        )}
      />
    );
  },
);

const ErrorMessage = /* @__PURE__ */ fieldErrorPart(
  'ModelSelect.Error',
  function useErrorSource(part) {
    const { errors, baseId, descriptions } = useModelSelect(part);
    return { errors, id: `${baseId}-error`, descriptions };
  },
);

const Content = /* @__PURE__ */ part<HTMLDivElement, SelectTypes.SelectContentProps>(
  'ModelSelect.Content',
  function Content(props, ref) {
    return <Select.Content {...props} ref={ref} />;
  },
);

/** Each group through a render function, or as `Group` with `GroupLabel` and an `Item` per model. */
function Groups({ children }: { children?: (group: ModelGroup) => ReactNode }) {
  const { groups } = useModelSelect('Groups');
  return groups.map((group) =>
    children ? (
      <GroupFragment key={group.family}>{children(group)}</GroupFragment>
    ) : (
      <Select.Group key={group.family} data-family={group.family}>
        <Select.Label>{group.family}</Select.Label>
        {group.options.map((option) => (
          <Item key={option.model.id} value={option.model.id} />
        ))}
      </Select.Group>
    ),
  );
}
const GroupFragment = ({ children }: { children: ReactNode }) => children;

/** Props of `ModelSelect.Item`. */
export type ModelSelectItemProps = Omit<SelectTypes.SelectItemProps, 'value'> & {
  /** The model id. An id the `Root` does not offer renders nothing. */
  value: string;
};

const Item = /* @__PURE__ */ part<HTMLDivElement, ModelSelectItemProps>(
  'ModelSelect.Item',
  function Item({ value, disabled, children, ...props }, ref) {
    const { byId } = useModelSelect('Item');
    const option = byId.get(value);
    if (!option) return null;
    return (
      <ItemScope.Provider value={option}>
        <Select.Item
          data-family={option.model.family}
          data-kind={option.model.kind}
          {...props}
          ref={ref}
          // Named by its content (name, price, reason), as its visible text reads; Radix would name it
          // by ItemText alone, and a name that omits visible text fails WCAG 2.5.3 (label in name).
          aria-labelledby={props['aria-labelledby']}
          value={value}
          // The registry's verdict wins: a part can add a restriction, never lift one.
          disabled={option.disabled || disabled}
          textValue={props.textValue ?? option.model.name}
        >
          {children ?? (
            <>
              <Select.ItemText>{option.model.name}</Select.ItemText> <ItemPrice /> <ItemReason />
            </>
          )}
        </Select.Item>
      </ItemScope.Provider>
    );
  },
);

const ItemPrice = /* @__PURE__ */ part<HTMLSpanElement, PartProps<'span'>>(
  'ModelSelect.ItemPrice',
  function ItemPrice({ children, ...props }, ref) {
    const { credits, creditsVary } = useItem('ItemPrice');
    const text =
      credits === null
        ? 'credits shown after submit'
        : creditsVary
          ? `from ${formatCredits(credits)}`
          : formatCredits(credits);
    return (
      <Part
        tag="span"
        data-value={credits ?? undefined}
        data-unknown={flag(credits === null)}
        {...props}
        ref={ref}
      >
        {children ?? text}
      </Part>
    );
  },
);

const ItemReason = /* @__PURE__ */ part<HTMLSpanElement, PartProps<'span'>>(
  'ModelSelect.ItemReason',
  function ItemReason({ children, ...props }, ref) {
    const option = useItem('ItemReason');
    if (!option.disabled) return null;
    return (
      <Part tag="span" data-disabled="" {...props} ref={ref}>
        {children ?? option.reason}
      </Part>
    );
  },
);

/**
 * Chooses a model from the registry, on Radix Select: models by kind, grouped by family, with display
 * names and the credit price where it is published. Models that cannot serve the current input (pass
 * `inputMode`, `imageCount`) stay visible but disabled, with their reason (`ItemReason`, part of the
 * option's accessible name). Keyboard and typeahead as Radix Select: arrows, Home/End, Enter/Space, typing a
 * name's first letters; disabled models are skipped.
 *
 * @example
 * <ModelSelect.Root kind="video" imageCount={images.length} value={model} onValueChange={setModel} />
 */
// Built in a function marked pure: a bundle that does not use ModelSelect drops it, and Radix Select with it.
export const ModelSelect = /* @__PURE__ */ (() => ({
  /** The state and the model list; renders no DOM of its own. Children default to a complete select. */
  Root,
  /**
   * The button that opens the list (`role="combobox"`, named "Model" unless `aria-label`,
   * `aria-labelledby` or an `id` for a `<label>` is given). Data: `data-state` (`open`/`closed`),
   * `data-placeholder`, `data-value` (the model id), `data-invalid`, `data-disabled`.
   */
  Trigger,
  /** The chosen model's name (its `ItemText`), or `placeholder`. */
  Value: Select.Value as typeof SelectTypes.Value,
  /** Radix's open/closed icon. */
  Icon: Select.Icon as typeof SelectTypes.Icon,
  /** Radix's portal for the list. */
  Portal: Select.Portal as typeof SelectTypes.Portal,
  /** The list (`role="listbox"`). Data: `data-state`, `data-side`, `data-align`. */
  Content,
  /** Radix's scrolling viewport of the list. */
  Viewport: Select.Viewport as typeof SelectTypes.Viewport,
  /** Radix's scroll buttons. */
  ScrollUpButton: Select.ScrollUpButton as typeof SelectTypes.ScrollUpButton,
  ScrollDownButton: Select.ScrollDownButton as typeof SelectTypes.ScrollDownButton,
  /** Renders each family through a render function `(group) => node`, or as `Group` + `GroupLabel` + `Item`s. */
  Groups,
  /** A family's group (`role="group"`, named by its `GroupLabel`). */
  Group: Select.Group as typeof SelectTypes.Group,
  /** The family's name. */
  GroupLabel: Select.Label as typeof SelectTypes.Label,
  /**
   * One model (`role="option"`), disabled when it cannot serve the current input. Children default to
   * its `ItemText`, `ItemPrice` and `ItemReason`; it is named by all its visible text (WCAG 2.5.3), so a
   * screen reader hears the price and, for a disabled model, the reason. Data: `data-state` (`checked`/`unchecked`),
   * `data-highlighted`, `data-disabled`, `data-family`, `data-kind`.
   */
  Item,
  /** The model's name: what typeahead matches and what `Value` shows once chosen. */
  ItemText: Select.ItemText as typeof SelectTypes.ItemText,
  /** Radix's indicator, rendered while its item is chosen. */
  ItemIndicator: Select.ItemIndicator as typeof SelectTypes.ItemIndicator,
  /**
   * The price: `"9 credits"`, `"from 4 credits"` for a model priced by its options, or
   * `"credits shown after submit"` when unpublished. Data: `data-value` (the lowest price), `data-unknown`.
   */
  ItemPrice,
  /** Why a disabled model cannot serve the current input; rendered only when it is disabled. */
  ItemReason,
  /** Radix's separator. */
  Separator: Select.Separator as typeof SelectTypes.Separator,
  /** The `errors` given, linked to the trigger by `aria-describedby`; nothing when none. Render it outside `Content`. */
  Error: ErrorMessage,
}))();
