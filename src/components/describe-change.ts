import type { RequestChange } from '../core/request/adapt-request.js';

// The names the fields have on a generation form, and each value in the words its control shows.
const LABELS: Partial<Record<string, string>> = {
  inputMode: 'Start from',
  inputImageUrls: 'Images',
  duration: 'Duration',
  aspectRatio: 'Aspect ratio',
  resolution: 'Resolution',
  negativePrompt: 'Negative prompt',
  guidanceScale: 'Guidance scale',
  motionStrength: 'Motion strength',
  cameraMotion: 'Camera motion',
  fps: 'Frame rate',
};

function words(field: string, value: unknown): string {
  if (value === undefined || value === null) return 'none';
  switch (field) {
    case 'inputMode':
      return String(value).startsWith('image') ? 'images' : 'text';
    case 'inputImageUrls':
      return Array.isArray(value) ? String(value.length) : 'none';
    case 'duration':
      return `${String(value)} s`;
    case 'aspectRatio':
      return value === 'auto' ? 'Auto' : String(value);
    default:
      return String(value);
  }
}

/**
 * A change a model switch made to the request, in the words of the form's controls:
 * "Start from: images → text", "Duration: 10 s → 8 s", "Images: 3 → 1", "Aspect ratio: 21:9 → none".
 * `ChangeNotice` shows these by default; `change.message` keeps the longer sentence with the reason.
 */
export function describeChange(change: RequestChange): string {
  const field = String(change.field);
  const label = LABELS[field] ?? field;
  const to = words(field, change.to);
  // An input mode left to the images has no value of its own: it was the other one.
  const from =
    field === 'inputMode' && change.from === undefined
      ? to === 'images'
        ? 'text'
        : 'images'
      : words(field, change.from);
  return `${label}: ${from} → ${to}`;
}
