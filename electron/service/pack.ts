/**
 * The case-pack channels of shared/ipc-pack.ts (export wizard, verify). Requests arrive already
 * validated: the exporter gets the options as the schema produced them and does not check again.
 *
 * Where packs go: a path the host granted (the desktop's save dialog, 'pack.chooseDestination',
 * or the CLI's --out), or — in hosts without native dialogs (the browser host) — the default
 * exports folder beside the vault: "<vault's parent>/Evidence Vault exports/".
 * What can be verified: a folder or ZIP the host granted, or a pack exported in this session (by
 * its pack id). The window never sees a path: receipts carry names, and the service's dispatch
 * takes every path it knows (the vault's, grants', exported packs') out of error messages.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { VaultError, isVaultError } from '../../shared/errors.js';
import type { ProgressDetail } from '../../shared/ipc.js';
import { DEFAULT_EXPORTS_FOLDER, packName, type PackReceipt } from '../../shared/ipc-pack.js';
import type { ChannelsOf, HandlerContext, HandlerTable } from './context.js';
import type { PackProgress } from '../core/pack/exporter.js';
import { safeFileName } from '../core/pack/names.js';
import { verifyPack } from '../core/pack/verify.js';

/**
 * The exporter (and with it pdfkit, fonts and image metadata) is loaded on first use: a command
 * or a window that never makes a pack does not pay for loading it.
 */
const exporter = (): Promise<typeof import('../core/pack/exporter.js')> => import('../core/pack/exporter.js');

export { DEFAULT_EXPORTS_FOLDER };

function defaultTarget(vaultDir: string, initials: string, zip: boolean): string {
  const folder = path.join(path.dirname(vaultDir), DEFAULT_EXPORTS_FOLDER);
  const day = new Date().toISOString().slice(0, 10);
  for (let n = 1; ; n++) {
    const p = path.join(folder, packName(initials, day, { n, zip }));
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

/** The exporter's progress as the service's progress events: one meaning for every host. */
function exportProgress(p: PackProgress): [done: number, total: number, label: string, detail: PackDetail] {
  switch (p.phase) {
    case 'exhibits':
      return [p.done, p.total, `Copying exhibits: ${p.label}`, { phase: 'exhibits', item: p.label }];
    case 'scanning':
      return [p.done, p.total, p.label, { phase: 'scanning' }];
    default:
      return [0, 1, p.label, { phase: p.phase }];
  }
}
type PackDetail = Extract<ProgressDetail, { phase: PackProgress['phase'] }>;

export const packHandlers: HandlerTable<ChannelsOf<'pack'>> = {
  'pack.preview': async (req, ctx) => (await exporter()).previewPack(ctx.vault(), req.selection, ctx.imageFacts),

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
    const { exportCasePack, producerInitials } = await exporter();
    const vault = ctx.vault();
    const zip = req.options.format === 'zip';
    const viaGrant = req.destination.kind === 'grant';
    let out: string;
    if (req.destination.kind === 'grant') out = ctx.resolveGrant(req.destination.grantId).path;
    else {
      out = defaultTarget(vault.dir, producerInitials(req.options.initials, vault.getSettings()), zip);
      ctx.session.hidePath(out);
    }
    if (zip && !/\.zip$/i.test(out)) {
      throw new VaultError('INVALID_INPUT', 'A ZIP case pack needs a file name ending in .zip.');
    }
    const job = ctx.beginJob(req.jobId);
    let receipt: PackReceipt;
    try {
      ctx.progress(req.jobId, 0, 1, 'Preparing the case pack');
      receipt = await exportCasePack(vault, req.options, {
        out,
        signal: job.signal,
        imageFacts: ctx.imageFacts,
        onProgress: (p) => ctx.progress(req.jobId, ...exportProgress(p)),
      });
      ctx.emit('progress', { jobId: req.jobId, done: 1, total: 1, label: 'Done' });
    } finally {
      job.end();
    }
    ctx.exported.set(receipt.packId, out);
    const name = path.basename(out);
    return { ...receipt, location: viaGrant ? name : `${DEFAULT_EXPORTS_FOLDER}/${name}` };
  },

  'pack.exportEmail': async (req, ctx) => {
    // E-mail mode (../core/pack/bundle/email-pdf.ts): one PDF at the granted path.
    const { exportEmailPdf } = await import('../core/pack/bundle/email-pdf.js');
    const { SOFTWARE } = await exporter();
    const out = ctx.resolveGrant(req.destination.grantId).path;
    const job = ctx.beginJob(req.jobId);
    try {
      ctx.progress(req.jobId, 0, 1, 'Preparing the e-mail PDF');
      const receipt = await exportEmailPdf(ctx.vault(), req.options, {
        out,
        maxMb: req.maxMb,
        signal: job.signal,
        imageFacts: ctx.imageFacts,
        software: SOFTWARE,
        onProgress: (done, total, label) => ctx.progress(req.jobId, done, total, label, { phase: 'documents' }),
      });
      ctx.emit('progress', { jobId: req.jobId, done: 1, total: 1, label: 'Done' });
      return receipt;
    } finally {
      job.end();
    }
  },

  'pack.cancel': (req, ctx) => {
    ctx.cancelJob(req.jobId);
    return null;
  },

  'pack.verify': async (req, ctx) => {
    let where: string;
    if (req.pack.kind === 'grant') where = ctx.resolveGrant(req.pack.grantId).path;
    else {
      const p = ctx.exported.get(req.pack.packId);
      if (!p) throw new VaultError('NOT_FOUND', `Case pack ${req.pack.packId} was not exported in this session.`);
      where = p;
    }
    const jobId = req.jobId;
    const job = jobId ? ctx.beginJob(jobId) : null;
    try {
      const report = await verifyPack(where, {
        signal: job?.signal,
        onProgress: jobId ? (done, total, file) => ctx.progress(jobId, done, total, `Checking ${file}`) : undefined,
      });
      const mine = thisVaultsFingerprint(ctx);
      return {
        ...report,
        location: path.basename(where),
        ...(mine ? { signingKeyIsThisVault: report.signingKeyFingerprint === mine } : {}),
      };
    } finally {
      job?.end();
    }
  },
};
