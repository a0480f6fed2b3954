/**
 * Handlers for the case-pack channels of shared/ipc-pack.ts (export wizard, verify), merged into
 * the handler table of ./ipc.ts. Owned by the case-pack work: add one handler per channel there.
 * Requests arrive already validated; use ctx.vault(), ctx.beginJob(jobId) / ctx.progress(...) for
 * cancellable jobs with progress, ctx.resolveGrant(grantId) for files the user chose, and
 * ctx.options.saveDialog / chooseFolderDialog (Electron) to ask where to save.
 */
import type { PackHandlerTable } from './ipc.js';

/** Partial while the case-pack handlers are written; a channel without a handler answers INTERNAL. */
export const packHandlers: Partial<PackHandlerTable> = {};
