import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { UploadStorage } from '../upload-storage.js';

/** Options of {@link createS3Storage}. */
export interface S3StorageOptions {
  /** The client of your S3-compatible storage (AWS S3, Cloudflare R2, MinIO…), with its credentials. Required. */
  client: S3Client;
  /** The bucket. It must allow `PUT` from your app's origin by CORS, and public `GET` of its objects (or a CDN before it). Required. */
  bucket: string;
  /** Put before every key, e.g. `'uploads/'`; the handler's `publicBaseUrl` then ends with it. Defaults to `''`. */
  keyPrefix?: string;
  /** How long a presigned PUT URL may be used, in seconds. Defaults to `300`. */
  expiresInSeconds?: number;
}

// The SDK bakes the checksum of an empty body into a presigned PUT (it has no body yet): S3 would
// refuse the real file. Integrity is checked by the handler instead (type and size of what landed).
const CHECKSUM_HEADER = /^x-amz-(sdk-)?checksum-/i;
type Args = { input: object; request?: unknown };
const dropChecksum =
  <T>(next: (args: Args) => Promise<T>) =>
  (args: Args) => {
    const headers =
      (args.request as { headers?: Record<string, string> } | undefined)?.headers ?? {};
    for (const name of Object.keys(headers)) if (CHECKSUM_HEADER.test(name)) delete headers[name];
    return next(args);
  };

/**
 * An {@link UploadStorage} on S3-compatible storage through presigned PUT: the browser sends the file
 * straight to the bucket (with real progress, nothing through your server), with its type and exact
 * size signed into the URL and `If-None-Match: *` so an existing object is never replaced (where the
 * storage honours it). The handler then reads the first bytes back (a ranged GET) and deletes what is
 * not a JPEG, PNG or WebP within the model's limit. From `gptimage2-react/server/s3`; needs
 * `@aws-sdk/client-s3` and `@aws-sdk/s3-request-presigner` (optional peer dependencies).
 */
export function createS3Storage(options: S3StorageOptions): UploadStorage {
  const { client, bucket, keyPrefix = '', expiresInSeconds = 300 } = options ?? {};
  if (!client || typeof bucket !== 'string' || !bucket)
    throw new TypeError('createS3Storage needs client (an S3Client) and bucket');
  const Key = (key: string) => keyPrefix + key;

  return {
    async presignPut(key, { contentType, size }) {
      const command = new PutObjectCommand({
        Bucket: bucket,
        Key: Key(key),
        ContentType: contentType,
        ContentLength: size,
        IfNoneMatch: '*',
      });
      command.middlewareStack.addRelativeTo(
        dropChecksum as Parameters<typeof command.middlewareStack.addRelativeTo>[0],
        {
          relation: 'before',
          toMiddleware: 'presignInterceptMiddleware',
          name: 'gptimage2DropEmptyChecksum',
        },
      );
      const url = await getSignedUrl(client, command, {
        expiresIn: expiresInSeconds,
        signableHeaders: new Set(['content-type', 'content-length', 'if-none-match']),
      });
      // Content-Length is signed too; the browser sets it from the file.
      return { url, headers: { 'Content-Type': contentType, 'If-None-Match': '*' } };
    },
    // Server-side writes, for the proxy's keepOutputs. The body is collected first: a streamed body makes
    // the SDK send aws-chunked encoding with checksum trailers, which not every S3-compatible server
    // reads. Bounded all the same: the keeper's stream errors past its byte cap.
    async write(key, body, { contentType }) {
      const Body = new Uint8Array(await new Response(body).arrayBuffer());
      try {
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: Key(key),
            Body,
            ContentType: contentType,
            IfNoneMatch: '*',
          }),
        );
        return 'created';
      } catch (error) {
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata;
        if (status?.httpStatusCode === 412) return 'exists';
        throw error;
      }
    },
    async peek(key, length) {
      let answer;
      try {
        answer = await client.send(
          new GetObjectCommand({ Bucket: bucket, Key: Key(key), Range: `bytes=0-${length - 1}` }),
        );
      } catch (error) {
        const name = (error as { name?: unknown }).name;
        if (name === 'NoSuchKey' || name === 'NotFound') return null;
        if (name === 'InvalidRange') return { size: 0, head: new Uint8Array() }; // an empty object
        throw error;
      }
      const total = /\/(\d+)$/.exec(answer.ContentRange ?? '')?.[1];
      const size = total === undefined ? (answer.ContentLength ?? 0) : Number(total);
      // At most `length` bytes are read, even from a storage that ignored the range.
      const reader = answer.Body?.transformToWebStream().getReader();
      const head = new Uint8Array(length);
      let filled = 0;
      while (reader && filled < length) {
        const next = await reader.read();
        if (next.done) break;
        const part = next.value.subarray(0, length - filled);
        head.set(part, filled);
        filled += part.byteLength;
      }
      await reader?.cancel().catch(() => {});
      return { size, head: head.subarray(0, filled) };
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: Key(key) }));
    },
  };
}
