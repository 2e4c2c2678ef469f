import type { Meta, StoryObj } from '@storybook/react-vite';
import { ResolutionPicker } from 'gptimage2-react';
import { useState } from 'react';
import { expect, fn, waitFor } from 'storybook/test';
import { familyModels, modelIds, PerModel, Readout } from './showcase';
import '../theme/theme.css';

const meta = {
  title: 'Components/ResolutionPicker',
  component: ResolutionPicker.Root,
  tags: ['autodocs'],
  args: { model: 'sora-2-text-to-video', onValueChange: fn() },
  argTypes: { model: { control: 'select', options: modelIds() } },
  parameters: {
    docs: {
      description: {
        component:
          'The resolution as a radio group of the model’s tiers; `ItemCredits` shows each tier’s price with the rest of the ' +
          'request (`context`). Tiers the aspect ratio excludes stay visible, disabled, with the reason.',
      },
    },
  },
} satisfies Meta<typeof ResolutionPicker.Root>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Styled, with each tier's price. */
export const Styled: Story = {
  tags: ['visual'],
  args: { model: 'nano-banana-pro', defaultValue: '2K' },
  render: (args) => (
    <div className="recipe-scope">
      <ResolutionPicker.Root {...args} className="recipe-choices">
        <ResolutionPicker.Options>
          {(option) => (
            <ResolutionPicker.Item value={option.value}>
              {option.label}
              <ResolutionPicker.ItemCredits value={option.value} className="recipe-choice-price" />
            </ResolutionPicker.Item>
          )}
        </ResolutionPicker.Options>
      </ResolutionPicker.Root>
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('radio', { name: /4K/ })).toHaveTextContent('20 credits');
  },
};

/** Sora 2: 720p or 1080p. */
export const Default: Story = {
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('radio', { name: '1080p' }));
    await expect(args.onValueChange).toHaveBeenLastCalledWith('1080p');
  },
};

/** Each tier with its price for a 10-second clip (`context={{ duration: 10 }}`), through a render function. */
export const WithPrices: Story = {
  args: { context: { duration: 10 } },
  render: (args) => (
    <ResolutionPicker.Root {...args}>
      <ResolutionPicker.Options>
        {(option) => (
          <ResolutionPicker.Item value={option.value}>
            {option.label} · <ResolutionPicker.ItemCredits value={option.value} />
          </ResolutionPicker.Item>
        )}
      </ResolutionPicker.Options>
    </ResolutionPicker.Root>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('radio', { name: '720p · 10 credits' })).toBeVisible();
    await expect(canvas.getByRole('radio', { name: '1080p · 15 credits' })).toBeVisible();
  },
};

/** Each family's tiers; families without a choice say so. */
export const EveryFamily: Story = {
  render: () => (
    <PerModel models={familyModels()} caption="One model of each family">
      {(model) => (
        <ResolutionPicker.Root model={model.id} aria-label={`Resolution for ${model.name}`} />
      )}
    </PerModel>
  ),
  play: async ({ canvas }) => {
    await expect(
      canvas.getByRole('group', { name: 'Resolution for Veo 3.1 Fast' }),
    ).toHaveTextContent('offers no resolution choice');
    await expect(
      canvas.getByRole('radiogroup', { name: 'Resolution for Nano Banana 2' }),
    ).toBeVisible();
  },
};

/** Controlled by the parent. */
export const Controlled: Story = {
  args: { model: 'nano-banana-2' },
  render: function Render(args) {
    const [resolution, setResolution] = useState<string | null>('2K');
    return (
      <>
        <ResolutionPicker.Root {...args} value={resolution} onValueChange={setResolution} />
        <Readout value={resolution} />
      </>
    );
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('radio', { name: '4K' }));
    await expect(canvas.getByTestId('readout')).toHaveTextContent('"4K"');
  },
};

/** Nano Banana 2 with a 1:4 ratio (`context={{ aspectRatio: '1:4' }}`): only 1K offers it. */
export const LimitedByAspectRatio: Story = {
  args: { model: 'nano-banana-2', context: { aspectRatio: '1:4' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('radio', { name: '2K' })).toBeDisabled();
    await waitFor(() =>
      expect(canvas.getByRole('radio', { name: '2K' })).toHaveAccessibleDescription(
        '1:4 is only available at 1K',
      ),
    );
    // 2K and 4K share that reason: one caption describes both.
    await expect(canvas.getAllByText('1:4 is only available at 1K')).toHaveLength(1);
    await expect(canvas.getByRole('radio', { name: '4K' })).toHaveAccessibleDescription(
      '1:4 is only available at 1K',
    );
    await expect(canvas.getByRole('radio', { name: '1K' })).toBeEnabled();
  },
};

/** Veo 3.1 offers no resolution choice. */
export const NoChoice: Story = {
  args: { model: 'veo3' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group', { name: 'Resolution' })).toHaveTextContent(
      'Veo 3.1 offers no resolution choice',
    );
  },
};

/** Invalid: a server's 400 on `providerInput.resolution` lands here, through the form. */
export const Invalid: Story = {
  args: { errors: ['resolution must be one of 720p, 1080p'] },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('radiogroup', { name: 'Resolution' })).toHaveAttribute(
      'data-invalid',
    );
  },
};

/** Disabled. */
export const Disabled: Story = {
  args: { disabled: true, defaultValue: '720p' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('radio', { name: '720p' })).toBeDisabled();
  },
};
