/**
 * `evidence-vault export DIR --out PATH …`: write a case pack (BagIt folder or ZIP) through the
 * service's 'pack.export', the wizard's channel: --out is granted as the desktop grants its save
 * dialog's answer. Its options (initials from the settings when not given, the date range) are
 * the service's rules.
 */
import path from 'node:path';
import type { RequestOf } from '../../shared/ipc.js';
import { isCategoryId, parseOccurredAt, ID_PATTERN, type CategoryId } from '../../shared/model.js';
import { DEFENCE_NOTE, InitialsSchema, type PackSelection } from '../../shared/ipc-pack.js';
import { selectionProblem } from '../../shared/selection.js';
import { isLanguage, type Language } from '../../shared/language.js';
import { EXIT, fail, parseCommandArgs, type CliIO } from './io.js';
import { shown } from './output.js';
import { exportWords, progressPrinter } from './progress.js';
import { withVault } from './service.js';

export const exportHelp = `Usage: evidence-vault export DIR --out PATH [options]
       evidence-vault export DIR --email [--max-mb N] --out FILE.pdf [options]

Export a case pack for the police or CPS: a BagIt 1.0 bag with SHA-256 manifests, the
chronology as PDF (with a summary for police and a statement aid), CSV and JSON, the exhibit
files as imported (and each drawn for reading in exhibit-bundle.pdf), the activity log, an
offline viewer and an Ed25519 signature. The defence may see what you send. Written under a
temporary name and renamed when complete; if the export is stopped, the next command on the
vault removes what it left (and says so).

Options:
  --out PATH                 the pack's folder (new or empty), or its .zip file with --zip; with
                             --both or --portal, the folder they are written in
  --initials AB              your initials for exhibit references AB/1, AB/2, ... (default: settings)
  --zip                      write one ZIP file; prints "Pack SHA-256: <hex>" and writes PATH.sha256
  --both                     write the folder AND its ZIP from one export, with one pack id, in the
                             folder --out (made if missing; it may hold other packs), named by the
                             pack id: case-pack-EVP-...  case-pack-EVP-....zip  case-pack-EVP-....zip.sha256
  --portal                   for a police upload portal: --out (new or empty) gets part-1/, part-2/,
                             ... of at most 16 files each, flat names: part 1 the summary,
                             chronology and exhibit list PDF, then each exhibit its own file; each
                             part has its own README, captions.txt (the caption to paste for each
                             file), manifest and SSH signature. Not with --zip or --both.
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
  --name NAME, --role ROLE   your name and role on the summary for police (default: settings)
  --recipient TEXT           who the pack is for, e.g. "PC 1234 Patel, Kent Police"
  --crime-reference REF      the crime or incident reference the police gave (when no police
                             case in the vault holds it)
  --language en|cy           the language of the pack's PDFs, README.txt, viewer and captions:
                             en (English, the default) or cy (Welsh, Cymraeg); also --lang.
                             case.json, the CSV and the file names stay English
  --progress                 show progress on stderr even when it is not a terminal
  -h, --help                 show this help

Exit codes: 0 written; 1 an exhibit is damaged; 2 usage; 3 vault; 4 output exists; 5 disk full;
130 interrupted (nothing kept).
`;

/** The summary's details that are missing, each with the flag that gives it. */
export function missingDetails(d: {
  name: string;
  role: string;
  recipient: string;
  crimeReference: string;
  hasPoliceCase: boolean;
}): { what: string; flag: string }[] {
  const out: { what: string; flag: string }[] = [];
  if (!d.name.trim()) out.push({ what: 'your name', flag: '--name' });
  if (!d.role.trim()) out.push({ what: 'your role', flag: '--role' });
  if (!d.recipient.trim()) out.push({ what: 'who it is for', flag: '--recipient' });
  if (!d.crimeReference.trim() && !d.hasPoliceCase)
    out.push({ what: 'the crime reference', flag: '--crime-reference' });
  return out;
}

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

/** --language / --lang: 'en' (the default) or 'cy'; anything else is a usage error. */
export function languageArg(language: string | undefined, lang: string | undefined): Language {
  if (language !== undefined && lang !== undefined && language !== lang)
    fail(`export: --language ${language} and --lang ${lang} disagree: give one of them`);
  const v = language ?? lang;
  if (v === undefined) return 'en';
  if (!isLanguage(v)) fail(`export: --language "${v}": use en (English) or cy (Welsh, Cymraeg)`);
  return v;
}

export async function runExport(args: string[], io: CliIO): Promise<number> {
  const { values, positionals, help } = parseCommandArgs(
    'export',
    args,
    {
      out: { type: 'string' },
      initials: { type: 'string' },
      zip: { type: 'boolean' },
      both: { type: 'boolean' },
      portal: { type: 'boolean' },
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
      name: { type: 'string' },
      role: { type: 'string' },
      recipient: { type: 'string' },
      'crime-reference': { type: 'string' },
      language: { type: 'string' },
      lang: { type: 'string' },
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
  const both = values.both === true;
  const portal = values.portal === true;
  const email = values.email === true;
  if (portal && zip)
    fail(
      'export: --portal and --zip cannot be used together: portal parts are folders of files to upload one by one. Use one of them.',
    );
  if (portal && both) fail('export: --portal and --both cannot be used together. Use one of them.');
  if (both && zip)
    fail('export: --both already writes the ZIP beside the folder: use --both alone, or --zip for the ZIP alone.');
  if (email && (zip || both || portal))
    fail(`export: choose --${zip ? 'zip' : both ? 'both' : 'portal'} or --email, not both`);
  if (zip && !/\.zip$/i.test(out)) fail(`export: with --zip, --out must end in .zip (got "${out}")`);
  if ((both || portal) && /\.zip$/i.test(out))
    fail(`export: with --${both ? 'both' : 'portal'}, --out is a folder, not a .zip file (got "${out}")`);
  if (email && !/\.pdf$/i.test(out)) fail(`export: with --email, --out must end in .pdf (got "${out}")`);
  if (values['max-mb'] !== undefined && !email) fail('export: --max-mb goes with --email');
  const maxMb = values['max-mb'] === undefined ? 10 : Number(values['max-mb']);
  if (!Number.isFinite(maxMb) || maxMb < 1 || maxMb > 100) {
    fail(`export: --max-mb "${values['max-mb'] ?? ''}": give a size in megabytes from 1 to 100, e.g. --max-mb 10`);
  }
  const language = languageArg(values.language, values.lang);
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
    format: zip ? 'zip' : both ? 'both' : portal ? 'portal' : 'folder',
    selection,
    omitNotes: values['leave-out-notes'] === true,
    omitPrivate: values['leave-out-private'] === true,
    excludeGpsExhibits: values['exclude-gps-exhibits'] === true,
    excludeExhibitIds: idsArg('--exclude-exhibit', values['exclude-exhibit']) ?? [],
    skipDamaged: values['skip-damaged'] === true,
    description: values.description,
    ...(values.recipient !== undefined ? { recipient: values.recipient } : {}),
    ...(values['crime-reference'] !== undefined ? { crimeReference: values['crime-reference'] } : {}),
    ...(values.name !== undefined ? { producerName: values.name } : {}),
    ...(values.role !== undefined ? { producerRole: values.role } : {}),
    language,
  };

  return withVault(positionals[0] ?? '', io, async (vault) => {
    const settings = await vault.call('settings.get', {});
    if (values.initials === undefined) {
      // The service takes them from the settings; say which flag gives them when there are none.
      if (!InitialsSchema.safeParse(settings.producerInitials).success) {
        fail('export: give your initials with --initials AB (used for exhibit references AB/1, AB/2, ...)');
      }
    }
    // What the summary for police needs and does not have: asked for in one line, never "(not given)".
    const cases = await vault.call('cases.list', {});
    const missing = missingDetails({
      name: values.name ?? settings.producerName,
      role: values.role ?? settings.producerRole,
      recipient: values.recipient ?? '',
      crimeReference: values['crime-reference'] ?? '',
      hasPoliceCase: cases.length > 0,
    });

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
    const where = both ? path.resolve(out, receipt.name) : path.resolve(out);
    io.stdout(`Case pack written: ${shown(where)}\n`);
    if (receipt.zipName) io.stdout(`And its ZIP: ${shown(path.resolve(out, receipt.zipName))}\n`);
    if (missing.length) {
      // On stdout, with the receipt: the pack is made; this says what it lacks and how to give it.
      io.stdout(
        `To complete: the summary for police has a blank to fill in by hand for ${missing.map((m) => m.what).join(', ')}. ` +
          `Export again with ${missing.map((m) => m.flag).join(', ')} to print them (keep your name and role with "evidence-vault settings set").\n`,
      );
    }
    io.stdout(`${DEFENCE_NOTE}\n`);
    io.stdout(`Pack id: ${receipt.packId}\n`);
    io.stdout(
      `Incidents: ${receipt.incidents}; exhibits: ${receipt.exhibits}; payload: ${humanBytes(receipt.payloadBytes)}\n`,
    );
    io.stdout(`Signing key fingerprint: ${groupHex(receipt.signingKeyFingerprint)}\n`);
    if (receipt.parts) {
      io.stdout(`Parts: ${receipt.parts.length} (at most 16 files each; upload each part as one submission)\n`);
      for (const p of receipt.parts) io.stdout(`${p.name}: ${p.files} files; manifest SHA-256: ${p.manifestSha256}\n`);
    } else io.stdout(`Tag manifest SHA-256: ${receipt.tagManifestSha256}\n`);
    if (receipt.packSha256) {
      io.stdout(`Pack SHA-256: ${receipt.packSha256}\n`);
      io.stdout(`(written beside it as ${shown(receipt.zipName ?? receipt.name)}.sha256)\n`);
    }
    return EXIT.OK;
  });
}
