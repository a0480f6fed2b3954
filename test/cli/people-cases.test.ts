/**
 * Issue 12 through the built CLI: add's record options, person add|merge|list, case add|link, and
 * list --json's new fields. Each bad input: one clear line, exit 2, and the vault as it was.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  addIncident,
  assertBuilt,
  expectOk,
  expectOneLineError,
  initVault,
  removeDir,
  run,
  tempDir,
  vaultState,
} from './helpers.js';

let work = '';
let vault = '';
let alan = '';
let dup = '';
let witness = '';
let incidentId = '';
let dateOnlyId = '';
let caseId = '';

interface ListedPerson {
  id: string;
  name: string;
  role: string;
  handles: string[];
  identifiers: { platform: string; handle: string; url: string }[];
  basis: string;
  contact: string;
  sawWhat: string;
  knowsNamed: boolean;
}

async function lastLine(args: string[]): Promise<string> {
  const r = await run(args);
  expectOk(r);
  const id = r.stdout.trim().split('\n').pop() ?? '';
  expect(id).toMatch(/^[0-9a-f]{32}$/);
  return id;
}

async function people(): Promise<ListedPerson[]> {
  const r = await run(['person', 'list', vault, '--json']);
  expectOk(r);
  return JSON.parse(r.stdout) as ListedPerson[];
}

async function listed(): Promise<Record<string, unknown>[]> {
  const r = await run(['list', vault, '--json']);
  expectOk(r);
  return JSON.parse(r.stdout) as Record<string, unknown>[];
}

beforeAll(async () => {
  assertBuilt();
  work = tempDir();
  vault = path.join(work, 'vault');
  await initVault(vault);
  alan = await lastLine([
    'person',
    'add',
    vault,
    '--name',
    'Alan Example',
    '--identifier',
    'X:@troll_123',
    '--basis',
    'Same profile photo on both accounts',
  ]);
  dup = await lastLine([
    'person',
    'add',
    vault,
    '--identifier',
    'Facebook:alan.ex',
    '--identifier',
    'https://x.com/t2',
  ]);
  witness = await lastLine([
    'person',
    'add',
    vault,
    '--name',
    'Sam Jones',
    '--role',
    'witness',
    '--contact',
    '07700 900456',
    '--saw',
    'Saw the posters torn down',
    '--knows-named',
  ]);
  incidentId = await addIncident(vault, [
    '--category',
    'harassment',
    '--effect',
    'I stopped canvassing alone and changed my route home.',
    '--identifier',
    'handle:@troll_123',
    '--identifier',
    'phone:07700 900123',
    '--identifier',
    'a white van',
    '--believed',
    dup,
    '--signal',
    'fixated-ideas',
    '--signal',
    'imminent-violence',
    '--channel',
    'social-media:X',
    '--location',
    'High Street, Anytown',
  ]);
  dateOnlyId = await addIncident(vault, ['--title', 'Leaflet', '--occurred-at', '2024-06-01', '--believed', alan]);
}, 120_000);

afterAll(() => removeDir(work));

describe('add, person and case', () => {
  test('add keeps the effect, what was seen, who is believed responsible, signals, channel and location', async () => {
    const [inc] = (await listed()).filter((i) => i.id === incidentId);
    expect(inc).toMatchObject({
      effect: 'I stopped canvassing alone and changed my route home.',
      identifiers: [
        { kind: 'handle', value: '@troll_123', platform: 'X' },
        { kind: 'phone', value: '07700 900123' },
        { kind: 'other', value: 'a white van' },
      ],
      believedResponsible: [dup],
      escalationSignals: ['fixated-ideas', 'imminent-violence'],
      channel: { kind: 'social-media', detail: 'X' },
      location: 'High Street, Anytown',
      toldPolice: false,
      policeCases: [],
      platformReports: [],
    });
    // The fields list --json printed before are all still there.
    for (const k of [
      'id',
      'title',
      'occurredAt',
      'approximate',
      'categories',
      'description',
      'createdAt',
      'updatedAt',
      'exhibits',
    ]) {
      expect(inc).toHaveProperty(k);
    }
    const [dated] = (await listed()).filter((i) => i.id === dateOnlyId);
    expect(dated?.occurredAt).toBe('2024-06-01');
  });

  test('person add and list: identifiers, basis, witness details', async () => {
    const all = await people();
    expect(all.map((p) => p.id)).toEqual([alan, dup, witness]);
    expect(all[0]).toMatchObject({
      name: 'Alan Example',
      role: 'perpetrator',
      identifiers: [{ platform: 'X', handle: '@troll_123', url: '' }],
      basis: 'Same profile photo on both accounts',
    });
    expect(all[1]?.identifiers).toMatchObject([
      { platform: 'Facebook', handle: 'alan.ex' },
      { platform: '', handle: '', url: 'https://x.com/t2' },
    ]);
    expect(all[2]).toMatchObject({
      role: 'witness',
      contact: '07700 900456',
      sawWhat: 'Saw the posters torn down',
      knowsNamed: true,
    });
    const human = await run(['person', 'list', vault]);
    expectOk(human);
    expect(human.stdout).toContain('Alan Example  (believed responsible)');
    expect(human.stdout).not.toMatch(/perpetrator/i);
  });

  test('bad input: merge into itself, unknown ids, bad signal, channel, role and dates; nothing changed', async () => {
    const before = await vaultState(vault);
    const ghost = 'f'.repeat(32);
    const cases: [string[], RegExp][] = [
      [['person', 'merge', vault, alan, alan], /cannot be merged into themselves: choose two different people/],
      [['person', 'merge', vault, ghost, alan], new RegExp(`There is no person with id ${ghost}: nothing was changed`)],
      [['person', 'merge', vault, 'nobody', alan], /FROM_ID "nobody" is not a person id/],
      [
        ['person', 'add', vault, '--name', 'X', '--role', 'suspect'],
        /unknown role "suspect"; valid roles are: perpetrator, witness, other/,
      ],
      [
        ['add', vault, '--title', 'T', '--occurred-at', '2024-05-03', '--signal', 'threats'],
        /unknown signal "threats"; valid signals are: imminent-violence, fixated-ideas, personal-information-released/,
      ],
      [
        ['add', vault, '--title', 'T', '--occurred-at', '2024-05-03', '--channel', 'fax:123'],
        /unknown channel "fax"; valid channels are: in-person, phone, letter, email, social-media, messaging-app, other/,
      ],
      [
        ['add', vault, '--title', 'T', '--occurred-at', '2024-05-03', '--believed', ghost],
        new RegExp(`there is no person with id ${ghost}`),
      ],
      [
        ['add', vault, '--title', 'T', '--occurred-at', '2024-05-03', '--identifier', 'handle:'],
        /--identifier "handle:" has no text/,
      ],
      [
        ['case', 'add', vault, '--force', 'Kent Police', '--reference', 'R1', '--reported-on', '31/02/2024'],
        /--reported-on: "31\/02\/2024" is not a real date \(February has no day 31\)/,
      ],
      [
        ['case', 'add', vault, '--force', 'Kent Police', '--reference', 'R1', '--reported-on', '2999-01-01'],
        /--reported-on: "2999-01-01" is in the future/,
      ],
      [['case', 'add', vault, '--reference', 'R1'], /--force is needed/],
      [
        ['case', 'add', vault, '--force', 'Kent Police', '--reference', 'R1', '--incident', ghost],
        new RegExp(`There is no incident with id ${ghost}: nothing was changed`),
      ],
      [
        ['case', 'link', vault, ghost, incidentId],
        new RegExp(`There is no police case with id ${ghost}: nothing was changed`),
      ],
    ];
    for (const [args, pattern] of cases) expectOneLineError(await run(args), 2, pattern);
    expect(await vaultState(vault)).toEqual(before);
  }, 120_000);

  test('case add and link: the incident is told the police; linking one that does not exist changes nothing', async () => {
    caseId = await lastLine([
      'case',
      'add',
      vault,
      '--force',
      'Kent Police',
      '--reference',
      '46/12345/24',
      '--officer',
      'PC Jo Bloggs',
      '--collar',
      '4321',
      '--reported-on',
      '18/11/2024',
    ]);
    const linked = await run(['case', 'link', vault, caseId, incidentId]);
    expectOk(linked);
    expect(linked.stdout).toBe('Linked 1 incident to police case 46/12345/24; it covers 1.\n');
    const [inc] = (await listed()).filter((i) => i.id === incidentId);
    expect(inc).toMatchObject({
      toldPolice: true,
      policeCases: [{ id: caseId, force: 'Kent Police', reference: '46/12345/24' }],
    });
    const cases = JSON.parse((await run(['case', 'list', vault, '--json'])).stdout) as Record<string, unknown>[];
    expect(cases[0]).toMatchObject({
      officer: 'PC Jo Bloggs',
      collarNumber: '4321',
      firstReportedOn: '2024-11-18',
      incidentIds: [incidentId],
    });

    const before = await vaultState(vault);
    const ghost = 'e'.repeat(32);
    expectOneLineError(
      await run(['case', 'link', vault, caseId, dateOnlyId, ghost]),
      2,
      new RegExp(`There is no incident with id ${ghost}`),
    );
    expect(await vaultState(vault)).toEqual(before);
  }, 120_000);

  test('person merge: incidents name the one kept, the other goes, the activity log names both', async () => {
    const r = await run(['person', 'merge', vault, dup, alan]);
    expectOk(r);
    expect(r.stdout).toBe(`Merged person ${dup} into Alan Example.\n${alan}\n`);
    const all = await people();
    expect(all.map((p) => p.id)).toEqual([alan, witness]);
    expect(all[0]?.identifiers.map((i) => i.handle || i.url)).toEqual(['@troll_123', 'alan.ex', 'https://x.com/t2']);
    const [inc] = (await listed()).filter((i) => i.id === incidentId);
    expect(inc?.believedResponsible).toEqual([alan]);
    const log = JSON.parse((await run(['log', vault, '--json'])).stdout) as {
      action: string;
      subjectId: string;
      details: Record<string, unknown>;
    }[];
    const gone = log.find((e) => e.action === 'delete' && e.subjectId === dup);
    // The one merged away goes to the bin like any deleted person: its tombstone carries the record's hash.
    expect(gone?.details).toEqual({
      reason: 'merged',
      from: dup,
      into: alan,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      recordSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const check = await run(['check', vault]);
    expect(check.code).toBe(0);
  }, 120_000);
});
