/** evidence-vault person add|merge|list: the people named in incidents (believed responsible, witnesses). */
import {
  PERSON_ROLES,
  personIdentifiers,
  personName,
  type PersonIdentifierInput,
  type Person,
} from '../../shared/model.js';
import type { CliIO } from './io.js';
import { EXIT, fail, parseCommandArgs } from './io.js';
import { parsePersonIds } from './incident-options.js';
import { shown } from './output.js';
import { withVault } from './service.js';

export const help = `Usage: evidence-vault person add DIR --name N [options]
       evidence-vault person merge DIR FROM_ID INTO_ID
       evidence-vault person list DIR [--json]

add    Add a person and print their id as the last line.
merge  The same person under two records: every incident naming FROM_ID names INTO_ID instead,
       their identifiers and handles are combined, and FROM_ID is removed (each change in the
       activity log). Prints INTO_ID as the last line.
list   The people, oldest first (--json: a JSON array of every field).

Options for add:
  --name N               their name, if known
  --identifier PLATFORM:HANDLE  an account believed to be theirs (X:@someone, or a URL);
                         repeat for several
  --basis TEXT           why you believe these identifiers are the same person
  --role ROLE            ${PERSON_ROLES.join(', ')} (default perpetrator: believed responsible)
  --description TEXT     what they look like, what you know of them
  --contact TEXT         a witness's phone, e-mail or address
  --saw TEXT             what a witness saw or heard
  --knows-named          the witness knows they are named in this record
  -h, --help             show this help
`;

const ROLE_WORDS: Record<(typeof PERSON_ROLES)[number], string> = {
  perpetrator: 'believed responsible',
  witness: 'witness',
  other: 'other',
};

/** "X:@someone" → platform X, handle @someone; "https://…" → a URL; "@someone" → a handle on no named platform. */
export function parsePersonIdentifier(text: string): PersonIdentifierInput {
  const t = text.trim();
  if (t === '') fail('--identifier needs a value: PLATFORM:HANDLE, e.g. X:@someone');
  if (/^https?:\/\//i.test(t)) return { url: t };
  const at = t.indexOf(':');
  if (at < 0) return { handle: t };
  const platform = t.slice(0, at).trim();
  const handle = t.slice(at + 1).trim();
  if (handle === '') fail(`--identifier "${text}" has no handle after the platform: PLATFORM:HANDLE, e.g. X:@someone`);
  return { platform, handle };
}

export async function runPerson(args: string[], io: CliIO): Promise<number> {
  const [what, ...rest] = args;
  if (what === undefined || what === '--help' || what === '-h') {
    if (what === undefined) fail('person: say add, merge or list. Run "evidence-vault person --help" for usage.');
    io.stdout(help);
    return EXIT.OK;
  }
  if (what === 'add') return add(rest, io);
  if (what === 'merge') return merge(rest, io);
  if (what === 'list') return list(rest, io);
  fail(`person: "${what}" is not add, merge or list. Run "evidence-vault person --help" for usage.`);
}

async function add(args: string[], io: CliIO): Promise<number> {
  const {
    values,
    positionals,
    help: wantsHelp,
  } = parseCommandArgs(
    'person',
    args,
    {
      name: { type: 'string' },
      identifier: { type: 'string', multiple: true },
      basis: { type: 'string' },
      role: { type: 'string' },
      description: { type: 'string' },
      contact: { type: 'string' },
      saw: { type: 'string' },
      'knows-named': { type: 'boolean' },
    },
    { min: 1, max: 1, names: 'DIR' },
  );
  if (wantsHelp) {
    io.stdout(help);
    return EXIT.OK;
  }
  const role = values.role?.trim() ?? 'perpetrator';
  if (!(PERSON_ROLES as readonly string[]).includes(role)) {
    fail(`unknown role "${values.role}"; valid roles are: ${PERSON_ROLES.join(', ')}`);
  }
  const identifiers = (values.identifier ?? []).map(parsePersonIdentifier);
  const name = values.name?.trim() ?? '';
  if (name === '' && identifiers.length === 0) {
    fail('person add: give --name, or at least one --identifier if the name is not known');
  }
  return withVault(positionals[0] ?? '', io, async (vault) => {
    const person = await vault.call('people.create', {
      input: {
        name,
        identifiers,
        role: role as (typeof PERSON_ROLES)[number],
        basis: values.basis ?? '',
        description: values.description ?? '',
        contact: values.contact ?? '',
        sawWhat: values.saw ?? '',
        knowsNamed: values['knows-named'] === true,
      },
    });
    io.stdout(`Added ${shown(personName(person))} (${ROLE_WORDS[person.role]}).\n${person.id}\n`);
    return EXIT.OK;
  });
}

async function merge(args: string[], io: CliIO): Promise<number> {
  const { positionals, help: wantsHelp } = parseCommandArgs(
    'person',
    args,
    {},
    {
      min: 3,
      max: 3,
      names: 'DIR, FROM_ID and INTO_ID',
    },
  );
  if (wantsHelp) {
    io.stdout(help);
    return EXIT.OK;
  }
  const [dir = '', fromRaw = '', intoRaw = ''] = positionals;
  const [fromId = ''] = parsePersonIds([fromRaw], 'FROM_ID');
  const [intoId = ''] = parsePersonIds([intoRaw], 'INTO_ID');
  return withVault(dir, io, async (vault) => {
    const merged = await vault.call('people.merge', { fromId, intoId });
    io.stdout(`Merged person ${fromId} into ${shown(personName(merged))}.\n${merged.id}\n`);
    return EXIT.OK;
  });
}

/** The --json shape of a person: every field, as stored. */
export function personJson(p: Person) {
  return {
    id: p.id,
    name: p.name,
    role: p.role,
    handles: p.handles,
    identifiers: p.identifiers,
    basis: p.basis,
    description: p.description,
    contact: p.contact,
    sawWhat: p.sawWhat,
    knowsNamed: p.knowsNamed,
    private: p.private,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

async function list(args: string[], io: CliIO): Promise<number> {
  const {
    values,
    positionals,
    help: wantsHelp,
  } = parseCommandArgs('person', args, { json: { type: 'boolean' } }, { min: 1, max: 1, names: 'DIR' });
  if (wantsHelp) {
    io.stdout(help);
    return EXIT.OK;
  }
  return withVault(positionals[0] ?? '', io, async (vault) => {
    const people = await vault.call('people.list', {});
    if (values.json === true) {
      io.stdout(JSON.stringify(people.map(personJson), null, 2) + '\n');
      return EXIT.OK;
    }
    if (people.length === 0) {
      io.stdout('No people yet. Add one with "evidence-vault person add".\n');
      return EXIT.OK;
    }
    for (const p of people) {
      io.stdout(`${shown(personName(p))}  (${ROLE_WORDS[p.role]})\n  id ${p.id}\n`);
      for (const i of personIdentifiers(p)) {
        const text = [i.platform, i.handle, i.accountId && `account ${i.accountId}`, i.url].filter((x) => x !== '');
        io.stdout(`  - ${shown(text.join('  '))}\n`);
      }
      if (p.basis.trim() !== '') io.stdout(`  Why the same person: ${shown(p.basis)}\n`);
    }
    io.stdout(`${people.length} ${people.length === 1 ? 'person' : 'people'}.\n`);
    return EXIT.OK;
  });
}
