import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { mockApiOf } from '../support/mock';
import { dropFiles } from '../support/drop';
import { demoUpload, makeSampleImage, sampleImageUrl } from '../support/uploads';
import { EditImage } from './edit-image';
import '../theme/theme.css';

const meta = {
  title: 'Recipes/Edit an image',
  component: EditImage,
  // Every recipe story is also a visual regression test (test/setup/visual.ts).
  tags: ['autodocs', 'visual'],
  args: {
    upload: demoUpload,
    sampleImage: () => sampleImageUrl('cabin.png', { hue: 25, caption: 'Cabin' }),
  },
  argTypes: { upload: { control: false }, sampleImage: { control: false } },
  parameters: {
    mock: { panel: true },
    docs: {
      description: {
        component:
          'An "Edit an image" screen: attach an image (drop, paste, browse, or use the sample), say what to change, and get ' +
          'the edit beside the original. Image models edit when the request has `inputImageUrls`; the dropzone follows the ' +
          'model’s rules (how many images, which sizes). The source is `stories/recipes/edit-image.tsx`.',
      },
    },
  },
} satisfies Meta<typeof EditImage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The screen on the toolbar's scenario. */
export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('combobox', { name: 'Model' })).toHaveTextContent(
      'Nano Banana 2',
    );
    await waitFor(() =>
      expect(canvas.getByRole('group', { name: 'Image to edit' })).toHaveAccessibleDescription(
        /Up to 14 images/,
      ),
    );
    await expect(canvas.getByText('4 credits', { selector: '.recipe-credits' })).toBeVisible();
  },
};

/** Upload a photo (with progress), choose 2K, describe the change, and get the edit beside the original. */
export const WalkthroughToTheEdit: Story = {
  globals: { scenario: 'instant' },
  play: async ({ canvas, userEvent, step, id }) => {
    await step('Upload the photo', async () => {
      const file = await makeSampleImage('cabin.png', { hue: 25, caption: 'Cabin' });
      const input = canvas
        .getByRole('group', { name: 'Image to edit' })
        .querySelector<HTMLInputElement>('input[type="file"]')!;
      await userEvent.upload(input, file);
      await expect(
        await canvas.findByRole('progressbar', { name: 'Uploading cabin.png' }),
      ).toBeVisible();
      await waitFor(
        () => expect(canvas.getByRole('listitem')).toHaveAttribute('data-state', 'ready'),
        { timeout: 5000 },
      );
    });
    await step('Choose 2K and say what to change', async () => {
      await userEvent.click(canvas.getByRole('radio', { name: /2K/ }));
      await expect(canvas.getByText('6 credits', { selector: '.recipe-credits' })).toBeVisible();
      // The four ratios 2K rules out share one caption, which describes each of them.
      const caption = '1:4, 4:1, 1:8 and 8:1 are only available at 1K';
      await expect(canvas.getAllByText(/only available at/)).toHaveLength(1);
      await expect(canvas.getByRole('radio', { name: '8:1' })).toHaveAccessibleDescription(caption);
      // The ratio the request carries is the one shown chosen.
      await expect(canvas.getByRole('radio', { name: 'Auto' })).toBeChecked();
      await userEvent.type(
        canvas.getByRole('textbox', { name: 'What to change' }),
        'Make it winter: snow on the roof',
      );
    });
    await step('Edit, and see before and after', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Edit image' }));
      const after = await canvas.findByRole<HTMLImageElement>(
        'img',
        { name: /^Edited image/ },
        { timeout: 10_000 },
      );
      await waitFor(() => expect(after.naturalWidth).toBeGreaterThan(0));
      const before = canvas.getByRole<HTMLImageElement>('img', { name: 'The original image' });
      await waitFor(() => expect(before.naturalWidth).toBeGreaterThan(0));
      await expect(mockApiOf(id).requests[0]?.body).toMatchObject({
        model: 'nano-banana-2',
        resolution: '2K',
        inputImageUrls: [before.src],
      });
    });
  },
};

/** No image attached: the form asks for one instead of making a new image, and sends nothing. */
export const NeedsAnImage: Story = {
  play: async ({ canvas, userEvent, id }) => {
    await userEvent.type(canvas.getByRole('textbox', { name: 'What to change' }), 'Make it winter');
    await userEvent.click(canvas.getByRole('button', { name: 'Edit image' }));
    await waitFor(() =>
      expect(canvas.getByRole('group', { name: 'Image to edit' })).toHaveAccessibleDescription(
        /Add the image to edit\./,
      ),
    );
    await expect(mockApiOf(id).requests).toHaveLength(0);
  },
};

/** A file the model cannot take (a GIF here) is refused with its reason, as data: nothing is uploaded. */
export const RejectedFile: Story = {
  play: async ({ canvas }) => {
    dropFiles(canvas.getByRole('group', { name: 'Image to edit' }), [
      new File(['GIF89a'], 'party.gif', { type: 'image/gif' }),
    ]);
    const refused = await canvas.findByRole('list', { name: 'Not added' });
    await expect(within(refused).getByRole('listitem')).toHaveAttribute(
      'data-code',
      'file-invalid-type',
    );
  },
};

/** The edit failed: the reason and the refund. (Pinned to *Provider failure*.) */
export const FailureAndRefund: Story = {
  globals: { scenario: 'providerFailure' },
  parameters: { mock: { panel: true, timing: 'instant' } },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Use a sample image' }));
    await canvas.findByRole('img', { name: /Preview of cabin\.png/ });
    await userEvent.type(canvas.getByRole('textbox', { name: 'What to change' }), 'Make it winter');
    await userEvent.click(canvas.getByRole('button', { name: 'Edit image' }));
    await expect(
      await canvas.findByText(
        '4 credits refunded',
        { selector: '.recipe-refund' },
        { timeout: 10_000 },
      ),
    ).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};
