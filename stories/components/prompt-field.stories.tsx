import type { Meta, StoryObj } from '@storybook/react-vite';
import { PromptField } from 'gptimage2-react';
import { useState } from 'react';
import { expect, fn, waitFor } from 'storybook/test';
import { familyModels, modelIds, PerModel, Readout } from './showcase';
import '../theme/theme.css';

const meta = {
  title: 'Components/PromptField',
  component: PromptField.Root,
  tags: ['autodocs'],
  args: { model: 'veo3_fast', onValueChange: fn() },
  argTypes: { model: { control: 'select', options: modelIds() } },
  parameters: {
    docs: {
      description: {
        component:
          'The prompt: a textarea with a counter against the model’s cap. Past the cap it is invalid (`aria-invalid`, ' +
          '`data-invalid`) and says so once to screen readers; the text is never cut. The counter, description and errors ' +
          'describe the textarea.',
      },
    },
  },
} satisfies Meta<typeof PromptField.Root>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Styled through `data-invalid` on the textarea and the counter. */
export const Styled: Story = {
  tags: ['visual'],
  args: { max: 30, defaultValue: 'Waves at dawn, long exposure, pastel sky' },
  render: (args) => (
    <div className="recipe-scope" style={{ maxWidth: '28rem' }}>
      <PromptField.Root {...args} className="recipe-field">
        <PromptField.Label className="recipe-label" />
        <PromptField.Textarea className="recipe-input" rows={3} />
        <div className="recipe-prompt-footer">
          <PromptField.Description className="recipe-hint" />
          <PromptField.Counter className="recipe-counter" />
        </div>
      </PromptField.Root>
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByText('40 / 30')).toHaveAttribute('data-invalid');
  },
};

/** The default parts: label, textarea, counter. */
export const Default: Story = {
  play: async ({ canvas, userEvent, args }) => {
    const prompt = canvas.getByRole('textbox', { name: 'Prompt' });
    await userEvent.type(prompt, 'Waves at dawn');
    await waitFor(() => expect(prompt).toHaveAccessibleDescription('13 / 4000'));
    await expect(args.onValueChange).toHaveBeenLastCalledWith('Waves at dawn');
  },
};

/** Controlled by the parent. */
export const Controlled: Story = {
  render: function Render(args) {
    const [prompt, setPrompt] = useState('A red fox in fresh snow');
    return (
      <>
        <PromptField.Root {...args} value={prompt} onValueChange={setPrompt} />
        <button type="button" onClick={() => setPrompt('')}>
          Clear from outside
        </button>
        <Readout value={prompt} />
      </>
    );
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Clear from outside' }));
    await expect(canvas.getByRole('textbox', { name: 'Prompt' })).toHaveValue('');
    await expect(canvas.getByTestId('readout')).toHaveTextContent('""');
  },
};

/** With its `Description`, which names the cap and the model. */
export const WithDescription: Story = {
  args: { model: 'hailuo/02-text-to-video-pro' },
  render: (args) => (
    <PromptField.Root {...args}>
      <PromptField.Label />
      <PromptField.Textarea rows={3} />
      <PromptField.Description />
      <PromptField.Counter />
    </PromptField.Root>
  ),
  play: async ({ canvas }) => {
    await waitFor(() =>
      expect(canvas.getByRole('textbox', { name: 'Prompt' })).toHaveAccessibleDescription(
        /up to 1500 characters for Hailuo Pro.*0 \/ 1500/,
      ),
    );
  },
};

/** Each family's cap, from the registry: 20 000 for GPT Image 2, 1 500 for Hailuo, 4 000 for most video models. */
export const EveryFamily: Story = {
  render: () => (
    <PerModel models={familyModels()} caption="One model of each family">
      {(model) => (
        <PromptField.Root model={model.id}>
          <PromptField.Label>Prompt for {model.name}</PromptField.Label> <PromptField.Counter />
        </PromptField.Root>
      )}
    </PerModel>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByText('0 / 1500')).toBeVisible();
    await expect(canvas.getAllByText('0 / 20000').length).toBeGreaterThan(0);
  },
};

/** Past the cap (here `max={40}`): invalid, the counter marked, and nothing cut. */
export const OverTheCap: Story = {
  args: { max: 40, defaultValue: 'A slow dolly around a ceramic cup in the morning light' },
  play: async ({ canvas }) => {
    const prompt = canvas.getByRole('textbox', { name: 'Prompt' });
    await expect(prompt).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText('54 / 40')).toHaveAttribute('data-invalid');
    await expect(prompt).toHaveValue('A slow dolly around a ceramic cup in the morning light');
  },
};

/** With `errors` (the form's, or the server's 400 on `prompt`). */
export const Invalid: Story = {
  args: { errors: ['Write a prompt.'] },
  play: async ({ canvas }) => {
    const prompt = canvas.getByRole('textbox', { name: 'Prompt' });
    await expect(prompt).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(prompt).toHaveAccessibleDescription(/Write a prompt\./));
  },
};

/** Disabled while a generation is in flight: `disabled` on the textarea part. */
export const Disabled: Story = {
  args: { defaultValue: 'Waves at dawn' },
  render: (args) => (
    <PromptField.Root {...args}>
      <PromptField.Label />
      <PromptField.Textarea disabled />
      <PromptField.Counter />
    </PromptField.Root>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox', { name: 'Prompt' })).toBeDisabled();
  },
};
