/**
 * Bounds on one verification: sizes and counts no honest case pack comes near, and time. A pack
 * beyond them is refused with one line saying which bound, never worked through.
 */
import { VaultError } from '../../../../shared/errors.js';

/** Limits on what one verification may do; a pack beyond them is refused, never worked through. */
export const LIMITS = {
  /** Files and folders in a pack folder, or entries in a ZIP. */
  entries: 200_000,
  /** A deflated ZIP entry may be at most this many times its compressed size (plus `smallEntry`). */
  ratio: 256,
  /** Bytes any entry may have whatever its compressed size (tiny tag files compress well). */
  smallEntry: 64 * 1024,
  /** manifest-sha256.txt and tagmanifest-sha256.txt. */
  manifest: 64 * 1024 * 1024,
  /** bagit.txt and bag-info.txt. */
  tagFile: 1024 * 1024,
  /** Problems listed in a report; the rest are counted in one last line. */
  problems: 1000,
  /** Time allowed: this much, plus `msPerMiB` for every MiB to hash. */
  baseMs: 15 * 60 * 1000,
  msPerMiB: 250,
} as const;

/** The verification's own stop signal: the caller's cancel, or the time limit. */
export interface Stopper {
  signal: AbortSignal;
  /** Throws CANCELLED or PACK_INVALID (time limit) if stopped. */
  check(): void;
}

export /** Stops on the caller's cancel, or when the time limit (which can be extended once sizes are known) passes. */
function stopper(
  signal: AbortSignal | undefined,
  limitMs: number | undefined,
): Stopper & { extend(ms: number): void; done(): void } {
  const t0 = Date.now();
  let limit = limitMs ?? LIMITS.baseMs;
  const ac = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => ac.abort(), Math.max(0, t0 + limit - Date.now()));
    timer.unref();
  };
  arm();
  const onAbort = (): void => ac.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: ac.signal,
    check(): void {
      if (signal?.aborted) throw new VaultError('CANCELLED', 'Verification was cancelled.');
      if (ac.signal.aborted || Date.now() - t0 > limit) {
        ac.abort();
        const mins = Math.round(limit / 60_000);
        const secs = Math.ceil(limit / 1000);
        const took = mins >= 1 ? `${mins} minute${mins === 1 ? '' : 's'}` : `${secs} second${secs === 1 ? '' : 's'}`;
        throw new VaultError(
          'PACK_INVALID',
          `Verification stopped: it took longer than ${took}, more than a pack of this size needs.`,
        );
      }
    },
    extend(bytes: number): void {
      if (limitMs !== undefined) return;
      limit = LIMITS.baseMs + Math.ceil(bytes / 1024 / 1024) * LIMITS.msPerMiB;
      arm();
    },
    done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}
