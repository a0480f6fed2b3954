/**
 * `evidence-vault export DIR --out PATH …`: write a case pack (BagIt folder or ZIP) through the
 * service's 'pack.export', the wizard's channel: --out is granted as the desktop grants its save
 * dialog's answer. Its options (initials from the settings when not given, the date range) are
 * the service's rules.
 */
import path from 'node:path';
import type { RequestOf } from '../../shared/ipc.js';
import { isCategoryId, parseOccurredAt, ID_PATTERN, type CategoryId } from '../../shared/model.js';
import { InitialsSchema, type PackSelection } from '../../shared/ipc-pack.js';
import { selectionProblem } from '../../shared/selection.js';
import { EXIT, fail, parseCommandArgs, type CliIO } from './io.js';
import { shown } from './output.js';
import { exportWords, progressPrinter } from './progress.js';
import { withVault } from './service.js';

export const exportHelp = `Usage: evidence-vault export DIR --out PATH [options]
       evidence-vault export DIR --email [--max-mb N] --out FILE.pdf [options]

Export a case pack for the police or CPS: a BagIt 1.0 bag with SHA-256 manifests, the
chronology as PDF, CSV and JSON, the exhibits' original files (and each drawn for reading in
exhibit-bundle.pdf), the custody log, an offline viewer and an Ed25519 signature. Written under a
temporary name and renamed when complete; if the export is stopped, the next command on the vault
removes what it left (and says so).

Options:
  --out PATH                 the pack's folder (new or empty), or its .zip file with --zip
  --initials AB              your initials for exhibit references AB/1, AB/2, ... (default: settings)
  --zip                      write one ZIP file; prints "Pack SHA-256: <hex>" and writes PATH.sha256
  --email                    write one PDF to attach to an e-mail instead: the chronology, every
                             original's SHA-256 and the exhibits drawn in, under --max-mb (no
                             original files, no HTML, no script; pictures made smaller to fit)
  --max-mb N                 with --email, the PDF's largest size in megabytes (default 10, 1 to 100)
  --from DATE, --to DATE     only incidents on or after / on or before this date (YYYY-MM-DD)
  --category ID              only incidents with this category (repeatable)
  --person ID                only incidents with this person as perpetrator or witness (repeatable)
  --incident ID              only these incidents (repeatable)
  --leave-out-notes          leave every incident's notes out
  --leave-out-private        leave out fields and people marked private
  --exclude-gps-exhibits     leave out images whose metadata holds a GPS position
  --exclude-exhibit ID       leave this exhibit out (repeatable)
  --skip-damaged             leave out (and record) exhibits whose stored copy fails its hash,
                             instead of stopping
  --description TEXT         a description for bag-info.txt
  --progress                 show progress on stderr even when it is not a terminal
  -h, --help                 show this help

Exit codes: 0 written; 1 an exhibit is damaged; 2 usage; 3 vault; 4 output exists; 5 disk full;
130 interrupted (nothing kept).
`;

function dateArg(name: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  try {
    const at = parseOccurredAt(v);
    if (at.time) fail(`export: ${name} takes a date without a time (YYYY-MM-DD), not "${v}"`);
    return at.date;
  } catch (e) {
    if (e instanceof RangeError) fail(`export: ${name}: ${e.message}`);
    throw e;
  }
}

function idsArg(name: string, values: string[] | undefined): string[] | undefined {
  if (!values || values.length === 0) return undefined;
  for (const v of values)
    if (!ID_PATTERN.test(v)) fail(`export: ${name} "${v}" is not a record id (32 hex characters)`);
  return values;
}

export async function runExport(args: string[], io: CliIO): Promise<number> {
  const { values, positionals, help } = parseCommandArgs(
    'export',
    args,
    {
      out: { type: 'string' },
      initials: { type: 'string' },
      zip: { type: 'boolean' },
      email: { type: 'boolean' },
      'max-mb': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      category: { type: 'string', multiple: true },
      person: { type: 'string', multiple: true },
      incident: { type: 'string', multiple: true },
      'leave-out-notes': { type: 'boolean' },
      'leave-out-private': { type: 'boolean' },
      'exclude-gps-exhibits': { type: 'boolean' },
      'exclude-exhibit': { type: 'string', multiple: true },
      'skip-damaged': { type: 'boolean' },
      description: { type: 'string' },
      progress: { type: 'boolean' },
    },
    { min: 1, max: 1, names: 'DIR' },
  );
  if (help) {
    io.stdout(exportHelp);
    return EXIT.OK;
  }
  const out = values.out;
  if (!out) fail('export: --out PATH is needed: where to write the case pack');
  const zip = values.zip === true;
  const email = values.email === true;
  if (zip && email) fail('export: choose --zip or --email, not both');
  if (zip && !/\.zip$/i.test(out)) fail(`export: with --zip, --out must end in .zip (got "${out}")`);
  if (email && !/\.pdf$/i.test(out)) fail(`export: with --email, --out must end in .pdf (got "${out}")`);
  if (values['max-mb'] !== undefined && !email) fail('export: --max-mb goes with --email');
  const maxMb = values['max-mb'] === undefined ? 10 : Number(values['max-mb']);
  if (!Number.isFinite(maxMb) || maxMb < 1 || maxMb > 100) {
    fail(`export: --max-mb "${values['max-mb'] ?? ''}": give a size in megabytes from 1 to 100, e.g. --max-mb 10`);
  }
  const categories: CategoryId[] = [];
  for (const c of values.category ?? []) {
    if (!isCategoryId(c)) fail(`export: unknown category "${c}"`);
    categories.push(c);
  }
  const selection: PackSelection = {
    from: dateArg('--from', values.from),
    to: dateArg('--to', values.to),
    categories: categories.length ? categories : undefined,
    personIds: idsArg('--person', values.person),
    incidentIds: idsArg('--incident', values.incident),
  };
  // The rule is the pack's own (shared/selection.ts); the CLI only words it in its flags.
  if (selectionProblem(selection)) fail(`export: --from ${selection.from} is after --to ${selection.to}`);
  if (values.initials !== undefined && !InitialsSchema.safeParse(values.initials).success) {
    fail(`export: --initials "${values.initials}": initials are 1 to 5 letters, e.g. AB`);
  }
  const options: RequestOf<'pack.export'>['options'] = {
    initials: values.initials,
    format: zip ? 'zip' : 'folder',
    selection,
    omitNotes: values['leave-out-notes'] === true,
    omitPrivate: values['leave-out-private'] === true,
    excludeGpsExhibits: values['exclude-gps-exhibits'] === true,
    excludeExhibitIds: idsArg('--exclude-exhibit', values['exclude-exhibit']) ?? [],
    skipDamaged: values['skip-damaged'] === true,
    description: values.description,
  };

  return withVault(positionals[0] ?? '', io, async (vault) => {
    if (values.initials === undefined) {
      // The service takes them from the settings; say which flag gives them when there are none.
      const { producerInitials } = await vault.call('settings.get', {});
      if (!InitialsSchema.safeParse(producerInitials).success) {
        fail('export: give your initials with --initials AB (used for exhibit references AB/1, AB/2, ...)');
      }
    }
    const destination = await vault.grant(out, { mustExist: false });
    const progress = progressPrinter(io, values.progress === true, exportWords);
    if (email) {
      let made;
      try {
        made = await vault.job(progress.on, (jobId) =>
          vault.call('pack.exportEmail', {
            jobId,
            options,
            maxMb,
            destination: { kind: 'grant', grantId: destination.grantId },
          }),
        );
      } finally {
        progress.done();
      }
      for (const l of made.leftOut) {
        io.stderr(
          `note: exhibit ${l.ref} "${shown(l.name)}" is not drawn in the e-mail PDF: ${l.reason} (its SHA-256 is listed)\n`,
        );
      }
      io.stdout(`E-mail PDF written: ${shown(path.resolve(out))}\n`);
      io.stdout(`Pack id: ${made.packId}\n`);
      io.stdout(`Size: ${(made.bytes / 1e6).toFixed(1)} MB (limit ${maxMb} MB)\n`);
      io.stdout(
        `Incidents: ${made.incidents}; exhibits: ${made.exhibits}; smaller copies: ${made.reduced.length}; left out: ${made.leftOut.length}\n`,
      );
      io.stdout(`PDF SHA-256: ${made.sha256}\n`);
      return EXIT.OK;
    }
    let receipt;
    try {
      receipt = await vault.job(progress.on, (jobId) =>
        vault.call('pack.export', { jobId, options, destination: { kind: 'grant', grantId: destination.grantId } }),
      );
    } finally {
      progress.done();
    }
    const { groupHex, humanBytes } = await import('../service/index.js');
    for (const g of receipt.gpsIncluded) {
      io.stderr(
        `warning: exhibit ${g.ref} "${shown(g.name)}" holds a GPS position in its metadata (${g.latitude.toFixed(5)}, ${g.longitude.toFixed(5)}); ` +
          'it is in the pack unchanged. Export again with --exclude-gps-exhibits to leave such images out.\n',
      );
    }
    for (const o of receipt.omitted) {
      const why =
        o.reason === 'damaged'
          ? 'its stored copy failed its SHA-256 check'
          : o.reason === 'gps-position'
            ? 'it holds a GPS position'
            : 'you excluded it';
      io.stderr(
        `note: exhibit ${o.ref ?? ''} "${shown(o.name)}" was left out: ${why} (recorded in the pack)\n`.replace(
          'exhibit  "',
          'exhibit "',
        ),
      );
    }
    io.stdout(`Case pack written: ${shown(path.resolve(out))}\n`);
    io.stdout(`Pack id: ${receipt.packId}\n`);
    io.stdout(
      `Incidents: ${receipt.incidents}; exhibits: ${receipt.exhibits}; payload: ${humanBytes(receipt.payloadBytes)}\n`,
    );
    io.stdout(`Signing key fingerprint: ${groupHex(receipt.signingKeyFingerprint)}\n`);
    io.stdout(`Tag manifest SHA-256: ${receipt.tagManifestSha256}\n`);
    if (receipt.packSha256) {
      io.stdout(`Pack SHA-256: ${receipt.packSha256}\n`);
      io.stdout(`(written beside it as ${shown(receipt.name)}.sha256)\n`);
    }
    return EXIT.OK;
  });
}
