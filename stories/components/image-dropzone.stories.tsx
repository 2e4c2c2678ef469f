import type { Meta, StoryObj } from '@storybook/react-vite';
import { ImageDropzone, useImageDropzone, describeImageRules } from 'gptimage2-react';
import { createUploader } from 'gptimage2-react/upload';
import { useState } from 'react';
import { expect, fn, waitFor, within } from 'storybook/test';
import { dropFiles } from '../support/drop';
import { createDemoUpload, demoUpload, makeSampleImage, sampleImageUrl } from '../support/uploads';
import { modelIds, Readout } from './showcase';
import '../theme/theme.css';

const meta = {
  title: 'Components/ImageDropzone',
  component: ImageDropzone.Root,
  tags: ['autodocs'],
  args: { model: 'gpt-image-2', upload: demoUpload, onValueChange: fn(), onReject: fn() },
  argTypes: { model: { control: 'select', options: modelIds() }, upload: { control: false } },
  parameters: {
    docs: {
      description: {
        component:
          'An image dropzone bound to the model’s image rules: drop, paste or browse files (JPEG, PNG, WebP within the ' +
          'model’s size limit) or image URLs; none, exactly one, or up to N images; uploads through your `upload` adapter ' +
          '(these stories use a demo one with about a second of progress) with cancel and retry; previews, reordering and ' +
          'removal. Rejections are data with a `code`. Its value is the request’s `inputImageUrls`.',
      },
    },
  },
} satisfies Meta<typeof ImageDropzone.Root>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Styled through `data-dragging`, `data-invalid`, each item's `data-state` and the progress bar's `--progress`. */
export const Styled: Story = {
  tags: ['visual'],
  args: { model: 'veo3' },
  loaders: [
    async () => ({
      url: await sampleImageUrl('first-frame.png', { hue: 40, caption: 'First frame' }),
    }),
  ],
  render: (args, { loaded }) => (
    <div className="recipe-scope" style={{ maxWidth: '30rem' }}>
      <ImageDropzone.Root {...args} defaultValue={[loaded.url]} className="recipe-dropzone">
        <ImageDropzone.Input />
        <div className="recipe-dropzone-target">
          <ImageDropzone.Description className="recipe-hint" />
          <div className="recipe-dropzone-actions">
            <ImageDropzone.Browse className="recipe-button recipe-button-quiet" />
          </div>
          <ImageDropzone.UrlInput className="recipe-input" />
        </div>
        <ImageDropzone.Items className="recipe-thumbs" />
        <ImageDropzone.Rejections className="recipe-error" />
      </ImageDropzone.Root>
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('listitem')).toHaveAttribute('data-state', 'ready');
  },
};

const fileInput = (root: HTMLElement) =>
  root.querySelector<HTMLInputElement>('input[type="file"]')!;

/** GPT Image 2 takes up to 4 reference images. Choose a file: it uploads with progress, then previews. */
export const Default: Story = {
  play: async ({ canvas, userEvent, args }) => {
    const root = canvas.getByRole('group', { name: 'Reference images' });
    await waitFor(() =>
      expect(root).toHaveAccessibleDescription(
        'Drop, paste or choose images: JPEG, PNG or WebP. Up to 4 images.',
      ),
    );
    await userEvent.upload(fileInput(root), await makeSampleImage('fox.png'));
    await expect(
      await canvas.findByRole('progressbar', { name: 'Uploading fox.png' }),
    ).toBeVisible();
    await waitFor(
      () => expect(canvas.getByRole('listitem')).toHaveAttribute('data-state', 'ready'),
      { timeout: 5000 },
    );
    await expect(args.onValueChange).toHaveBeenCalledWith([
      expect.stringMatching(/^http:\/\/.+\/fox\.png$/),
    ]);
    const preview = canvas.getByRole<HTMLImageElement>('img', { name: 'Preview of fox.png' });
    await waitFor(() => expect(preview.naturalWidth).toBeGreaterThan(0));
  },
};

/** Kling 2.1 animates exactly one image: the dropzone is required, and a new image replaces the old. */
export const ExactlyOne: Story = {
  args: { model: 'kling/v2-1-pro', upload: createDemoUpload({ durationMs: 200 }) },
  play: async ({ canvas, userEvent }) => {
    const root = canvas.getByRole('group', { name: 'Reference images' });
    await waitFor(() => expect(root).toHaveAccessibleDescription(/Exactly 1 image\./));
    await userEvent.upload(fileInput(root), await makeSampleImage('first.png'));
    await waitFor(() =>
      expect(canvas.getByRole('listitem')).toHaveAttribute('data-state', 'ready'),
    );
    await userEvent.upload(fileInput(root), await makeSampleImage('second.png', { hue: 120 }));
    await waitFor(() => expect(canvas.getAllByRole('listitem')).toHaveLength(1));
    await expect(canvas.getByRole('listitem')).toHaveTextContent('second.png');
  },
};

/** Sora 2 (text to video) takes no images: disabled, saying why. */
export const NoImagesAllowed: Story = {
  args: { model: 'sora-2-text-to-video' },
  play: async ({ canvas }) => {
    const root = canvas.getByRole('group', { name: 'Reference images' });
    await expect(root).toHaveAttribute('data-disabled');
    await waitFor(() =>
      expect(root).toHaveAccessibleDescription('Sora 2 takes no reference images'),
    );
    await expect(canvas.getByRole('button', { name: 'Choose images' })).toBeDisabled();
  },
};

/**
 * Refused files are data, not exceptions: each with its `code` (`file-invalid-type`, `file-too-large`,
 * `too-many-files`), shown in `Rejections` and passed to `onReject`. (Here `maxFiles={2}`, `maxBytes` 20 kB.)
 */
export const WithRejections: Story = {
  args: { maxFiles: 2, maxBytes: 20_000, upload: createDemoUpload({ durationMs: 200 }) },
  play: async ({ canvas, args }) => {
    const big = new File([new Uint8Array(40_000)], 'huge.png', { type: 'image/png' });
    const gif = new File(['GIF89a'], 'party.gif', { type: 'image/gif' });
    const small = await Promise.all(
      ['a.png', 'b.png', 'c.png'].map((name) => makeSampleImage(name, { width: 64, height: 40 })),
    );
    dropFiles(canvas.getByRole('group', { name: 'Reference images' }), [gif, big, ...small]);
    const refused = await canvas.findByRole('list', { name: 'Not added' });
    const codes = within(refused)
      .getAllByRole('listitem')
      .map((item) => item.getAttribute('data-code'));
    await expect(codes).toEqual(['file-invalid-type', 'file-too-large', 'too-many-files']);
    await expect(args.onReject).toHaveBeenCalledTimes(1);
    await expect(
      canvas.getAllByRole('listitem').filter((item) => item.hasAttribute('data-state')),
    ).toHaveLength(2);
  },
};

/** An upload in flight: its progress bar, and Cancel (which aborts the adapter's `signal`). */
export const UploadInProgress: Story = {
  args: { upload: createDemoUpload({ durationMs: 600_000 }) },
  play: async ({ canvas, userEvent }) => {
    await userEvent.upload(
      fileInput(canvas.getByRole('group', { name: 'Reference images' })),
      await makeSampleImage('slow.png'),
    );
    await expect(
      await canvas.findByRole('progressbar', { name: 'Uploading slow.png' }),
    ).toBeVisible();
    await expect(canvas.getByRole('listitem')).toHaveAttribute('data-state', 'uploading');
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel upload of slow.png' }));
    await expect(canvas.queryByRole('listitem')).toBeNull();
  },
};

/**
 * The storage refused the file with a plain `Error`: the item says why (`upload-failed`). The adapter did
 * not say whether retrying helps, so Retry is offered beside Remove.
 */
export const UploadFailed: Story = {
  args: { upload: createDemoUpload({ durationMs: 200, fail: () => true }) },
  play: async ({ canvas, userEvent }) => {
    await userEvent.upload(
      fileInput(canvas.getByRole('group', { name: 'Reference images' })),
      await makeSampleImage('photo.png'),
    );
    await waitFor(() =>
      expect(canvas.getByRole('listitem')).toHaveAttribute('data-state', 'failed'),
    );
    await expect(canvas.getByText('The storage refused this file')).toHaveAttribute(
      'data-code',
      'upload-failed',
    );
    await expect(canvas.getByRole('button', { name: 'Retry upload of photo.png' })).toBeVisible();
  },
};

/**
 * `createUploader` refused a text file renamed `notes.jpg` by its first bytes, before sending it: the
 * item keeps the adapter's code (`data-upload-code="file-invalid-type"`) and offers Remove, not Retry,
 * since the same bytes would be refused again. Nothing is uploaded and no credit is spent.
 */
export const UploadRefused: Story = {
  args: { upload: createUploader({ model: 'gpt-image-2' }) },
  play: async ({ canvas, userEvent }) => {
    await userEvent.upload(
      fileInput(canvas.getByRole('group', { name: 'Reference images' })),
      new File(['These are my notes, not a photo.'], 'notes.jpg', { type: 'image/jpeg' }),
    );
    const reason = await canvas.findByText('The file is not a JPEG, PNG or WebP image');
    await expect(reason).toHaveAttribute('data-upload-code', 'file-invalid-type');
    await expect(canvas.getByRole('listitem')).toHaveAttribute('data-state', 'failed');
    await expect(canvas.queryByRole('button', { name: 'Retry upload of notes.jpg' })).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Remove notes.jpg' })).toBeVisible();
  },
};

/** An image URL typed or pasted into the URL field (Enter adds it), ready at once: the API takes URLs. */
export const AddByUrl: Story = {
  loaders: [async () => ({ url: await sampleImageUrl('from-the-web.png', { hue: 300 }) })],
  play: async ({ canvas, userEvent, loaded, args }) => {
    await userEvent.type(
      canvas.getByRole('textbox', { name: 'Image URL' }),
      `${loaded.url}{Enter}`,
    );
    await expect(canvas.getByRole('listitem')).toHaveAttribute('data-state', 'ready');
    await expect(args.onValueChange).toHaveBeenLastCalledWith([loaded.url]);
  },
};

/** Controlled with three URLs; move them with the Earlier/Later buttons (or Alt+arrows, or by dragging). */
export const ControlledAndReordered: Story = {
  args: { model: 'veo3' },
  loaders: [
    async () => ({
      urls: await Promise.all(
        [10, 140, 260].map((hue, index) =>
          sampleImageUrl(`frame-${index + 1}.png`, { hue, caption: `Frame ${index + 1}` }),
        ),
      ),
    }),
  ],
  render: function Render(args, { loaded }) {
    const [urls, setUrls] = useState<string[]>(loaded.urls);
    return (
      <>
        <ImageDropzone.Root {...args} value={urls} onValueChange={setUrls} />
        <Readout value={urls.map((url) => url.split('/').at(-1))} />
      </>
    );
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Move frame-1.png later' }));
    await expect(canvas.getByTestId('readout')).toHaveTextContent(
      '["frame-2.png","frame-1.png","frame-3.png"]',
    );
    await expect(canvas.getByRole('button', { name: 'Choose images' })).toBeEnabled();
  },
};

/** With `errors` (e.g. the form's "needs at least 1 image"): invalid, and described by them. */
export const Invalid: Story = {
  args: { model: 'kling/v2-1-pro', errors: ['kling/v2-1-pro needs 1 input image'] },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group', { name: 'Reference images' })).toHaveAttribute(
      'data-invalid',
    );
    await waitFor(() =>
      expect(canvas.getByRole('button', { name: 'Choose an image' })).toHaveAccessibleDescription(
        /needs 1 input image/,
      ),
    );
  },
};

/** `disabled` (e.g. while generating): nothing can be added. */
export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Choose images' })).toBeDisabled();
    await expect(canvas.getByRole('textbox', { name: 'Image URL' })).toBeDisabled();
  },
};

/** The headless hook, `useImageDropzone`, with your own markup: prop getters for the root, input and button. */
export const HeadlessHook: Story = {
  render: function Render(args) {
    const dropzone = useImageDropzone({ model: args.model, upload: args.upload });
    return (
      <div
        {...dropzone.getRootProps({
          'aria-label': 'Your photos',
          style: { border: '2px dashed #888', padding: '1rem', borderRadius: 8 },
        })}
      >
        <input {...dropzone.getInputProps()} />
        <p>
          {dropzone.isDragging
            ? 'Drop them here'
            : `Drag photos here. ${describeImageRules(dropzone)}`}
        </p>
        <button {...dropzone.getBrowseProps()}>Browse…</button>
        <ol>
          {dropzone.items.map((item) => (
            <li key={item.id} {...dropzone.getItemProps(item)}>
              {item.name}: {item.status}
              {item.progress !== null &&
                item.status === 'uploading' &&
                ` (${Math.round(item.progress * 100)} %)`}
            </li>
          ))}
        </ol>
      </div>
    );
  },
  play: async ({ canvas, userEvent }) => {
    const root = canvas.getByRole('group', { name: 'Your photos' });
    await userEvent.upload(root.querySelector('input')!, await makeSampleImage('mine.png'));
    await waitFor(() => expect(canvas.getByRole('listitem')).toHaveTextContent('mine.png: ready'), {
      timeout: 5000,
    });
  },
};
