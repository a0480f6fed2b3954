/**
 * evidence-vault incident edit|history|delete|restore DIR ID: a new version of an incident (only
 * the options given change; the options are add's, parsed by the same code), every saved version,
 * deleting to the bin with a reason, and restoring from it.
 */
import { formatOccurredAt, type IncidentInput, type IncidentVersion } from '../../shared/model.js';
import { IncidentInputSchema, type Incident } from '../../shared/model.js';
import { INCIDENT_OPTIONS, INCIDENT_OPTIONS_HELP, incidentInputFromOptions } from './add.js';
import type { CliIO } from './io.js';
import { EXIT, fail, parseCommandArgs } from './io.js';
import { shown } from './output.js';
import { withVault } from './service.js';

export const help = `Usage: evidence-vault incident edit DIR ID [options]
       evidence-vault incident history DIR ID [--json]
       evidence-vault incident delete DIR ID --reason TEXT
       evidence-vault incident restore DIR ID

edit     Save a new version of the incident: only the options given change; every earlier
         version is kept. Options (as for "add"):
${INCIDENT_OPTIONS_HELP.trimEnd().replace(/^/gm, '         ')}
history  Every saved version, oldest first: when it was written and the fields it changed.
         --json prints [{ version, writtenAt, changed: [field names], incident: {...} }]
         (times in ISO 8601, UTC).
delete   Move the incident and its exhibits to the bin, where they stay restorable for 30 days
         (then they are removed for good). --reason is required: the activity log keeps it,
         with a tombstone of the incident, for good.
restore  Bring a deleted incident back from the bin, with its exhibits.
`;

/** "12/11/2019 20:31 UK time (GMT/BST)" for an ISO instant. */
export function ukTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
  return `${parts.replace(',', '')} UK time (GMT/BST)`;
}

/** The input fields of a stored incident, for an edit to start from. */
function inputOf(incident: Incident): IncidentInput {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(IncidentInputSchema.shape)) {
    const v = (incident as unknown as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out as IncidentInput;
}

/** The --json shape of one saved version (documented above and in the README). */
export function versionJson(v: IncidentVersion) {
  const { occurredAt, ...rest } = v.incident;
  return {
    version: v.version,
    writtenAt: v.writtenAt,
    changed: v.changed,
    // Who saved it, only in a vault with more than one person's passphrase.
    ...(v.enteredBy !== undefined ? { enteredBy: v.enteredBy } : {}),
    incident: {
      ...rest,
      occurredAt: formatOccurredAt(occurredAt),
      approximate: occurredAt.approximate,
    },
  };
}

const SUBCOMMANDS = ['edit', 'history', 'delete', 'restore'] as const;

export async function runIncident(args: string[], io: CliIO): Promise<number> {
  const [what, ...rest] = args;
  if (what === undefined || what === '--help' || what === '-h') {
    io.stdout(help);
    return EXIT.OK;
  }
  if (!(SUBCOMMANDS as readonly string[]).includes(what)) {
    fail(`incident: "${what}" is not ${SUBCOMMANDS.join(', ')}. Run "evidence-vault incident --help" for usage.`);
  }
  const {
    values,
    positionals,
    help: wantsHelp,
  } = parseCommandArgs(
    `incident ${what}`,
    rest,
    {
      ...(what === 'edit' ? INCIDENT_OPTIONS : {}),
      ...(what === 'history' ? { json: { type: 'boolean' } } : {}),
      ...(what === 'delete' ? { reason: { type: 'string' } } : {}),
    } as typeof INCIDENT_OPTIONS & { json: { type: 'boolean' }; reason: { type: 'string' } },
    { min: 2, max: 2, names: 'DIR and ID' },
  );
  if (wantsHelp) {
    io.stdout(help);
    return EXIT.OK;
  }
  const [dir = '', id = ''] = positionals;
  if (what === 'edit') {
    const given = Object.keys(INCIDENT_OPTIONS).filter((k) => (values as Record<string, unknown>)[k] !== undefined);
    if (given.length === 0) {
      fail(
        'incident edit: nothing to change; give at least one option, e.g. --title. Run "evidence-vault incident --help".',
      );
    }
    // Checked before the vault is opened: a bad option changes nothing.
    incidentInputFromOptions(values, { title: 'unchanged', occurredAt: { date: '2000-01-01' } });
    return withVault(dir, io, async (vault) => {
      const current = await vault.call('incidents.get', { id });
      const input = incidentInputFromOptions(values, inputOf(current));
      const saved = await vault.call('incidents.update', { id, input });
      const changed = saved.changedFields ?? [];
      io.stdout(
        `Saved a new version of incident "${shown(saved.title)}"` +
          (changed.length > 0 ? ` (changed: ${changed.join(', ')}).\n` : ' (nothing changed).\n'),
      );
      io.stdout(`${saved.id}\n`);
      return EXIT.OK;
    });
  }
  if (what === 'history') {
    return withVault(dir, io, async (vault) => {
      const versions = await vault.call('incidents.history', { id });
      if (values.json === true) {
        io.stdout(JSON.stringify(versions.map(versionJson), null, 2) + '\n');
        return EXIT.OK;
      }
      for (const v of versions) {
        const what = v.version === 1 ? 'first written' : `changed: ${v.changed.join(', ') || 'nothing'}`;
        const by = v.enteredBy !== undefined ? `  entered by ${shown(v.enteredBy)}` : '';
        io.stdout(`Version ${v.version}  ${ukTime(v.writtenAt)}  ${what}${by}\n`);
        io.stdout(`  ${shown(v.incident.title)}  (${formatOccurredAt(v.incident.occurredAt)})\n`);
        for (const line of v.incident.description.split(/\r?\n/)) {
          if (line.trim() !== '') io.stdout(`  | ${shown(line)}\n`);
        }
      }
      return EXIT.OK;
    });
  }
  if (what === 'delete') {
    const reason = values.reason?.trim() ?? '';
    if (reason === '') {
      fail(
        'incident delete: --reason is needed: say why it is being deleted (the activity log keeps it); nothing was deleted',
      );
    }
    return withVault(dir, io, async (vault) => {
      const incident = await vault.call('incidents.get', { id });
      await vault.call('incidents.delete', { id, reason });
      const item = (await vault.call('bin.list', {})).find((b) => b.id === id);
      const n = incident.exhibits.length;
      io.stdout(
        `Moved incident "${shown(incident.title)}"${n > 0 ? ` and its ${n} exhibit${n === 1 ? '' : 's'}` : ''} to the bin.` +
          (item ? ` It can be restored until ${ukTime(item.expiresAt)}` : '') +
          ` with "evidence-vault incident restore ${dir} ${id}".\n`,
      );
      return EXIT.OK;
    });
  }
  return withVault(dir, io, async (vault) => {
    const inBin = (await vault.call('bin.list', {})).find((b) => b.id === id);
    if (inBin && inBin.kind !== 'incident') {
      fail(`incident restore: ${id} in the bin is a ${inBin.kind}, not an incident; nothing was restored`);
    }
    const item = await vault.call('bin.restore', { id });
    const n = item.exhibits ?? 0;
    io.stdout(
      `Restored incident "${shown(item.label)}"${n > 0 ? ` with its ${n} exhibit${n === 1 ? '' : 's'}` : ''} from the bin.\n`,
    );
    return EXIT.OK;
  });
}
