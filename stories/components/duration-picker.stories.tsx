import type { Meta, StoryObj } from '@storybook/react-vite';
import { DurationPicker } from 'gptimage2-react';
import { useState } from 'react';
import { expect, fn, waitFor, within } from 'storybook/test';
import { familyModels, modelIds, PerModel, Readout } from './showcase';
import '../theme/theme.css';
import '../harness.css';

const meta = {
  title: 'Components/DurationPicker',
  component: DurationPicker.Root,
  tags: ['autodocs'],
  args: { model: 'kling/v2-1-pro', onValueChange: fn() },
  argTypes: { model: { control: 'select', options: modelIds() } },
  parameters: {
    docs: {
      description: {
        component:
          'The clip length as a radio group of the model’s durations only (Radix RadioGroup: Tab in, arrows move). A ' +
          'single-duration model shows its value chosen and marked `data-fixed`; an image model renders an empty group ' +
          'that says why. When the model changes and the value is not one of its durations, the nearest is reported.',
      },
    },
  },
} satisfies Meta<typeof DurationPicker.Root>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Segmented buttons from `theme.css`, through `data-state="checked"`, `data-fixed` and `data-disabled`. */
export const Styled: Story = {
  tags: ['visual'],
  args: { model: 'sora-2-text-to-video', defaultValue: 10 },
  render: (args) => (
    <div className="recipe-scope">
      <DurationPicker.Root {...args} className="recipe-choices" />
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('radio', { name: '10 s' })).toHaveAttribute(
      'data-state',
      'checked',
    );
  },
};

/** Kling 2.1 Pro: 5 s or 10 s, uncontrolled. Choose one with the mouse or the arrow keys. */
export const Default: Story = {
  play: async ({ canvas, userEvent, args }) => {
    const group = canvas.getByRole('radiogroup', { name: 'Duration' });
    await expect(
      within(group)
        .getAllByRole('radio')
        .map((radio) => radio.textContent),
    ).toEqual(['5 s', '10 s']);
    await userEvent.click(canvas.getByRole('radio', { name: '10 s' }));
    await expect(group).toHaveAttribute('data-value', '10');
    await expect(args.onValueChange).toHaveBeenLastCalledWith(10);
    // Held down as a person presses it: Radix checks the radio that arrow-key focus lands on.
    await userEvent.keyboard('{ArrowLeft>}');
    await waitFor(() => expect(canvas.getByRole('radio', { name: '5 s' })).toBeChecked());
    await userEvent.keyboard('{/ArrowLeft}');
  },
};

/** Each video family's durations: fixed for Veo 3.1, three for Sora 2 and Wan, four seconds up for Seedance. */
export const EveryFamily: Story = {
  render: () => (
    <PerModel models={familyModels('video')} caption="One model of each video family">
      {(model) => (
        <DurationPicker.Root model={model.id} aria-label={`Duration for ${model.name}`} />
      )}
    </PerModel>
  ),
  play: async ({ canvas }) => {
    await expect(
      canvas.getByRole('radiogroup', { name: 'Duration for Veo 3.1 Fast' }),
    ).toHaveAttribute('data-fixed');
    await expect(
      within(canvas.getByRole('radiogroup', { name: /Sora 2$/ })).getAllByRole('radio'),
    ).toHaveLength(3);
  },
};

/** Controlled: the parent holds the seconds; the picker shows them and reports each choice. */
export const Controlled: Story = {
  args: { model: 'sora-2-text-to-video' },
  render: function Render(args) {
    const [duration, setDuration] = useState<number | null>(20);
    return (
      <>
        <DurationPicker.Root {...args} value={duration} onValueChange={setDuration} />
        <Readout value={duration} />
      </>
    );
  },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('radio', { name: '20 s' })).toBeChecked();
    await userEvent.click(canvas.getByRole('radio', { name: '5 s' }));
    await expect(canvas.getByTestId('readout')).toHaveTextContent('5');
  },
};

/** Veo 3.1 makes 8-second clips only: one radio, chosen, marked `data-fixed`, with nothing to set. */
export const Fixed: Story = {
  args: { model: 'veo3_fast' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('radiogroup', { name: 'Duration' })).toHaveAttribute(
      'data-fixed',
    );
    await expect(canvas.getByRole('radio', { name: '8 s' })).toBeChecked();
  },
};

/** An image model has no duration: an empty, disabled group that says why. */
export const ImageModel: Story = {
  args: { model: 'gpt-image-2' },
  play: async ({ canvas }) => {
    const group = canvas.getByRole('group', { name: 'Duration' });
    await expect(group).toHaveAttribute('data-empty');
    await expect(group).toHaveTextContent('GPT Image 2 makes still images');
  },
};

/**
 * The value follows the model: 10 s on Kling, then Veo 3.1 (8 s only) reports 8 through `onValueChange`,
 * and back on Sora 2 the 8 becomes the nearest it offers.
 */
export const AdaptsToTheModel: Story = {
  render: function Render(args) {
    const [model, setModel] = useState('kling/v2-1-pro');
    const [duration, setDuration] = useState<number | null>(10);
    return (
      <>
        <div className="harness-actions">
          {['kling/v2-1-pro', 'veo3_fast', 'sora-2-text-to-video'].map((id) => (
            <button key={id} type="button" aria-pressed={model === id} onClick={() => setModel(id)}>
              {id}
            </button>
          ))}
        </div>
        <DurationPicker.Root {...args} model={model} value={duration} onValueChange={setDuration} />
        <Readout value={duration} />
      </>
    );
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'veo3_fast' }));
    await expect(canvas.getByTestId('readout')).toHaveTextContent('8');
    await userEvent.click(canvas.getByRole('button', { name: 'sora-2-text-to-video' }));
    await expect(canvas.getByTestId('readout')).toHaveTextContent('10');
  },
};

/** With `errors` (the form's, or the server's 400): `aria-invalid`, `data-invalid`, and the message describes the group. */
export const Invalid: Story = {
  args: { errors: ['duration must be one of 5, 10 for kling/v2-1-pro'] },
  play: async ({ canvas }) => {
    const group = canvas.getByRole('radiogroup', { name: 'Duration' });
    await expect(group).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(group).toHaveAccessibleDescription(/must be one of 5, 10/));
  },
};

/** `disabled`: every radio is disabled (`data-disabled`). */
export const Disabled: Story = {
  args: { disabled: true, defaultValue: 5 },
  play: async ({ canvas }) => {
    for (const radio of canvas.getAllByRole('radio')) await expect(radio).toBeDisabled();
  },
};
