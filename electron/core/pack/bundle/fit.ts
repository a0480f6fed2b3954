/**
 * E-mail mode's smaller copies of images: a JPEG or PNG too big for its share of the size limit is
 * decoded (jpeg-js; PNG with pngjs), turned upright from its EXIF orientation (exifr), scaled
 * down (box filter), and encoded again as JPEG (jpeg-js), at the largest size that fits. A copy
 * made this way carries no metadata (no GPS position, no camera details). The decoded picture is
 * scaled to at most 2000 pixels a side at once, so a 30 MB photo is never held at full size for
 * longer than its decoding.
 */
import exifr from 'exifr';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { packText, type PackId } from '../words/index.js';

/** Longest sides tried, largest first; below the last the image is left out. */
const SIDES = [2000, 1600, 1280, 1024, 800, 640, 480, 360];
const QUALITY = [75, 60];

interface Pixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel. */
  data: Uint8Array;
}

/** Why no smaller copy: `id` words it in the pack's language (the message is the English). */
export class CannotShrink extends Error {
  constructor(readonly id: PackId) {
    super(packText('en')(id));
  }
}

function decode(bytes: Buffer, mediaType: string): Pixels {
  try {
    if (mediaType === 'image/png') {
      const png = PNG.sync.read(bytes);
      // Transparent pixels on white, as on paper.
      const d = png.data;
      for (let i = 0; i < d.length; i += 4) {
        const a = (d[i + 3] ?? 255) / 255;
        if (a < 1) {
          d[i] = Math.round((d[i] ?? 0) * a + 255 * (1 - a));
          d[i + 1] = Math.round((d[i + 1] ?? 0) * a + 255 * (1 - a));
          d[i + 2] = Math.round((d[i + 2] ?? 0) * a + 255 * (1 - a));
          d[i + 3] = 255;
        }
      }
      return { width: png.width, height: png.height, data: d };
    }
    const img = jpeg.decode(bytes, { useTArray: true, maxResolutionInMP: 120, maxMemoryUsageInMB: 1024 });
    return { width: img.width, height: img.height, data: img.data };
  } catch {
    throw new CannotShrink('email.fit.cannotDecode');
  }
}

/** Box-filter scale so the longer side is at most `side`. */
function scaleDown(p: Pixels, side: number): Pixels {
  const f = Math.max(p.width, p.height) / side;
  if (f <= 1) return p;
  const w = Math.max(1, Math.round(p.width / f));
  const h = Math.max(1, Math.round(p.height / f));
  const out = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor((y * p.height) / h);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * p.height) / h));
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor((x * p.width) / w);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * p.width) / w));
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let yy = y0; yy < y1; yy++) {
        let i = (yy * p.width + x0) * 4;
        for (let xx = x0; xx < x1; xx++, i += 4) {
          r += p.data[i] ?? 0;
          g += p.data[i + 1] ?? 0;
          b += p.data[i + 2] ?? 0;
          n++;
        }
      }
      const o = (y * w + x) * 4;
      out[o] = r / n;
      out[o + 1] = g / n;
      out[o + 2] = b / n;
      out[o + 3] = 255;
    }
  }
  return { width: w, height: h, data: out };
}

/** EXIF orientations 3, 6 and 8 (turned, not mirrored): the copy is made upright. */
function upright(p: Pixels, orientation: number | undefined): Pixels {
  if (orientation !== 3 && orientation !== 6 && orientation !== 8) return p;
  const turn = orientation === 3 ? 180 : orientation === 6 ? 90 : 270;
  const w = turn === 180 ? p.width : p.height;
  const h = turn === 180 ? p.height : p.width;
  const out = new Uint8Array(w * h * 4);
  for (let y = 0; y < p.height; y++)
    for (let x = 0; x < p.width; x++) {
      const [nx, ny] =
        turn === 90 ? [p.height - 1 - y, x] : turn === 180 ? [p.width - 1 - x, p.height - 1 - y] : [y, p.width - 1 - x];
      const s = (y * p.width + x) * 4;
      const d = (ny * w + nx) * 4;
      out[d] = p.data[s] ?? 0;
      out[d + 1] = p.data[s + 1] ?? 0;
      out[d + 2] = p.data[s + 2] ?? 0;
      out[d + 3] = 255;
    }
  return { width: w, height: h, data: out };
}

export interface Shrunk {
  bytes: Buffer;
  width: number;
  height: number;
  quality: number;
}

/** A JPEG copy of at most `maxBytes`, as large as fits; CannotShrink when none does. */
export async function shrinkImage(bytes: Buffer, mediaType: string, maxBytes: number): Promise<Shrunk> {
  let orientation: number | undefined;
  if (mediaType === 'image/jpeg') {
    try {
      orientation = await exifr.orientation(bytes);
    } catch {
      orientation = undefined;
    }
  }
  let p = scaleDown(decode(bytes, mediaType), SIDES[0] ?? 2000);
  p = upright(p, orientation);
  // Start near the side the limit allows (about 0.5 byte a pixel at these qualities), then step down.
  const guess = Math.sqrt((maxBytes / 0.5) * (p.width / Math.max(1, p.height)));
  for (const side of SIDES) {
    if (side > Math.max(p.width, p.height) * 1.01 && side !== SIDES[0]) continue;
    if (side > guess * 1.6 && side !== SIDES[SIDES.length - 1]) continue;
    const s = scaleDown(p, side);
    for (const quality of QUALITY) {
      const out = Buffer.from(jpeg.encode({ data: s.data, width: s.width, height: s.height }, quality).data);
      if (out.length <= maxBytes) return { bytes: out, width: s.width, height: s.height, quality };
    }
  }
  throw new CannotShrink('email.fit.tooSmall');
}
