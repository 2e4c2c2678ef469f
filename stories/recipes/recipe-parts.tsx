// Pieces both recipes share: the library's headless components composed from their parts, with class
// names for theme.css. Each is a few lines over the components.
import {
  AspectRatioPicker,
  CreditEstimate,
  DurationPicker,
  ImageDropzone,
  ModelSelect,
  PromptField,
  ResolutionPicker,
  TaskProgress,
  type GenerationForm,
  type UploadAdapter,
} from 'gptimage2-react';
import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import '../theme/theme.css';

/** A labelled field: the label names the control through `aria-labelledby`. */
export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: ReactNode;
  children: (labelId: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="recipe-field">
      <span className="recipe-label" id={id}>
        {label}
      </span>
      {children(id)}
      {hint && <p className="recipe-hint">{hint}</p>}
    </div>
  );
}

/**
 * ModelSelect's parts, styled: a trigger named by `labelledBy`, and a popper list of every family with
 * each model's price and, when it is disabled, why. Render inside `ModelSelect.Root`.
 */
export function StyledModelSelectParts({ labelledBy }: { labelledBy: string }) {
  return (
    <>
      <ModelSelect.Trigger className="recipe-select" aria-labelledby={labelledBy}>
        <ModelSelect.Value placeholder="Choose a model" />
        <ModelSelect.Icon className="recipe-select-icon">▾</ModelSelect.Icon>
      </ModelSelect.Trigger>
      <ModelSelect.Portal>
        <ModelSelect.Content className="recipe-listbox" position="popper" sideOffset={4}>
          {/* Shown only while there is more above or below: the list says it scrolls. */}
          <ModelSelect.ScrollUpButton className="recipe-listbox-scroll" data-direction="up">
            ▴
          </ModelSelect.ScrollUpButton>
          <ModelSelect.Viewport className="recipe-listbox-viewport">
            <ModelSelect.Groups>
              {(group) => (
                <ModelSelect.Group key={group.family}>
                  <ModelSelect.GroupLabel className="recipe-listbox-label">
                    {group.family}
                  </ModelSelect.GroupLabel>
                  {group.options.map((option) => (
                    <ModelSelect.Item
                      key={option.model.id}
                      value={option.model.id}
                      className="recipe-option"
                    >
                      <ModelSelect.ItemText>{option.model.name}</ModelSelect.ItemText>
                      <ModelSelect.ItemPrice className="recipe-option-price" />
                      <ModelSelect.ItemReason className="recipe-option-reason" />
                    </ModelSelect.Item>
                  ))}
                </ModelSelect.Group>
              )}
            </ModelSelect.Groups>
          </ModelSelect.Viewport>
          <ModelSelect.ScrollDownButton className="recipe-listbox-scroll" data-direction="down">
            ▾
          </ModelSelect.ScrollDownButton>
        </ModelSelect.Content>
      </ModelSelect.Portal>
      <ModelSelect.Error className="recipe-error" />
    </>
  );
}

/** The model field: the form's ModelSelect, and the chosen model's typical time. */
export function ModelField({ form }: { form: GenerationForm }) {
  const typical = form.model?.typicalSeconds;
  return (
    <Field label="Model" hint={typical && `Typically ${typical[0]}–${typical[1]} s`}>
      {(labelId) => (
        <ModelSelect.Root {...form.getModelSelectProps()}>
          <StyledModelSelectParts labelledBy={labelId} />
        </ModelSelect.Root>
      )}
    </Field>
  );
}

/** Duration, aspect ratio and resolution as segmented choices; a control the model does not offer says why. */
export function OptionFields({ form }: { form: GenerationForm }) {
  return (
    <div className="recipe-row">
      {form.kind === 'video' && (
        <Field label="Duration">
          {(labelId) => (
            <DurationPicker.Root
              {...form.getDurationPickerProps()}
              aria-labelledby={labelId}
              className="recipe-choices"
            />
          )}
        </Field>
      )}
      <Field label="Aspect ratio">
        {(labelId) => (
          <AspectRatioPicker.Root
            {...form.getAspectRatioPickerProps()}
            aria-labelledby={labelId}
            className="recipe-choices"
          />
        )}
      </Field>
      <Field label="Resolution">
        {(labelId) => (
          <ResolutionPicker.Root
            {...form.getResolutionPickerProps()}
            aria-labelledby={labelId}
            className="recipe-choices"
          >
            <ResolutionPicker.Options>
              {(option) => (
                <>
                  <ResolutionPicker.Item value={option.value}>
                    {option.label}
                    <ResolutionPicker.ItemCredits
                      value={option.value}
                      className="recipe-choice-price"
                    />
                  </ResolutionPicker.Item>
                  <ResolutionPicker.ItemReason value={option.value} className="recipe-hint" />
                </>
              )}
            </ResolutionPicker.Options>
            <ResolutionPicker.Empty />
            <ResolutionPicker.Error className="recipe-error" />
          </ResolutionPicker.Root>
        )}
      </Field>
    </div>
  );
}

type ResultRenderer = Parameters<typeof TaskProgress.Result>[0]['children'];

/** TaskProgress's parts, styled: status and elapsed time, the bar, the failure and refund, the result. */
export function StyledTaskProgressParts({
  result,
  statusRef,
  resultRef,
}: {
  result?: ResultRenderer;
  /** Given, the status can take the focus (`tabIndex={-1}`). */
  statusRef?: RefObject<HTMLSpanElement | null>;
  /** Given, the result can take the focus. */
  resultRef?: RefObject<HTMLDivElement | null>;
}) {
  return (
    <>
      <div className="recipe-progress-head">
        <TaskProgress.Status
          className="recipe-status"
          ref={statusRef}
          tabIndex={statusRef ? -1 : undefined}
        />
        <TaskProgress.Elapsed className="recipe-elapsed" />
      </div>
      <TaskProgress.Bar className="recipe-bar" />
      <TaskProgress.Error className="recipe-failure" />
      <TaskProgress.Refund className="recipe-refund" />
      <TaskProgress.Result
        className="recipe-result"
        ref={resultRef}
        tabIndex={resultRef ? -1 : undefined}
        role={resultRef ? 'group' : undefined}
        aria-label={resultRef ? 'Generated result' : undefined}
      >
        {result}
      </TaskProgress.Result>
    </>
  );
}

/**
 * Where the focus goes: to the status when the submit starts (the button under it is disabled and
 * would drop it to the page), to the result once it is ready. TaskProgress's live region says each
 * status aloud as well.
 */
function useOutcomeFocus(status: GenerationForm['generation']['status']) {
  const statusRef = useRef<HTMLSpanElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (status === 'submitting') statusRef.current?.focus();
    if (status === 'completed') {
      const result = resultRef.current;
      (result?.querySelector<HTMLElement>('video[controls], a, button') ?? result)?.focus();
    }
  }, [status]);
  return { statusRef, resultRef };
}

/** The generation's progress, failure (with the refund) or result, with what to do next. */
export function Outcome({
  form,
  placeholder,
  result,
}: {
  form: GenerationForm;
  placeholder: ReactNode;
  result: ResultRenderer;
}) {
  const { generation } = form;
  const { statusRef, resultRef } = useOutcomeFocus(generation.status);
  return (
    <section className="recipe-outcome" aria-label="Result">
      {generation.status === 'idle' ? (
        <div className="recipe-placeholder">{placeholder}</div>
      ) : (
        <TaskProgress.Root {...form.getTaskProgressProps()} className="recipe-progress">
          <StyledTaskProgressParts result={result} statusRef={statusRef} resultRef={resultRef} />
        </TaskProgress.Root>
      )}
      {/* After a failure the one action is the form's own button ("Try again"), beside the price. */}
      {generation.status === 'completed' && (
        <div className="recipe-actions">
          <button type="button" className="recipe-button recipe-button-quiet" onClick={form.reset}>
            Make another
          </button>
        </div>
      )}
    </section>
  );
}

interface ImagesFieldProps {
  form: GenerationForm;
  label: string;
  /** Turns a dropped file into an http(s) URL. */
  upload: UploadAdapter;
  /** Resolves with a ready-made image's URL, for a "Use a sample image" button. */
  sampleImage?: () => Promise<string>;
  /** Messages to show besides the form's own (e.g. "Add the image to edit."). */
  extraErrors?: readonly string[];
}

/** The form's ImageDropzone with its parts laid out, and an optional sample image for trying it. */
export function ImagesField({
  form,
  label,
  upload,
  sampleImage,
  extraErrors = [],
}: ImagesFieldProps) {
  const [addingSample, setAddingSample] = useState(false);
  const dropzone = form.getImageDropzoneProps();
  const busy = form.generation.isBusy;
  const addSample = async () => {
    if (!sampleImage || !form.model) return;
    setAddingSample(true);
    try {
      const url = await sampleImage();
      // A model that takes exactly one image gets this one instead.
      form.setField(
        'inputImageUrls',
        form.model.maxImages === 1 ? [url] : [...dropzone.value, url],
      );
    } finally {
      setAddingSample(false);
    }
  };
  return (
    <Field label={label}>
      {(labelId) => (
        <ImageDropzone.Root
          {...dropzone}
          errors={[...dropzone.errors, ...extraErrors]}
          upload={upload}
          aria-labelledby={labelId}
          className="recipe-dropzone"
          disabled={busy}
        >
          <ImageDropzone.Input />
          <div className="recipe-dropzone-target">
            <ImageDropzone.Description className="recipe-hint" />
            <div className="recipe-dropzone-actions">
              <ImageDropzone.Browse className="recipe-button recipe-button-quiet" />
              {sampleImage && (
                <button
                  type="button"
                  className="recipe-button recipe-button-quiet"
                  onClick={addSample}
                  disabled={busy || addingSample}
                >
                  {addingSample ? 'Adding…' : 'Use a sample image'}
                </button>
              )}
            </div>
            <ImageDropzone.UrlInput className="recipe-input" />
          </div>
          <ImageDropzone.Error className="recipe-error" />
          <ImageDropzone.Items className="recipe-thumbs" />
          <ImageDropzone.Rejections className="recipe-error" />
        </ImageDropzone.Root>
      )}
    </Field>
  );
}

/** The form's PromptField: label, textarea, the cap in words and the counter, the errors. */
export function PromptBlock({
  form,
  label,
  placeholder,
  rows = 4,
}: {
  form: GenerationForm;
  label: string;
  placeholder: string;
  rows?: number;
}) {
  return (
    <PromptField.Root {...form.getPromptFieldProps()} className="recipe-field recipe-prompt">
      <PromptField.Label className="recipe-label">{label}</PromptField.Label>
      <PromptField.Textarea
        className="recipe-input"
        rows={rows}
        placeholder={placeholder}
        disabled={form.generation.isBusy}
      />
      <div className="recipe-prompt-footer">
        <PromptField.Description className="recipe-hint" />
        <PromptField.Counter className="recipe-counter" />
      </div>
      <PromptField.Error className="recipe-error" />
    </PromptField.Root>
  );
}

/**
 * The price (the estimate, then what was charged, unless it was refunded) beside the submit button,
 * which reads "Try again" after a failure: the one thing to do next.
 */
export function SubmitRow({ form, children }: { form: GenerationForm; children: ReactNode }) {
  const { generation } = form;
  return (
    <div className="recipe-submit">
      <CreditEstimate
        {...form.getCreditEstimateProps()}
        charged={generation.status === 'failed' ? null : generation.creditsUsed}
        className="recipe-credits"
      />
      <button {...form.getSubmitProps()} className="recipe-button recipe-button-primary">
        {generation.status === 'failed' ? 'Try again' : children}
      </button>
    </div>
  );
}
