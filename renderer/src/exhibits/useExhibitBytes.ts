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

/** A blob: URL for bytes, revoked when the component goes away. */
export function useBlobUrl(bytes: Uint8Array | null, type: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!bytes) {
      setUrl(null);
      return;
    }
    const u = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [bytes, type]);
  return url;
}
