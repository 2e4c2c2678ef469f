import { createReadStream } from 'node:fs';
import { link, mkdir, open, rm, stat } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { STORED_KEY_PATTERN } from '../stored-file-type.js';
import type { UploadStorage } from '../upload-storage.js';

/** Options of {@link createFileSystemStorage}. */
export interface FileSystemStorageOptions {
  /** The folder files are kept in (created when missing), one sub-folder per user. Required. */
  directory: string;
}

const isMissing = (error: unknown) => (error as { code?: unknown } | null)?.code === 'ENOENT';

/**
 * An {@link UploadStorage} on the local disk, for development and single-server apps: the upload
 * handler streams files to it and serves them back under `GET {prefix}/{key}` (typed, `nosniff`).
 * A file is written to a temporary name and linked into place only when complete, so a refused or
 * broken-off upload leaves nothing behind and an existing file is never replaced. Keys are checked
 * again here: no path can leave `directory`.
 */
export function createFileSystemStorage(options: FileSystemStorageOptions): UploadStorage {
  if (typeof options?.directory !== 'string' || !options.directory) {
    throw new TypeError('createFileSystemStorage needs directory: the folder uploads are kept in');
  }
  const root = resolve(options.directory);
  const locate = (key: string) => {
    const file = resolve(root, ...key.split('/'));
    if (!STORED_KEY_PATTERN.test(key) || !file.startsWith(root + sep))
      throw new TypeError(`Not an upload key: ${key}`);
    return file;
  };

  return {
    async write(key, body) {
      const file = locate(key);
      await mkdir(dirname(file), { recursive: true });
      const temp = `${file}.${crypto.randomUUID()}.part`;
      const handle = await open(temp, 'wx');
      try {
        const reader = body.getReader();
        for (let next = await reader.read(); !next.done; next = await reader.read())
          await handle.write(next.value);
        await handle.close();
        // link() fails when the name exists: never a replaced file, even with two writers at once.
        await link(temp, file);
        return 'created';
      } catch (error) {
        await handle.close().catch(() => {});
        if ((error as { code?: unknown }).code === 'EEXIST') return 'exists';
        throw error;
      } finally {
        await rm(temp, { force: true });
      }
    },
    async read(key) {
      const file = locate(key);
      try {
        const { size } = await stat(file);
        return { size, body: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array> };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async remove(key) {
      await rm(locate(key), { force: true });
    },
  };
}
