import { CATEGORY_IDS, formatOccurredAt, isCategoryId, parseOccurredAt, type CategoryId } from '../../shared/model.js';
import type { Incident, IncidentInput } from '../../shared/model.js';
import type { CliIO } from './io.js';
import { checkFilesToImport, grantFiles, prepareToRead } from './files.js';
import { EXIT, fail, parseCommandArgs } from './io.js';
import { printExhibits, printWarnings, sayAgain, shown } from './output.js';
import {
  RECORD_OPTIONS,
  RECORD_OPTIONS_HELP,
  parseRecordOptions,
  type RecordOptionValues,
} from './incident-options.js';
import { importWords, progressPrinter } from './progress.js';
import { withVault } from './service.js';

/** The help lines of INCIDENT_OPTIONS (add and incident edit). */
export const INCIDENT_OPTIONS_HELP = `  --title T             what happened, in a few words (required by add)
  --occurred-at WHEN    when it happened, ISO 8601 (required by add): 2024-05-03T21:40+01:00,
                        2024-05-03T20:40Z, or a date alone: 2024-05-03
  --approximate         the time is approximate ("about then")
  --category ID         a category; repeat for several. One of:
                        ${CATEGORY_IDS.join(', ')}
  --description D       what was said or done
${RECORD_OPTIONS_HELP}
`;

export const help = `Usage: evidence-vault add DIR --title T --occurred-at ISO8601 [options]

Add an incident to the vault in DIR and print its id as the last line.

Options:
${INCIDENT_OPTIONS_HELP}  --attach FILE         an exhibit (screenshot, photo, letter, e-mail...); repeat for several.
                        All or nothing: if any file cannot be imported, no incident is added.
  --again               attach files that are already in the vault anyway (otherwise refused,
                        exit code 4)
  --progress            show import progress on stderr even when it is not a terminal
  -h, --help            show this help

Example:
  evidence-vault add ~/vault --title "Threatening letter" --occurred-at 2024-05-03 \\
    --category threatening-behaviour --attach letter.pdf
`;

/** Parse and check --category values: a clear error lists the valid ids. */
export function parseCategories(values: string[] | undefined): CategoryId[] {
  const out: CategoryId[] = [];
  for (const raw of values ?? []) {
    const v = raw.trim();
    if (!isCategoryId(v)) fail(`unknown category "${raw}"; valid categories are: ${CATEGORY_IDS.join(', ')}`);
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

export function parseWhen(text: string | undefined, approximate: boolean, option = '--occurred-at') {
  if (text === undefined || text.trim() === '') {
    fail(`${option} is needed: when it happened, e.g. 2024-05-03T21:40+01:00 or 2024-05-03`);
  }
  try {
    return parseOccurredAt(text, approximate);
  } catch (e) {
    fail(`${option}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * The incident options `add` and `incident edit` share (one parser, so an option added here is
 * in both). In `add`, --title and --occurred-at are required; in `edit`, only what is given changes.
 */
export const INCIDENT_OPTIONS = {
  title: { type: 'string' },
  'occurred-at': { type: 'string' },
  approximate: { type: 'boolean' },
  category: { type: 'string', multiple: true },
  description: { type: 'string' },
  // Issue 12's record options (--effect, --identifier, --believed, --signal, --channel, --location).
  ...RECORD_OPTIONS,
} as const;

type IncidentOptionValues = RecordOptionValues & {
  title?: string;
  'occurred-at'?: string;
  approximate?: boolean;
  category?: string[];
  description?: string;
};

/**
 * The IncidentInput fields the options give (usage errors in plain words). With a base (edit),
 * the options change only what they name; without one (add), --title and --occurred-at are needed.
 */
export function incidentInputFromOptions(values: IncidentOptionValues, base?: IncidentInput): IncidentInput {
  const out: IncidentInput = base ? { ...base } : { title: '', occurredAt: { date: '' } };
  if (values.title !== undefined || !base) {
    const title = values.title?.trim() ?? '';
    if (title === '') fail('--title is needed: what happened, in a few words');
    out.title = title;
  }
  if (values['occurred-at'] !== undefined || !base) {
    out.occurredAt = parseWhen(values['occurred-at'], values.approximate === true);
  } else if (values.approximate !== undefined) {
    out.occurredAt = { ...base.occurredAt, approximate: values.approximate };
  }
  if (values.category !== undefined || !base) out.categories = parseCategories(values.category);
  if (values.description !== undefined || !base) out.description = values.description ?? '';
  return { ...out, ...parseRecordOptions(values) };
}

export async function runAdd(args: string[], io: CliIO): Promise<number> {
  const {
    values,
    positionals,
    help: wantsHelp,
  } = parseCommandArgs(
    'add',
    args,
    {
      ...INCIDENT_OPTIONS,
      attach: { type: 'string', multiple: true },
      again: { type: 'boolean' },
      progress: { type: 'boolean' },
    },
    { min: 1, max: 1, names: 'DIR' },
  );
  if (wantsHelp) {
    io.stdout(help);
    return EXIT.OK;
  }
  const dir = positionals[0] ?? '';
  const input = incidentInputFromOptions(values);
  const files = checkFilesToImport(values.attach ?? []);
  await prepareToRead(files);

  return withVault(dir, io, async (vault) => {
    if (io.signal.aborted) throw io.signal.reason;
    let incident: Incident;
    if (files.length === 0) {
      incident = await vault.call('incidents.create', { input });
    } else {
      // One action (the service's 'incidents.create' with exhibits): the incident and its
      // exhibits are committed together, so a failure or a kill at any moment leaves neither behind.
      const { sources, release } = await grantFiles(vault, files);
      const progress = progressPrinter(io, values.progress === true, importWords);
      try {
        const allowDuplicates = values.again === true;
        incident = await vault
          .job(progress.on, (jobId) =>
            vault.call('incidents.create', { input, exhibits: { jobId, sources, allowDuplicates } }),
          )
          .catch(sayAgain);
      } finally {
        progress.done();
        release();
      }
    }
    const exhibits = incident.exhibits;
    const n = exhibits.length;
    io.stdout(
      `Added incident "${shown(incident.title)}" (${formatOccurredAt(incident.occurredAt)})` +
        (n > 0 ? ` with ${n} exhibit${n === 1 ? '' : 's'}:\n` : '.\n'),
    );
    printExhibits(io, exhibits);
    printWarnings(io, exhibits);
    io.stdout(`${incident.id}\n`);
    return EXIT.OK;
  });
}
