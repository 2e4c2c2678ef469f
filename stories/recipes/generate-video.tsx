// Recipe: a "Generate a video" screen. Every control comes from gptimage2-react and follows the chosen
// model; the look is recipes.css, written against the components' data attributes.
import {
  ChangeNotice,
  CreditEstimate,
  ImageDropzone,
  PromptField,
  effectiveInputMode,
  modeLabel,
  useGenerationForm,
  type InputMode,
  type UploadAdapter,
} from 'gptimage2-react';
import { useState } from 'react';
import { Field, ModelField, OptionFields, Outcome } from './recipe-parts';
import './recipes.css';

export interface GenerateVideoProps {
  /** Turns a dropped file into an http(s) URL: upload it to your storage. */
  upload: UploadAdapter;
  /** The model chosen at first. */
  defaultModel?: string;
  /** Offers a ready-made image, for trying image-to-video without a file at hand. */
  sampleImage?: () => Promise<string>;
}

const MODE_WORDS: Record<InputMode, string> = {
  text_to_video: 'From text',
  image_to_video: 'From images',
  text_to_image: 'From text',
  image_to_image: 'From images',
};

export function GenerateVideo({
  upload,
  defaultModel = 'veo3_fast',
  sampleImage,
}: GenerateVideoProps) {
  const form = useGenerationForm({ kind: 'video', defaultValues: { model: defaultModel } });
  const { draft, model, generation } = form;
  const images = draft.inputImageUrls ?? [];
  const mode = draft.inputMode ?? effectiveInputMode(draft, 'video');
  const busy = generation.isBusy;
  const [addingSample, setAddingSample] = useState(false);

  const chooseMode = (next: InputMode) => {
    form.setField('inputMode', next);
    if (next === 'text_to_video') form.setField('inputImageUrls', []);
  };
  const addSample = async () => {
    if (!sampleImage || !model) return;
    setAddingSample(true);
    try {
      const url = await sampleImage();
      form.setField('inputImageUrls', model.maxImages === 1 ? [url] : [...images, url]);
    } finally {
      setAddingSample(false);
    }
  };

  return (
    <div className="recipe">
      <form {...form.getFormProps()} className="recipe-form" aria-labelledby="generate-video-title">
        <h2 id="generate-video-title" className="recipe-title">
          Generate a video
        </h2>

        <ModelField form={form} />

        {model && model.inputModes.length > 1 ? (
          <fieldset className="recipe-field recipe-modes">
            <legend className="recipe-label">Start from</legend>
            {model.inputModes.map((option) => (
              <label
                key={option}
                className="recipe-mode"
                data-state={mode === option ? 'checked' : 'unchecked'}
              >
                <input
                  type="radio"
                  name="inputMode"
                  value={option}
                  checked={mode === option}
                  onChange={() => chooseMode(option)}
                  disabled={busy}
                />
                {MODE_WORDS[option]}
              </label>
            ))}
          </fieldset>
        ) : (
          model && (
            <p className="recipe-hint">
              {model.name} makes {modeLabel(model.inputModes[0]!)} clips.
            </p>
          )
        )}

        {mode === 'image_to_video' && (
          <Field label="Images">
            {(labelId) => (
              <ImageDropzone.Root
                {...form.getImageDropzoneProps()}
                upload={upload}
                aria-labelledby={labelId}
                className="recipe-dropzone"
                disabled={busy}
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
                        disabled={busy || addingSample}
                      >
                        {addingSample ? 'Adding…' : 'Use a sample image'}
                      </button>
                    )}
                  </div>
                  <ImageDropzone.UrlInput className="recipe-input" />
                </div>
                <ImageDropzone.Error className="recipe-error" />
                <ImageDropzone.Items className="recipe-thumbs" />
                <ImageDropzone.Rejections className="recipe-error" />
              </ImageDropzone.Root>
            )}
          </Field>
        )}

        <OptionFields form={form} />

        <PromptField.Root {...form.getPromptFieldProps()} className="recipe-field recipe-prompt">
          <PromptField.Label className="recipe-label">Prompt</PromptField.Label>
          <PromptField.Textarea
            className="recipe-input"
            rows={4}
            placeholder="A slow dolly around a ceramic cup, morning light"
            disabled={busy}
          />
          <div className="recipe-prompt-footer">
            <PromptField.Description className="recipe-hint" />
            <PromptField.Counter className="recipe-counter" />
          </div>
          <PromptField.Error className="recipe-error" />
        </PromptField.Root>

        <ChangeNotice {...form.getChangeNoticeProps()} className="recipe-notice" />

        {form.formErrors.length > 0 && (
          <p className="recipe-error" role="alert">
            {form.formErrors.join(' ')}
          </p>
        )}

        <div className="recipe-submit">
          <CreditEstimate
            {...form.getCreditEstimateProps()}
            charged={generation.status === 'failed' ? null : generation.creditsUsed}
            className="recipe-credits"
          />
          <button {...form.getSubmitProps()} className="recipe-button recipe-button-primary">
            {generation.status === 'submitting'
              ? 'Submitting…'
              : generation.status === 'pending'
                ? 'Generating…'
                : 'Generate video'}
          </button>
        </div>
      </form>

      <Outcome
        form={form}
        placeholder={
          <>
            <strong>Your video will appear here.</strong>
            <span>
              Choose a model, describe the shot, and press Generate. Credits are charged when the
              task is accepted and refunded if it fails.
            </span>
          </>
        }
        result={(outputs, task) => (
          <video
            src={outputs.urls[0]}
            aria-label={`Generated video: ${task.prompt ?? ''}`}
            controls
            autoPlay
            muted
            loop
            playsInline
          />
        )}
      />
    </div>
  );
}
