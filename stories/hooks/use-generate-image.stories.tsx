import type { Meta, StoryObj } from '@storybook/react-vite';
import { useGenerateImage, type ImageRequest } from 'gptimage2-react';
import { expect, waitFor } from 'storybook/test';
import { mockApiOf } from '../support/mock';
import { GenerationView } from './generation-harness';
import '../theme/theme.css';
import '../harness.css';

interface DemoProps {
  /** What `generate` submits. Edit it in Controls. */
  request: ImageRequest;
}

/** `useGenerateImage` with every field of its result on show. */
function UseGenerateImageDemo({ request }: DemoProps) {
  const image = useGenerateImage();
  return (
    <GenerationView
      hook="useGenerateImage"
      generation={image}
      request={request}
      onGenerate={() => image.generate(request)}
      result={
        <div className="images">
          {image.imageUrls.map((url, index) => (
            <img key={url} src={url} alt={`Generated image ${index + 1}`} />
          ))}
        </div>
      }
    />
  );
}

const fox: ImageRequest = {
  model: 'gpt-image-2',
  prompt: 'A red fox in fresh snow, soft morning light',
  aspectRatio: '3:2',
};

const meta = {
  title: 'Hooks/useGenerateImage',
  component: UseGenerateImageDemo,
  tags: ['autodocs'],
  args: { request: fox },
  parameters: {
    mock: { panel: true },
    docs: {
      description: {
        component:
          'The image twin of `useGenerateVideo`: the same lifecycle, with `imageUrls` once completed. ' +
          'Attach `inputImageUrls` to edit an image (the API infers image-to-image from them).',
      },
    },
  },
} satisfies Meta<typeof UseGenerateImageDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing is sent until `generate`. */
export const Idle: Story = {
  play: async ({ canvas, id }) => {
    await expect(canvas.getByTestId('status')).toHaveTextContent('idle');
    await expect(mockApiOf(id).requests).toHaveLength(0);
  },
};

/** Completed: `imageUrls` holds the outputs (the mock draws an SVG that shows the prompt). */
export const Completed: Story = {
  globals: { scenario: 'instant' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Generate' }));
    const image = await canvas.findByRole<HTMLImageElement>(
      'img',
      { name: 'Generated image 1' },
      { timeout: 10_000 },
    );
    await waitFor(() => expect(image.complete && image.naturalWidth > 0).toBe(true));
    await expect(canvas.getByTestId('credits-used')).not.toHaveTextContent('—');
  },
};

/** Editing: reference images in `inputImageUrls` (absolute http(s) URLs; the API takes URLs, not files). */
export const EditWithReferenceImages: Story = {
  args: {
    request: {
      model: 'nano-banana-2',
      prompt: 'Make it winter: snow on the roof, warm light in the windows',
      inputImageUrls: ['https://images.example.com/cabin.jpg'],
    },
  },
  globals: { scenario: 'instant' },
  play: async ({ canvas, userEvent, id }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Generate' }));
    await canvas.findByRole('img', { name: 'Generated image 1' }, { timeout: 10_000 });
    await expect(mockApiOf(id).requests[0]?.body).toMatchObject({
      inputImageUrls: ['https://images.example.com/cabin.jpg'],
    });
  },
};

/** The task failed; the error carries the provider’s code and the refund. */
export const FailedWithRefund: Story = {
  globals: { scenario: 'providerFailure' },
  parameters: { mock: { panel: true, timing: 'instant' } },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent('failed'), {
      timeout: 10_000,
    });
    await expect(canvas.getByRole('alert')).toHaveTextContent('credits refunded');
    await expect(canvas.getByTestId('mock-balance')).toHaveTextContent('1000');
  },
};

/** Too many reference images for the model: refused before sending, with the field to fix. */
export const InvalidRequest: Story = {
  args: {
    request: {
      model: 'gpt-image-2',
      prompt: 'A collage',
      inputImageUrls: [1, 2, 3, 4, 5].map((n) => `https://images.example.com/${n}.jpg`),
    },
  },
  play: async ({ canvas, userEvent, id }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Generate' }));
    await expect(canvas.getByText(/Field errors/).closest('[role="alert"]')).toHaveTextContent(
      'inputImageUrls',
    );
    await expect(mockApiOf(id).requests).toHaveLength(0);
  },
};

/** Every request answers 401: the session (or, server side, the key) is missing or wrong. */
export const Unauthorized: Story = {
  globals: { scenario: 'unauthorized' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent('failed'));
    await expect(canvas.getByRole('alert')).toHaveTextContent('unauthorized');
  },
};

/**
 * One request in four drops or answers 5xx/429, yet the image arrives: task GETs are retried with
 * backoff, and a transient error while following keeps the task. (A submit is never retried blindly.)
 */
export const FlakyNetwork: Story = {
  globals: { scenario: 'flakyNetwork' },
  parameters: { mock: { panel: true, timing: 'instant', seed: 6 } },
  play: async ({ canvas, userEvent, id }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Generate' }));
    await canvas.findByRole('img', { name: 'Generated image 1' }, { timeout: 20_000 });
    // Seed 6: the submit goes through and the first poll meets a 503, which the client retried.
    await expect(mockApiOf(id).requests.some((request) => request.status === 503)).toBe(true);
  },
};
