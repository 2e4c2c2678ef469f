/** What a model makes: still images or video clips. */
export type ModelKind = 'image' | 'video';

/**
 * How a generation is driven. Video models receive this as the API's `inputMode`; for image models the
 * API infers it from `inputImageUrls`, and the library uses the same words so one form can serve both.
 */
export type InputMode = 'text_to_image' | 'image_to_image' | 'text_to_video' | 'image_to_video';

/**
 * Credits a model costs. A number is a flat price. A table is keyed by the request's resolution
 * (`"2K"`), its duration in seconds (`"5"`), or both (`"720p/5"`). `null` means the price is not
 * published: an estimate is then `null` ("shown after submit"), never a guess.
 */
export type CreditRule = number | Readonly<Record<string, number>> | null;

/**
 * Everything the library knows about one model, as data. The built-in entries cite their source
 * in comments: [doc] the API's docs, [provider] the upstream provider's limit, [inferred] derived.
 */
export interface ModelSpec {
  /** The API's model id, sent as `model`. */
  readonly id: string;
  /** A human-readable name for pickers. */
  readonly name: string;
  /** The family the model belongs to, for grouping (`"Kling 2.1"`, `"Veo 3.1"`). */
  readonly family: string;
  /** Which endpoint serves it. */
  readonly kind: ModelKind;
  /** The input modes it accepts. */
  readonly inputModes: readonly InputMode[];
  /** Most reference images it accepts (0: none). Image input modes need at least one. */
  readonly maxImages: number;
  /** Allowed durations in seconds, ascending; empty for image models. A single value is fixed. */
  readonly durations: readonly number[];
  /** Allowed aspect ratios; empty when the model offers no choice. */
  readonly aspectRatios: readonly string[];
  /** Allowed resolutions (`"2K"`, `"1080p"`); empty when the model offers no choice. */
  readonly resolutions: readonly string[];
  /** The resolution the model uses when none is sent; also the basis of a credit estimate. */
  readonly defaultResolution?: string;
  /** Aspect ratios that only some resolutions allow, e.g. `{ "1:4": ["1K"] }`. */
  readonly aspectRatioResolutions?: Readonly<Record<string, readonly string[]>>;
  /** Why the model offers no aspect ratio, when it takes it from the input image. */
  readonly aspectRatioFromImage?: boolean;
  /** Longest prompt, in characters. */
  readonly promptMax: number;
  /** Shortest prompt, in characters. Defaults to 1. */
  readonly promptMin?: number;
  /** Longest negative prompt, when the model honours one; absent when it ignores it. */
  readonly negativePromptMax?: number;
  /** The price; see {@link CreditRule}. */
  readonly credits: CreditRule;
  /** Typical completion time in seconds, `[fastest, slowest]`: drives polling and progress estimates. */
  readonly typicalSeconds: readonly [number, number];
  /** Largest reference image file the provider accepts, in bytes, when it is known. */
  readonly imageMaxBytes?: number;
}
