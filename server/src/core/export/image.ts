/** The type and pixel size of an image from its first bytes (PNG, JPEG, GIF, BMP), or null. */

export type ImageType = 'png' | 'jpg' | 'gif' | 'bmp';

export interface ImageInfo {
  type: ImageType;
  width: number;
  height: number;
}

export function imageInfo(data: Uint8Array): ImageInfo | null {
  const at = (i: number) => data[i] ?? 0;
  const be16 = (i: number) => (at(i) << 8) | at(i + 1);
  const be32 = (i: number) => ((at(i) << 24) >>> 0) + (at(i + 1) << 16) + (at(i + 2) << 8) + at(i + 3);
  const le16 = (i: number) => at(i) | (at(i + 1) << 8);
  const le32 = (i: number) => (at(i) | (at(i + 1) << 8) | (at(i + 2) << 16)) + ((at(i + 3) << 24) >>> 0);
  const ok = (type: ImageType, width: number, height: number): ImageInfo | null =>
    width > 0 && height > 0 && width < 100_000 && height < 100_000 ? { type, width, height } : null;

  if (data.length >= 24 && at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) return ok('png', be32(16), be32(20));
  if (data.length >= 10 && at(0) === 0x47 && at(1) === 0x49 && at(2) === 0x46) return ok('gif', le16(6), le16(8));
  if (data.length >= 26 && at(0) === 0x42 && at(1) === 0x4d) return ok('bmp', le32(18), Math.abs(le32(22) | 0));
  if (data.length >= 4 && at(0) === 0xff && at(1) === 0xd8) {
    // Walk the segments to a start-of-frame marker (SOF0..SOF15 except DHT, JPG, DAC).
    let i = 2;
    while (i + 9 < data.length) {
      if (at(i) !== 0xff) return null;
      const marker = at(i + 1);
      if (marker === 0xff) {
        i++;
        continue;
      }
      const length = be16(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return ok('jpg', be16(i + 7), be16(i + 5));
      if (length < 2) return null;
      i += 2 + length;
    }
  }
  return null;
}
