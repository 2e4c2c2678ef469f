import type { Task } from '../../core/task/task.js';
import { userFolder } from '../../core/upload/upload-protocol.js';
import { apiSnapshot } from '../task-history.js';
import type { TaskOwnerStore } from '../task-owner-store.js';
import { checkPublicBaseUrl } from '../uploads/public-base-url.js';
import type { UploadStorage } from '../uploads/upload-storage.js';
import { fetchOutput } from './fetch-output.js';
import type { KeptOutputs } from '../output-ledger.js';
import { OUTPUT_TYPES, type OutputType } from '../uploads/stored-file-type.js';

/** Options of the proxy's `keepOutputs`: where a completed task's outputs are copied, and the bounds. */
export interface KeepOutputsOptions {
  /**
   * Where outputs are kept: the same storage as `createUploadHandler`'s, with `write`
   * (`createFileSystemStorage`, served by the upload handler; `createS3Storage`, which writes with
   * `PutObject`). Keys are `<user folder>/<128 random bits>.<ext>`, never derived from the task id. Required.
   */
  storage: UploadStorage;
  /** Where the kept files are read: a file's URL is `${publicBaseUrl}/${key}` (as the upload handler's). Required. */
  publicBaseUrl: string;
  /** The largest image copied, in bytes; a larger one stays on the CDN. Defaults to 30 MB (`31457280`). */
  maxImageBytes?: number;
  /** The largest video copied, in bytes; a larger one stays on the CDN. Defaults to 200 MB (`209715200`). */
  maxVideoBytes?: number;
  /**
   * How long the first poll that sees a task completed waits for its copy before answering the CDN's
   * URLs (the copy goes on; history and later polls then answer the kept ones). Defaults to `10000` ms.
   */
  waitMs?: number;
  /** How long one task's copy may take in all; also the lease other instances respect. Defaults to `300000` ms. */
  copyTimeoutMs?: number;
  /** How many failed copies of a task before its outputs are left on the CDN for good. Defaults to `3`. */
  maxAttempts?: number;
  /** The `fetch` that reads the CDN. Defaults to the proxy's `fetch`, else the global one. */
  fetch?: typeof fetch;
}

const IMAGE_TYPES: OutputType[] = ['image/jpeg', 'image/png', 'image/webp'];
const VIDEO_TYPES: OutputType[] = ['video/mp4', 'video/webm'];
const MB = 1024 * 1024;

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** Puts kept URLs in place of the CDN's. */
export const withOutputs = (task: Task, outputs: KeptOutputs): Task => ({ ...task, ...outputs });

/**
 * Makes the proxy's `keep(task, userId, onFailure)`: for a completed task, its outputs in the app's
 * storage (copied once per task: one copy per process at a time through an in-flight map, one across
 * instances through the store's lease), or the task unchanged while that is not (yet) so.
 */
export function createOutputKeeper(
  options: KeepOutputsOptions,
  store: TaskOwnerStore,
  proxyFetch: typeof fetch | undefined,
) {
  const { storage } = options;
  if (!storage?.write) {
    throw new TypeError(
      'keepOutputs needs a storage with write: createFileSystemStorage or createS3Storage',
    );
  }
  if (!store.claimOutputs || !store.saveOutputs) {
    throw new TypeError(
      'keepOutputs needs a task store with claimOutputs and saveOutputs: createMemoryTaskOwnerStore or createRedisTaskStore',
    );
  }
  const publicBaseUrl = checkPublicBaseUrl(options.publicBaseUrl, 'keepOutputs.publicBaseUrl');
  const {
    maxImageBytes = 30 * MB,
    maxVideoBytes = 200 * MB,
    waitMs = 10_000,
    copyTimeoutMs = 300_000,
    maxAttempts = 3,
  } = options;
  const inFlight = new Map<string, Promise<KeptOutputs | null>>();

  const copy = async (
    task: Task,
    userId: string,
    onFailure: (error: unknown) => void,
  ): Promise<KeptOutputs | null> => {
    const signal = AbortSignal.timeout(copyTimeoutMs);
    const folder = await userFolder(userId);
    const written: string[] = [];
    const copyOne = async (url: string, video: boolean) => {
      const fetched = await fetchOutput(url, {
        fetch: options.fetch ?? proxyFetch ?? globalThis.fetch,
        maxBytes: video ? maxVideoBytes : maxImageBytes,
        accept: video ? VIDEO_TYPES : IMAGE_TYPES,
        signal,
      });
      const key = `${folder}/${hex(crypto.getRandomValues(new Uint8Array(16)))}.${OUTPUT_TYPES[fetched.type]}`;
      const info = { contentType: fetched.type, size: fetched.size };
      if ((await storage.write!(key, fetched.body, info)) === 'exists')
        throw new Error(`Storage key ${key} was already taken`);
      written.push(key);
      return `${publicBaseUrl}/${key}`;
    };
    try {
      const outputs: KeptOutputs = {
        imageUrls: await Promise.all(task.imageUrls.map((url) => copyOne(url, false))),
        videoUrl: task.videoUrl && (await copyOne(task.videoUrl, true)),
      };
      const snapshot = apiSnapshot(withOutputs(task, outputs));
      await store.saveOutputs!(task.id, { outputs, snapshot });
      return outputs;
    } catch (error) {
      onFailure(new Error(`Outputs of task ${task.id} were not kept: ${(error as Error).message}`));
      // No half-kept task: what was written is removed, and the CDN's URLs stand.
      await Promise.all(written.map((key) => storage.remove(key).catch(() => {})));
      await Promise.resolve(store.saveOutputs!(task.id, { failed: true })).catch(onFailure);
      return null;
    }
  };

  /** Resolves with `promise`, or `null` after `waitMs`. */
  const within = async <T>(promise: Promise<T | null>): Promise<T | null> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(resolve, waitMs, null)));
    try {
      return await Promise.race([promise, late]);
    } finally {
      clearTimeout(timer);
    }
  };

  return async (task: Task, userId: string, onFailure: (error: unknown) => void): Promise<Task> => {
    if (task.status !== 'completed' || (!task.imageUrls.length && !task.videoUrl)) return task;
    let running = inFlight.get(task.id);
    if (!running) {
      // In the map before the first await, so every concurrent poll of this process waits on one copy.
      running = (async () => {
        const claim = await store.claimOutputs!(task.id, copyTimeoutMs, maxAttempts);
        if (claim.state === 'kept') return claim.outputs;
        return claim.state === 'claimed' ? copy(task, userId, onFailure) : null;
      })()
        .catch((error: unknown) => {
          onFailure(error);
          return null;
        })
        .finally(() => inFlight.delete(task.id));
      inFlight.set(task.id, running);
    }
    const outputs = await within(running);
    return outputs ? withOutputs(task, outputs) : task;
  };
}
