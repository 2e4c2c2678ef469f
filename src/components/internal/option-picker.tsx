'use client';
import * as RadioGroup from 'radix-ui/radio-group';
import { Fragment, useEffect, useId, useMemo, type ReactNode } from 'react';
import { adaptRequest } from '../../core/request/adapt-request.js';
import type { ControlOption, OptionContext } from '../../core/registry/control-options.js';
import type { ModelSpec } from '../../core/registry/model-spec.js';
import { formatCredits } from './format.js';
import { flag, Part, part, type PartProps } from './primitive.js';
import { fieldErrorPart } from './field-error.js';
import type { PickerOption, PickerParts, PickerRootProps, ReasonsProps } from './picker-parts.js';

export type { PickerOption, PickerParts, PickerRootProps, ReasonsProps } from './picker-parts.js';
import { groupReasons, type ReasonGroup } from './reason-groups.js';
import { createScope } from './scope.js';
import { useControllableState } from './use-controllable-state.js';
import { joinIds, useDescriptions, useRegisterDescription } from './use-descriptions.js';
import { useModelSpec } from './use-model.js';

const NO_ERRORS: readonly string[] = [];

/** What varies between the pickers. */
export interface PickerDefinition<T extends string | number> {
  /** The component's name, for warnings and the default accessible name. */
  name: string;
  /** The accessible name when none is given. */
  label: string;
  /** The request field it edits. */
  field: 'duration' | 'aspectRatio' | 'resolution';
  getOptions: (model: ModelSpec, context: OptionContext) => ControlOption<T>[];
  /** A value from its radio string. */
  parse: (raw: string) => T;
  /** A value in words. */
  format: (value: T) => string;
  /** Why a model offers no choice. */
  emptyReason: (model: ModelSpec | undefined) => string;
}

interface PickerContextValue<T> {
  options: PickerOption<T>[];
  reasons: ReasonGroup<T>[];
  model: ModelSpec | undefined;
  baseId: string;
  descriptions: ReturnType<typeof useDescriptions>;
  definition: PickerDefinition<T & (string | number)>;
  errors: readonly string[];
}

/**
 * Makes the compound parts of a radio-group picker over one of the registry's option lists. Duration,
 * aspect ratio and resolution share everything but their options and words.
 */
export function createOptionPicker<T extends string | number>(
  definition: PickerDefinition<T>,
): PickerParts<T> {
  const Scope = createScope<PickerContextValue<T>>(definition.name);
  const usePicker = (part: string) => Scope.usePart(part);
  const reasonId = (baseId: string, index: number) => `${baseId}-reason-${index}`;

  const Root = part<HTMLDivElement, PickerRootProps<T>>(
    `${definition.name}.Root`,
    function Root(
      {
        model: modelInput,
        registry,
        value: valueProp,
        defaultValue = null,
        onValueChange,
        context = {},
        invalid: invalidProp,
        errors = NO_ERRORS,
        children,
        ...props
      },
      ref,
    ) {
      const model = useModelSpec(modelInput, registry);
      const [value, setValue] = useControllableState<T | null>({
        prop: valueProp,
        defaultProp: defaultValue,
        onChange: onValueChange,
        name: definition.name,
      });
      const baseId = useId();
      const descriptions = useDescriptions();
      const { duration, aspectRatio, resolution } = context;
      const raw = useMemo(
        () => (model ? definition.getOptions(model, { duration, aspectRatio, resolution }) : []),
        [model, duration, aspectRatio, resolution],
      );
      const fixed = raw.length === 1;
      // A fixed choice is shown chosen even when the request leaves it to the model.
      const shown = value ?? (fixed ? raw[0]!.value : null);
      const options = useMemo(
        () =>
          raw.map((option) => ({
            ...option,
            label: definition.format(option.value),
            fixed,
            checked: option.value === shown,
          })),
        [raw, fixed, shown],
      );

      const reasons = useMemo(() => groupReasons(options), [options]);

      // A value the model does not offer is moved to the nearest one the registry allows, and reported.
      const offered = raw.some((option) => option.value === value);
      useEffect(() => {
        if (!model || value === null || offered) return;
        const adapted = adaptRequest({ model: model.id, [definition.field]: value }, model).request[
          definition.field
        ] as T | undefined;
        setValue(adapted ?? null);
      }, [model, value, offered, setValue]);

      const invalid = Boolean(invalidProp || errors.length);
      const describedBy = joinIds(
        props['aria-describedby'],
        descriptions.has('error') && `${baseId}-error`,
      );
      const state = {
        options,
        reasons,
        model,
        baseId,
        descriptions,
        definition,
        errors,
      } as PickerContextValue<T>;
      const name = props['aria-label'] ?? (props['aria-labelledby'] ? undefined : definition.label);
      if (options.length === 0) {
        // No choice to make: a plain group (a radio group with no radios is not one), saying why.
        return (
          <Scope.Provider value={state}>
            <div
              ref={ref}
              role="group"
              aria-label={name}
              aria-labelledby={props['aria-labelledby']}
              aria-describedby={describedBy}
              aria-disabled="true"
              data-disabled=""
              data-empty=""
              id={props.id}
              className={props.className}
              style={props.style}
            >
              {children ?? (
                <>
                  <Empty />
                  <ErrorMessage />
                </>
              )}
            </div>
          </Scope.Provider>
        );
      }
      return (
        <Scope.Provider value={state}>
          <RadioGroup.Root
            aria-label={name}
            aria-invalid={invalid || undefined}
            data-invalid={flag(invalid)}
            data-fixed={flag(fixed)}
            data-value={shown ?? undefined}
            {...props}
            ref={ref}
            aria-describedby={describedBy}
            value={shown === null ? '' : String(shown)}
            onValueChange={(raw) => setValue(definition.parse(raw))}
          >
            {children ?? (
              <>
                <Options />
                <ErrorMessage />
              </>
            )}
          </RadioGroup.Root>
        </Scope.Provider>
      );
    },
  );

  /** Renders each option through `children`, or as an `Item`, followed by one `Reasons` caption per reason. */
  function Options({ children }: { children?: (option: PickerOption<T>) => ReactNode }) {
    const { options } = usePicker('Options');
    if (children)
      return options.map((option) => <Fragment key={option.value}>{children(option)}</Fragment>);
    return (
      <>
        {options.map((option) => (
          <Item key={option.value} value={option.value} />
        ))}
        <Reasons />
      </>
    );
  }

  /** One caption per shared reason; extra props (`className`, …) go on each caption. */
  function Reasons(props: ReasonsProps) {
    const { reasons } = usePicker('Reasons');
    return reasons.map((group) => <ReasonCaption key={group.key} group={group} {...props} />);
  }

  function ReasonCaption({ group, ...props }: ReasonsProps & { group: ReasonGroup<T> }) {
    const { baseId, descriptions } = usePicker('Reasons');
    useRegisterDescription(descriptions.register, group.key, true);
    return (
      <span data-disabled="" data-reason="" {...props} id={`${baseId}-${group.key}`}>
        {group.text}
      </span>
    );
  }

  const Item = part<
    HTMLButtonElement,
    Omit<RadioGroup.RadioGroupItemProps, 'value'> & { value: T }
  >(`${definition.name}.Item`, function Item({ value, disabled, children, ...props }, ref) {
    const { options, reasons, baseId, descriptions } = usePicker('Item');
    const index = options.findIndex((option) => option.value === value);
    const option = options[index];
    const group = reasons.find((candidate) => candidate.values.includes(value));
    if (!option) {
      if (process.env.NODE_ENV !== 'production')
        console.warn(
          `gptimage2-react: ${definition.name}.Item ${value} is not offered by this model; it is not rendered.`,
        );
      return null;
    }
    const reasonRef = !option.disabled
      ? undefined
      : descriptions.has(String(index))
        ? reasonId(baseId, index)
        : group && descriptions.has(group.key)
          ? `${baseId}-${group.key}`
          : undefined;
    return (
      <RadioGroup.Item
        data-value={option.value}
        data-fixed={flag(option.fixed)}
        {...props}
        ref={ref}
        aria-describedby={joinIds(props['aria-describedby'], reasonRef)}
        value={String(option.value)}
        // The registry's verdict wins: a part can add a restriction, never lift one.
        disabled={option.disabled || disabled}
      >
        {children ?? option.label}
      </RadioGroup.Item>
    );
  });

  const ItemReason = part<HTMLSpanElement, PartProps<'span'> & { value: T }>(
    `${definition.name}.ItemReason`,
    function ItemReason({ value, asChild, children, ...props }, ref) {
      const { options, baseId, descriptions } = usePicker('ItemReason');
      const index = options.findIndex((option) => option.value === value);
      const option = options[index];
      useRegisterDescription(descriptions.register, String(index), Boolean(option?.disabled));
      if (!option?.disabled) return null;
      return (
        <Part
          tag="span"
          asChild={asChild}
          data-disabled=""
          {...props}
          ref={ref}
          id={reasonId(baseId, index)}
        >
          {children ?? option.reason}
        </Part>
      );
    },
  );

  const ItemCredits = part<HTMLSpanElement, PartProps<'span'> & { value: T }>(
    `${definition.name}.ItemCredits`,
    function ItemCredits({ value, asChild, children, ...props }, ref) {
      const { options } = usePicker('ItemCredits');
      const option = options.find((candidate) => candidate.value === value);
      if (!option || option.credits === null) return null;
      return (
        <Part tag="span" asChild={asChild} data-value={option.credits} {...props} ref={ref}>
          {children ?? formatCredits(option.credits)}
        </Part>
      );
    },
  );

  const Empty = part<HTMLSpanElement, PartProps<'span'>>(
    `${definition.name}.Empty`,
    function Empty({ asChild, children, ...props }, ref) {
      const { options, model } = usePicker('Empty');
      if (options.length > 0) return null;
      return (
        <Part tag="span" asChild={asChild} {...props} ref={ref}>
          {children ?? definition.emptyReason(model)}
        </Part>
      );
    },
  );

  const ErrorMessage = fieldErrorPart(`${definition.name}.Error`, function useErrorSource(part) {
    const { errors, baseId, descriptions } = usePicker(part);
    return { errors, id: `${baseId}-error`, descriptions };
  });

  return {
    Root,
    Options,
    Item,
    ItemIndicator: RadioGroup.Indicator,
    ItemReason,
    Reasons,
    ItemCredits,
    Empty,
    Error: ErrorMessage,
  };
}
