/**
 * Handlers for the case-pack channels of shared/ipc-pack.ts (export wizard, verify), merged into
 * the handler table of ./ipc.ts. Requests arrive already validated.
 *
 * Where packs go: a path the user chose in a native save dialog ('pack.chooseDestination' gives
 * the window a grant, never the path), or — in hosts without native dialogs (the browser host) —
 * the default exports folder beside the vault: "<vault's parent>/Evidence Vault exports/".
 * What can be verified: a folder or ZIP chosen in a native dialog, or a pack exported in this
 * session (by its pack id). The window never sees a path: receipts and errors carry names only.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { VaultError, isVaultError } from '../../shared/errors.js';
import type { PackReceipt } from '../../shared/ipc-pack.js';
import type { HandlerContext, PackHandlerTable } from './handlers.js';
import { exportPack, previewPack } from '../core/pack/exporter.js';
import { safeFileName } from '../core/pack/names.js';
import { verifyPack } from '../core/pack/verify.js';

/** Folder beside the vault where packs go when there is no save dialog. */
export const DEFAULT_EXPORTS_FOLDER = 'Evidence Vault exports';

/** Export jobs that 'pack.cancel' can stop (their jobs are also registered with the service, so a lock stops them). */
const running = new Map<string, AbortController>();
/** Packs exported in this process, by pack id: where they are (kept in the main process only). */
const exported = new Map<string, string>();

function job(ctx: HandlerContext, jobId: string): { signal: AbortSignal; end(): void } {
  const j = ctx.beginJob(jobId);
  const ac = new AbortController();
  const onAbort = (): void => ac.abort();
  j.signal.addEventListener('abort', onAbort);
  running.set(jobId, ac);
  return {
    signal: ac.signal,
    end: () => {
      j.signal.removeEventListener('abort', onAbort);
      running.delete(jobId);
      j.end();
    },
  };
}

/** Replace a path in an error message by its last part. */
function withoutPath(e: unknown, p: string): unknown {
  if (!isVaultError(e) || !e.message.includes(p)) return e;
  return new VaultError(e.code, e.message.split(p).join(path.basename(p)), { cause: e });
}

function defaultTarget(vaultDir: string, initials: string, zip: boolean): string {
  const folder = path.join(path.dirname(vaultDir), DEFAULT_EXPORTS_FOLDER);
  const day = new Date().toISOString().slice(0, 10);
  for (let n = 1; ; n++) {
    const base = `case-pack-${initials}-${day}${n > 1 ? `-${n}` : ''}`;
    const p = path.join(folder, zip ? `${base}.zip` : base);
    if (!existsSync(p) && !existsSync(`${p}.sha256`)) return p;
  }
}

/** The unlocked vault's signing key fingerprint (as in its packs), or null when no vault is unlocked. */
function thisVaultsFingerprint(ctx: HandlerContext): string | null {
  try {
    return createHash('sha256').update(ctx.vault().signingPublicKey()).digest('hex');
  } catch (e) {
    if (isVaultError(e) && e.code === 'VAULT_LOCKED') return null;
    throw e;
  }
}

export const packHandlers: PackHandlerTable = {
  'pack.preview': (req, ctx) => previewPack(ctx.vault(), req.selection),

  'pack.chooseDestination': async (req, ctx) => {
    const dialog = ctx.options.saveDialog;
    if (!dialog) return null;
    const zip = req.format === 'zip';
    const base = safeFileName(req.suggestedName || 'case-pack');
    const chosen = await dialog({
      title: zip ? 'Save the case pack (ZIP)' : 'Save the case pack as a new folder',
      defaultName: zip && !/\.zip$/i.test(base) ? `${base}.zip` : base,
      filters: zip ? [{ name: 'ZIP file', extensions: ['zip'] }] : undefined,
    });
    if (!chosen) return null;
    const target = zip && !/\.zip$/i.test(chosen) ? `${chosen}.zip` : chosen;
    const g = await ctx.grantPath(target, { mustExist: false });
    return { grantId: g.grantId, name: g.name };
  },

  'pack.chooseToVerify': async (req, ctx) => {
    if (req.format === 'folder') {
      const dir = ctx.options.chooseFolderDialog
        ? await ctx.options.chooseFolderDialog({ title: 'Choose the case pack folder' })
        : null;
      if (!dir) return null;
      const g = await ctx.grantPath(dir, { mustExist: false });
      return { grantId: g.grantId, name: g.name };
    }
    const files = ctx.options.openFileDialog ? await ctx.options.openFileDialog() : [];
    const first = files[0];
    if (!first) return null;
    const g = await ctx.grantPath(first);
    return { grantId: g.grantId, name: g.name };
  },

  'pack.export': async (req, ctx) => {
    const vault = ctx.vault();
    const zip = req.options.format === 'zip';
    const viaDialog = req.destination.kind === 'grant';
    const out =
      req.destination.kind === 'grant'
        ? ctx.resolveGrant(req.destination.grantId).path
        : defaultTarget(vault.dir, req.options.initials, zip);
    if (zip && !/\.zip$/i.test(out))
      throw new VaultError('INVALID_INPUT', 'A ZIP case pack needs a file name ending in .zip.');
    const j = job(ctx, req.jobId);
    let receipt: PackReceipt;
    try {
      ctx.progress(req.jobId, 0, 1, 'Preparing the case pack');
      receipt = await exportPack(vault, {
        ...req.options,
        out,
        signal: j.signal,
        onProgress: (p) =>
          p.phase === 'exhibits'
            ? ctx.progress(req.jobId, p.done, p.total, `Copying exhibits: ${p.label}`)
            : ctx.progress(req.jobId, 0, 1, p.label),
      });
      ctx.emit('progress', { jobId: req.jobId, done: 1, total: 1, label: 'Done' });
    } catch (e) {
      throw withoutPath(e, out);
    } finally {
      j.end();
    }
    exported.set(receipt.packId, out);
    const name = path.basename(out);
    return { ...receipt, location: viaDialog ? name : `${DEFAULT_EXPORTS_FOLDER}/${name}` };
  },

  'pack.cancel': (req) => {
    running.get(req.jobId)?.abort();
    return null;
  },

  'pack.verify': async (req, ctx) => {
    let where: string;
    if (req.pack.kind === 'grant') where = ctx.resolveGrant(req.pack.grantId).path;
    else {
      const p = exported.get(req.pack.packId);
      if (!p) throw new VaultError('NOT_FOUND', `Case pack ${req.pack.packId} was not exported in this session.`);
      where = p;
    }
    const jobId = req.jobId;
    const j = jobId ? job(ctx, jobId) : null;
    try {
      const report = await verifyPack(where, {
        signal: j?.signal,
        onProgress: jobId ? (done, total, file) => ctx.progress(jobId, done, total, `Checking ${file}`) : undefined,
      });
      const mine = thisVaultsFingerprint(ctx);
      return {
        ...report,
        location: path.basename(where),
        ...(mine ? { signingKeyIsThisVault: report.signingKeyFingerprint === mine } : {}),
      };
    } catch (e) {
      throw withoutPath(e, where);
    } finally {
      j?.end();
    }
  },
};
