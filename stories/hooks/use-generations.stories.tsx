import type { Meta, StoryObj } from '@storybook/react-vite';
import { useGenerations, type ImageRequest } from 'gptimage2-react';
import { expect, waitFor } from 'storybook/test';
import { mockApiOf } from '../support/mock';
import '../theme/theme.css';
import '../harness.css';

interface DemoProps {
  /** What each variant submits. Edit it in Controls. */
  request: ImageRequest;
  /** How many variants one click makes. */
  count: number;
  /** How many run at once; the rest wait as `queued`. */
  concurrency: number;
}

/** `useGenerations` making variants of one prompt: one slot each, with its own status. */
function UseGenerationsDemo({ request, count, concurrency }: DemoProps) {
  const batch = useGenerations({ kind: 'image', concurrency });
  return (
    <section className="harness" data-status={batch.isBusy ? 'pending' : 'idle'}>
      <h2>useGenerations</h2>
      <div className="harness-actions">
        <button disabled={batch.isBusy} onClick={() => batch.submitVariants(request, count)}>
          Make {count} variants
        </button>
        <button onClick={batch.reset}>Reset</button>
      </div>
      {batch.error && <p role="alert">{batch.error.message}</p>}
      <ul aria-label="Variants" className="harness-result">
        {batch.slots.map((slot, index) => (
          <li key={slot.id} data-status={slot.status}>
            Variant {index + 1}: <span data-testid="slot-status">{slot.status}</span>
            {slot.status === 'completed' && (
              <img src={slot.task?.imageUrls[0]} alt={`Variant ${index + 1}`} />
            )}
            {slot.status === 'failed' && (
              <button onClick={() => batch.retry(slot.id)}>Retry variant {index + 1}</button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

const meta = {
  title: 'Hooks/useGenerations',
  component: UseGenerationsDemo,
  tags: ['autodocs'],
  args: {
    request: { model: 'nano-banana-2', prompt: 'A red kite over dunes', aspectRatio: '1:1' },
    count: 4,
    concurrency: 2,
  },
  parameters: {
    mock: { panel: true },
    docs: {
      description: {
        component:
          'Many generations at once: `submitVariants(request, count)` or `add(request)`, a status per ' +
          'slot, at most `concurrency` running with the rest `queued`, one slot failing leaves the others ' +
          'running, and `retry(slotId)` runs one again.',
      },
    },
  },
} satisfies Meta<typeof UseGenerationsDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Four variants, two at a time: the last two wait as `queued`, then each shows its image. One POST each. */
export const Variants: Story = {
  play: async ({ canvas, userEvent, id }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Make 4 variants' }));
    await waitFor(() =>
      expect(canvas.getAllByTestId('slot-status').map((s) => s.textContent)).toContain('queued'),
    );
    await waitFor(() => expect(canvas.getAllByRole('img')).toHaveLength(4), { timeout: 20_000 });
    await expect(mockApiOf(id).requests.filter((r) => r.method === 'POST')).toHaveLength(4);
  },
};

/** An invalid request refuses the whole batch, naming the field and the rule: nothing is sent. */
export const Invalid: Story = {
  args: { request: { model: 'nano-banana-2', prompt: '' } },
  play: async ({ canvas, userEvent, id }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Make 4 variants' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Prompt is required');
    await expect(canvas.queryAllByRole('listitem')).toHaveLength(0);
    await expect(mockApiOf(id).requests).toHaveLength(0);
  },
};
