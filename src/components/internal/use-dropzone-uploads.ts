'use client';
import { useEffect, useState } from 'react';
import { createUploadQueue, type UploadAdapter } from '../upload-queue.js';
import { say } from './dropzone-announcements.js';
import type { ImageItem } from './image-items.js';

interface UploadsOptions {
  getUpload: () => UploadAdapter | undefined;
  concurrency: number | undefined;
  find: (id: string) => ImageItem | undefined;
  update: (id: string, patch: Partial<ImageItem>) => void;
  announce: (text: string) => void;
}

/**
 * One upload queue per dropzone, its reports turned into item changes and announcements; everything
 * in flight is abandoned when the dropzone unmounts.
 */
export function useDropzoneUploads({
  getUpload,
  concurrency,
  find,
  update,
  announce,
}: UploadsOptions) {
  const [queue] = useState(() =>
    createUploadQueue({
      getUpload,
      concurrency,
      onProgress: (id, progress) => update(id, { progress }),
      onSuccess: (id, url) => {
        const item = find(id);
        update(id, { status: 'ready', progress: 1, url, error: null });
        if (item) announce(say.uploaded(item.name));
      },
      onFailure: (id, error) => {
        const item = find(id);
        update(id, { status: 'failed', progress: null, error });
        if (item) announce(say.failed(item.name, error));
      },
    }),
  );
  useEffect(() => () => queue.cancelAll(), [queue]);
  return queue;
}
