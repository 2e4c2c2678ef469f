import type { Meta, StoryObj } from '@storybook/react-vite';
import { ModelSelect } from 'gptimage2-react';
import { useState } from 'react';
import { expect, fn, screen, within, waitFor } from 'storybook/test';
import { StyledModelSelectParts } from '../recipes/recipe-parts';
import { Readout } from './showcase';
import '../theme/theme.css';

const meta = {
  title: 'Components/ModelSelect',
  component: ModelSelect.Root,
  tags: ['autodocs'],
  args: { onValueChange: fn() },
  parameters: {
    docs: {
      description: {
        component:
          'Chooses a model from the registry, on Radix Select: grouped by family, with names and prices. Models that ' +
          'cannot serve the current input (`inputMode`, `imageCount`) stay visible but disabled, with the reason in their ' +
          'accessible name. Unstyled: the *Styled* story styles it through `data-state`, `data-placeholder`, ' +
          '`data-highlighted`, `data-disabled` and `data-invalid`.',
      },
    },
  },
} satisfies Meta<typeof ModelSelect.Root>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Composed from its parts and styled through its data attributes (`theme.css`). */
export const Styled: Story = {
  tags: ['visual'],
  args: { kind: 'video', imageCount: 2, defaultValue: 'veo3_fast' },
  render: (args) => (
    <div className="recipe-scope" style={{ maxWidth: '24rem' }}>
      <span id="styled-model-label" className="recipe-label">
        Model
      </span>
      <ModelSelect.Root {...args}>
        {/* Trigger, Portal > Content > Viewport > Groups > Group/GroupLabel/Item, Error: see recipe-parts.tsx */}
        <StyledModelSelectParts labelledBy="styled-model-label" />
      </ModelSelect.Root>
    </div>
  ),
  play: async ({ canvas, userEvent }) => {
    const trigger = canvas.getByRole('combobox', { name: 'Model' });
    const list = await openList(trigger, userEvent.click);
    await expect(trigger).toHaveAttribute('data-state', 'open');
    await expect(within(list).getByRole('option', { name: /^Kling V2\.1 Pro/ })).toHaveAttribute(
      'data-disabled',
    );
    await closeList(userEvent.keyboard);
  },
};

const openList = async (trigger: HTMLElement, click: (element: Element) => Promise<void>) => {
  await click(trigger);
  return screen.findByRole('listbox');
};

// Radix Select hides the rest of the page from assistive technology while its list is open; each play
// closes the list again so the accessibility check sees the page as the user returns to it.
const closeList = async (keyboard: (text: string) => Promise<void>) => {
  await keyboard('{Escape}');
  await expect(screen.queryByRole('listbox')).toBeNull();
};

/** Every model, uncontrolled, as the default parts render it: a trigger named "Model" and a list of families. */
export const Default: Story = {
  play: async ({ canvas, userEvent, args }) => {
    const trigger = canvas.getByRole('combobox', { name: 'Model' });
    await expect(trigger).toHaveAttribute('data-placeholder');
    const list = await openList(trigger, userEvent.click);
    await expect(within(list).getByRole('group', { name: 'GPT Image' })).toBeVisible();
    await userEvent.click(within(list).getByRole('option', { name: /^Sora 2 Pro/ }));
    await expect(trigger).toHaveTextContent('Sora 2 Pro');
    await expect(args.onValueChange).toHaveBeenCalledWith(
      'sora-2-pro-text-to-video',
      expect.objectContaining({ family: 'Sora 2' }),
    );
  },
};

/** `kind="video"`: only the video models, each with its lowest price ("from 5 credits" where it depends on options). */
export const VideoModels: Story = {
  args: { kind: 'video', defaultValue: 'veo3_fast' },
  play: async ({ canvas, userEvent }) => {
    const list = await openList(canvas.getByRole('combobox', { name: 'Model' }), userEvent.click);
    await expect(within(list).queryByRole('group', { name: 'GPT Image' })).toBeNull();
    await expect(
      within(list).getByRole('option', { name: /^Wan 2\.6 credits shown after submit/ }),
    ).toBeVisible();
    await closeList(userEvent.keyboard);
  },
};

/** `kind="image"`: the image models. */
export const ImageModels: Story = {
  args: { kind: 'image', defaultValue: 'gpt-image-2' },
  play: async ({ canvas, userEvent }) => {
    const list = await openList(canvas.getByRole('combobox', { name: 'Model' }), userEvent.click);
    await expect(within(list).getAllByRole('option')).toHaveLength(4);
    await closeList(userEvent.keyboard);
  },
};

/** Controlled: the parent holds the id; the select shows it and reports the user's choice. */
export const Controlled: Story = {
  args: { kind: 'video' },
  render: function Render(args) {
    const [model, setModel] = useState<string | null>('kling/v2-1-pro');
    return (
      <>
        <ModelSelect.Root
          {...args}
          value={model}
          onValueChange={(id, spec) => (setModel(id), args.onValueChange?.(id, spec))}
        />
        <button type="button" onClick={() => setModel('veo3')}>
          Set Veo 3.1 from outside
        </button>
        <Readout value={model} />
      </>
    );
  },
  play: async ({ canvas, userEvent }) => {
    const trigger = canvas.getByRole('combobox', { name: 'Model' });
    await expect(trigger).toHaveTextContent('Kling V2.1 Pro');
    await userEvent.click(canvas.getByRole('button', { name: 'Set Veo 3.1 from outside' }));
    await expect(trigger).toHaveTextContent('Veo 3.1');
    const list = await openList(trigger, userEvent.click);
    await userEvent.click(within(list).getByRole('option', { name: /^Hailuo Pro/ }));
    await expect(canvas.getByTestId('readout')).toHaveTextContent('"hailuo/02-text-to-video-pro"');
  },
};

/** With two images attached (`imageCount={2}`): models that take fewer are disabled, and say why. */
export const ConstrainedByImages: Story = {
  args: { kind: 'video', imageCount: 2, defaultValue: 'veo3_fast' },
  play: async ({ canvas, userEvent }) => {
    const list = await openList(canvas.getByRole('combobox', { name: 'Model' }), userEvent.click);
    const kling = within(list).getByRole('option', { name: /^Kling V2\.1 Pro/ });
    await expect(kling).toHaveAttribute('aria-disabled', 'true');
    await expect(kling).toHaveAccessibleName(/takes at most 1 image \(2 attached\)/);
    await expect(within(list).getByRole('option', { name: /^Veo 3\.1 Fast/ })).not.toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await closeList(userEvent.keyboard);
  },
};

/** Starting from an image (`inputMode="image_to_video"`): text-only models are disabled, with the reason. */
export const ConstrainedByInputMode: Story = {
  args: { kind: 'video', inputMode: 'image_to_video', defaultValue: 'veo3_fast' },
  play: async ({ canvas, userEvent }) => {
    const list = await openList(canvas.getByRole('combobox', { name: 'Model' }), userEvent.click);
    await expect(within(list).getByRole('option', { name: /^Sora 2 Pro/ })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await expect(
      within(list).getByRole('option', { name: /^Sora 2 Image-to-Video/ }),
    ).not.toHaveAttribute('aria-disabled', 'true');
    await closeList(userEvent.keyboard);
  },
};

/** `filter` hides models outright (here: everything but Veo 3.1), unlike the constraints, which disable. */
export const Filtered: Story = {
  args: { filter: (model) => model.family === 'Veo 3.1', defaultValue: 'veo3' },
  play: async ({ canvas, userEvent }) => {
    const list = await openList(canvas.getByRole('combobox', { name: 'Model' }), userEvent.click);
    await expect(within(list).getAllByRole('option')).toHaveLength(3);
    await closeList(userEvent.keyboard);
  },
};

/** With `errors` (the form's, or the server's 400 on `model`): the trigger is invalid and described by them. */
export const Invalid: Story = {
  args: { kind: 'video', errors: ['Choose a model'] },
  play: async ({ canvas }) => {
    const trigger = canvas.getByRole('combobox', { name: 'Model' });
    await expect(trigger).toHaveAttribute('aria-invalid', 'true');
    await expect(trigger).toHaveAttribute('data-invalid');
    await waitFor(() => expect(trigger).toHaveAccessibleDescription('Choose a model'));
  },
};

/** `disabled`: the trigger cannot be opened. */
export const Disabled: Story = {
  args: { kind: 'video', defaultValue: 'veo3_fast', disabled: true },
  play: async ({ canvas }) => {
    const trigger = canvas.getByRole('combobox', { name: 'Model' });
    await expect(trigger).toBeDisabled();
    await expect(trigger).toHaveAttribute('data-disabled');
  },
};
