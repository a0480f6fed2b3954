/** The CLI's one progress printer (electron/cli/progress.ts) over the service's progress events. */
import { describe, expect, test } from 'vitest';
import type { CliIO } from './io.js';
import { checkWords, exportWords, importWords, progressPrinter } from './progress.js';
import type { ProgressEvent } from './service.js';

function memoryIO(tty: boolean): CliIO & { err: string } {
  const io = {
    err: '',
    stdout: () => undefined,
    stderr: (t: string) => void (io.err += t),
    env: {},
    stdinIsTTY: false,
    stderrIsTTY: tty,
    readSecret: () => Promise.reject(new Error('no terminal in tests')),
    signal: new AbortController().signal,
  };
  return io;
}

const MB = 1_000_000;
function importing(fileIndex: number, fileCount: number, fileDone: number, fileSize: number): ProgressEvent {
  return {
    jobId: 'j',
    done: fileDone,
    total: fileSize * fileCount,
    label: 'Adding',
    detail: { phase: 'importing', fileIndex, fileCount, name: `f${fileIndex}.bin`, fileDone, fileSize },
  };
}

describe('progressPrinter', () => {
  test('not a terminal, with --progress: a line each tenth of each file (5% is still the first tenth), worded per file', () => {
    const io = memoryIO(false);
    const p = progressPrinter(io, true, importWords);
    for (const done of [0, 1, 5, 10, 15, 20]) p.on(importing(0, 2, done * MB, 20 * MB));
    p.on(importing(1, 2, 20 * MB, 20 * MB));
    expect(io.err.split('\n').filter(Boolean)).toEqual([
      'Importing f0.bin (1 of 2): 0% (0.0 of 20.0 MB)',
      'Importing f0.bin (1 of 2): 25% (5.0 of 20.0 MB)',
      'Importing f0.bin (1 of 2): 50% (10.0 of 20.0 MB)',
      'Importing f0.bin (1 of 2): 75% (15.0 of 20.0 MB)',
      'Importing f0.bin (1 of 2): 100% (20.0 of 20.0 MB)',
      'Importing f1.bin (2 of 2): 100% (20.0 of 20.0 MB)',
    ]);
  });

  test('not a terminal, without --progress: nothing for imports and checks; exports only when long', () => {
    const io = memoryIO(false);
    progressPrinter(io, false, importWords).on(importing(0, 1, MB, MB));
    progressPrinter(io, false, checkWords).on({
      jobId: 'j',
      done: 1,
      total: 1,
      label: '',
      detail: { phase: 'checking' },
    });
    const x = progressPrinter(io, false, exportWords);
    x.on({ jobId: 'j', done: MB, total: 2 * MB, label: '', detail: { phase: 'exhibits', item: 'AB/1 a.png' } });
    expect(io.err).toBe('');
    x.on({ jobId: 'j', done: 300 * MB, total: 300 * MB, label: '', detail: { phase: 'exhibits', item: 'AB/1 a.png' } });
    expect(io.err).toBe('Exporting exhibits: 100% (300.0 of 300.0 MB) AB/1 a.png\n');
  });

  test('a terminal: drawn in place, the end of a file always drawn, cleared by done(); events without detail ignored', () => {
    const io = memoryIO(true);
    const p = progressPrinter(io, false, importWords);
    p.on(importing(0, 1, 0, 10 * MB));
    p.on(importing(0, 1, 5 * MB, 10 * MB)); // within 100 ms: skipped
    p.on(importing(0, 1, 10 * MB, 10 * MB));
    p.on({ jobId: 'j', done: 1, total: 1, label: 'Done' });
    p.done();
    expect(io.err).toBe(
      '\r\u001b[2KImporting f0.bin: 0% (0.0 of 10.0 MB)\r\u001b[2KImporting f0.bin: 100% (10.0 of 10.0 MB)\r\u001b[2K',
    );
  });

  test('export words: images scanned, then the documents by their label', () => {
    const io = memoryIO(true);
    const p = progressPrinter(io, false, exportWords);
    p.on({ jobId: 'j', done: 3, total: 3, label: 'x', detail: { phase: 'scanning' } });
    p.on({ jobId: 'j', done: 1, total: 1, label: 'Writing the chronology', detail: { phase: 'documents' } });
    expect(io.err).toBe('\r\u001b[2KLooking for GPS positions in images: 3 of 3\r\u001b[2KWriting the chronology');
  });
});
