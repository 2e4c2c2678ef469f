import type { InputMode, ModelSpec } from '../registry/model-spec.js';
import type { BuiltInModel } from '../registry/models.js';

type Of<T extends readonly unknown[]> = T[number];
// Models whose kind may be video (or image): a literal spec by its kind; the general `ModelSpec` (a
// client typed over any registry) is both, so its requests are the broad shapes rather than `never`.
type VideoModelOf<M extends ModelSpec> = M extends unknown
  ? 'video' extends M['kind']
    ? M
    : never
  : never;
type ImageModelOf<M extends ModelSpec> = M extends unknown
  ? 'image' extends M['kind']
    ? M
    : never
  : never;
// Whether a request for M may carry a negative prompt: the models that honour one, and any model when
// M is the general spec (its id is any string).
type TakesNegativePrompt<M extends ModelSpec> = string extends M['id']
  ? true
  : M extends { negativePromptMax: number }
    ? true
    : false;

/**
 * `inputImageUrls` as the model takes it: absent for a text-only model, at least one for an image-only
 * model (the maximum is checked at run time: a list built at run time has no length the types know).
 */
type ImagesFor<M extends ModelSpec> = number extends M['maxImages']
  ? { inputImageUrls?: readonly string[] }
  : M['maxImages'] extends 0
    ? { /** This model takes no images. */ inputImageUrls?: never }
    : Of<M['inputModes']> extends `image_to_${string}`
      ? {
          /** Reference images as absolute http(s) URLs: at least one, up to the model's maximum. */ inputImageUrls: readonly [
            string,
            ...string[],
          ];
        }
      : {
          /** Reference images as absolute http(s) URLs, up to the model's maximum. */ inputImageUrls?: readonly string[];
        };

/** Fields every request shares. */
interface RequestCommon {
  /** What to generate. Required; 1 character up to the model's cap. */
  prompt: string;
  /** Advanced pass-through of provider-specific fields; not validated by the API. */
  providerInput?: Readonly<Record<string, unknown>>;
}

/** Fields of a video request that no model restricts beyond the endpoint's schema. */
interface VideoCommon extends RequestCommon {
  /** Output width in pixels, 64–4096. */
  width?: number;
  /** Output height in pixels, 64–4096. */
  height?: number;
  /** Frames per second, 1–60. */
  fps?: number;
  /** Seed for reproducible output. */
  seed?: string;
  /** Motion strength, 0–100. */
  motionStrength?: number;
  /** Camera motion hint, e.g. `"dolly-in"`. */
  cameraMotion?: string;
}

/**
 * A video request for one model: its input modes, durations, aspect ratios and resolutions are the
 * only ones that type-check. `resolution` is the library's friendly field; it is sent where the
 * registry says (for video, `providerInput.resolution`).
 */
export type VideoRequestFor<M extends ModelSpec> = VideoCommon &
  ImagesFor<M> & {
    /** The model id. */
    model: M['id'];
    /** Text or image input. Defaults to `image_to_video` when images are attached, else `text_to_video`. */
    inputMode?: Of<M['inputModes']>;
    /** Clip length in seconds, one of the model's durations. */
    duration?: Of<M['durations']>;
    /** One of the model's aspect ratios. */
    aspectRatio?: Of<M['aspectRatios']>;
    /** One of the model's resolutions. */
    resolution?: Of<M['resolutions']>;
  } & (TakesNegativePrompt<M> extends true
    ? {
        /** What to avoid; only models that honour it offer it. */
        negativePrompt?: string;
        /** Prompt adherence, 0–100; honoured by the models that take a negative prompt. */
        guidanceScale?: number;
      }
    : { negativePrompt?: never; guidanceScale?: never });

/** An image request for one model. */
export type ImageRequestFor<M extends ModelSpec> = RequestCommon &
  ImagesFor<M> & {
    /** The model id. */
    model: M['id'];
    /** Optional and never sent: the API edits when `inputImageUrls` has items. Checked against the images. */
    inputMode?: Of<M['inputModes']>;
    /** One of the model's aspect ratios. */
    aspectRatio?: Of<M['aspectRatios']>;
    /** One of the model's resolutions (sent as top-level `resolution`). */
    resolution?: Of<M['resolutions']>;
  };

/** Any valid-shaped video request for the models `M` (built-in by default), narrowed by `model`. */
export type VideoRequest<M extends ModelSpec = BuiltInModel> =
  VideoModelOf<M> extends infer V extends ModelSpec
    ? V extends unknown
      ? VideoRequestFor<V>
      : never
    : never;

/** Any valid-shaped image request for the models `M` (built-in by default), narrowed by `model`. */
export type ImageRequest<M extends ModelSpec = BuiltInModel> =
  ImageModelOf<M> extends infer I extends ModelSpec
    ? I extends unknown
      ? ImageRequestFor<I>
      : never
    : never;

/** The ids of the video models among `M` (the built-in models by default). */
export type VideoModelId<M extends ModelSpec = BuiltInModel> = VideoModelOf<M>['id'];

/** The ids of the image models among `M` (the built-in models by default). */
export type ImageModelId<M extends ModelSpec = BuiltInModel> = ImageModelOf<M>['id'];

/**
 * The video request for the model `Id` among `M`: what a submit checks its argument against once the
 * call's `model` is known, so a wrong field is reported against that model's own rule (Veo 3.1 Fast's
 * `duration: 5` is "Type '5' is not assignable to type '8'", on `duration`) rather than against the
 * whole union, whose first member is Kling's. A model id the types cannot know (a client over any
 * registry, or a `model` that is a union) gives {@link VideoRequest}.
 */
export type VideoRequestById<M extends ModelSpec, Id> = string extends M['id']
  ? VideoRequest<M>
  : Id extends unknown
    ? VideoRequest<Extract<M, { id: Id }>> & { model: Id }
    : never;

/** The image request for the model `Id` among `M`; as {@link VideoRequestById}. */
export type ImageRequestById<M extends ModelSpec, Id> = string extends M['id']
  ? ImageRequest<M>
  : Id extends unknown
    ? ImageRequest<Extract<M, { id: Id }>> & { model: Id }
    : never;

/** Either kind of request. */
export type GenerationRequest<M extends ModelSpec = BuiltInModel> =
  VideoRequest<M> | ImageRequest<M>;

/**
 * A request as a form holds it while the user edits: any model id, any values. This is what
 * `validateRequest`, `adaptRequest` and `estimateCredits` accept, since a form is often invalid.
 */
export interface DraftRequest {
  model: string;
  prompt?: string;
  inputMode?: InputMode;
  inputImageUrls?: readonly string[];
  duration?: number;
  aspectRatio?: string;
  resolution?: string;
  negativePrompt?: string;
  guidanceScale?: number;
  width?: number;
  height?: number;
  fps?: number;
  seed?: string;
  motionStrength?: number;
  cameraMotion?: string;
  providerInput?: Readonly<Record<string, unknown>>;
}
