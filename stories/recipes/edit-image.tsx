// Recipe: an "Edit an image" screen: attach the image, say what to change, get the edited image beside
// the original. The image endpoint edits when the request has `inputImageUrls`.
import {
  ChangeNotice,
  CreditEstimate,
  ImageDropzone,
  PromptField,
  useGenerationForm,
  type UploadAdapter,
} from 'gptimage2-react';
import { useState, type FormEvent } from 'react';
import { Field, ModelField, OptionFields, Outcome } from './recipe-parts';
import './recipes.css';

export interface EditImageProps {
  /** Turns a dropped file into an http(s) URL: upload it to your storage. */
  upload: UploadAdapter;
  /** The model chosen at first. */
  defaultModel?: string;
  /** Offers a ready-made image, for trying the recipe without a file at hand. */
  sampleImage?: () => Promise<string>;
}

export function EditImage({ upload, defaultModel = 'nano-banana-2', sampleImage }: EditImageProps) {
  const form = useGenerationForm({ kind: 'image', defaultValues: { model: defaultModel } });
  const { draft, generation } = form;
  const images = draft.inputImageUrls ?? [];
  // Without an image this would be a new image, not an edit: the form asks for one first.
  const [needsImage, setNeedsImage] = useState(false);
  const [addingSample, setAddingSample] = useState(false);

  const submit = (event: FormEvent) => {
    if (images.length === 0) {
      event.preventDefault();
      setNeedsImage(true);
      return;
    }
    setNeedsImage(false);
    form.submit(event);
  };
  const addSample = async () => {
    if (!sampleImage) return;
    setAddingSample(true);
    try {
      form.setField('inputImageUrls', [...images, await sampleImage()]);
      setNeedsImage(false);
    } finally {
      setAddingSample(false);
    }
  };
  const dropzone = form.getImageDropzoneProps();
  const imageErrors =
    needsImage && images.length === 0
      ? [...dropzone.errors, 'Add the image to edit.']
      : dropzone.errors;

  return (
    <div className="recipe">
      <form
        {...form.getFormProps()}
        onSubmit={submit}
        className="recipe-form"
        aria-labelledby="edit-image-title"
      >
        <h2 id="edit-image-title" className="recipe-title">
          Edit an image
        </h2>

        <ModelField form={form} />

        <Field label="Image to edit">
          {(labelId) => (
            <ImageDropzone.Root
              {...dropzone}
              errors={imageErrors}
              upload={upload}
              aria-labelledby={labelId}
              className="recipe-dropzone"
              disabled={generation.isBusy}
            >
              <ImageDropzone.Input />
              <div className="recipe-dropzone-target">
                <ImageDropzone.Description className="recipe-hint" />
                <div className="recipe-dropzone-actions">
                  <ImageDropzone.Browse className="recipe-button recipe-button-quiet" />
                  {sampleImage && (
                    <button
                      type="button"
                      className="recipe-button recipe-button-quiet"
                      onClick={addSample}
                      disabled={generation.isBusy || addingSample}
                    >
                      {addingSample ? 'Adding…' : 'Use a sample image'}
                    </button>
                  )}
                </div>
              </div>
              <ImageDropzone.Error className="recipe-error" />
              <ImageDropzone.Items className="recipe-thumbs" />
              <ImageDropzone.Rejections className="recipe-error" />
            </ImageDropzone.Root>
          )}
        </Field>

        <PromptField.Root {...form.getPromptFieldProps()} className="recipe-field recipe-prompt">
          <PromptField.Label className="recipe-label">What to change</PromptField.Label>
          <PromptField.Textarea
            className="recipe-input"
            rows={3}
            placeholder="Make it winter: snow on the roof, warm light in the windows"
            disabled={generation.isBusy}
          />
          <div className="recipe-prompt-footer">
            <PromptField.Description className="recipe-hint" />
            <PromptField.Counter className="recipe-counter" />
          </div>
          <PromptField.Error className="recipe-error" />
        </PromptField.Root>

        <OptionFields form={form} />

        <ChangeNotice {...form.getChangeNoticeProps()} className="recipe-notice" />

        <div className="recipe-submit">
          <CreditEstimate
            {...form.getCreditEstimateProps()}
            charged={generation.status === 'failed' ? null : generation.creditsUsed}
            className="recipe-credits"
          />
          <button {...form.getSubmitProps()} className="recipe-button recipe-button-primary">
            {generation.isBusy ? 'Editing…' : 'Edit image'}
          </button>
        </div>
      </form>

      <Outcome
        form={form}
        placeholder={
          <>
            <strong>The edited image will appear here, beside the original.</strong>
            <span>Attach an image, say what to change, and press Edit image.</span>
          </>
        }
        result={(outputs, task) => (
          <div className="recipe-compare">
            <figure>
              <figcaption>Before</figcaption>
              {/* The request the generation was made from, not the form's current images. */}
              <img src={generation.request?.inputImageUrls?.[0]} alt="The original image" />
            </figure>
            <figure>
              <figcaption>After</figcaption>
              <img src={outputs.urls[0]} alt={`Edited image: ${task.prompt ?? ''}`} />
            </figure>
          </div>
        )}
      />
    </div>
  );
}
