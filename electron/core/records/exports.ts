/**
 * Case packs being written: a pack holds readable copies of the evidence, so while one is made
 * (under a hidden temporary name beside its final name, see ../pack/sink.ts) the vault keeps an
 * encrypted 'export-in-progress' record naming the temporary paths. It is written before the first
 * byte and removed once the pack is renamed into place or its temporary files are gone. A process
 * killed meanwhile leaves the record: the next open removes exactly those paths (nothing else, and
 * only names of the temporary form) and says so.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { randomId } from '../crypto/index.js';
import type { RecordStore } from '../store/store.js';
import { now } from '../store/store.js';

interface ExportInProgressBody {
  startedAt: string;
  /** Absolute paths of the pack's temporary folder or ZIP (and its .sha256 file's temporary name). */
  paths: string[];
}

/** The temporary names the pack sink gives: `.NAME.partial-8hex` beside the final NAME. */
const PARTIAL_NAME = /^\..+\.partial-[0-9a-f]{8}$/;

/** Records the temporary paths of an export about to start; returns the record's id for endExport(). */
export function beginExport(store: RecordStore, paths: string[]): string {
  const id = randomId();
  const body: ExportInProgressBody = { startedAt: now(), paths: paths.map((p) => path.resolve(p)) };
  store.transact(() => store.put(id, 'export-in-progress', body));
  return id;
}

/** The export has finished or cleaned up after itself: its record goes. */
export function endExport(store: RecordStore, id: string): void {
  if (store.find(id, 'export-in-progress') === undefined) return;
  store.transact(() => store.remove(id));
}

/** True when something is at p (a symbolic link counts, and is removed as a link). */
async function present(p: string): Promise<boolean> {
  return (await fsp.lstat(p).catch(() => null)) !== null;
}

/**
 * Removes what exports stopped by a kill (or a crash) left: exactly the temporary paths their
 * records name. One plain line per export that left something; a path that cannot be removed
 * keeps its record, to be tried again on the next open. Never throws.
 */
export async function removeLeftExports(store: RecordStore): Promise<string[]> {
  const notes: string[] = [];
  for (const [id, body] of store.all<ExportInProgressBody>('export-in-progress')) {
    if (typeof body !== 'object' || body === null) continue;
    const paths = Array.isArray(body.paths) ? body.paths.filter((p) => typeof p === 'string') : [];
    const removed: string[] = [];
    const kept: string[] = [];
    for (const p of paths) {
      // Only absolute paths of the sink's temporary form: a damaged or odd record removes nothing.
      if (!path.isAbsolute(p) || !PARTIAL_NAME.test(path.basename(p)) || !(await present(p))) continue;
      try {
        await fsp.rm(p, { recursive: true, force: true });
        removed.push(p);
      } catch {
        kept.push(p);
      }
    }
    if (removed.length > 0) {
      notes.push(
        `Removed an unfinished case pack left by an export that was stopped: ${removed.join(', ')} (it held readable copies of the evidence).`,
      );
    }
    if (kept.length > 0) {
      notes.push(
        `An export that was stopped left an unfinished case pack that could not be removed: delete ${kept.join(', ')} yourself (it holds readable copies of the evidence).`,
      );
      continue;
    }
    try {
      endExport(store, id);
    } catch {
      /* a read-only or full disk: the record stays and the next open tries again */
    }
  }
  return notes;
}
