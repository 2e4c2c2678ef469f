import {
  ChangeNotice,
  CreditEstimate,
  DurationPicker,
  ModelSelect,
  PromptField,
  TaskProgress,
  useGenerationForm,
} from 'gptimage2-react';

export function VideoForm() {
  const form = useGenerationForm({ kind: 'video', defaultValues: { model: 'veo3_fast' } });
  return (
    <form {...form.getFormProps()} aria-label="Video">
      <h2>Video</h2>
      <ModelSelect.Root {...form.getModelSelectProps()}>
        <ModelSelect.Trigger aria-label="Video model">
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
      <DurationPicker.Root {...form.getDurationPickerProps()} aria-label="Duration">
        <DurationPicker.Options />
      </DurationPicker.Root>
      <PromptField.Root {...form.getPromptFieldProps()}>
        <PromptField.Label>Video prompt</PromptField.Label>
        <PromptField.Textarea />
        <PromptField.Counter />
        <PromptField.Error />
      </PromptField.Root>
      <ChangeNotice {...form.getChangeNoticeProps()} />
      <CreditEstimate {...form.getCreditEstimateProps()} />
      <button {...form.getSubmitProps()}>Generate video</button>
      <TaskProgress.Root {...form.getTaskProgressProps()} />
    </form>
  );
}
