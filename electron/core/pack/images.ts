/** Image metadata for case packs: GPS positions (exifr) and embedded EXIF thumbnails. */
import type { Readable } from 'node:stream';
import exifr from 'exifr';

export const IMAGE_TYPES_WITH_METADATA = /^image\/(jpeg|png|tiff|heic|heif|avif|webp)$/;
/** Bytes read from the start of an image to look for its metadata. */
export const HEAD_BYTES = 512 * 1024;

/** The first `max` bytes of a stream; the stream is then destroyed. */
export async function readHead(stream: Readable, max: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let n = 0;
  try {
    for await (const chunk of stream) {
      const b = chunk as Buffer;
      parts.push(b);
      n += b.length;
      if (n >= max) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(parts).subarray(0, max);
}

export async function gpsPosition(head: Buffer): Promise<{ latitude: number; longitude: number } | null> {
  try {
    const g = (await exifr.gps(head)) as { latitude?: number; longitude?: number } | undefined;
    if (g && typeof g.latitude === 'number' && typeof g.longitude === 'number' && Number.isFinite(g.latitude)) {
      return { latitude: g.latitude, longitude: g.longitude };
    }
  } catch {
    // No readable metadata.
  }
  return null;
}

export async function exifThumbnail(head: Buffer): Promise<Buffer | null> {
  try {
    const t = await exifr.thumbnail(head);
    return t ? Buffer.from(t) : null;
  } catch {
    return null;
  }
}
