/** evidence-vault settings set DIR [--initials AB] [--name N] [--role R] [--email E] [--phone P] …: the producer's details. */
import type { Settings } from '../../shared/model.js';
import type { CliIO } from './io.js';
import { EXIT, fail, parseCommandArgs } from './io.js';
import { shown } from './output.js';
import { withVault } from './service.js';
import { realDate, ukDate } from '../../shared/uk-time.js';

export const help = `Usage: evidence-vault settings set DIR [--initials AB] [--name NAME] [--role ROLE]
                                   [--email EMAIL] [--phone PHONE] [--constituency NAME]
                                   [--election-date YYYY-MM-DD] [--safe-contact TEXT]
                                   [--avoid TEXT]

Set the details of the person keeping the record, as the case pack shows them.

Options:
  --initials AB  1 to 5 letters A to Z (small letters are made capitals), for the exhibit
                 references AB/1, AB/2, ... Each exhibit gets its reference once, with the
                 initials set at the time; exhibits added before any initials were set take
                 these now. Changing the initials later leaves the references already given.
  --name NAME    your name
  --role ROLE    your role, e.g. "Candidate" or "Election agent"
  --email EMAIL  a contact e-mail address
  --phone PHONE  a contact phone number
  --constituency NAME          the constituency or ward you stand in
  --election-date YYYY-MM-DD   the election's date
  --safe-contact TEXT          how the police can reach you safely
  --avoid TEXT                 dates or times the police should avoid
  -h, --help     show this help

Only the details given change; at least one is needed.
`;

const FIELDS = {
  initials: 'producerInitials',
  name: 'producerName',
  role: 'producerRole',
  email: 'contactEmail',
  phone: 'contactPhone',
  constituency: 'constituency',
  'election-date': 'electionDate',
  'safe-contact': 'safeContact',
  avoid: 'timesToAvoid',
} as const satisfies Record<string, keyof Settings>;

export async function runSettings(args: string[], io: CliIO): Promise<number> {
  const {
    values,
    positionals,
    help: wantsHelp,
  } = parseCommandArgs(
    'settings',
    args,
    {
      initials: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      email: { type: 'string' },
      phone: { type: 'string' },
      constituency: { type: 'string' },
      'election-date': { type: 'string' },
      'safe-contact': { type: 'string' },
      avoid: { type: 'string' },
    },
    { min: 2, max: 2, names: 'set and DIR' },
  );
  if (wantsHelp) {
    io.stdout(help);
    return EXIT.OK;
  }
  const [what = '', dir = ''] = positionals;
  if (what !== 'set') fail(`settings: "${what}" is not set. Run "evidence-vault settings --help" for usage.`);
  const patch: Partial<Settings> = {};
  for (const [option, field] of Object.entries(FIELDS) as [
    keyof typeof FIELDS,
    (typeof FIELDS)[keyof typeof FIELDS],
  ][]) {
    const value = values[option];
    if (typeof value === 'string') patch[field] = value;
  }
  if (Object.keys(patch).length === 0) {
    fail(
      'settings set: give at least one of --initials, --name, --role, --email, --phone, --constituency, --election-date, --safe-contact, --avoid. Run "evidence-vault settings --help" for usage.',
    );
  }
  const election = values['election-date'];
  if (election !== undefined && election !== '' && !realDate(election)) {
    fail(`settings set: --election-date "${election}" is not a date: give it as YYYY-MM-DD, e.g. 2024-07-04`);
  }
  const saved = await withVault(dir, io, (vault) => vault.call('settings.update', { patch }));
  const lines = [
    ['Initials', saved.producerInitials],
    ['Name', saved.producerName],
    ['Role', saved.producerRole],
    ['E-mail', saved.contactEmail],
    ['Phone', saved.contactPhone],
    ...(saved.constituency ? [['Constituency', saved.constituency]] : []),
    ...(saved.electionDate ? [['Election date', ukDate(saved.electionDate)]] : []),
    ...(saved.safeContact ? [['Safe contact', saved.safeContact]] : []),
    ...(saved.timesToAvoid ? [['Times to avoid', saved.timesToAvoid]] : []),
  ].map(([label, value]) => `  ${label}: ${value ? shown(value) : '(not set)'}\n`);
  io.stdout(`Saved. The person keeping this record, as case packs show them:\n${lines.join('')}`);
  return EXIT.OK;
}
