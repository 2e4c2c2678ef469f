'use client';
import {
  AspectRatioPicker,
  CreditEstimate,
  ModelSelect,
  PromptField,
  TaskProgress,
  useGenerationForm,
} from 'gptimage2-react';

/** An image form from the headless components. */
export function ImageForm() {
  const form = useGenerationForm({ kind: 'image', defaultValues: { model: 'gpt-image-2' } });
  return (
    <form {...form.getFormProps()} aria-label="Image">
      <h2>Image</h2>
      <ModelSelect.Root {...form.getModelSelectProps()}>
        <ModelSelect.Trigger aria-label="Image model">
          <ModelSelect.Value />
        </ModelSelect.Trigger>
        <ModelSelect.Portal>
          <ModelSelect.Content>
            <ModelSelect.Viewport>
              <ModelSelect.Groups />
            </ModelSelect.Viewport>
          </ModelSelect.Content>
        </ModelSelect.Portal>
      </ModelSelect.Root>
      <AspectRatioPicker.Root {...form.getAspectRatioPickerProps()} aria-label="Aspect ratio">
        <AspectRatioPicker.Options />
      </AspectRatioPicker.Root>
      <PromptField.Root {...form.getPromptFieldProps()}>
        <PromptField.Label>Image prompt</PromptField.Label>
        <PromptField.Textarea />
        <PromptField.Error />
      </PromptField.Root>
      <CreditEstimate {...form.getCreditEstimateProps()} />
      <button {...form.getSubmitProps()}>Generate image</button>
      <TaskProgress.Root {...form.getTaskProgressProps()} />
    </form>
  );
}
