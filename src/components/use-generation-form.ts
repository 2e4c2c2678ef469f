'use client';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type FormEvent,
  type Ref,
} from 'react';
import { ValidationError, type GptImageError } from '../core/errors.js';
import type { RequestChange } from '../core/request/adapt-request.js';
import { estimateCredits } from '../core/registry/estimate-credits.js';
import type { ModelKind, ModelSpec } from '../core/registry/model-spec.js';
import type { BuiltInModel } from '../core/registry/models.js';
import type { DraftRequest, ImageModelId, VideoModelId } from '../core/request/types.js';
import { validateRequest } from '../core/request/validate-request.js';
import { useClientCore } from '../react/provider.js';
import type { UseGenerationOptions } from '../query/generation-types.js';
import { withKeySuffix } from '../query/persistence-key.js';
import { useGeneration } from '../react/use-generation.js';
import { useGenerations } from '../react/use-generations.js';
import { describeFieldError, type FieldErrorFormatter } from './describe-field-error.js';
import { normalizeDraft, switchModel } from './form-draft.js';

/**
 * Options of {@link useGenerationForm} over the models `M`: the built-in ones by default, or your
 * registry's (`useGenerationForm<ModelOf<typeof registry>>(…)`, as `useGptImageClient` takes them).
 */
export type UseGenerationFormOptions<M extends ModelSpec = BuiltInModel> =
  GenerationFormOptions<M, 'video'> | GenerationFormOptions<M, 'image'>;

/** Options of a form of one `kind`, whose first model is one of `M`'s models of that kind. */
export interface GenerationFormOptions<
  M extends ModelSpec,
  K extends ModelKind,
> extends UseGenerationOptions<DraftRequest> {
  /** Which endpoint the form submits to, and which models it offers. Fixed for the form's life. */
  kind: K;
  /** The first draft. `model` defaults to the registry's first model of `kind`; the prompt to `''`. */
  defaultValues?: Partial<Omit<DraftRequest, 'model'>> & {
    model?: K extends 'video' ? VideoModelId<M> : ImageModelId<M>;
  };
  /**
   * Words for a validation message on its control, e.g. to translate; return `undefined` to keep the
   * default ({@link describeFieldError}: "Add an image: Kling V2.1 Pro makes a video from an image.").
   */
  formatError?: FieldErrorFormatter;
}

/**
 * The most variants one submit of the form makes: each is a task charged in full, so a stray click on
 * the count costs at most four times the price shown; four is also a 2 × 2 grid of results.
 */
export const MAX_FORM_VARIANTS = 4;

/** A request field the form edits. */
export type FormField = Exclude<keyof DraftRequest, 'model'>;

const NO_IMAGES: readonly string[] = [];

/** The first focusable control of an element marked invalid (a radio group's checked or first radio). */
function focusTarget(element: Element): HTMLElement | null {
  if (element.matches('input, textarea, select, button, [tabindex]')) return element as HTMLElement;
  return element.querySelector<HTMLElement>(
    '[aria-checked="true"], input:not(:disabled), textarea, button:not(:disabled)',
  );
}

/**
 * A generation form's state, tying the components together: holds the draft request; when the model
 * changes, adapts every value the user chose through the registry (`adaptRequest`: duration, aspect
 * ratio, resolution, images, input mode) and says what changed (`changes`, for `ChangeNotice`), while
 * values the user left alone follow the new model's defaults silently; shows
 * `validateRequest`'s errors per field once a submit was tried, and the server's 400 field errors until
 * the field is edited; submits through the generation hooks (`generation` is their result).
 *
 * Each `get…Props()` returns the props of one component, so a form is a few lines:
 *
 * @example
 * const form = useGenerationForm({ kind: 'video', defaultValues: { model: 'veo3_fast' } });
 * <form {...form.getFormProps()}>
 *   <ModelSelect.Root {...form.getModelSelectProps()} />
 *   <PromptField.Root {...form.getPromptFieldProps()} />
 *   <ImageDropzone.Root {...form.getImageDropzoneProps()} upload={upload} />
 *   <DurationPicker.Root {...form.getDurationPickerProps()} />
 *   <ChangeNotice {...form.getChangeNoticeProps()} />
 *   <CreditEstimate {...form.getCreditEstimateProps()} />
 *   <button {...form.getSubmitProps()}>Generate</button>
 *   <TaskProgress.Root {...form.getTaskProgressProps()} />
 * </form>
 */
export function useGenerationForm<M extends ModelSpec = BuiltInModel>({
  kind,
  defaultValues,
  formatError,
  ...generationOptions
}: UseGenerationFormOptions<M>) {
  const client = useClientCore();
  const { registry } = client;
  // The fields the user (or `defaultValues`) set; the others follow the model's defaults.
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    () => new Set(Object.keys(defaultValues ?? {})),
  );
  const [draft, setDraft] = useState<DraftRequest>(() => {
    const id =
      defaultValues?.model ?? registry.models.find((model) => model.kind === kind)?.id ?? '';
    const model = registry.get(id);
    const initial: DraftRequest = { prompt: '', ...defaultValues, model: id };
    // The first draft is fitted to its model too (an image-only model's input mode), without a notice.
    return model ? switchModel(initial, model, chosen).draft : initial;
  });
  const model = registry.get(draft.model);
  const [changes, setChanges] = useState<RequestChange[]>([]);
  const [submitted, setSubmitted] = useState(false);
  // The server's 400 field errors, each shown until its field is edited.
  const [serverErrors, setServerErrors] = useState<Partial<Record<string, string[]>>>({});
  const [focusRequest, setFocusRequest] = useState(0);
  // How many variants a submit makes: more than one go through a batch (below).
  const [variantCount, setCount] = useState(1);
  const formRef = useRef<HTMLFormElement | null>(null);

  const onFailed = (error: GptImageError) => {
    if (error instanceof ValidationError && error.source === 'server') {
      const fields = { ...error.fieldErrors };
      // A video's resolution travels in providerInput: its errors belong to the resolution control.
      if (kind === 'video' && fields.providerInput)
        fields.resolution = [...(fields.resolution ?? []), ...fields.providerInput];
      setServerErrors(fields);
      setFocusRequest((count) => count + 1);
    }
    generationOptions.onFailed?.(error);
  };
  const generation = useGeneration<DraftRequest>(kind, { ...generationOptions, onFailed });

  // Variants (count > 1) go through a batch: one slot per variant, under its concurrency cap. The
  // callbacks are called once per variant.
  const variantsPersist = useMemo(
    // The batch's own persistence key, beside the single generation's.
    () => withKeySuffix(generationOptions.persist, 'variants'),
    [generationOptions.persist],
  );
  const batch = useGenerations<DraftRequest>({
    ...generationOptions,
    kind,
    persist: variantsPersist,
    onSubmitted: (submission, slot) => generationOptions.onSubmitted?.(submission, slot.request),
    onCompleted: (task) => generationOptions.onCompleted?.(task),
    onFailed,
  });
  const setVariantCount = useCallback(
    (count: number) => setCount(Math.min(MAX_FORM_VARIANTS, Math.max(1, Math.round(count) || 1))),
    [],
  );
  const isBusy = generation.isBusy || batch.isBusy;

  const validation = useMemo(() => validateRequest(draft, kind, registry), [draft, kind, registry]);
  const errors = useMemo(() => {
    const raw: Partial<Record<string, string[]>> = { ...serverErrors };
    if (submitted && validation) {
      for (const [field, messages] of Object.entries(validation.fieldErrors))
        raw[field] = [...(raw[field] ?? []), ...(messages ?? [])];
    }
    // In words for the person at the form; the same sentence from client and server is shown once.
    const shown: Partial<Record<string, string[]>> = {};
    for (const [field, messages] of Object.entries(raw)) {
      const say = (message: string) =>
        formatError?.(field, message, model) ?? describeFieldError(message, model);
      shown[field] = [...new Set((messages ?? []).map(say))];
    }
    return shown;
  }, [formatError, model, serverErrors, submitted, validation]);
  const formErrors = submitted ? (validation?.formErrors ?? []) : [];

  const setField = useCallback(
    <F extends FormField>(field: F, value: DraftRequest[F] | undefined) => {
      setDraft((current) =>
        normalizeDraft({ ...current, [field]: value }, registry.get(current.model)),
      );
      setChosen((current) => (current.has(field) ? current : new Set(current).add(field)));
      setServerErrors((current) => {
        if (!current[field] && !(field === 'resolution' && current.providerInput)) return current;
        const { [field]: _dropped, ...rest } = current;
        return rest;
      });
    },
    [registry],
  );

  const setModel = useCallback(
    (id: string) => {
      const next = registry.get(id);
      if (!next || id === draft.model) return;
      const switched = switchModel(draft, next, chosen);
      setDraft(switched.draft);
      setChanges(switched.changes);
      // A choice the new model removed is no choice any more: the next model's default fills it.
      const removed = switched.changes.filter((change) => change.to === undefined);
      if (removed.length)
        setChosen((current) => {
          const kept = new Set(current);
          for (const change of removed) kept.delete(change.field);
          return kept;
        });
      setServerErrors({});
    },
    [chosen, draft, registry],
  );

  const submit = useCallback(
    (event?: FormEvent) => {
      event?.preventDefault();
      setSubmitted(true);
      if (validation) {
        setFocusRequest((count) => count + 1);
        return;
      }
      if (isBusy) return;
      if (variantCount > 1) batch.submitVariants(draft, variantCount);
      else generation.generate(draft);
    },
    [batch, draft, generation, isBusy, validation, variantCount],
  );

  // After a refused submit, focus goes to the first invalid control, once it is marked.
  useEffect(() => {
    if (!focusRequest) return;
    const invalid = formRef.current?.querySelector('[aria-invalid="true"]');
    if (invalid) focusTarget(invalid)?.focus();
  }, [focusRequest]);

  const images = draft.inputImageUrls ?? NO_IMAGES;
  const imageMode = kind === 'video' ? ('image_to_video' as const) : ('image_to_image' as const);
  const reset = useCallback(() => {
    generation.reset();
    batch.reset();
    setSubmitted(false);
    setServerErrors({});
    setChanges([]);
  }, [batch, generation]);
  const dismissChanges = useCallback(() => setChanges([]), []);
  const unitCredits = estimateCredits(draft, registry);
  const fieldErrors = (...fields: string[]) => fields.flatMap((field) => errors[field] ?? []);
  const context = {
    duration: draft.duration,
    aspectRatio: draft.aspectRatio,
    resolution: draft.resolution,
  };

  return {
    kind,
    /** The request as it stands (possibly invalid). */
    draft,
    /** The chosen model's spec. */
    model,
    setModel,
    setField,
    /** What the last model change adapted, with a sentence each (the model change itself excluded). */
    changes,
    dismissChanges,
    /**
     * Messages per field, in words for a person (see `formatError`): validation's once a submit was
     * tried, and the server's 400 until the field is edited.
     */
    errors,
    /** Messages for the whole request (unknown fields). */
    formErrors,
    /** Whether the draft passes `validateRequest`. */
    isValid: validation === null,
    /** The published price of the draft, or `null` when unpublished. */
    credits: unitCredits,
    /** How many variants a submit makes, 1 to {@link MAX_FORM_VARIANTS}. Defaults to `1`. */
    variantCount,
    /** Sets the variant count (clamped to 1–{@link MAX_FORM_VARIANTS}). */
    setVariantCount,
    /** What a submit will cost by the published prices: `variantCount` × `credits`, or `null`. */
    totalCredits: unitCredits === null ? null : unitCredits * variantCount,
    /** Validates, then submits through the generation hook (focus goes to the first invalid control when refused). */
    submit,
    /** Forgets the generation, the errors and the notice; keeps the draft. */
    reset,
    /** The generation of a single submit: `useGenerateVideo`/`useGenerateImage`'s state and actions. */
    generation,
    /** The variants of a submit with `variantCount` > 1: `useGenerations`' slots and actions. */
    batch,
    getFormProps: () => ({
      ref: formRef as Ref<HTMLFormElement>,
      onSubmit: submit,
      noValidate: true,
    }),
    getSubmitProps: () => ({
      type: 'submit' as const,
      disabled: isBusy,
      'aria-busy': isBusy || undefined,
    }),
    getModelSelectProps: () => ({
      kind,
      value: draft.model,
      onValueChange: setModel,
      // With images attached, models that cannot take them are shown disabled, with the reason.
      inputMode: images.length ? imageMode : undefined,
      imageCount: images.length || undefined,
      errors: fieldErrors('model'),
    }),
    getPromptFieldProps: () => ({
      model: draft.model,
      value: draft.prompt ?? '',
      onValueChange: (prompt: string) => setField('prompt', prompt),
      errors: fieldErrors('prompt'),
    }),
    getDurationPickerProps: () => ({
      model: draft.model,
      value: draft.duration ?? null,
      onValueChange: (value: number | null) => setField('duration', value ?? undefined),
      context,
      errors: fieldErrors('duration'),
    }),
    getAspectRatioPickerProps: () => ({
      model: draft.model,
      value: draft.aspectRatio ?? null,
      onValueChange: (value: string | null) => setField('aspectRatio', value ?? undefined),
      context,
      errors: fieldErrors('aspectRatio'),
    }),
    getResolutionPickerProps: () => ({
      model: draft.model,
      value: draft.resolution ?? null,
      onValueChange: (value: string | null) => setField('resolution', value ?? undefined),
      context,
      errors: fieldErrors('resolution'),
    }),
    getImageDropzoneProps: () => ({
      model: draft.model,
      value: images,
      onValueChange: (urls: string[]) => setField('inputImageUrls', urls),
      errors: fieldErrors('inputImageUrls', 'inputMode'),
    }),
    getCreditEstimateProps: () => ({ request: draft, count: variantCount }),
    /** Props of a number input for the variant count. */
    getVariantCountProps: () => ({
      type: 'number' as const,
      min: 1,
      max: MAX_FORM_VARIANTS,
      step: 1,
      value: variantCount,
      onChange: (event: ChangeEvent<HTMLInputElement>) =>
        setVariantCount(event.currentTarget.valueAsNumber),
    }),
    getChangeNoticeProps: () => ({ changes, onDismiss: dismissChanges }),
    getTaskProgressProps: () => ({ generation }),
  };
}

/** What {@link useGenerationForm} returns. */
export type GenerationForm = ReturnType<typeof useGenerationForm>;
