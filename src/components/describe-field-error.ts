import type { ModelSpec } from '../core/registry/model-spec.js';

/**
 * Turns one validation message into words for the person filling the form, or returns `undefined` to
 * keep the default wording. `message` is the client's (or the server's) message for `field`.
 */
export type FieldErrorFormatter = (
  field: string,
  message: string,
  model: ModelSpec | undefined,
) => string | undefined;

type Rule = [pattern: RegExp, say: (match: RegExpExecArray, name: string) => string];

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

// The client's validation messages name the field and the rule for developers (they are pinned by the
// core's tests); these say the same to the person at the form. Anything else is shown as it came.
const RULES: Rule[] = [
  [/^Prompt is required$/, () => 'Write a prompt.'],
  [
    /^prompt must be at most (\d+) characters .*\(it has (\d+)\)$/,
    (m, name) =>
      `The prompt is ${plural(Number(m[2]) - Number(m[1]), 'character')} too long: ${name} takes up to ${Number(m[1]).toLocaleString('en')}.`,
  ],
  [
    /^prompt must be at least (\d+) characters/,
    (m, name) =>
      `Write at least ${plural(Number(m[1]), 'character')}: ${name} needs a longer prompt.`,
  ],
  [
    /^inputImageUrls needs at least 1 image for image_to_video$/,
    (_, name) => `Add an image: ${name} makes a video from an image.`,
  ],
  [/^inputImageUrls needs at least 1 image for image_to_image$/, () => 'Add an image to edit.'],
  [
    / takes no images: remove inputImageUrls(?: or choose (.+))?$/,
    (m, name) =>
      `${name} does not take images: remove them, or choose ${m[1] ?? 'a model that does'}.`,
  ],
  [
    / needs an image: add inputImageUrls(?: or choose (.+))?$/,
    (m, name) => `Add an image: ${name} starts from an image${m[1] ? ` (or choose ${m[1]})` : ''}.`,
  ],
  [
    /^inputMode (?:text|image)_to_\w+ is not supported by .*\(it takes image_to_\w+\)$/,
    (_, name) => `Add an image: ${name} starts from an image.`,
  ],
  [
    /^inputMode image_to_\w+ is not supported by .*\(it takes text_to_\w+\)$/,
    (_, name) => `${name} does not take images: remove them, or choose a model that does.`,
  ],
  [
    /^inputImageUrls must be empty for text_to_\w+$/,
    (_, name) => `${name} does not take images here: remove them, or switch to image input.`,
  ],
  [
    /^inputImageUrls must have at most (\d+) (?:for .* )?\(it has (\d+)\)$/,
    (m, name) =>
      `Remove ${plural(Number(m[2]) - Number(m[1]), 'image')}: ${name} takes at most ${m[1]}.`,
  ],
  [
    /^inputImageUrls must have at most (\d+) items$/,
    (m) => `Remove images: at most ${m[1]} can be sent.`,
  ],
  [
    /^inputImageUrls\[(\d+)\] must be an absolute http\(s\) URL$/,
    (m) => `Image ${Number(m[1]) + 1} is not a web address (http or https).`,
  ],
  [
    /^duration must be (\d+) for .* \(fixed\)$/,
    (m, name) => `${name} makes ${m[1]}-second clips only.`,
  ],
  [
    /^duration must be one of ([\d, ]+) for /,
    (m, name) => `Choose a duration ${name} offers: ${m[1]} seconds.`,
  ],
  [
    /^(aspectRatio|resolution) must be one of (.+) for /,
    (m, name) =>
      `Choose ${m[1] === 'aspectRatio' ? 'an aspect ratio' : 'a resolution'} ${name} offers: ${m[2]}.`,
  ],
  [
    /^aspectRatio is not supported by .*; it follows the input image$/,
    (_, name) => `${name} takes the aspect ratio from your image.`,
  ],
  [
    /^(aspectRatio|resolution) is not supported by /,
    (m, name) => `${name} has no ${m[1] === 'aspectRatio' ? 'aspect ratio' : 'resolution'} choice.`,
  ],
  [
    /^aspectRatio (\S+) is only available at (.+) for .*$/,
    (m) => `${m[1]} is only available at ${m[2]}: choose that resolution or another aspect ratio.`,
  ],
  [
    /^negativePrompt must be at most (\d+) characters/,
    (m) => `Shorten what to avoid to ${Number(m[1]).toLocaleString('en')} characters.`,
  ],
  [/^model is required$/, () => 'Choose a model.'],
];

/**
 * The default wording of a validation message for a person: "Add an image: Kling V2.1 Pro makes a video
 * from an image." rather than "inputImageUrls needs at least 1 image for image_to_video". Messages it
 * does not know (a server's own, say) are returned unchanged.
 */
export function describeFieldError(
  message: string,
  model: Pick<ModelSpec, 'name'> | undefined,
): string {
  for (const [pattern, say] of RULES) {
    const match = pattern.exec(message);
    if (match) return say(match, model?.name ?? 'This model');
  }
  return message;
}
