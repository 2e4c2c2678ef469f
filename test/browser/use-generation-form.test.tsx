import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
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
  type GenerationForm,
  type UploadAdapter,
} from '../../src/components/index.js';
import {
  createClient,
  defaultRegistry,
  extendRegistry,
  fixedPollSchedule,
  type DraftRequest,
  type ModelKind,
  type ModelSpec,
} from '../../src/core/index.js';
import { expectNoAxeViolations, pngFile, renderWithProviders } from './helpers.js';
import { setupBrowserMockApi } from './mock-api.js';

const mock = setupBrowserMockApi();

// The flows that walk a whole form through many steps (six model changes, each a Radix Select opened,
// chosen and closed; or a real task polled to its result) take tens of seconds on a loaded 2-core
// machine: they get their own timeout rather than the project's 30 s, with every assertion unchanged.
const LONG_FLOW = 90_000;

/** A complete generation form, as the README shows it. */
function GenerationFormView({
  kind,
  defaultValues,
  upload,
  expose,
}: {
  kind: ModelKind;
  defaultValues?: Partial<DraftRequest>;
  upload?: UploadAdapter;
  expose?: (form: GenerationForm) => void;
}) {
  // The model comes from each test's props: any id (ModelSpec), as a run-time choice would be.
  const form = useGenerationForm<ModelSpec>({
    kind,
    defaultValues,
    schedule: fixedPollSchedule(150),
  });
  expose?.(form);
  return (
    <form {...form.getFormProps()} aria-label="Generate">
      <ModelSelect.Root {...form.getModelSelectProps()} />
      <PromptField.Root {...form.getPromptFieldProps()} />
      <ImageDropzone.Root {...form.getImageDropzoneProps()} upload={upload} />
      <DurationPicker.Root {...form.getDurationPickerProps()} />
      <AspectRatioPicker.Root {...form.getAspectRatioPickerProps()} />
      <ResolutionPicker.Root {...form.getResolutionPickerProps()} />
      <ChangeNotice {...form.getChangeNoticeProps()} data-testid="notice" />
      <CreditEstimate {...form.getCreditEstimateProps()} data-testid="credits" />
      <button {...form.getSubmitProps()}>Generate</button>
      <TaskProgress.Root {...form.getTaskProgressProps()} data-testid="progress" />
    </form>
  );
}

async function chooseModel(name: string) {
  await userEvent.click(screen.getByRole('combobox', { name: 'Model' }));
  const listbox = await screen.findByRole('listbox');
  // Options are named by all they show (name, price, reason): find the one whose name part is `name`.
  const option = within(listbox)
    .getAllByRole('option')
    .find((candidate) => candidate.querySelector('span')?.textContent === name);
  await userEvent.click(option!);
  await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
}
const notice = () => screen.getByTestId('notice');
const noticeLines = () =>
  within(notice())
    .queryAllByRole('listitem')
    .map((item) => item.textContent);
const checked = (group: string) =>
  within(screen.getByRole('radiogroup', { name: group })).getByRole('radio', { checked: true })
    .textContent;
const credits = () => screen.getByTestId('credits').textContent;

describe('useGenerationForm: adapting on model change, for every family', () => {
  it(
    'video: Sora 2 Pro → Kling 2.1 → Hailuo 02 → Veo 3.1 → Wan 2.6 → Seedance → Sora 2',
    async () => {
      renderWithProviders(
        <GenerationFormView
          kind="video"
          defaultValues={{
            model: 'sora-2-pro-text-to-video',
            duration: 20,
            aspectRatio: '9:16',
            resolution: '1080p',
          }}
        />,
      );
      expect(credits()).toBe('96 credits');
      expect(notice()).toHaveAttribute('data-state', 'closed');

      await chooseModel('Kling V2.1 Master');
      expect(noticeLines()).toEqual(['Duration: 20 s → 10 s', 'Resolution: 1080p → none']);
      expect(checked('Duration')).toBe('10 s');
      expect(checked('Aspect ratio')).toBe('9:16');
      expect(screen.getByRole('group', { name: 'Resolution' })).toHaveTextContent(
        'Kling V2.1 Master offers no resolution choice',
      );
      expect(credits()).toBe('134 credits');

      await chooseModel('Hailuo Pro');
      expect(noticeLines()).toEqual(['Aspect ratio: 9:16 → none']);
      expect(checked('Duration')).toBe('10 s');
      expect(credits()).toBe('48 credits');

      await chooseModel('Veo 3.1');
      expect(noticeLines()).toEqual(['Duration: 10 s → 8 s']);
      expect(screen.getByRole('radiogroup', { name: 'Duration' })).toHaveAttribute('data-fixed');
      expect(credits()).toBe('63 credits');

      await chooseModel('Wan 2.6');
      expect(noticeLines()).toEqual(['Duration: 8 s → 10 s']);
      // Its resolution is filled with the model's default, silently: it was not a change of the user's.
      expect(checked('Resolution')).toBe('720p');
      expect(credits()).toBe('Credits shown after submit');

      await chooseModel('Seedance 1.5 Pro');
      expect(noticeLines()).toEqual(['Duration: 10 s → 8 s']);
      expect(checked('Resolution')).toBe('720p');

      await chooseModel('Sora 2');
      expect(noticeLines()).toEqual(['Duration: 8 s → 10 s']);
      expect(credits()).toBe('10 credits');
      await expectNoAxeViolations();

      await userEvent.click(within(notice()).getByRole('button', { name: 'Dismiss' }));
      expect(notice()).toHaveAttribute('data-state', 'closed');
    },
    LONG_FLOW,
  );

  it('input mode: an image-only model asks for an image, a text model switches back', async () => {
    renderWithProviders(
      <GenerationFormView kind="video" defaultValues={{ model: 'sora-2-text-to-video' }} />,
    );
    expect(screen.getByRole('group', { name: 'Reference images' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await chooseModel('Kling V2.1 Standard');
    expect(noticeLines()).toEqual(['Start from: text → images']);
    expect(screen.getByRole('group', { name: 'Reference images' })).not.toHaveAttribute(
      'aria-disabled',
    );
    expect(screen.getByRole('group', { name: 'Aspect ratio' })).toHaveTextContent(
      'takes the aspect ratio from the input image',
    );
    await chooseModel('Hailuo Standard');
    expect(noticeLines()).toEqual(['Start from: images → text']);
  });

  it('input mode: a mode the last model forced is not kept (Sora 2 → Kling V2.1 Pro → Veo 3.1 Fast)', async () => {
    let form!: GenerationForm;
    renderWithProviders(
      <GenerationFormView
        kind="video"
        defaultValues={{ model: 'sora-2-text-to-video' }}
        expose={(f) => (form = f)}
      />,
    );
    await chooseModel('Kling V2.1 Pro');
    expect(noticeLines()).toEqual(['Start from: text → images']);
    await chooseModel('Veo 3.1 Fast');
    expect(noticeLines()).toEqual(['Start from: images → text']);
    expect(form.draft.inputMode).toBeUndefined();
    // The ratio the request will carry is shown chosen: Veo's first, 16:9.
    expect(checked('Aspect ratio')).toBe('16:9');
    await userEvent.type(screen.getByRole('textbox', { name: 'Prompt' }), 'Waves at dawn');
    await userEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await waitFor(() =>
      expect(mock.api.requests.find((request) => request.method === 'POST')?.body).toMatchObject({
        model: 'veo3_fast',
        inputMode: 'text_to_video',
        aspectRatio: '16:9',
      }),
    );
  });

  it('images: a model that takes fewer drops the extra, and the notice says so', async () => {
    let form!: GenerationForm;
    const urls = ['https://cdn.test/1.png', 'https://cdn.test/2.png', 'https://cdn.test/3.png'];
    renderWithProviders(
      <GenerationFormView
        kind="video"
        defaultValues={{ model: 'veo3', inputImageUrls: urls }}
        expose={(f) => (form = f)}
      />,
    );
    expect(
      screen
        .getAllByRole('listitem', { name: undefined })
        .filter((item) => item.closest('[aria-label="Attached images"]')),
    ).toHaveLength(3);
    act(() => form.setModel('kling/v2-1-pro'));
    expect(noticeLines()).toEqual(['Images: 3 → 1']);
    expect(form.changes.map((change) => change.field)).toEqual(['inputImageUrls']);
    // The duration was Veo's default, never the user's: it becomes Kling's default, unannounced.
    expect(checked('Duration')).toBe('5 s');
    expect(
      within(screen.getByRole('list', { name: 'Attached images' })).getAllByRole('listitem'),
    ).toHaveLength(1);
    expect(form.draft.inputImageUrls).toEqual(['https://cdn.test/1.png']);
  });

  it('images: with images attached, models that cannot take them are disabled, with the reason', async () => {
    const upload: UploadAdapter = async (file) => `https://cdn.test/u/${file.name}`;
    renderWithProviders(
      <GenerationFormView kind="video" defaultValues={{ model: 'veo3_fast' }} upload={upload} />,
    );
    const zone = screen.getByRole('group', { name: 'Reference images' });
    const data = new DataTransfer();
    data.items.add(pngFile('a.png'));
    data.items.add(pngFile('b.png'));
    act(
      () =>
        void zone.dispatchEvent(
          new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }),
        ),
    );
    await waitFor(() => expect(zone).toHaveAttribute('data-value', '2'));
    await userEvent.click(screen.getByRole('combobox', { name: 'Model' }));
    const listbox = await screen.findByRole('listbox');
    expect(within(listbox).getByRole('option', { name: /^Sora 2 from/ })).toHaveAccessibleName(
      /Sora 2 does not do image-to-video$/,
    );
    expect(within(listbox).getByRole('option', { name: /^Kling V2.1 Pro/ })).toHaveAccessibleName(
      /takes at most 1 image \(2 attached\)$/,
    );
    expect(within(listbox).getByRole('option', { name: /^Veo 3.1 Lite/ })).not.toHaveAttribute(
      'aria-disabled',
    );
  });

  it(
    'image: GPT Image 2 → Nano Banana 2 → Nano Banana Pro → Nano Banana',
    async () => {
      renderWithProviders(
        <GenerationFormView
          kind="image"
          defaultValues={{ model: 'gpt-image-2', aspectRatio: '21:9' }}
        />,
      );
      expect(screen.getByRole('group', { name: 'Duration' })).toHaveTextContent(
        'GPT Image 2 makes still images',
      );
      expect(credits()).toBe('3 credits');
      await chooseModel('Nano Banana 2');
      expect(noticeLines()).toEqual([]);
      expect(checked('Aspect ratio')).toBe('21:9');
      expect(checked('Resolution')).toBe('1K');
      expect(credits()).toBe('4 credits');
      // A tall 1:4 is offered at 1K only: choosing it keeps 2K and 4K visible but disabled.
      await userEvent.click(screen.getByRole('radio', { name: '1:4' }));
      expect(screen.getByRole('radio', { name: '4K' })).toBeDisabled();
      expect(screen.getByRole('radio', { name: '4K' })).toHaveAccessibleDescription(
        '1:4 is only available at 1K',
      );

      await chooseModel('Nano Banana Pro (Gemini 3)');
      expect(noticeLines()).toEqual(['Aspect ratio: 1:4 → 9:16']);
      // 1K was Nano Banana 2's default, not a choice: the new model's default replaces it, unannounced.
      expect(checked('Resolution')).toBe('2K');
      await userEvent.click(screen.getByRole('radio', { name: '4K' }));
      expect(credits()).toBe('20 credits');

      await chooseModel('Nano Banana');
      expect(noticeLines()).toEqual(['Resolution: 4K → none']);
      expect(checked('Aspect ratio')).toBe('9:16');
      expect(credits()).toBe('3 credits');
      await expectNoAxeViolations();
    },
    LONG_FLOW,
  );
});

describe('useGenerationForm: submitting', () => {
  it('refuses an invalid draft: errors on the controls, focus on the first, nothing sent', async () => {
    renderWithProviders(
      <GenerationFormView kind="video" defaultValues={{ model: 'kling/v2-1-pro' }} />,
    );
    // No errors before a submit was tried.
    expect(screen.getByRole('textbox', { name: 'Prompt' })).not.toHaveAttribute('aria-invalid');
    await userEvent.click(screen.getByRole('button', { name: 'Generate' }));
    const prompt = screen.getByRole('textbox', { name: 'Prompt' });
    await waitFor(() => expect(document.activeElement).toBe(prompt));
    expect(prompt).toHaveAttribute('aria-invalid', 'true');
    expect(prompt).toHaveAccessibleDescription('0 / 4000 Write a prompt.');
    const browse = screen.getByRole('button', { name: 'Choose an image' });
    expect(browse).toHaveAttribute('aria-invalid', 'true');
    expect(browse).toHaveAccessibleDescription(
      /Add an image: Kling V2.1 Pro makes a video from an image\.$/,
    );
    expect(mock.posts()).toBe(0);

    // Errors then follow the draft as it is fixed.
    await userEvent.type(prompt, 'A fox');
    expect(prompt).not.toHaveAttribute('aria-invalid');
    await expectNoAxeViolations();
  });

  it(
    'submits through the hooks and shows the task to its result',
    async () => {
      renderWithProviders(
        <GenerationFormView kind="image" defaultValues={{ model: 'nano-banana-2' }} />,
      );
      await userEvent.type(
        screen.getByRole('textbox', { name: 'Prompt' }),
        'A red kite over dunes',
      );
      await userEvent.click(screen.getByRole('radio', { name: '16:9' }));
      await userEvent.click(screen.getByRole('radio', { name: '2K' }));
      expect(credits()).toBe('6 credits');
      await userEvent.click(screen.getByRole('button', { name: 'Generate' }));
      const progress = screen.getByTestId('progress');
      await waitFor(() => expect(progress).toHaveAttribute('data-state', 'pending'));
      expect(screen.getByRole('button', { name: 'Generate' })).toBeDisabled();
      expect(mock.api.requests.find((request) => request.method === 'POST')?.body).toEqual({
        model: 'nano-banana-2',
        prompt: 'A red kite over dunes',
        aspectRatio: '16:9',
        resolution: '2K',
      });
      await waitFor(() => expect(progress).toHaveAttribute('data-state', 'completed'), {
        timeout: 10_000,
      });
      const image = within(progress).getByRole('img');
      expect(image.getAttribute('src')).toMatch(/^https:\/\/api\.test\/__mock__\/outputs\//);
      expect(image).toHaveAccessibleName('Generated image: A red kite over dunes');
      expect(screen.getByRole('button', { name: 'Generate' })).toBeEnabled();
      expect(mock.posts()).toBe(1);
      await expectNoAxeViolations();
    },
    LONG_FLOW,
  );

  it("shows the server's 400 on the control it names, until that control is changed", async () => {
    // The app's registry says Veo 3.1 Fast also makes 4 s clips; the API disagrees.
    const registry = extendRegistry(defaultRegistry, {
      override: { veo3_fast: { durations: [4, 8] } },
    });
    const client = createClient({ baseUrl: 'https://api.test', registry });
    renderWithProviders(
      <GenerationFormView
        kind="video"
        defaultValues={{ model: 'veo3_fast', prompt: 'Rain on a window' }}
      />,
      { client },
    );
    await userEvent.click(screen.getByRole('radio', { name: '4 s' }));
    await userEvent.click(screen.getByRole('button', { name: 'Generate' }));
    const group = screen.getByRole('radiogroup', { name: 'Duration' });
    await waitFor(() =>
      expect(group).toHaveAccessibleDescription('Veo 3.1 Fast makes 8-second clips only.'),
    );
    expect(group).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('radio', { name: '4 s' })),
    );
    expect(screen.getByTestId('progress')).toHaveAttribute('data-state', 'failed');
    expect(within(screen.getByTestId('progress')).getByText('Nothing was charged')).toBeVisible();
    expect(mock.api.balance()).toBe(1000);

    await userEvent.click(screen.getByRole('radio', { name: '8 s' }));
    expect(group).not.toHaveAttribute('aria-invalid');
  });

  it('keeps one POST per intent: a double submit sends once', async () => {
    const onSubmitted = vi.fn();
    function Form() {
      const form = useGenerationForm({
        kind: 'video',
        defaultValues: { model: 'veo3_lite', prompt: 'Fog' },
        onSubmitted,
        schedule: fixedPollSchedule(150),
      });
      return (
        <form {...form.getFormProps()} aria-label="Generate">
          <button {...form.getSubmitProps()}>Generate</button>
        </form>
      );
    }
    renderWithProviders(<Form />);
    await userEvent.dblClick(screen.getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(onSubmitted).toHaveBeenCalledTimes(1));
    expect(mock.posts()).toBe(1);
  });
});
