import { useEffect, useState } from 'react';
import { call, errorMessage } from '../bridge.js';

/** The decrypted bytes of an exhibit, read into memory (never a temporary file). */
export function useExhibitBytes(id: string): { bytes: Uint8Array | null; error: string | null } {
  const [state, setState] = useState<{ bytes: Uint8Array | null; error: string | null }>({ bytes: null, error: null });
  useEffect(() => {
    let live = true;
    setState({ bytes: null, error: null });
    call('exhibits.read', { id })
      .then((bytes) => {
        if (live) setState({ bytes, error: null });
      })
      .catch((e: unknown) => {
        if (live) setState({ bytes: null, error: errorMessage(e) });
      });
    return () => {
      live = false;
    };
  }, [id]);
  return state;
}

/** Picture types the window may show from a blob: URL, each with the bytes its files begin with. */
const SAFE_PICTURES: { type: string; is(b: Uint8Array): boolean }[] = [
  { type: 'image/png', is: (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: 'image/jpeg', is: (b) => starts(b, [0xff, 0xd8, 0xff]) },
  { type: 'image/gif', is: (b) => starts(b, [0x47, 0x49, 0x46, 0x38]) && (b[4] === 0x37 || b[4] === 0x39) },
  {
    type: 'image/webp',
    is: (b) => starts(b, [0x52, 0x49, 0x46, 0x46]) && starts(b.subarray(8), [0x57, 0x45, 0x42, 0x50]),
  },
  { type: 'image/bmp', is: (b) => starts(b, [0x42, 0x4d]) },
];

function starts(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((m, i) => bytes[i] === m);
}

/**
 * The type to show an exhibit's bytes as a picture, or null: only PNG, JPEG, GIF, WebP and BMP,
 * and only when the exhibit is recorded as a picture and its bytes really are that picture type.
 * SVG, XHTML, XML, HTML and anything else are never turned into a blob: URL, so they can never be
 * framed or navigated to as a document that runs script.
 */
export function safePictureType(mediaType: string, bytes: Uint8Array): string | null {
  const claimed = mediaType.toLowerCase().split(';')[0]!.trim();
  if (!claimed.startsWith('image/')) return null;
  return SAFE_PICTURES.find((p) => p.is(bytes))?.type ?? null;
}

/**
 * A blob: URL for a picture exhibit, revoked when the component goes away; null until the bytes are
 * in, and null for bytes that are not a known-safe picture type (see safePictureType).
 */
export function useBlobUrl(bytes: Uint8Array | null, mediaType: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const type = bytes ? safePictureType(mediaType, bytes) : null;
    if (!bytes || !type) {
      setUrl(null);
      return;
    }
    const u = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [bytes, mediaType]);
  return url;
}
