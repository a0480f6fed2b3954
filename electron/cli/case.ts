/** evidence-vault case add|link|unlink|list: police cases at vault level (which incidents the police were told about). */
import { parseReportDate } from '../../shared/reporting.js';
import type { CliIO } from './io.js';
import { EXIT, fail, parseCommandArgs } from './io.js';
import { parseIds } from './incident-options.js';
import { shown } from './output.js';
import { withVault } from './service.js';

export const help = `Usage: evidence-vault case add DIR --force F --reference R [options]
       evidence-vault case link DIR CASE_ID INCIDENT_ID...
       evidence-vault case unlink DIR CASE_ID INCIDENT_ID...
       evidence-vault case list DIR [--json]

add     Record a police case and print its id as the last line.
link    Add incidents to a case: they count as told the police. All of them or none.
unlink  Take incidents off a case.
list    The cases, oldest first (--json: a JSON array of every field).

Options for add:
  --force F          the police force ("Metropolitan Police")
  --reference R      the crime or incident number the police gave
  --officer O        the officer in the case, by name
  --collar N         the officer's collar number
  --spoc S           your single point of contact (SPOC), if not the officer
  --reported-on DATE the day the police were first told: 18/11/2019 or 2019-11-18
  --incident ID      an incident the case covers; repeat for several
  -h, --help         show this help
`;

export async function runCase(args: string[], io: CliIO): Promise<number> {
  const [what, ...rest] = args;
  if (what === undefined || what === '--help' || what === '-h') {
    if (what === undefined) fail('case: say add, link, unlink or list. Run "evidence-vault case --help" for usage.');
    io.stdout(help);
    return EXIT.OK;
  }
  if (what === 'add') return add(rest, io);
  if (what === 'link' || what === 'unlink') return link(rest, io, what === 'link');
  if (what === 'list') return list(rest, io);
  fail(`case: "${what}" is not add, link, unlink or list. Run "evidence-vault case --help" for usage.`);
}

async function add(args: string[], io: CliIO): Promise<number> {
  const {
    values,
    positionals,
    help: wantsHelp,
  } = parseCommandArgs(
    'case',
    args,
    {
      force: { type: 'string' },
      reference: { type: 'string' },
      officer: { type: 'string' },
      collar: { type: 'string' },
      spoc: { type: 'string' },
      'reported-on': { type: 'string' },
      incident: { type: 'string', multiple: true },
    },
    { min: 1, max: 1, names: 'DIR' },
  );
  if (wantsHelp) {
    io.stdout(help);
    return EXIT.OK;
  }
  const force = values.force?.trim() ?? '';
  if (force === '') fail('--force is needed: the police force, e.g. "Metropolitan Police"');
  const reference = values.reference?.trim() ?? '';
  if (reference === '') fail('--reference is needed: the crime or incident number the police gave');
  let firstReportedOn = '';
  if (values['reported-on'] !== undefined) {
    try {
      firstReportedOn = parseReportDate(values['reported-on']);
    } catch (e) {
      fail(`--reported-on: ${(e as Error).message}`);
    }
  }
  const incidentIds = parseIds(values.incident, '--incident', 'incident');
  return withVault(positionals[0] ?? '', io, async (vault) => {
    const c = await vault.call('cases.create', {
      input: {
        force,
        reference,
        officer: values.officer ?? '',
        collarNumber: values.collar ?? '',
        spoc: values.spoc ?? '',
        firstReportedOn,
        incidentIds,
      },
    });
    io.stdout(`Added police case ${shown(c.reference)} (${shown(c.force)}).\n${c.id}\n`);
    return EXIT.OK;
  });
}

async function link(args: string[], io: CliIO, linking: boolean): Promise<number> {
  const { positionals, help: wantsHelp } = parseCommandArgs(
    'case',
    args,
    {},
    {
      min: 3,
      max: 10_002,
      names: 'DIR, CASE_ID and at least one INCIDENT_ID',
    },
  );
  if (wantsHelp) {
    io.stdout(help);
    return EXIT.OK;
  }
  const [dir = '', caseRaw = '', ...incidentRaw] = positionals;
  const [caseId = ''] = parseIds([caseRaw], 'CASE_ID', 'police case');
  const incidentIds = parseIds(incidentRaw, 'INCIDENT_ID', 'incident');
  return withVault(dir, io, async (vault) => {
    const c = await vault.call(linking ? 'cases.link' : 'cases.unlink', { caseId, incidentIds });
    const n = incidentIds.length;
    io.stdout(
      `${linking ? 'Linked' : 'Unlinked'} ${n} incident${n === 1 ? '' : 's'} ${linking ? 'to' : 'from'} police case ${shown(c.reference)}; it covers ${c.incidentIds.length}.\n`,
    );
    return EXIT.OK;
  });
}

async function list(args: string[], io: CliIO): Promise<number> {
  const {
    values,
    positionals,
    help: wantsHelp,
  } = parseCommandArgs('case', args, { json: { type: 'boolean' } }, { min: 1, max: 1, names: 'DIR' });
  if (wantsHelp) {
    io.stdout(help);
    return EXIT.OK;
  }
  return withVault(positionals[0] ?? '', io, async (vault) => {
    const cases = await vault.call('cases.list', {});
    if (values.json === true) {
      io.stdout(JSON.stringify(cases, null, 2) + '\n');
      return EXIT.OK;
    }
    if (cases.length === 0) {
      io.stdout('No police cases yet. Add one with "evidence-vault case add".\n');
      return EXIT.OK;
    }
    for (const c of cases) {
      const officer = [c.officer, c.collarNumber && `collar ${c.collarNumber}`].filter((x) => x !== '').join(', ');
      io.stdout(`${shown(c.reference)}  ${shown(c.force)}${officer ? `  ${shown(officer)}` : ''}\n  id ${c.id}\n`);
      if (c.firstReportedOn) io.stdout(`  first reported ${ukDate(c.firstReportedOn)}\n`);
      io.stdout(`  ${c.incidentIds.length} incident${c.incidentIds.length === 1 ? '' : 's'}\n`);
    }
    return EXIT.OK;
  });
}

/** 2019-11-18 → 18/11/2019. */
function ukDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
