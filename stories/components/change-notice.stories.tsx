import type { Meta, StoryObj } from '@storybook/react-vite';
import { adaptRequest, ChangeNotice, defaultRegistry } from 'gptimage2-react';
import { useState } from 'react';
import { expect, fn } from 'storybook/test';
import '../theme/theme.css';

// What switching a Sora 2 request (20 s, 1080p, 9:16, from text) to Kling V2.1 Pro (5 or 10 s from one
// image, its ratio and resolution) changes, from the registry itself.
const adapted = adaptRequest(
  {
    model: 'sora-2-text-to-video',
    prompt: 'Waves',
    duration: 20,
    resolution: '1080p',
    aspectRatio: '9:16',
  },
  defaultRegistry.get('kling/v2-1-pro')!,
);
// The model change itself is what the user did; the notice tells the rest.
const changes = adapted.changes.filter((change) => change.field !== 'model');

const meta = {
  title: 'Components/ChangeNotice',
  component: ChangeNotice,
  tags: ['autodocs'],
  args: { changes },
  parameters: {
    docs: {
      description: {
        component:
          'Tells the user what a model change did to the rest of the request, in a polite live region that stays mounted ' +
          '(empty when there is nothing to say) so each new notice is announced. Data: `data-state` (`open`/`closed`), ' +
          '`data-field` per change. `useGenerationForm().getChangeNoticeProps()` fills it.',
      },
    },
  },
} satisfies Meta<typeof ChangeNotice>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Styled: hidden when closed, a note when open. */
export const Styled: Story = {
  tags: ['visual'],
  args: { onDismiss: fn() },
  render: (args) => (
    <div className="recipe-scope" style={{ maxWidth: '30rem' }}>
      <ChangeNotice {...args} className="recipe-notice" />
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status').parentElement).toHaveAttribute('data-state', 'open');
    // Every field the model change touched, one line each, in the words of the form's controls.
    await expect(canvas.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Start from: text → images',
      'Duration: 20 s → 10 s',
      'Aspect ratio: 9:16 → none',
      'Resolution: 1080p → none',
    ]);
  },
};

/** The changes of switching a Sora 2 request to Kling V2.1 Pro. */
export const WithChanges: Story = {
  play: async ({ canvas }) => {
    const region = canvas.getByRole('status');
    await expect(region).toHaveTextContent(/Duration: 20 s → 10 s/);
    await expect(canvas.getByText('Duration: 20 s → 10 s').closest('li')).toHaveAttribute(
      'data-field',
      'duration',
    );
    await expect(canvas.getByText('Start from: text → images')).toHaveAttribute(
      'data-field',
      'inputMode',
    );
  },
};

/** With `onDismiss`: a Dismiss button; the region stays, empty, ready for the next notice. */
export const Dismissible: Story = {
  args: { onDismiss: fn() },
  render: function Render(args) {
    const [shown, setShown] = useState(args.changes);
    return (
      <ChangeNotice
        {...args}
        changes={shown}
        onDismiss={() => {
          setShown([]);
          args.onDismiss?.();
        }}
      />
    );
  },
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Dismiss' }));
    await expect(args.onDismiss).toHaveBeenCalled();
    await expect(canvas.getByRole('status')).toBeEmptyDOMElement();
  },
};

/** Nothing changed: `data-state="closed"`, an empty live region. */
export const Empty: Story = {
  args: { changes: [] },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-state]')).toHaveAttribute(
      'data-state',
      'closed',
    );
  },
};

/** Each change in your own words, through a render function. */
export const CustomText: Story = {
  args: {
    children: (change) =>
      `${String(change.field)}: ${JSON.stringify(change.from)} → ${JSON.stringify(change.to)}`,
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('duration: 20 → 10')).toBeVisible();
  },
};
