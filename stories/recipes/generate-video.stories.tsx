import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, screen, waitFor, within } from 'storybook/test';
import { mockApiOf } from '../support/mock';
import { demoUpload, sampleImageUrl } from '../support/uploads';
import { GenerateVideo } from './generate-video';
import '../theme/theme.css';

const meta = {
  title: 'Recipes/Generate a video',
  component: GenerateVideo,
  // Every recipe story is also a visual regression test (test/setup/visual.ts).
  tags: ['autodocs', 'visual'],
  args: { upload: demoUpload, sampleImage: () => sampleImageUrl('sample-photo.png') },
  argTypes: { upload: { control: false }, sampleImage: { control: false } },
  parameters: {
    layout: 'padded',
    mock: { panel: true },
    docs: {
      description: {
        component:
          'A whole "Generate a video" screen from the library\'s parts: `useGenerationForm` holds the request and ties ' +
          '`ModelSelect`, `ImageDropzone`, `DurationPicker`, `AspectRatioPicker`, `ResolutionPicker`, `PromptField`, ' +
          '`ChangeNotice`, `CreditEstimate` and `TaskProgress` together; `theme.css` styles them through their data attributes.\n\n' +
          '**Try it:** in *Default*, write a prompt and press **Generate video**. Then choose **API → Provider failure** in the ' +
          'toolbar and generate again: the task fails, and the panel under the story shows the credits come back. ' +
          'The source is `stories/recipes/generate-video.tsx`.',
      },
    },
  },
} satisfies Meta<typeof GenerateVideo>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The screen on the toolbar's scenario: generate, watch the estimate and the progress, see the clip. */
export const Default: Story = {
  play: async ({ canvas, id }) => {
    await expect(canvas.getByRole('combobox', { name: 'Model' })).toHaveTextContent('Veo 3.1 Fast');
    await expect(canvas.getByRole('radiogroup', { name: 'Duration' })).toHaveAttribute(
      'data-fixed',
    );
    await expect(canvas.getByText('9 credits', { selector: '.recipe-credits' })).toBeVisible();
    // Every picker whose value is sent shows it: Veo sends 16:9 unless told otherwise.
    await expect(canvas.getByRole('radio', { name: '16:9' })).toBeChecked();
    await expect(canvas.getByText('Your video will appear here.')).toBeVisible();
    await expect(mockApiOf(id).requests).toHaveLength(0);
  },
};

/**
 * Keyboard only: Ctrl+Enter in the prompt generates; the focus moves to the status (the button it
 * left is disabled), and to the clip once it is ready. (Pinned to *Instant*.)
 */
export const KeyboardToTheResult: Story = {
  // A behaviour, not a look: left out of the visual tests.
  tags: ['!visual'],
  globals: { scenario: 'instant' },
  play: async ({ canvas, userEvent, id }) => {
    const prompt = canvas.getByRole('textbox', { name: 'Prompt' });
    await userEvent.click(prompt);
    await userEvent.type(prompt, 'Waves at dawn');
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(mockApiOf(id).requests[0]?.method).toBe('POST'));
    await expect(prompt).toHaveValue('Waves at dawn');
    const video = await canvas.findByLabelText<HTMLVideoElement>(
      /^Generated video/,
      {},
      { timeout: 10_000 },
    );
    await waitFor(() => expect(video).toHaveFocus());
    // Said aloud as well, by TaskProgress's polite live region.
    await expect(
      canvas.getByText('Completed: the video is ready', { selector: '[role="status"]' }),
    ).toBeInTheDocument();
  },
};

/** The focus goes to the status as the submit starts, never to the page. (Pinned to *Realistic*, real time.) */
export const FocusOnTheStatus: Story = {
  // A behaviour, not a look: left out of the visual tests.
  tags: ['!visual'],
  globals: { scenario: 'realistic', speed: 'realtime' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByRole('textbox', { name: 'Prompt' }), 'Waves at dawn');
    await userEvent.click(canvas.getByRole('button', { name: 'Generate video' }));
    const status = await canvas.findByText('Generating…', { selector: '.recipe-status' });
    await waitFor(() => expect(status).toHaveFocus());
  },
};

/**
 * The whole flow, as a user walks it: choose a model, start from an image, pick the shape, write the
 * prompt, check the price, generate, and watch the clip play. (Pinned to the *Instant* scenario.)
 */
export const WalkthroughToAPlayingVideo: Story = {
  globals: { scenario: 'instant' },
  play: async ({ canvas, userEvent, step, id }) => {
    await step('Choose Veo 3.1 Lite in the model list', async () => {
      await userEvent.click(canvas.getByRole('combobox', { name: 'Model' }));
      const list = await screen.findByRole('listbox');
      await expect(within(list).getByRole('group', { name: 'Kling 2.1' })).toBeVisible();
      await userEvent.click(within(list).getByRole('option', { name: /Veo 3\.1 Lite/ }));
      await expect(canvas.getByRole('combobox', { name: 'Model' })).toHaveTextContent(
        'Veo 3.1 Lite',
      );
      await expect(canvas.getByText('5 credits', { selector: '.recipe-credits' })).toBeVisible();
    });
    await step('Start from an image', async () => {
      await userEvent.click(canvas.getByRole('radio', { name: 'From images' }));
      await userEvent.click(canvas.getByRole('button', { name: 'Use a sample image' }));
      const thumbs = await canvas.findByRole('list', { name: 'Attached images' });
      const preview = within(thumbs).getByRole('img', { name: /sample-photo\.png/ });
      await waitFor(() => expect((preview as HTMLImageElement).naturalWidth).toBeGreaterThan(0));
    });
    await step('Pick the aspect ratio and write the prompt', async () => {
      await userEvent.click(canvas.getByRole('radio', { name: '9:16' }));
      await expect(canvas.getByRole('radiogroup', { name: 'Aspect ratio' })).toHaveAttribute(
        'data-value',
        '9:16',
      );
      await userEvent.type(
        canvas.getByRole('textbox', { name: 'Prompt' }),
        'The sun rises over the hills, slow push in',
      );
    });
    await step('Generate, and watch it through to the clip', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Generate video' }));
      await expect(await canvas.findByText('5 credits charged')).toBeVisible();
      const video = await canvas.findByLabelText<HTMLVideoElement>(
        /^Generated video/,
        {},
        { timeout: 10_000 },
      );
      await expect(
        canvas.getByText('Completed: the video is ready', { selector: '.recipe-status' }),
      ).toBeVisible();
      await waitFor(() => expect(video.paused).toBe(false), { timeout: 5000 });
      await expect(mockApiOf(id).requests[0]?.body).toMatchObject({
        model: 'veo3_lite',
        aspectRatio: '9:16',
        inputMode: 'image_to_video',
      });
    });
  },
};

/** The provider fails the task: the reason, the refund, and a way back. (Pinned to *Provider failure*.) */
export const WalkthroughFailureAndRefund: Story = {
  globals: { scenario: 'providerFailure' },
  parameters: { mock: { panel: true, timing: 0.3 } },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByRole('textbox', { name: 'Prompt' }), 'Waves at dawn');
    await userEvent.click(canvas.getByRole('button', { name: 'Generate video' }));
    await waitFor(() => expect(canvas.getByTestId('mock-balance')).toHaveTextContent('991'));
    await expect(
      await canvas.findByText('Failed', { selector: '.recipe-status' }, { timeout: 10_000 }),
    ).toBeVisible();
    await expect(
      canvas.getByText("The provider's safety system rejected the request", {
        selector: '.recipe-failure',
      }),
    ).toBeVisible();
    await expect(
      canvas.getByText('9 credits refunded', { selector: '.recipe-refund' }),
    ).toBeVisible();
    await expect(canvas.getByTestId('mock-balance')).toHaveTextContent('1000');
    // One thing to do next: the form's own button, now "Try again", with the prompt kept.
    await expect(canvas.getByRole('button', { name: 'Try again' })).toHaveClass(
      'recipe-button-primary',
    );
    await expect(
      canvas.queryByRole('button', { name: /Back to the form|Generate video/ }),
    ).toBeNull();
    await expect(canvas.getByRole('textbox', { name: 'Prompt' })).toHaveValue('Waves at dawn');
  },
};

/** Submitting without a prompt: the field says why, takes the focus, and nothing is sent. */
export const InvalidSubmit: Story = {
  play: async ({ canvas, userEvent, id }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Generate video' }));
    const prompt = canvas.getByRole('textbox', { name: 'Prompt' });
    await waitFor(() => expect(prompt).toHaveFocus());
    await expect(prompt).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(prompt).toHaveAccessibleDescription(/Write a prompt\./));
    await expect(mockApiOf(id).requests).toHaveLength(0);
  },
};

/** The account is short: the price it needed, and nothing charged. */
export const InsufficientCredits: Story = {
  parameters: { mock: { panel: true, credits: 5 } },
  play: async ({ canvas, canvasElement, userEvent }) => {
    await userEvent.type(canvas.getByRole('textbox', { name: 'Prompt' }), 'Waves at dawn');
    await userEvent.click(canvas.getByRole('button', { name: 'Generate video' }));
    await expect(
      await canvas.findByText('Nothing was charged', { selector: '.recipe-refund' }),
    ).toBeVisible();
    // One message per fact: the reason once, the charge once, and no timer for a task that never began.
    await expect(canvas.getByText('Not enough credits: 9 required')).toHaveClass('recipe-failure');
    await expect(canvas.getAllByText(/nothing was charged/i)).toHaveLength(1);
    await expect(canvasElement.querySelector('time')).toBeNull();
    await expect(canvas.getAllByRole('button', { name: 'Try again' })).toHaveLength(1);
  },
};

/**
 * Changing the model keeps what the user chose where the new model allows it, and says what it had to
 * change, in the controls' words: Sora 2 → Kling V2.1 Pro (images only) → Veo 3.1 Fast goes back to
 * starting from text, and 10 s becomes Veo's fixed 8 s.
 */
export const ModelChangeAdaptsTheRequest: Story = {
  args: { defaultModel: 'sora-2-text-to-video' },
  play: async ({ canvas, canvasElement, userEvent }) => {
    const choose = async (name: RegExp) => {
      await userEvent.click(canvas.getByRole('combobox', { name: 'Model' }));
      await userEvent.click(await screen.findByRole('option', { name }));
    };
    await userEvent.click(canvas.getByRole('radio', { name: '10 s' }));
    await expect(canvas.getByText('10 credits', { selector: '.recipe-credits' })).toBeVisible();
    await choose(/^Kling V2\.1 Pro/);
    await expect(await canvas.findByText('Start from: text → images')).toBeVisible();
    await choose(/^Veo 3\.1 Fast/);
    const notice = canvasElement.querySelector('.recipe-notice')!;
    await waitFor(() =>
      expect([...notice.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
        'Start from: images → text',
        'Duration: 10 s → 8 s',
      ]),
    );
    await expect(canvas.getByRole('radio', { name: 'From text' })).toBeChecked();
    await expect(canvas.getByRole('radiogroup', { name: 'Duration' })).toHaveAttribute(
      'data-value',
      '8',
    );
  },
};

/** The model list says it scrolls, and keeps each family's heading in view while it does. */
export const ModelListScrolls: Story = {
  // A behaviour, not a look: left out of the visual tests.
  tags: ['!visual'],
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('combobox', { name: 'Model' }));
    const list = await screen.findByRole('listbox');
    const viewport = list.querySelector<HTMLElement>('.recipe-listbox-viewport')!;
    await waitFor(() => expect(viewport.scrollHeight).toBeGreaterThan(viewport.clientHeight));
    // At the top of the list: an arrow says there is more below, none above.
    const cue = (direction: string) =>
      list.parentElement!.querySelector(`.recipe-listbox-scroll[data-direction="${direction}"]`);
    viewport.scrollTop = 0;
    await waitFor(() => expect(cue('up')).toBeNull());
    await expect(cue('down')).toBeVisible();
    // Scrolled into the Kling rows, the "Kling 2.1" heading sticks to the top of the list.
    const kling = within(list).getByRole('group', { name: 'Kling 2.1' });
    viewport.scrollTop = kling.offsetTop + 60;
    const heading = kling.querySelector<HTMLElement>('.recipe-listbox-label')!;
    await waitFor(() =>
      expect(
        Math.abs(heading.getBoundingClientRect().top - viewport.getBoundingClientRect().top),
      ).toBeLessThan(2),
    );
    await waitFor(() => expect(cue('up')).toBeVisible());
    await userEvent.keyboard('{Escape}');
  },
};
