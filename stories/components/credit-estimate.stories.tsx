import type { Meta, StoryObj } from '@storybook/react-vite';
import { CreditEstimate, DurationPicker, ResolutionPicker } from 'gptimage2-react';
import { useState } from 'react';
import { expect } from 'storybook/test';
import '../theme/theme.css';

const meta = {
  title: 'Components/CreditEstimate',
  component: CreditEstimate,
  tags: ['autodocs'],
  args: { request: { model: 'veo3_fast' } },
  parameters: {
    docs: {
      description: {
        component:
          'What a request will cost by the published prices, or "Credits shown after submit" where none is published: ' +
          'never a guess. Once the API has charged, `charged` replaces the estimate. Changes are announced politely. ' +
          'Data: `data-value`, `data-unknown`, `data-charged`.',
      },
    },
  },
} satisfies Meta<typeof CreditEstimate>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Styled through `data-unknown` and `data-charged`. */
export const Styled: Story = {
  tags: ['visual'],
  render: () => (
    <div className="recipe-scope" style={{ display: 'grid', gap: '0.5rem' }}>
      <CreditEstimate className="recipe-credits" request={{ model: 'veo3' }} />
      <CreditEstimate
        className="recipe-credits"
        request={{ model: 'bytedance/seedance-1.5-pro' }}
      />
      <CreditEstimate className="recipe-credits" request={{ model: 'veo3' }} charged={63} />
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByText('63 credits charged')).toHaveAttribute('data-charged');
  },
};

/** A flat price: Veo 3.1 Fast costs 9 credits. */
export const FlatPrice: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText('9 credits')).toHaveAttribute('data-value', '9');
  },
};

/** Priced by resolution: Nano Banana 2 at 2K. */
export const PricedByResolution: Story = {
  args: { request: { model: 'nano-banana-2', resolution: '2K' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('6 credits')).toBeVisible();
  },
};

/** Priced by resolution and duration: Sora 2 at 1080p for 10 s. */
export const PricedByResolutionAndDuration: Story = {
  args: { request: { model: 'sora-2-text-to-video', resolution: '1080p', duration: 10 } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('15 credits')).toBeVisible();
  },
};

/** Unpublished (Wan 2.6): no guess, and `data-unknown`. */
export const Unpublished: Story = {
  args: { request: { model: 'wan/2-6-text-to-video', duration: 10 } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Credits shown after submit')).toHaveAttribute('data-unknown');
  },
};

/** After submit: the API's `creditsUsed` replaces the estimate (`data-charged`). */
export const Charged: Story = {
  args: { request: { model: 'wan/2-6-text-to-video' }, charged: 12 },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('12 credits charged')).toHaveAttribute('data-charged');
  },
};

/** Follows the request as it changes, and announces the new figure (`aria-live="polite"`). */
export const FollowsTheRequest: Story = {
  render: function Render() {
    const [duration, setDuration] = useState<number | null>(5);
    const [resolution, setResolution] = useState<string | null>('720p');
    const request = {
      model: 'sora-2-text-to-video',
      duration: duration ?? undefined,
      resolution: resolution ?? undefined,
    };
    return (
      <>
        <DurationPicker.Root
          model="sora-2-text-to-video"
          value={duration}
          onValueChange={setDuration}
        />
        <ResolutionPicker.Root
          model="sora-2-text-to-video"
          value={resolution}
          onValueChange={setResolution}
        />
        <p>
          Price: <CreditEstimate request={request} />
        </p>
      </>
    );
  },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByText('5 credits')).toHaveAttribute('aria-live', 'polite');
    await userEvent.click(canvas.getByRole('radio', { name: '20 s' }));
    await userEvent.click(canvas.getByRole('radio', { name: '1080p' }));
    await expect(canvas.getByText('30 credits')).toBeVisible();
  },
};

/** Your own words, through a render function of `(credits, charged)`. */
export const CustomText: Story = {
  args: {
    request: { model: 'gpt-image-2' },
    children: (credits, charged) =>
      credits === null ? 'Price on submit' : `${charged ? 'Paid' : 'Costs'} ${credits} ✦`,
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Costs 3 ✦')).toBeVisible();
  },
};
