/**
 * The exhibit channels: the native open dialog, import (from grants or bytes), cancel, read,
 * get, provenance (update, history), physical items, delete; and runImport, the one place an import gets its options (progress, cancel) for every
 * host, used by 'incidents.create' with exhibits too.
 */
import { Readable } from 'node:stream';
import { VaultError } from '../../shared/errors.js';
import type { FileGrant } from '../../shared/ipc.js';
import type { Exhibit } from '../../shared/model.js';
import type { ImportOptions, ImportProgress } from '../core/api.js';
import { invalid, type ChannelsOf, type HandlerContext, type HandlerTable } from './context.js';

/**
 * Run an import as a job: progress in bytes of the whole batch (with the file in progress in
 * its detail), cancelled by its job id or a lock; a cancelled import is CANCELLED and adds nothing.
 */
export async function runImport<T>(
  ctx: HandlerContext,
  jobId: string,
  files: readonly { size: number }[],
  run: (options: ImportOptions) => Promise<T>,
): Promise<T> {
  const sizes = files.map((f) => f.size);
  const total = sizes.reduce((a, b) => a + b, 0);
  // Several files are written at once and finish in any order: the batch's bytes done are the sum
  // of each file's latest report.
  const doneEach = sizes.map(() => 0);
  let doneSum = 0;
  const job = ctx.beginJob(jobId);
  const onProgress = (p: ImportProgress): void => {
    const was = doneEach[p.fileIndex];
    if (was !== undefined && p.bytesDone > was) {
      doneEach[p.fileIndex] = p.bytesDone;
      doneSum += p.bytesDone - was;
    }
    const done = Math.min(total, doneSum);
    ctx.progress(jobId, done, total, `Adding ${p.name} (${p.fileIndex + 1} of ${p.fileCount})`, {
      phase: 'importing',
      fileIndex: p.fileIndex,
      fileCount: p.fileCount,
      name: p.name,
      fileDone: p.bytesDone,
      fileSize: p.bytesTotal,
    });
  };
  try {
    ctx.progress(jobId, 0, total, 'Adding files');
    // What the files say is read once the import has returned (the user waits for the import only); the
    // window hears when it is written.
    const onRead = (read: Exhibit[]): void => {
      const byIncident = new Map<string, string[]>();
      for (const e of read) byIncident.set(e.incidentId, [...(byIncident.get(e.incidentId) ?? []), e.id]);
      for (const [incidentId, exhibitIds] of byIncident) ctx.emit('exhibitsRead', { incidentId, exhibitIds });
    };
    const result = await run({ onProgress, signal: job.signal, extract: 'after', onRead });
    ctx.emit('progress', { jobId, done: total, total, label: 'Done' });
    return result;
  } catch (e) {
    if (job.signal.aborted && !(e instanceof VaultError && e.code !== 'INTERNAL')) {
      throw new VaultError('CANCELLED', 'Adding the files was cancelled. Nothing was added.');
    }
    throw e;
  } finally {
    job.end();
  }
}

export const exhibitHandlers: HandlerTable<ChannelsOf<'exhibits'> | 'dialog.openFiles'> = {
  'dialog.openFiles': async (_req, ctx) => {
    const dialog = ctx.options.openFileDialog;
    if (!dialog) {
      throw invalid('This window cannot open file dialogs. Choose or drop the files in the window instead.');
    }
    const paths = await dialog();
    const out: FileGrant[] = [];
    for (const p of paths) out.push(await ctx.grantPath(p));
    return out;
  },
  'exhibits.import': (req, ctx) => {
    const v = ctx.vault();
    const grantSources = req.sources.filter((s) => s.kind === 'grant');
    const byteSources = req.sources.filter((s) => s.kind === 'bytes');
    if (grantSources.length > 0 && byteSources.length > 0) {
      throw invalid('Add chosen files and pasted files separately.');
    }
    if (grantSources.length > 0) {
      const files = grantSources.map((s) => ctx.resolveGrant(s.grantId));
      return runImport(ctx, req.jobId, files, (options) =>
        v.importExhibits(
          req.incidentId,
          files.map((g) => g.path),
          { ...options, allowDuplicates: req.allowDuplicates === true },
        ),
      );
    }
    const files = byteSources.map((s) => ({ size: s.data.byteLength }));
    return runImport(ctx, req.jobId, files, (options) =>
      v.importExhibitStreams(
        req.incidentId,
        byteSources.map((s) => ({
          name: s.name,
          modifiedAt: s.lastModified === undefined ? undefined : new Date(s.lastModified).toISOString(),
          stream: Readable.from([Buffer.from(s.data.buffer, s.data.byteOffset, s.data.byteLength)]),
        })),
        { ...options, allowDuplicates: req.allowDuplicates === true },
      ),
    );
  },
  'exhibits.cancel': (req, ctx) => {
    ctx.cancelJob(req.jobId);
    return null;
  },
  'exhibits.read': (req, ctx) => ctx.vault().readExhibit(req.id),
  // Provenance and physical items (issue 13).
  'exhibits.get': (req, ctx) => ctx.vault().getExhibit(req.id),
  'exhibits.history': (req, ctx) => ctx.vault().exhibitDetailsHistory(req.id),
  'exhibits.update': (req, ctx) => ctx.vault().updateExhibitDetails(req.id, req.details, req.physical),
  'exhibits.addPhysical': (req, ctx) =>
    ctx.vault().addPhysicalExhibit(req.incidentId, req.name, req.details, req.physical),
  'exhibits.delete': (req, ctx) => {
    ctx.vault().deleteExhibit(req.id, req.reason);
    return null;
  },
};
