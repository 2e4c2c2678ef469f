import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  AspectRatioPicker,
  ChangeNotice,
  CreditEstimate,
  DurationPicker,
  ImageDropzone,
  ModelSelect,
  PromptField,
  ResolutionPicker,
  TaskProgress,
  useGenerationForm,
  type DraftRequest,
  type FieldErrorFormatter,
  type ModelKind,
  type ModelSpec,
} from 'gptimage2-react';
import { http, HttpResponse } from 'msw';
import { expect, screen, waitFor } from 'storybook/test';
import { mockApiOf } from '../support/mock';
import { demoUpload } from '../support/uploads';
import '../theme/theme.css';
import '../harness.css';

interface DemoProps {
  /** Which endpoint the form submits to, and which models it offers. */
  kind: ModelKind;
  /** The first draft. */
  defaultValues?: Partial<DraftRequest>;
  /** Your own words for a field's error (return `undefined` to keep the default). */
  formatError?: FieldErrorFormatter;
}

/** Every component on its `get…Props()`, unstyled, beside the form's state. */
function UseGenerationFormDemo({ kind, defaultValues, formatError }: DemoProps) {
  // Any model id the story's args give: the models are known at run time (ModelSpec).
  const form = useGenerationForm<ModelSpec>({ kind, defaultValues, formatError });
  return (
    <div
      className="harness"
      style={{
        display: 'grid',
        gridTemplateColumns: 'minmax(18rem, 1fr) minmax(16rem, 1fr)',
        gap: '1.5rem',
        maxWidth: '64rem',
      }}
    >
      <form
        {...form.getFormProps()}
        aria-label="Generation form"
        style={{ display: 'grid', gap: '0.75rem', alignContent: 'start' }}
      >
        <ModelSelect.Root {...form.getModelSelectProps()} />
        <ImageDropzone.Root {...form.getImageDropzoneProps()} upload={demoUpload} />
        {kind === 'video' && <DurationPicker.Root {...form.getDurationPickerProps()} />}
        <AspectRatioPicker.Root {...form.getAspectRatioPickerProps()} />
        <ResolutionPicker.Root {...form.getResolutionPickerProps()} />
        <PromptField.Root {...form.getPromptFieldProps()} />
        <ChangeNotice {...form.getChangeNoticeProps()} />
        <p>
          <CreditEstimate
            {...form.getCreditEstimateProps()}
            charged={form.generation.creditsUsed}
          />{' '}
          <button {...form.getSubmitProps()}>Generate</button>
        </p>
        <TaskProgress.Root {...form.getTaskProgressProps()} />
      </form>
      <section aria-label="Form state">
        <h2>useGenerationForm</h2>
        <dl className="harness-state">
          <dt>draft</dt>
          <dd>
            <pre className="harness-request" data-testid="draft">
              {JSON.stringify(form.draft, null, 2)}
            </pre>
          </dd>
          <dt>isValid</dt>
          <dd>{String(form.isValid)}</dd>
          <dt>credits</dt>
          <dd>{form.credits ?? 'null'}</dd>
          <dt>errors</dt>
          <dd data-testid="errors">{JSON.stringify(form.errors)}</dd>
          <dt>changes</dt>
          <dd>
            {form.changes.length ? form.changes.map((change) => change.message).join(' · ') : '—'}
          </dd>
          <dt>generation</dt>
          <dd>{form.generation.status}</dd>
        </dl>
      </section>
    </div>
  );
}

const meta = {
  title: 'Hooks/useGenerationForm',
  component: UseGenerationFormDemo,
  tags: ['autodocs'],
  args: { kind: 'video', defaultValues: { model: 'sora-2-text-to-video' } },
  parameters: {
    mock: { panel: true },
    docs: {
      description: {
        component:
          'A generation form’s state, tying the components together: the draft request; on a model change, the user’s ' +
          'choices adapted through the registry (with `changes` for `ChangeNotice`) and the untouched ones following the new ' +
          'model’s defaults; validation errors per field once a submit was tried, and the server’s 400 until the field is ' +
          'edited; the submit through the generation hooks. Each `get…Props()` is one component’s props.',
      },
    },
  },
} satisfies Meta<typeof UseGenerationFormDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

const draftOf = () => JSON.parse(screen.getByTestId('draft').textContent ?? '{}') as DraftRequest;

/** The first draft is fitted to its model: Sora 2's shortest duration and default resolution, priced. */
export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(draftOf()).toMatchObject({
      model: 'sora-2-text-to-video',
      duration: 5,
      resolution: '720p',
    });
    await expect(canvas.getByText('5 credits')).toBeVisible();
  },
};

/** A model change keeps the user's choices where it can and reports what it had to change. */
export const ModelChange: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('radio', { name: '20 s' }));
    await userEvent.click(canvas.getByRole('radio', { name: '9:16' }));
    await userEvent.click(canvas.getByRole('combobox', { name: 'Model' }));
    await userEvent.click(await screen.findByRole('option', { name: /^Wan 2\.6 credits/ }));
    await waitFor(() =>
      expect(draftOf()).toMatchObject({ model: 'wan/2-6-text-to-video', duration: 15 }),
    );
    await expect(draftOf().aspectRatio).toBeUndefined();
    await expect(canvas.getByRole('region', { name: 'Form state' })).toHaveTextContent(
      /Duration 20 s → 15 s/,
    );
  },
};

/** Submitting an invalid draft shows each field's errors and focuses the first; nothing is sent. */
export const ValidationOnSubmit: Story = {
  play: async ({ canvas, userEvent, id }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Generate' }));
    await expect(canvas.getByTestId('errors')).toHaveTextContent('"prompt":["Write a prompt."]');
    await waitFor(() => expect(canvas.getByRole('textbox', { name: 'Prompt' })).toHaveFocus());
    await expect(mockApiOf(id).requests).toHaveLength(0);
  },
};

/**
 * The server's 400 lands on its field, and stays until that field is edited. (This story answers the submit
 * with its own MSW handler, in `beforeEach({ msw })`, ahead of the mock.)
 */
export const ServerFieldErrors: Story = {
  beforeEach({ msw }) {
    msw.use(
      http.post('*/api/ai/video/generate', () =>
        HttpResponse.json(
          {
            error: 'Invalid request',
            details: {
              formErrors: [],
              fieldErrors: { prompt: ['The provider refused this prompt'] },
            },
          },
          { status: 400 },
        ),
      ),
    );
  },
  play: async ({ canvas, userEvent }) => {
    const prompt = canvas.getByRole('textbox', { name: 'Prompt' });
    await userEvent.type(prompt, 'Something the provider refuses');
    await userEvent.click(canvas.getByRole('button', { name: 'Generate' }));
    await waitFor(() =>
      expect(prompt).toHaveAccessibleDescription(/The provider refused this prompt/),
    );
    await userEvent.type(prompt, '!');
    await expect(prompt).not.toHaveAttribute('aria-invalid');
  },
};

/** An image form: no duration picker, edit when images are attached. */
export const ImageForm: Story = {
  args: { kind: 'image', defaultValues: { model: 'nano-banana-pro' } },
  play: async ({ canvas }) => {
    await expect(draftOf()).toMatchObject({ model: 'nano-banana-pro', resolution: '2K' });
    await expect(canvas.getByText('12 credits')).toBeVisible();
  },
};

/**
 * Errors in your own words (or language): `formatError(field, message, model)` sees the client's message
 * and returns the text to show, or `undefined` for the default wording (`describeFieldError`).
 */
export const ErrorsInYourWords: Story = {
  args: {
    formatError: (field, message) =>
      field === 'prompt' && message === 'Prompt is required'
        ? 'Écrivez une description de la vidéo.'
        : undefined,
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Generate' }));
    await waitFor(() =>
      expect(canvas.getByRole('textbox', { name: 'Prompt' })).toHaveAccessibleDescription(
        /Écrivez une description de la vidéo\./,
      ),
    );
  },
};
