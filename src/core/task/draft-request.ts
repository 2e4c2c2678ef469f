import type { InputMode } from '../registry/model-spec.js';

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
