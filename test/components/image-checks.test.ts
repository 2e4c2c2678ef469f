import { describe, expect, it } from 'vitest';
import {
  checkImages,
  describeImageRules,
  ImageErrorCode,
  resolveImageRules,
  urlName,
} from '../../src/components/image-checks.js';
import { defaultRegistry } from '../../src/core/index.js';

const MB = 1024 * 1024;
const rulesOf = (id: string, options?: Parameters<typeof resolveImageRules>[1]) =>
  resolveImageRules(defaultRegistry.get(id), options);
const png = (name: string, size = 10) =>
  new File([new Uint8Array(size)], name, { type: 'image/png' });
const codes = (result: ReturnType<typeof checkImages>) =>
  result.rejections.map((rejection) => [
    rejection.file?.name ?? rejection.url,
    rejection.errors.map((error) => error.code),
  ]);

describe('resolveImageRules', () => {
  it("takes the model's count and size limits from the registry, and whether an image is required", () => {
    expect(rulesOf('google/nano-banana')).toMatchObject({
      maxFiles: 10,
      maxBytes: 10 * MB,
      required: false,
      modelName: 'Nano Banana',
      disabledReason: undefined,
    });
    expect(rulesOf('kling/v2-1-pro')).toMatchObject({ maxFiles: 1, required: true });
    expect(rulesOf('sora-2-text-to-video')).toMatchObject({
      maxFiles: 0,
      disabledReason: 'Sora 2 takes no reference images',
    });
  });

  it('lets the options override the model, and has no limits without a model', () => {
    expect(
      rulesOf('google/nano-banana', { maxFiles: 2, maxBytes: 1000, accept: ['image/png'] }),
    ).toMatchObject({
      maxFiles: 2,
      maxBytes: 1000,
      accept: ['image/png'],
    });
    expect(resolveImageRules(undefined)).toEqual({
      accept: ['image/jpeg', 'image/png', 'image/webp'],
      maxFiles: Infinity,
      maxBytes: undefined,
      required: false,
      modelName: undefined,
      disabledReason: undefined,
    });
    expect(resolveImageRules(undefined, { maxFiles: 0 }).disabledReason).toBe(
      'This model takes no reference images',
    );
  });
});

describe('checkImages', () => {
  it('rejects the wrong type and too large files with typed codes and messages a person can act on', () => {
    const gif = new File(['GIF89a'], 'anim.gif', { type: 'image/gif' });
    const result = checkImages(
      [gif, png('huge.png', 10 * MB + 1), png('ok.png')],
      [],
      rulesOf('google/nano-banana'),
    );
    expect(result.accepted.map((entry) => (entry as File).name)).toEqual(['ok.png']);
    expect(codes(result)).toEqual([
      ['anim.gif', ['file-invalid-type']],
      ['huge.png', ['file-too-large']],
    ]);
    expect(result.rejections.map((rejection) => rejection.errors[0]!.message)).toEqual([
      'anim.gif is not JPEG, PNG or WebP',
      'huge.png is 10 MB; the limit is 10 MB',
    ]);
  });

  it('gives every reason of a file at once: no uploader, type, size and your validator', () => {
    const validator = (file: File) =>
      file.name.startsWith('x') ? [{ code: 'policy', message: 'Not here' }] : null;
    const bad = new File([new Uint8Array(2000)], 'x.bmp', { type: 'image/bmp' });
    const result = checkImages(
      [bad, png('fine.png')],
      [],
      rulesOf('google/nano-banana', { maxBytes: 1000 }),
      {
        canUpload: false,
        validator,
      },
    );
    expect(codes(result)).toEqual([
      [
        'x.bmp',
        [ImageErrorCode.NoUploader, ImageErrorCode.InvalidType, ImageErrorCode.TooLarge, 'policy'],
      ],
      ['fine.png', [ImageErrorCode.NoUploader]],
    ]);
    expect(result.accepted).toEqual([]);
  });

  it('takes http(s) URLs, trimmed, and refuses other text and URLs already attached or given twice', () => {
    const result = checkImages(
      [],
      [
        ' https://cdn.test/a.png ',
        'javascript:alert(1)',
        'https://cdn.test/old.png',
        'https://cdn.test/a.png',
        `https://cdn.test/${'x'.repeat(80)}`,
      ],
      rulesOf('nano-banana-2'),
      { attached: ['https://cdn.test/old.png'] },
    );
    expect(result.accepted).toEqual([
      'https://cdn.test/a.png',
      `https://cdn.test/${'x'.repeat(80)}`,
    ]);
    expect(codes(result)).toEqual([
      ['javascript:alert(1)', ['invalid-url']],
      ['https://cdn.test/old.png', ['duplicate']],
      ['https://cdn.test/a.png', ['duplicate']],
    ]);
    expect(result.rejections[1]!.errors[0]!.message).toBe('old.png is already attached');
    expect(result.rejections[0]!.errors[0]!.message).toBe(
      'javascript:alert(1) is not an http(s) image URL',
    );
    const long = checkImages([], [`ftp://cdn.test/${'y'.repeat(80)}`], rulesOf('nano-banana-2'));
    expect(long.rejections[0]!.errors[0]!.message).toMatch(
      /^ftp:\/\/cdn\.test\/y{42}… is not an http\(s\) image URL$/,
    );
  });

  it('fills the free places of the model and rejects the rest, counting uploads in flight', () => {
    const result = checkImages(
      [png('b.png'), png('c.png'), png('d.png')],
      [],
      rulesOf('veo3_fast'),
      { count: 1 },
    );
    expect(result.accepted.map((entry) => (entry as File).name)).toEqual(['b.png', 'c.png']);
    expect(result.replace).toBe(false);
    expect(result.rejections).toEqual([
      {
        file: expect.objectContaining({ name: 'd.png' }),
        url: null,
        errors: [{ code: 'too-many-files', message: 'Veo 3.1 Fast takes at most 3 images' }],
      },
    ]);
    const full = checkImages([], ['https://cdn.test/z.png'], rulesOf('veo3_fast'), { count: 3 });
    expect(codes(full)).toEqual([['https://cdn.test/z.png', ['too-many-files']]]);
  });

  it('a model that takes one image: the newest replaces it', () => {
    const result = checkImages([png('second.png')], [], rulesOf('kling/v2-1-standard'), {
      attached: ['https://cdn.test/first.png'],
    });
    expect(result.replace).toBe(true);
    expect(result.accepted).toHaveLength(1);
    expect(result.rejections).toEqual([]);
    const two = checkImages([png('a.png'), png('b.png')], [], rulesOf('kling/v2-1-standard'));
    expect(codes(two)).toEqual([['b.png', ['too-many-files']]]);
    expect(two.rejections[0]!.errors[0]!.message).toBe('Kling V2.1 Standard takes at most 1 image');
  });

  it('a model that takes none refuses everything with its reason; a disabled dropzone takes nothing silently', () => {
    const none = checkImages(
      [png('a.png')],
      ['https://cdn.test/a.png'],
      rulesOf('sora-2-text-to-video'),
    );
    expect(none.accepted).toEqual([]);
    expect(none.rejections.map((rejection) => rejection.errors)).toEqual([
      [{ code: 'images-not-allowed', message: 'Sora 2 takes no reference images' }],
      [{ code: 'images-not-allowed', message: 'Sora 2 takes no reference images' }],
    ]);
    const disabled = checkImages([png('a.png')], [], rulesOf('veo3'), { disabled: true });
    expect(disabled).toEqual({ accepted: [], rejections: [], replace: false });
  });
});

describe('describeImageRules', () => {
  it('says the same rules the checks apply, in the same words', () => {
    expect(describeImageRules(rulesOf('veo3'))).toBe('JPEG, PNG or WebP. Up to 3 images.');
    expect(describeImageRules(rulesOf('google/nano-banana'))).toBe(
      'JPEG, PNG or WebP, up to 10 MB each. Up to 10 images.',
    );
    expect(describeImageRules(rulesOf('kling/v2-1-standard'))).toBe(
      'JPEG, PNG or WebP. Exactly 1 image.',
    );
    expect(describeImageRules({ ...rulesOf('veo3'), maxFiles: 1 })).toBe(
      'JPEG, PNG or WebP. At most 1 image.',
    );
    expect(
      describeImageRules({
        accept: ['image/png', 'image/avif'],
        maxBytes: 1.5 * MB,
        maxFiles: Infinity,
        required: false,
      }),
    ).toBe('PNG or image/avif, up to 1.5 MB each.');
    expect(describeImageRules({ ...rulesOf('wan/2-6-image-to-video'), maxFiles: 4 })).toMatch(
      /Up to 4 images, at least 1\.$/,
    );
    // The type and size words of the description are those of the rejections.
    const rules = rulesOf('google/nano-banana', { accept: ['image/png', 'image/webp'] });
    const [typeError, sizeError] = checkImages(
      [new File(['x'], 'a.gif', { type: 'image/gif' }), png('b.png', 11 * MB)],
      [],
      rules,
    ).rejections.map((rejection) => rejection.errors[0]!.message);
    expect(describeImageRules(rules)).toContain('PNG or WebP, up to 10 MB');
    expect(typeError).toBe('a.gif is not PNG or WebP');
    expect(sizeError).toBe('b.png is 11 MB; the limit is 10 MB');
  });
});

describe('urlName', () => {
  it("is the URL's last path segment, decoded, or the URL itself", () => {
    expect(urlName('https://cdn.test/u/my%20cat.png?x=1')).toBe('my cat.png');
    expect(urlName('https://cdn.test/')).toBe('https://cdn.test/');
    expect(urlName('not a url')).toBe('not a url');
  });
});
