/**
 * The CLI's one progress printer, for the service's progress events (the service gives progress
 * its meaning; each command only words it): drawn in place when stderr is a terminal, or as plain
 * lines, one each time a command's line key changes (each tenth of the way), when it is not.
 */
import type { CliIO } from './io.js';
import { oneLine } from './io.js';
import type { ProgressEvent } from './service.js';

const MB = 1_000_000;

function mb(bytes: number): string {
  return (bytes / MB).toFixed(1);
}

function percent(done: number, total: number): number {
  return total > 0 ? Math.min(100, Math.floor((done * 100) / total)) : 100;
}

function tenth(done: number, total: number): number {
  return Math.floor(percent(done, total) / 10) * 10;
}

/** How a command words the service's progress events. */
export interface ProgressWords {
  /** The text for an event (drawn in place on a terminal when `inPlace`), or null to show nothing for it. */
  text(e: ProgressEvent, inPlace: boolean): string | null;
  /** Whether the event ends a step (drawn at once, never skipped). */
  final(e: ProgressEvent): boolean;
  /** Not a terminal: a key per line worth printing (a line goes out when the key changes), or null. */
  lineKey(e: ProgressEvent, forced: boolean): string | null;
}

export interface ProgressPrinter {
  on(e: ProgressEvent): void;
  /** Clear the in-place line (if any). Call before printing anything else. */
  done(): void;
}

export function progressPrinter(io: CliIO, forced: boolean, words: ProgressWords): ProgressPrinter {
  let last = 0;
  let drawn = false;
  // Keys already printed: reports of files written at once interleave, so a step is printed once.
  const printed = new Set<string>();
  return {
    on(e) {
      if (io.stderrIsTTY) {
        const now = Date.now();
        if (!words.final(e) && now - last < 100) return;
        const text = words.text(e, true);
        if (text === null) return;
        last = now;
        drawn = true;
        io.stderr(`\r\u001b[2K${text}`);
        return;
      }
      const key = words.lineKey(e, forced);
      if (key === null || printed.has(key)) return;
      const text = words.text(e, false);
      if (text === null) return;
      printed.add(key);
      io.stderr(`${text}\n`);
    },
    done() {
      if (drawn) io.stderr('\r\u001b[2K');
      drawn = false;
    },
  };
}

/** add and attach: the file in progress, by its own bytes. */
export const importWords: ProgressWords = {
  text(e) {
    const d = e.detail;
    if (d?.phase !== 'importing') return null;
    const which = d.fileCount > 1 ? ` (${d.fileIndex + 1} of ${d.fileCount})` : '';
    const pct = percent(d.fileDone, d.fileSize);
    return `Importing ${d.name}${which}: ${pct}% (${mb(d.fileDone)} of ${mb(d.fileSize)} MB)`;
  },
  final: (e) => e.detail?.phase === 'importing' && e.detail.fileDone >= e.detail.fileSize,
  lineKey(e, forced) {
    const d = e.detail;
    if (!forced || d?.phase !== 'importing') return null;
    return `i${d.fileIndex}:${tenth(d.fileDone, d.fileSize)}`;
  },
};

/** check: records, exhibit files and log entries checked. */
export const checkWords: ProgressWords = {
  text: (e) => (e.detail?.phase === 'checking' ? `Checking: ${e.done} of ${e.total}` : null),
  final: (e) => e.done >= e.total,
  lineKey: (e, forced) => (forced && e.detail?.phase === 'checking' ? `c${tenth(e.done, e.total)}` : null),
};

/** export: the images scanned, the exhibits' bytes copied, then the documents. */
export const exportWords: ProgressWords = {
  text(e, inPlace) {
    const d = e.detail;
    if (!d) return null;
    let text: string;
    if (d.phase === 'exhibits') {
      text = `Exporting exhibits: ${percent(e.done, e.total)}% (${mb(e.done)} of ${mb(e.total)} MB) ${d.item}`;
    } else if (d.phase === 'scanning') text = `Looking for GPS positions in images: ${e.done} of ${e.total}`;
    else text = e.label;
    return inPlace ? oneLine(text).slice(0, 150) : oneLine(text);
  },
  final: (e) => e.done >= e.total,
  lineKey(e, forced) {
    // Not a terminal: a line each tenth of the way, for long exports (over 256 MB) or with --progress.
    if (e.detail?.phase !== 'exhibits' || !(forced || e.total > 256e6)) return null;
    return `x${tenth(e.done, e.total)}`;
  },
};
