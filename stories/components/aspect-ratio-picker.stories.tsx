import type { Meta, StoryObj } from '@storybook/react-vite';
import { AspectRatioPicker } from 'gptimage2-react';
import { useState } from 'react';
import { expect, fn, within, waitFor } from 'storybook/test';
import { familyModels, modelIds, PerModel, Readout } from './showcase';
import '../theme/theme.css';

const meta = {
  title: 'Components/AspectRatioPicker',
  component: AspectRatioPicker.Root,
  tags: ['autodocs'],
  args: { model: 'veo3_fast', onValueChange: fn() },
  argTypes: { model: { control: 'select', options: modelIds() } },
  parameters: {
    docs: {
      description: {
        component:
          'The aspect ratio as a radio group of the model’s ratios. Ratios the current resolution excludes stay visible, ' +
          'disabled, with the reason linked by `aria-describedby`. Models that take the shape from the input image, or ' +
          'offer no choice, render an empty group that says so.',
      },
    },
  },
} satisfies Meta<typeof AspectRatioPicker.Root>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Styled through `data-state` and `data-disabled`, with the reasons of the disabled ratios shown. */
export const Styled: Story = {
  tags: ['visual'],
  args: { model: 'nano-banana-2', context: { resolution: '4K' }, defaultValue: '16:9' },
  render: (args) => (
    <div className="recipe-scope" style={{ maxWidth: '36rem' }}>
      <AspectRatioPicker.Root {...args} className="recipe-choices" />
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('radio', { name: '8:1' })).toHaveAttribute('data-disabled');
    // One caption for the four ratios 4K rules out, not four.
    await expect(canvas.getByText('1:4, 4:1, 1:8 and 8:1 are only available at 1K')).toBeVisible();
    await expect(canvas.getAllByText(/only available at/)).toHaveLength(1);
  },
};

/** Veo 3.1 Fast: landscape or portrait. */
export const Default: Story = {
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('radio', { name: '9:16' }));
    await expect(canvas.getByRole('radiogroup', { name: 'Aspect ratio' })).toHaveAttribute(
      'data-value',
      '9:16',
    );
    await expect(args.onValueChange).toHaveBeenLastCalledWith('9:16');
  },
};

/** Each family's ratios: many for the image models, two for Veo and Sora, none for Hailuo, the input image's for Kling. */
export const EveryFamily: Story = {
  render: () => (
    <PerModel models={familyModels()} caption="One model of each family">
      {(model) => (
        <AspectRatioPicker.Root model={model.id} aria-label={`Aspect ratio for ${model.name}`} />
      )}
    </PerModel>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group', { name: /for Kling/ })).toHaveTextContent(
      'takes the aspect ratio from the input image',
    );
    await expect(
      within(canvas.getByRole('radiogroup', { name: 'Aspect ratio for GPT Image 2' })).getByRole(
        'radio',
        { name: 'Auto' },
      ),
    ).toBeVisible();
  },
};

/** Controlled by the parent. */
export const Controlled: Story = {
  args: { model: 'gpt-image-2' },
  render: function Render(args) {
    const [ratio, setRatio] = useState<string | null>('3:2');
    return (
      <>
        <AspectRatioPicker.Root {...args} value={ratio} onValueChange={setRatio} />
        <Readout value={ratio} />
      </>
    );
  },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('radio', { name: '3:2' })).toBeChecked();
    await userEvent.click(canvas.getByRole('radio', { name: '21:9' }));
    await expect(canvas.getByTestId('readout')).toHaveTextContent('"21:9"');
  },
};

/**
 * Nano Banana 2 at 2K (`context={{ resolution: '2K' }}`): the extreme ratios exist at 1K only, so they are
 * disabled, each described by its reason.
 */
export const LimitedByResolution: Story = {
  args: { model: 'nano-banana-2', context: { resolution: '2K' } },
  play: async ({ canvas }) => {
    const tall = canvas.getByRole('radio', { name: '1:4' });
    await expect(tall).toBeDisabled();
    await waitFor(() =>
      expect(tall).toHaveAccessibleDescription('1:4, 4:1, 1:8 and 8:1 are only available at 1K'),
    );
    await expect(canvas.getByRole('radio', { name: '16:9' })).toBeEnabled();
  },
};

/** Kling 2.1 animates an image and keeps its shape: no choice, and the empty group says why. */
export const FromTheInputImage: Story = {
  args: { model: 'kling/v2-1-pro' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group', { name: 'Aspect ratio' })).toHaveTextContent(
      'Kling V2.1 Pro takes the aspect ratio from the input image',
    );
  },
};

/** Hailuo 02 offers no aspect ratio. */
export const NoChoice: Story = {
  args: { model: 'hailuo/02-text-to-video-pro' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group', { name: 'Aspect ratio' })).toHaveAttribute(
      'data-disabled',
    );
  },
};

/** Invalid, with the message. */
export const Invalid: Story = {
  args: { errors: ['aspectRatio must be one of 16:9, 9:16 for veo3_fast'] },
  play: async ({ canvas }) => {
    await waitFor(() =>
      expect(canvas.getByRole('radiogroup', { name: 'Aspect ratio' })).toHaveAccessibleDescription(
        /must be one of 16:9, 9:16/,
      ),
    );
  },
};

/** Disabled. */
export const Disabled: Story = {
  args: { disabled: true, defaultValue: '16:9' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('radio', { name: '16:9' })).toBeDisabled();
  },
};
