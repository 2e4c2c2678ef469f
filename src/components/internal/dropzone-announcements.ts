'use client';
import { useCallback, useState } from 'react';
import { plural, type ImageError, type ImageRejection } from '../image-checks.js';
import type { ImageItem } from './image-items.js';

/** The last thing said to screen readers, with a counter so a repeat is announced again. */
export interface Announcement {
  text: string;
  count: number;
}

/** The dropzone's live-region text, and `announce` to change it (a repeat counts as a change). */
export function useAnnouncement() {
  const [announcement, setAnnouncement] = useState<Announcement>({ text: '', count: 0 });
  const announce = useCallback(
    (text: string) => setAnnouncement((current) => ({ text, count: current.count + 1 })),
    [],
  );
  return { announcement, announce };
}

const RETRY_HINT: Readonly<Record<string, string>> = {
  true: '. You can retry it',
  false: '. Retrying will not help',
};

/** What the dropzone says after each change, in one place. */
export const say = {
  added: (added: readonly ImageItem[], rejections: readonly ImageRejection[]) =>
    [
      added.length ? `${added.map((item) => item.name).join(', ')} added` : '',
      rejections.length
        ? `${plural(rejections.length, 'image')} not added: ${rejections.map((rejection) => rejection.errors[0]!.message).join('; ')}`
        : '',
    ]
      .filter(Boolean)
      .join('. '),
  uploaded: (name: string) => `${name} uploaded`,
  /** The adapter's reason, then whether a retry may help, when the adapter said (`retryable`). */
  failed: (name: string, { message, upload }: ImageError) =>
    `Upload of ${name} failed: ${message.replace(/[.\s]+$/, '')}${RETRY_HINT[String(upload?.retryable)] ?? ''}`,
  removed: (item: ImageItem) =>
    item.status === 'uploading' ? `Upload of ${item.name} cancelled` : `${item.name} removed`,
  retrying: (name: string) => `Retrying ${name}`,
  moved: (name: string, position: number, count: number) =>
    `${name} moved to position ${position} of ${count}`,
  trimmed: (dropped: number, modelName: string | undefined, maxFiles: number) =>
    `${plural(dropped, 'image')} removed: ${modelName ?? 'the model'} takes ${maxFiles ? `at most ${maxFiles}` : 'none'}`,
};
