// Type tests of useGenerationForm: `tsc --noEmit` (npm run typecheck, the first step of `npm test`)
// fails if any `@ts-expect-error` line compiles.
import { expectTypeOf } from 'vitest';
import {
  defaultRegistry,
  extendRegistry,
  type ModelOf,
  type ModelSpec,
} from '../../src/core/index.js';
import { useGenerationForm } from '../../src/components/index.js';

export function BuiltInForms() {
  useGenerationForm({ kind: 'video', defaultValues: { model: 'veo3_fast', prompt: 'x' } });
  useGenerationForm({ kind: 'image', defaultValues: { model: 'nano-banana-pro' } });
  useGenerationForm({ kind: 'video' });
  // @ts-expect-error a typo is no model: "Did you mean 'veo3_fast'?"
  useGenerationForm({ kind: 'video', defaultValues: { model: 'veo3_fats' } });
  // @ts-expect-error an image model does not start a video form
  useGenerationForm({ kind: 'video', defaultValues: { model: 'gpt-image-2' } });
  // @ts-expect-error a video model does not start an image form
  useGenerationForm({ kind: 'image', defaultValues: { model: 'veo3' } });
  // The form's other first values stay a draft's (validated at run time, when the user edits).
  useGenerationForm({ kind: 'video', defaultValues: { model: 'veo3', duration: 8 } });
  return null;
}

// An extended registry's models, named once for the form as for `useGptImageClient`.
const acme = {
  id: 'acme/clip-1',
  name: 'Acme Clip',
  family: 'Acme',
  kind: 'video',
  inputModes: ['text_to_video'],
  maxImages: 0,
  durations: [6, 12],
  aspectRatios: ['1:1'],
  resolutions: [],
  promptMax: 800,
  credits: 7,
  typicalSeconds: [10, 20],
} as const satisfies ModelSpec;
// As an app's `lib/models.ts` would export it for its provider's client.
export const registry = extendRegistry(defaultRegistry, { add: [acme], remove: ['veo3'] });
type AppModel = ModelOf<typeof registry>;
expectTypeOf<AppModel['id']>().toExtend<string>();
expectTypeOf<Extract<AppModel, { id: 'acme/clip-1' }>>().toEqualTypeOf<typeof acme>();

export function ExtendedForms() {
  useGenerationForm<AppModel>({ kind: 'video', defaultValues: { model: 'acme/clip-1' } });
  useGenerationForm<AppModel>({ kind: 'video', defaultValues: { model: 'veo3_fast' } });
  // @ts-expect-error the built-in models alone do not know Acme's
  useGenerationForm({ kind: 'video', defaultValues: { model: 'acme/clip-1' } });
  // @ts-expect-error Acme Clip is a video model
  useGenerationForm<AppModel>({ kind: 'image', defaultValues: { model: 'acme/clip-1' } });
  // @ts-expect-error still no typos
  useGenerationForm<AppModel>({ kind: 'video', defaultValues: { model: 'acme/clip-2' } });
  // A form over any registry (ids only known at run time) takes any id.
  useGenerationForm<ModelSpec>({ kind: 'video', defaultValues: { model: 'anything' } });
  return null;
}
