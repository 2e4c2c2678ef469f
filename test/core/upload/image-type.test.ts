import { describe, expect, it } from 'vitest';
import { sniffImageType } from '../../../src/core/upload/image-type.js';
import { JPEG, PNG, TEXT, WEBP } from '../../server/uploads/images.js';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('sniffImageType', () => {
  it('names JPEG, PNG and WebP by their first bytes', () => {
    expect(sniffImageType(JPEG)).toBe('image/jpeg');
    expect(sniffImageType(PNG)).toBe('image/png');
    expect(sniffImageType(WEBP)).toBe('image/webp');
  });

  it('refuses everything else, however it is named: text, GIF, SVG, a RIFF that is not WebP, too few bytes', () => {
    expect(sniffImageType(TEXT)).toBeNull();
    expect(sniffImageType(ascii('GIF89a\x01\x00\x01\x00'))).toBeNull();
    expect(sniffImageType(ascii('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(ascii('RIFF\x24\x00\x00\x00WAVEfmt '))).toBeNull();
    expect(sniffImageType(PNG.subarray(0, 7))).toBeNull();
    expect(sniffImageType(WEBP.subarray(0, 11))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});
