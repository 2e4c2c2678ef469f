import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createFileSystemStorage } from '../../../src/server/uploads/file-system/index.js';
import { tempFolder } from './handler-fixture.js';
import { PNG } from './images.js';

const KEY = `${'a'.repeat(32)}/${'b'.repeat(32)}.png`;
const stream = (...chunks: Uint8Array[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      chunks.forEach((chunk) => controller.enqueue(chunk));
      controller.close();
    },
  });

describe('createFileSystemStorage', () => {
  it('writes a file under its user folder and reads it back', async () => {
    const directory = await tempFolder();
    const storage = createFileSystemStorage({ directory });
    expect(
      await storage.write!(KEY, stream(PNG.subarray(0, 10), PNG.subarray(10)), {
        contentType: 'image/png',
      }),
    ).toBe('created');
    expect(new Uint8Array(await readFile(`${directory}/${KEY}`))).toEqual(PNG);
    const file = await storage.read!(KEY);
    expect(file!.size).toBe(PNG.byteLength);
    expect(new Uint8Array(await new Response(file!.body).arrayBuffer())).toEqual(PNG);
    expect(await storage.read!(`${'a'.repeat(32)}/${'c'.repeat(32)}.png`)).toBeNull();
  });

  it('never replaces a file: a second write of the key is "exists" and changes nothing', async () => {
    const directory = await tempFolder();
    const storage = createFileSystemStorage({ directory });
    await storage.write!(KEY, stream(PNG), { contentType: 'image/png' });
    expect(
      await storage.write!(KEY, stream(new Uint8Array([1, 2, 3])), { contentType: 'image/png' }),
    ).toBe('exists');
    expect(new Uint8Array(await readFile(`${directory}/${KEY}`))).toEqual(PNG);
    expect(await readdir(directory, { recursive: true })).toEqual(['a'.repeat(32), KEY]);
  });

  it('leaves nothing behind when the body breaks off', async () => {
    const directory = await tempFolder();
    const storage = createFileSystemStorage({ directory });
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(PNG);
        controller.error(new Error('the browser went away'));
      },
    });
    await expect(storage.write!(KEY, broken, { contentType: 'image/png' })).rejects.toThrow(
      'the browser went away',
    );
    expect(await readdir(directory, { recursive: true })).toEqual(['a'.repeat(32)]);
  });

  it.each([
    '../../etc/passwd',
    `${'a'.repeat(32)}/../../x.png`,
    '/etc/passwd',
    `${'a'.repeat(32)}/x.png`,
  ])('refuses %s as a key: no path leaves the folder', async (key) => {
    const storage = createFileSystemStorage({ directory: await tempFolder() });
    await expect(storage.read!(key)).rejects.toThrow('Not an upload key');
    await expect(storage.write!(key, stream(PNG), { contentType: 'image/png' })).rejects.toThrow(
      'Not an upload key',
    );
    await expect(storage.remove(key)).rejects.toThrow('Not an upload key');
  });
});
