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
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VaultError, isVaultError } from '../../shared/errors.js';
import type { ProgressDetail } from '../../shared/ipc.js';
import {
  DEFAULT_EXPORTS_FOLDER,
  MAX_PACK_UPLOAD_BYTES,
  packName,
  type PackFormat,
  type PackReceipt,
} from '../../shared/ipc-pack.js';
import type { ChannelsOf, HandlerContext, HandlerTable } from './context.js';
import type { PackProgress } from '../core/pack/exporter.js';
import { safeFileName } from '../core/pack/names.js';
import { verifyPack } from '../core/pack/verify.js';
import { copyPackInto, writeUploadedPack } from './pack-copy.js';

/**
 * The exporter (and with it pdfkit, fonts and image metadata) is loaded on first use: a command
 * or a window that never makes a pack does not pay for loading it.
 */
const exporter = (): Promise<typeof import('../core/pack/exporter.js')> => import('../core/pack/exporter.js');

export { DEFAULT_EXPORTS_FOLDER };

const keyCard = async (): Promise<
  typeof import('../core/pack/key-card.js') & typeof import('../core/pack/sshsig.js')
> => ({
  ...(await import('../core/pack/key-card.js')),
  ...(await import('../core/pack/sshsig.js')),
});

/** Write a new file (never over one), its folder made if missing; write errors in plain words. */
async function saveNew(out: string, bytes: Buffer): Promise<void> {
  try {
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, bytes, { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new VaultError('OUTPUT_EXISTS', `${out} already exists: choose a new file name.`);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      throw new VaultError(
        'FILE_UNREADABLE',
        `Cannot write the key card to ${out}: permission denied. Choose another folder.`,
        { cause: e },
      );
    throw e;
  }
}

/**
 * Where a pack goes without a save dialog: "<vault's parent>/Evidence Vault exports/" itself for
 * 'both' (its folder and ZIP are named by the pack id), else a new name there ("-portal" for parts).
 */
function defaultTarget(vaultDir: string, initials: string, format: PackFormat): string {
  const folder = path.join(path.dirname(vaultDir), DEFAULT_EXPORTS_FOLDER);
  if (format === 'both') return folder;
  const day = new Date().toISOString().slice(0, 10);
  for (let n = 1; ; n++) {
    const p = path.join(
      folder,
      packName(initials, day, { n, zip: format === 'zip' }) + (format === 'portal' ? '-portal' : ''),
    );
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
    if (req.format === 'both' || req.format === 'portal') {
      // A folder to put them in: the folder and ZIP named by the pack id, or the parts.
      const folderDialog = ctx.options.chooseFolderDialog;
      if (!folderDialog) return null;
      const dir = await folderDialog({
        title:
          req.format === 'both'
            ? 'Choose the folder to save the case pack (folder and ZIP) in'
            : 'Choose a new or empty folder for the portal parts',
      });
      if (!dir) return null;
      const g = await ctx.grantPath(dir, { mustExist: false });
      return { grantId: g.grantId, name: g.name };
    }
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
    const files = ctx.options.openFileDialog
      ? await ctx.options.openFileDialog({
          title: 'Choose the case pack’s ZIP file to check',
          buttonLabel: 'Check',
          filters: [{ name: 'ZIP file', extensions: ['zip'] }],
          single: true,
        })
      : [];
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
      out = defaultTarget(vault.dir, producerInitials(req.options.initials, vault.getSettings()), req.options.format);
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
    ctx.exported.set(receipt.packId, receipt.location);
    const name = receipt.name;
    const shownLocation =
      req.options.format === 'both'
        ? viaGrant
          ? `${path.basename(out)}/${name}`
          : `${DEFAULT_EXPORTS_FOLDER}/${name}`
        : viaGrant
          ? name
          : `${DEFAULT_EXPORTS_FOLDER}/${name}`;
    return { ...receipt, location: shownLocation };
  },

  'pack.keyCard': async (req, ctx) => {
    const { fingerprintQr, keyCardPdf, keyFingerprint, sshFingerprint } = await keyCard();
    const vault = ctx.vault();
    const pub = vault.signingPublicKey();
    const settings = vault.getSettings();
    const pdf = await keyCardPdf({
      publicKey: pub,
      producerName: settings.producerName,
      producerRole: settings.producerRole,
    });
    let savedAs: string | null = null;
    if (req.destination) {
      let out: string;
      if (req.destination.kind === 'grant') out = ctx.resolveGrant(req.destination.grantId).path;
      else {
        const folder = path.join(path.dirname(vault.dir), DEFAULT_EXPORTS_FOLDER);
        const day = new Date().toISOString().slice(0, 10);
        out = path.join(folder, `key-card-${day}.pdf`);
        for (let n = 2; existsSync(out); n++) out = path.join(folder, `key-card-${day}-${n}.pdf`);
        ctx.session.hidePath(out);
      }
      await saveNew(out, pdf);
      savedAs =
        req.destination.kind === 'grant' ? path.basename(out) : `${DEFAULT_EXPORTS_FOLDER}/${path.basename(out)}`;
    }
    return {
      fingerprint: keyFingerprint(pub),
      sshFingerprint: sshFingerprint(pub),
      pdfBase64: pdf.toString('base64'),
      qr: fingerprintQr(keyFingerprint(pub)),
      savedAs,
    };
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

  // Needs no vault: the start screen's "Check a case pack" sends it while locked.
  'pack.verify': async (req, ctx) => {
    let where: string;
    let uploaded: { where: string; cleanup(): Promise<void> } | null = null;
    if (req.pack.kind === 'grant') where = ctx.resolveGrant(req.pack.grantId).path;
    else if (req.pack.kind === 'upload') {
      uploaded = await writeUploadedPack(req.pack.files);
      ctx.session.hidePath(uploaded.where);
      where = uploaded.where;
    } else where = exportedPack(ctx, req.pack.packId);
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
      await uploaded?.cleanup();
    }
  },

  'pack.showInFolder': async (req, ctx) => {
    const where = exportedPack(ctx, req.packId);
    const show = ctx.options.showInFolder;
    if (!show) return { shown: false };
    await show(where);
    return { shown: true };
  },

  'pack.copyToFolder': async (req, ctx) => {
    const src = exportedPack(ctx, req.packId);
    const choose = ctx.options.chooseFolderDialog;
    if (!choose) {
      throw new VaultError(
        'INVALID_INPUT',
        'This version of Evidence Vault cannot choose a folder: save a copy instead.',
      );
    }
    const dir = await choose({ title: 'Choose the USB stick (or a folder on it) to copy the case pack to' });
    if (!dir) return null;
    ctx.session.hidePath(dir);
    const copy = await copyPackInto(src, dir);
    ctx.session.hidePath(copy);
    const jobId = req.jobId;
    const job = jobId ? ctx.beginJob(jobId) : null;
    try {
      const report = await verifyPack(copy, {
        signal: job?.signal,
        onProgress: jobId ? (done, total, file) => ctx.progress(jobId, done, total, `Checking ${file}`) : undefined,
      });
      const name = path.basename(copy);
      return { name, location: `${path.basename(dir) || dir}/${name}`, checked: true, problems: report.problems };
    } finally {
      job?.end();
    }
  },

  'pack.download': async (req, ctx) => {
    const src = exportedPack(ctx, req.packId);
    if (!/\.zip$/i.test(src)) {
      throw new VaultError(
        'INVALID_INPUT',
        'Only a ZIP case pack can be saved from here: make the pack as one ZIP file.',
      );
    }
    const size = (await stat(src)).size;
    if (size > MAX_PACK_UPLOAD_BYTES) {
      throw new VaultError(
        'INVALID_INPUT',
        `This case pack is too large to save from the browser (256 MiB at most): copy it from the “${DEFAULT_EXPORTS_FOLDER}” folder instead.`,
      );
    }
    return { name: path.basename(src), data: new Uint8Array(await readFile(src)) };
  },
};

/** Where a pack this session exported is; NOT_FOUND when it was not made in this session. */
function exportedPack(ctx: HandlerContext, packId: string): string {
  const p = ctx.exported.get(packId);
  if (!p) throw new VaultError('NOT_FOUND', `Case pack ${packId} was not exported in this session.`);
  return p;
}
