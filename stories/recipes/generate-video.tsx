// Recipe: a "Generate a video" screen. Every control comes from gptimage2-react and follows the chosen
// model; the look is theme.css, written against the components' data attributes. The shared pieces
// (the model field, the option pickers, the images, the prompt, the outcome) are in recipe-parts.tsx.
import {
  ChangeNotice,
  effectiveInputMode,
  modeLabel,
  useGenerationForm,
  type InputMode,
  type UploadAdapter,
  type VideoModelId,
} from 'gptimage2-react';
import {
  ImagesField,
  ModelField,
  OptionFields,
  Outcome,
  PromptBlock,
  SubmitRow,
} from './recipe-parts';
import '../theme/theme.css';

export interface GenerateVideoProps {
  /** Turns a dropped file into an http(s) URL: upload it to your storage. */
  upload: UploadAdapter;
  /** The model chosen at first. */
  defaultModel?: VideoModelId;
  /** Offers a ready-made image, for trying image-to-video without a file at hand. */
  sampleImage?: () => Promise<string>;
}

const MODE_WORDS: Partial<Record<InputMode, string>> = {
  text_to_video: 'From text',
  image_to_video: 'From images',
};

export function GenerateVideo({
  upload,
  defaultModel = 'veo3_fast',
  sampleImage,
}: GenerateVideoProps) {
  const form = useGenerationForm({ kind: 'video', defaultValues: { model: defaultModel } });
  const { draft, model, generation } = form;
  const mode = draft.inputMode ?? effectiveInputMode(draft, 'video');

  const chooseMode = (next: InputMode) => {
    form.setField('inputMode', next);
    if (next === 'text_to_video') form.setField('inputImageUrls', []);
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
                  disabled={generation.isBusy}
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
          <ImagesField form={form} label="Images" upload={upload} sampleImage={sampleImage} />
        )}

        <OptionFields form={form} />

        <PromptBlock
          form={form}
          label="Prompt"
          placeholder="A slow dolly around a ceramic cup, morning light"
        />

        <ChangeNotice {...form.getChangeNoticeProps()} className="recipe-notice" />

        {form.formErrors.length > 0 && (
          <p className="recipe-error" role="alert">
            {form.formErrors.join(' ')}
          </p>
        )}

        <SubmitRow form={form}>
          {generation.status === 'submitting'
            ? 'Submitting…'
            : generation.status === 'pending'
              ? 'Generating…'
              : 'Generate video'}
        </SubmitRow>
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
