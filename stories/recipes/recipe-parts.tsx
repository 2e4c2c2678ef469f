// Pieces both recipes share: the model select and the option pickers composed from their parts, with
// class names for recipes.css. Each is a few lines over the library's headless components.
import {
  AspectRatioPicker,
  DurationPicker,
  ModelSelect,
  ResolutionPicker,
  TaskProgress,
  type GenerationForm,
} from 'gptimage2-react';
import { useId, type ReactNode } from 'react';

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

/** ModelSelect from its parts: a trigger named by the field's label, and a popper list of every family. */
export function ModelField({ form }: { form: GenerationForm }) {
  return (
    <Field
      label="Model"
      hint={
        form.model
          ? `Typically ${form.model.typicalSeconds[0]}–${form.model.typicalSeconds[1]} s`
          : undefined
      }
    >
      {(labelId) => (
        <ModelSelect.Root {...form.getModelSelectProps()}>
          <ModelSelect.Trigger className="recipe-select" aria-labelledby={labelId}>
            <ModelSelect.Value placeholder="Choose a model" />
            <ModelSelect.Icon className="recipe-select-icon">▾</ModelSelect.Icon>
          </ModelSelect.Trigger>
          <ModelSelect.Portal>
            <ModelSelect.Content className="recipe-listbox" position="popper" sideOffset={4}>
              <ModelSelect.Viewport>
                <ModelSelect.Groups>
                  {(group) => (
                    <ModelSelect.Group key={group.family} className="recipe-listbox-group">
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
            </ModelSelect.Content>
          </ModelSelect.Portal>
          <ModelSelect.Error className="recipe-error" />
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

/** The generation's progress, failure (with the refund) or result, with what to do next. */
export function Outcome({
  form,
  placeholder,
  result,
}: {
  form: GenerationForm;
  placeholder: ReactNode;
  result: Parameters<typeof TaskProgress.Result>[0]['children'];
}) {
  const { generation } = form;
  return (
    <section className="recipe-outcome" aria-label="Result">
      {generation.status === 'idle' ? (
        <div className="recipe-placeholder">{placeholder}</div>
      ) : (
        <TaskProgress.Root {...form.getTaskProgressProps()} className="recipe-progress">
          <div className="recipe-progress-head">
            <TaskProgress.Status className="recipe-status" />
            <TaskProgress.Elapsed className="recipe-elapsed" />
          </div>
          <TaskProgress.Bar className="recipe-bar" />
          <TaskProgress.Error className="recipe-failure" />
          <TaskProgress.Refund className="recipe-refund" />
          <TaskProgress.Result className="recipe-result">{result}</TaskProgress.Result>
        </TaskProgress.Root>
      )}
      {(generation.status === 'completed' || generation.status === 'failed') && (
        <div className="recipe-actions">
          {generation.status === 'failed' && generation.taskId && (
            <button type="button" className="recipe-button" onClick={generation.retry}>
              Try again
            </button>
          )}
          <button type="button" className="recipe-button recipe-button-quiet" onClick={form.reset}>
            {generation.status === 'completed' ? 'Make another' : 'Back to the form'}
          </button>
        </div>
      )}
    </section>
  );
}
