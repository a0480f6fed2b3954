/**
 * evidence-vault exhibit show|edit|add-physical: one exhibit's provenance (what the producer says
 * about it, each save keeping the version before), physical items (a letter, an envelope: no
 * file), and what the file itself says. Every request goes through the service.
 */
import { isVaultError } from '../../shared/errors.js';
import {
  ExhibitDetailsSchema,
  ID_PATTERN,
  OBTAINED_HOW,
  OBTAINED_HOW_LABELS,
  PhysicalItemSchema,
  parseOccurredAt,
  type Exhibit,
  type ExhibitDetails,
  type ObtainedHow,
  type PhysicalItem,
} from '../../shared/model.js';
import type { CliIO } from './io.js';
import { EXIT, fail, parseCommandArgs } from './io.js';
import { exhibitShowJson, printExhibit } from './exhibit-show.js';
import { shown } from './output.js';
import { withVault, type CliService } from './service.js';

const KINDS = OBTAINED_HOW.map((k) => `${k} (${OBTAINED_HOW_LABELS[k].toLowerCase()})`).join(', ');

export const help = `Usage: evidence-vault exhibit show DIR EXHIBIT_ID [--json]
       evidence-vault exhibit edit DIR EXHIBIT_ID [field options]
       evidence-vault exhibit add-physical DIR INCIDENT_ID --description D --kept-at TEXT
                                           [--name N] [--handled-by TEXT]

show          Everything known about one exhibit (its id is printed by "list"): its reference,
              what you said about it, where a physical item is kept, what the file itself says
              (the camera's clock, the sender's mail server), and any warnings.
              --json prints it as JSON, with "earlierVersions" of what you said.
edit          Change what you say about an exhibit: only the options given change ('' clears one).
              Each change keeps the version before and is written in the activity log.
add-physical  Add a physical item with no file (a letter, an envelope) to an incident; prints the
              new exhibit's id as the last line. Keep paper in a paper envelope, not plastic, and
              handle it by the edges.

Field options (edit; add-physical takes them too):
  --description D          what it is and what it shows
  --obtained-how KIND      how you came to have it, one of:
                           ${KINDS}
  --obtained-how-other T   with "other": how, in your words
  --obtained-by B          who made or saved the copy ("me", "my agent Sam Jones")
  --obtained-at WHEN       when: 2024-05-03, or 2024-05-03T21:40+01:00
  --source URL             the post's, message's or page's address (permalink)
  --platform P             e.g. X, Facebook, WhatsApp
  --handle H               the account's handle as shown ("@someone")
  --account-id N           the platform's numeric account id
  --phone N                the phone number it came from
  --email ADDRESS          the e-mail address it came from
  --original-location T    where the original is now ("on my phone", "office safe")
  --changed-by-me T        what you changed, with what ("cropped in Photos"); '' for unchanged
  --kept-at T              physical items: where it is kept
  --handled-by T           physical items: who has handled it
  -h, --help               show this help
`;

/** Each option and the field it sets: [option, path in details or physical]. */
const FIELD_OPTIONS = [
  ['description', 'description'],
  ['obtained-how', 'obtainedHow'],
  ['obtained-how-other', 'obtainedHowOther'],
  ['obtained-by', 'obtainedBy'],
  ['obtained-at', 'obtainedAt'],
  ['source', 'source.url'],
  ['platform', 'source.platform'],
  ['handle', 'source.handle'],
  ['account-id', 'source.accountId'],
  ['phone', 'source.phone'],
  ['email', 'source.email'],
  ['original-location', 'originalLocation'],
  ['changed-by-me', 'changedByMe'],
] as const;
type FieldOption = (typeof FIELD_OPTIONS)[number][0];

const STRING = { type: 'string' } as const;
const fieldConfig = Object.fromEntries(FIELD_OPTIONS.map(([o]) => [o, STRING])) as Record<FieldOption, typeof STRING>;
const physicalConfig = { 'kept-at': STRING, 'handled-by': STRING } as const;

type Values = Partial<Record<FieldOption | 'kept-at' | 'handled-by' | 'name', string>>;

export async function runExhibit(args: string[], io: CliIO): Promise<number> {
  const [what, ...rest] = args;
  if (what === '--help' || what === '-h') {
    io.stdout(help);
    return EXIT.OK;
  }
  if (what === undefined)
    fail('exhibit: missing show, edit or add-physical. Run "evidence-vault exhibit --help" for usage.');
  if (what === 'show') return show(rest, io);
  if (what === 'edit') return edit(rest, io);
  if (what === 'add-physical') return addPhysical(rest, io);
  fail(`exhibit: "${what}" is not show, edit or add-physical. Run "evidence-vault exhibit --help" for usage.`);
}

function idArg(id: string, what: 'exhibit' | 'incident'): string {
  if (!ID_PATTERN.test(id)) {
    fail(
      `"${id}" is not ${what === 'exhibit' ? 'an exhibit' : 'an incident'} id (32 hexadecimal characters, as printed by "list")`,
    );
  }
  return id;
}

/** The exhibit, or one line saying how to find its id. */
async function getExhibit(vault: CliService, id: string, dir: string): Promise<Exhibit> {
  try {
    return await vault.call('exhibits.get', { id });
  } catch (e) {
    if (isVaultError(e) && e.code === 'NOT_FOUND') {
      fail(
        `there is no exhibit with id ${id} in this vault (it may have been deleted); "evidence-vault list ${dir}" shows each exhibit's id`,
      );
    }
    throw e;
  }
}

async function show(args: string[], io: CliIO): Promise<number> {
  const {
    values,
    positionals,
    help: wantsHelp,
  } = parseCommandArgs(
    'exhibit show',
    args,
    { json: { type: 'boolean' } },
    { min: 2, max: 2, names: 'DIR and EXHIBIT_ID' },
  );
  if (wantsHelp) {
    io.stdout(help);
    return EXIT.OK;
  }
  const [dir = '', rawId = ''] = positionals;
  const id = idArg(rawId, 'exhibit');
  return withVault(dir, io, async (vault) => {
    const ex = await getExhibit(vault, id, dir);
    const history = await vault.call('exhibits.history', { id });
    if (values.json === true) io.stdout(JSON.stringify(exhibitShowJson(ex, history), null, 2) + '\n');
    else printExhibit(io, ex, history);
    return EXIT.OK;
  });
}

/** The details with the given options applied; usage errors name the option. */
function applyFields(current: ExhibitDetails, values: Values): ExhibitDetails {
  const next: ExhibitDetails = { ...current, source: { ...current.source } };
  for (const [option, field] of FIELD_OPTIONS) {
    const raw = values[option];
    if (raw === undefined) continue;
    const value = raw.trim();
    if (field === 'obtainedHow') {
      if (value === '') delete next.obtainedHow;
      else if ((OBTAINED_HOW as readonly string[]).includes(value)) next.obtainedHow = value as ObtainedHow;
      else fail(`unknown --obtained-how "${raw}"; the kinds are: ${OBTAINED_HOW.join(', ')}`);
    } else if (field === 'obtainedAt') {
      if (value !== '') {
        try {
          parseOccurredAt(value);
        } catch (e) {
          fail(`--obtained-at: ${(e as Error).message}`);
        }
      }
      next.obtainedAt = value;
    } else if (field.startsWith('source.')) {
      next.source[field.slice('source.'.length) as keyof ExhibitDetails['source']] = value;
    } else {
      next[field as Exclude<typeof field, 'obtainedHow' | 'obtainedAt' | `source.${string}`>] = value;
    }
  }
  const checked = ExhibitDetailsSchema.safeParse(next);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    const option = FIELD_OPTIONS.find(([, f]) => f === path)?.[0];
    const max =
      issue?.code === 'too_big' ? ` (at most ${Number(issue.maximum).toLocaleString('en-GB')} characters)` : '';
    fail(
      `${option ? `--${option}` : path} is not valid${max ? `: too long${max}` : `: ${issue?.message ?? 'invalid'}`}`,
    );
  }
  return checked.data;
}

function checkPhysical(p: { keptAt: string; handledBy: string }): PhysicalItem {
  const checked = PhysicalItemSchema.safeParse(p);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0];
  const option = issue?.path[0] === 'handledBy' ? '--handled-by' : '--kept-at';
  if (issue?.code === 'too_big')
    fail(`${option} is not valid: too long (at most ${Number(issue.maximum).toLocaleString('en-GB')} characters)`);
  fail(`${option}: ${issue?.message ?? 'invalid'} (e.g. --kept-at "office safe, paper envelope")`);
}

async function edit(args: string[], io: CliIO): Promise<number> {
  const {
    values,
    positionals,
    help: wantsHelp,
  } = parseCommandArgs(
    'exhibit edit',
    args,
    { ...fieldConfig, ...physicalConfig },
    { min: 2, max: 2, names: 'DIR and EXHIBIT_ID' },
  );
  if (wantsHelp) {
    io.stdout(help);
    return EXIT.OK;
  }
  const v = values as Values;
  const [dir = '', rawId = ''] = positionals;
  const id = idArg(rawId, 'exhibit');
  if (Object.values(v).every((x) => x === undefined)) {
    fail(
      'exhibit edit: give at least one field to change, e.g. --description "Screenshot of the post". Run "evidence-vault exhibit --help" for the fields.',
    );
  }
  applyFields(ExhibitDetailsSchema.parse({}), v); // bad options are refused before the vault is opened
  const physicalGiven = v['kept-at'] !== undefined || v['handled-by'] !== undefined;
  return withVault(dir, io, async (vault) => {
    const ex = await getExhibit(vault, id, dir);
    const details = applyFields(ex.details, v);
    let physical: PhysicalItem | undefined;
    if (physicalGiven) {
      if (ex.kind !== 'physical') {
        fail(
          `exhibit ${ex.ref ?? `"${shown(ex.name)}"`} is a file, not a physical item: --kept-at and --handled-by are for physical items; say where the original is with --original-location`,
        );
      }
      physical = checkPhysical({
        keptAt: v['kept-at']?.trim() ?? ex.physical?.keptAt ?? '',
        handledBy: v['handled-by']?.trim() ?? ex.physical?.handledBy ?? '',
      });
    }
    const before = await vault.call('exhibits.history', { id });
    const updated = await vault.call('exhibits.update', { id, details, ...(physical ? { physical } : {}) });
    const after = await vault.call('exhibits.history', { id });
    const label = updated.ref ?? `"${shown(updated.name)}"`;
    if (after.length === before.length) io.stdout(`Exhibit ${label}: nothing changed.\n`);
    else io.stdout(`Exhibit ${label} updated; the version before is kept (${after.length - 1} earlier in all).\n`);
    return EXIT.OK;
  });
}

async function addPhysical(args: string[], io: CliIO): Promise<number> {
  const {
    values,
    positionals,
    help: wantsHelp,
  } = parseCommandArgs(
    'exhibit add-physical',
    args,
    { ...fieldConfig, ...physicalConfig, name: STRING },
    { min: 2, max: 2, names: 'DIR and INCIDENT_ID' },
  );
  if (wantsHelp) {
    io.stdout(help);
    return EXIT.OK;
  }
  const v = values as Values;
  const [dir = '', rawId = ''] = positionals;
  const incidentId = idArg(rawId, 'incident');
  const description = v.description?.trim() ?? '';
  if (description === '')
    fail('--description is needed: what the item is, e.g. "Letter and its envelope, handwritten"');
  if ((v['kept-at']?.trim() ?? '') === '')
    fail('--kept-at is needed: where the item is kept, e.g. "office safe, paper envelope"');
  const details = applyFields(ExhibitDetailsSchema.parse({}), v);
  const physical = checkPhysical({ keptAt: v['kept-at']?.trim() ?? '', handledBy: v['handled-by']?.trim() ?? '' });
  const firstLine = description.split(/\r?\n/)[0] ?? '';
  const name = v.name?.trim() || (firstLine.length > 80 ? `${firstLine.slice(0, 77)}...` : firstLine);
  if (name.length > 500) fail('--name is not valid: too long (at most 500 characters)');
  return withVault(dir, io, async (vault) => {
    try {
      await vault.call('incidents.get', { id: incidentId });
    } catch (e) {
      if (isVaultError(e) && e.code === 'NOT_FOUND') {
        fail(
          `there is no incident with id ${incidentId} in this vault; "evidence-vault list ${dir}" shows each incident's id`,
        );
      }
      throw e;
    }
    const item = await vault.call('exhibits.addPhysical', { incidentId, name, details, physical });
    io.stdout(
      `Added physical item "${shown(item.name)}" to incident ${incidentId}, kept at ${shown(physical.keptAt)}.\n`,
    );
    io.stdout(`${item.id}\n`);
    return EXIT.OK;
  });
}
