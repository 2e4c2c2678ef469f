'use client';
import * as VisuallyHidden from 'radix-ui/visually-hidden';
import { useId, type ChangeEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { Registry } from '../core/registry/registry.js';
import { flag, Part, part, type PartProps } from './internal/primitive.js';
import { fieldErrorPart } from './internal/field-error.js';
import { createScope } from './internal/scope.js';
import { useControllableState } from './internal/use-controllable-state.js';
import { joinIds, useDescriptions, useRegisterDescription } from './internal/use-descriptions.js';
import { useModelSpec, type ModelInput } from './internal/use-model.js';

interface PromptFieldContextValue {
  value: string;
  setValue: (value: string) => void;
  count: number;
  max: number | undefined;
  /** Past the cap, or given errors, or marked invalid. */
  invalid: boolean;
  over: boolean;
  errors: readonly string[];
  modelName: string | undefined;
  ids: { textarea: string; label: string; counter: string; description: string; error: string };
  descriptions: ReturnType<typeof useDescriptions>;
}
const PromptFieldScope = /* @__PURE__ */ createScope<PromptFieldContextValue>('PromptField');
const usePromptField = (part: string) => PromptFieldScope.usePart(part);

/** Props of `PromptField.Root`. */
export interface PromptFieldRootProps extends Omit<PartProps<'div'>, 'defaultValue' | 'onChange'> {
  /** The model whose prompt cap applies: its id or spec. */
  model?: ModelInput;
  /** Where a model id is looked up. Defaults to the client's registry. */
  registry?: Registry;
  /** The cap in characters. Defaults to the model's `promptMax`. */
  max?: number;
  /** The prompt (controlled). */
  value?: string;
  /** The first prompt when uncontrolled. Defaults to `''`. */
  defaultValue?: string;
  /** Called with each edit. The prompt is never cut at the cap: it shows as invalid for the user to edit. */
  onValueChange?: (value: string) => void;
  /** Messages to show (e.g. the form's or the server's field errors); any makes the field invalid. */
  errors?: readonly string[];
  /** Marks the field invalid. */
  invalid?: boolean;
  children?: ReactNode;
}

const Root = /* @__PURE__ */ part<HTMLDivElement, PromptFieldRootProps>(
  'PromptField.Root',
  function Root(
    {
      model: modelInput,
      registry,
      max: maxProp,
      value: valueProp,
      defaultValue = '',
      onValueChange,
      errors = [],
      invalid: invalidProp,
      asChild,
      children,
      ...props
    },
    ref,
  ) {
    const model = useModelSpec(modelInput, registry);
    const [value, setValue] = useControllableState({
      prop: valueProp,
      defaultProp: defaultValue,
      onChange: onValueChange,
      name: 'PromptField',
    });
    const max = maxProp ?? model?.promptMax;
    // Counted as the API counts: UTF-16 code units (`String.length`).
    const count = value.length;
    const over = max !== undefined && count > max;
    const invalid = Boolean(invalidProp || over || errors.length);
    const id = useId();
    const ids = {
      textarea: `${id}-prompt`,
      label: `${id}-label`,
      counter: `${id}-counter`,
      description: `${id}-description`,
      error: `${id}-error`,
    };
    const descriptions = useDescriptions();
    return (
      <PromptFieldScope.Provider
        value={{
          value,
          setValue,
          count,
          max,
          invalid,
          over,
          errors,
          modelName: model?.name,
          ids,
          descriptions,
        }}
      >
        <Part
          tag="div"
          asChild={asChild}
          data-invalid={flag(invalid)}
          data-value={count}
          data-max={max}
          {...props}
          ref={ref}
        >
          {children ?? (
            <>
              <Label />
              <Textarea />
              <Counter />
              <ErrorMessage />
            </>
          )}
        </Part>
      </PromptFieldScope.Provider>
    );
  },
);

const Label = /* @__PURE__ */ part<HTMLLabelElement, PartProps<'label'>>(
  'PromptField.Label',
  function Label({ asChild, children, ...props }, ref) {
    const { ids } = usePromptField('Label');
    return (
      <Part
        tag="label"
        asChild={asChild}
        id={ids.label}
        htmlFor={ids.textarea}
        {...props}
        ref={ref}
      >
        {children ?? 'Prompt'}
      </Part>
    );
  },
);

const Textarea = /* @__PURE__ */ part<HTMLTextAreaElement, PartProps<'textarea'>>(
  'PromptField.Textarea',
  function Textarea({ asChild, onChange, onKeyDown, ...props }, ref) {
    const { value, setValue, invalid, ids, descriptions } = usePromptField('Textarea');
    return (
      <Part
        tag="textarea"
        asChild={asChild}
        id={ids.textarea}
        name="prompt"
        aria-required
        data-invalid={flag(invalid)}
        {...props}
        ref={ref}
        aria-invalid={invalid || undefined}
        aria-describedby={joinIds(
          props['aria-describedby'],
          descriptions.has('description') && ids.description,
          descriptions.has('counter') && ids.counter,
          descriptions.has('error') && ids.error,
        )}
        value={value}
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) => {
          onChange?.(event);
          if (!event.defaultPrevented) setValue(event.currentTarget.value);
        }}
        // Ctrl+Enter (⌘+Enter on a Mac) submits the form the field is in, as chat and prompt boxes do.
        onKeyDown={(event: KeyboardEvent<HTMLTextAreaElement>) => {
          onKeyDown?.(event);
          if (event.defaultPrevented || event.key !== 'Enter' || !(event.ctrlKey || event.metaKey))
            return;
          const form = event.currentTarget.form;
          if (!form) return;
          event.preventDefault();
          form.requestSubmit();
        }}
      />
    );
  },
);

const Counter = /* @__PURE__ */ part<HTMLSpanElement, PartProps<'span'>>(
  'PromptField.Counter',
  function Counter({ asChild, children, ...props }, ref) {
    const { count, max, over, ids, descriptions } = usePromptField('Counter');
    useRegisterDescription(descriptions.register, 'counter', max !== undefined);
    if (max === undefined) return null;
    return (
      <>
        <Part
          tag="span"
          asChild={asChild}
          id={ids.counter}
          data-value={count}
          data-max={max}
          data-invalid={flag(over)}
          {...props}
          ref={ref}
        >
          {children ?? `${count} / ${max}`}
        </Part>
        {/* Said once when the cap is passed, not on every keystroke. */}
        <VisuallyHidden.Root aria-live="polite">
          {over ? `Over the ${max}-character limit` : ''}
        </VisuallyHidden.Root>
      </>
    );
  },
);

const Description = /* @__PURE__ */ part<HTMLParagraphElement, PartProps<'p'>>(
  'PromptField.Description',
  function Description({ asChild, children, ...props }, ref) {
    const { max, modelName, ids, descriptions } = usePromptField('Description');
    useRegisterDescription(descriptions.register, 'description', true);
    const text =
      max === undefined
        ? 'Describe what to generate.'
        : `Describe what to generate, up to ${max} characters${modelName ? ` for ${modelName}` : ''}.`;
    return (
      <Part tag="p" asChild={asChild} id={ids.description} {...props} ref={ref}>
        {children ?? text}
      </Part>
    );
  },
);

const ErrorMessage = /* @__PURE__ */ fieldErrorPart(
  'PromptField.Error',
  function useErrorSource(part) {
    const { errors, ids, descriptions } = usePromptField(part);
    return { errors, id: ids.error, descriptions };
  },
);

/**
 * The prompt: a textarea with a counter against the model's cap. Past the cap the field is marked
 * invalid (`aria-invalid`, `data-invalid`) and it is said once to screen readers; the text is never
 * cut. The counter, description and errors describe the textarea (`aria-describedby`).
 *
 * @example
 * <PromptField.Root model="hailuo/02-text-to-video-pro" value={prompt} onValueChange={setPrompt} />
 */
export const PromptField = {
  /** The field's state. Data: `data-value` (characters), `data-max` (the cap), `data-invalid`. Children default to Label, Textarea, Counter, Error. */
  Root,
  /** The `<label>` ("Prompt"). */
  Label,
  /** The `<textarea>` (`name="prompt"`). Data: `data-invalid`. `asChild` supported. */
  Textarea,
  /** `"123 / 4000"`. Data: `data-value`, `data-max`, `data-invalid` (past the cap). */
  Counter,
  /** A hint with the cap ("Describe what to generate, up to 1500 characters for Hailuo Pro."). */
  Description,
  /** The `errors` given, when any. */
  Error: ErrorMessage,
};
