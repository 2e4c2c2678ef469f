// Recipe: an "Edit an image" screen: attach the image, say what to change, get the edited image beside
// the original. The image endpoint edits when the request has `inputImageUrls`. The shared pieces are
// in recipe-parts.tsx.
import {
  ChangeNotice,
  useGenerationForm,
  type ImageModelId,
  type UploadAdapter,
} from 'gptimage2-react';
import { useState, type FormEvent } from 'react';
import {
  ImagesField,
  ModelField,
  OptionFields,
  Outcome,
  PromptBlock,
  SubmitRow,
} from './recipe-parts';
import '../theme/theme.css';

export interface EditImageProps {
  /** Turns a dropped file into an http(s) URL: upload it to your storage. */
  upload: UploadAdapter;
  /** The model chosen at first. */
  defaultModel?: ImageModelId;
  /** Offers a ready-made image, for trying the recipe without a file at hand. */
  sampleImage?: () => Promise<string>;
}

export function EditImage({ upload, defaultModel = 'nano-banana-2', sampleImage }: EditImageProps) {
  const form = useGenerationForm({ kind: 'image', defaultValues: { model: defaultModel } });
  const { draft, generation } = form;
  const hasImage = Boolean(draft.inputImageUrls?.length);
  // Without an image this would make a new image, not an edit: the form asks for one first.
  const [askedForImage, setAskedForImage] = useState(false);

  const submit = (event: FormEvent) => {
    if (!hasImage) {
      event.preventDefault();
      setAskedForImage(true);
      return;
    }
    form.submit(event);
  };

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

        <ImagesField
          form={form}
          label="Image to edit"
          upload={upload}
          sampleImage={sampleImage}
          extraErrors={askedForImage && !hasImage ? ['Add the image to edit.'] : []}
        />

        <PromptBlock
          form={form}
          label="What to change"
          placeholder="Make it winter: snow on the roof, warm light in the windows"
          rows={3}
        />

        <OptionFields form={form} />

        <ChangeNotice {...form.getChangeNoticeProps()} className="recipe-notice" />

        <SubmitRow form={form}>{generation.isBusy ? 'Editing…' : 'Edit image'}</SubmitRow>
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
              {/* The request the edit was made from, not the form's current images. */}
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
