/**
 * Progress on stderr for long imports and checks: drawn in place when stderr is a terminal,
 * or as plain lines (each tenth of the way) with --progress when it is not.
 */
import type { ImportProgress } from '../core/api.js';
import type { CliIO } from './io.js';

const MB = 1_000_000;

function mb(bytes: number): string {
  return (bytes / MB).toFixed(1);
}

export interface ProgressReporter {
  onImport(p: ImportProgress): void;
  onCheck(done: number, total: number): void;
  /** Clear the in-place line (if any). Call before printing anything else. */
  done(): void;
}

const SILENT: ProgressReporter = { onImport: () => {}, onCheck: () => {}, done: () => {} };

export function progressReporter(io: CliIO, forced: boolean): ProgressReporter {
  if (io.stderrIsTTY) return ttyReporter(io);
  if (forced) return lineReporter(io);
  return SILENT;
}

function importText(p: ImportProgress, pct: number): string {
  const which = p.fileCount > 1 ? ` (${p.fileIndex + 1} of ${p.fileCount})` : '';
  return `Importing ${p.name}${which}: ${pct}% (${mb(p.bytesDone)} of ${mb(p.bytesTotal)} MB)`;
}

function percent(done: number, total: number): number {
  return total > 0 ? Math.min(100, Math.floor((done * 100) / total)) : 100;
}

function ttyReporter(io: CliIO): ProgressReporter {
  let last = 0;
  let drawn = false;
  const draw = (text: string, force: boolean) => {
    const now = Date.now();
    if (!force && now - last < 100) return;
    last = now;
    drawn = true;
    io.stderr(`\r\u001b[2K${text}`);
  };
  return {
    onImport: (p) => {
      const pct = percent(p.bytesDone, p.bytesTotal);
      draw(importText(p, pct), pct === 100);
    },
    onCheck: (done, total) => draw(`Checking: ${done} of ${total}`, done === total),
    done: () => {
      if (drawn) io.stderr('\r\u001b[2K');
      drawn = false;
    },
  };
}

function lineReporter(io: CliIO): ProgressReporter {
  let lastKey = '';
  const emit = (key: string, text: string) => {
    if (key === lastKey) return;
    lastKey = key;
    io.stderr(`${text}\n`);
  };
  return {
    onImport: (p) => {
      const pct = percent(p.bytesDone, p.bytesTotal);
      const tenth = Math.floor(pct / 10) * 10;
      emit(`i${p.fileIndex}:${tenth}`, importText(p, pct));
    },
    onCheck: (done, total) => {
      const tenth = Math.floor(percent(done, total) / 10) * 10;
      emit(`c${tenth}`, `Checking: ${done} of ${total}`);
    },
    done: () => {},
  };
}
