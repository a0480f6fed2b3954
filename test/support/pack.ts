/**
 * Case-pack test helpers: a real vault in a temporary folder, filled with the shared fixtures and
 * a few awkward file names, and small runners for the ordinary tools (sha256sum, pdftotext, …).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import type { Exhibit, Incident, Person } from '../../shared/model.js';
import { TEST_KDF, Vault } from '../../electron/core/index.js';
import type { VaultApi } from '../../electron/core/api.js';

import { FIXTURES } from '../fixtures.js';
export { FIXTURES };
export const PASS = 'case pack test passphrase';
const exec = promisify(execFile);

const made: string[] = [];
export function tempDir(prefix = 'ev-pack-'): string {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(d);
  return d;
}
export function cleanup(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

export async function run(
  cmd: string,
  args: string[],
  cwd?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await exec(cmd, args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : 1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

/** Names that Windows forbids or that are too long, imported as streams. */
export const AWKWARD_NAMES = [
  'CON.txt',
  'what: is <this>? "quoted" | piped*.txt',
  `${'very-long-name-'.repeat(20)}end.txt`,
  'trailing dots and spaces. . .',
  '100% évidence — ünïcode.txt',
];

export interface Seeded {
  vault: VaultApi;
  dir: string;
  people: { smith: Person; witness: Person; secret: Person };
  /** Oldest first. */
  incidents: Incident[];
  byTitle: (title: string) => Incident;
  exhibits: () => Exhibit[];
}

/** A vault with four incidents (created out of time order), people, reports, notes, private fields and exhibits. */
export async function seedVault(): Promise<Seeded> {
  const dir = path.join(tempDir(), 'vault');
  const { vault } = await Vault.create(dir, PASS, { kdf: TEST_KDF });
  vault.updateSettings({
    producerName: 'Alex Brown',
    producerInitials: 'AB',
    contactEmail: 'alex.brown@example.org',
    contactPhone: '+44 7700 900123',
  });
  const smith = vault.createPerson({ name: 'John Smith', handles: ['@jsmith_77'], description: 'Tall, grey coat' });
  const witness = vault.createPerson({ name: 'Mary Jones', role: 'witness' });
  const secret = vault.createPerson({ name: 'Secret Neighbour Zed', role: 'witness', private: true });

  const third = vault.createIncident({
    title: 'Third: threatening letter through the door',
    occurredAt: { date: '2024-06-10', approximate: true },
    categories: ['threatening-behaviour', 'election-offence'],
    channel: { kind: 'letter' },
    location: '12 Private Road, Hometown',
    description: 'A handwritten letter saying "we know where you live".',
    perpetratorIds: [smith.id],
    witnessIds: [secret.id],
    escalationSignals: ['imminent-violence', 'personal-information-released'],
    reports: [
      {
        kind: 'police',
        force: 'West Midlands Police',
        reference: 'WMP-2024-0611',
        officer: 'PC 1234 Patel',
        date: '2024-06-11',
      },
    ],
    notes: 'NOTE-TEXT-MUST-NOT-LEAK: I think it is the man from the meeting.',
    privateFields: ['location'],
  });
  const first = vault.createIncident({
    title: '=HYPERLINK("http://evil.example","click") first abusive post',
    occurredAt: { date: '2024-05-03', time: '21:40', offset: '+01:00' },
    categories: ['online-abuse', 'harassment'],
    channel: { kind: 'social-media', detail: 'X' },
    description: '+44 abuse in replies\n@everyone pile-on\n-1 star',
    perpetratorIds: [smith.id],
    reports: [{ kind: 'platform', platform: 'X', reference: 'X-998877', date: '2024-05-04', outcome: 'removed' }],
  });
  const second = vault.createIncident({
    title: 'Second: campaign poster damaged',
    occurredAt: { date: '2024-05-20', time: '07:15', offset: 'Z' },
    categories: ['criminal-damage'],
    channel: { kind: 'in-person' },
    location: 'High Street',
    witnessIds: [witness.id],
  });
  const fourth = vault.createIncident({
    title: 'Fourth: odd file names',
    occurredAt: { date: '2024-07-01', time: '12:00', offset: '-04:00' },
    categories: ['other'],
  });
  await vault.importExhibits(first.id, [path.join(FIXTURES, 'post-1.png'), path.join(FIXTURES, 'post-2.png')]);
  await vault.importExhibits(second.id, [path.join(FIXTURES, 'damage.jpg')]);
  await vault.importExhibits(third.id, [path.join(FIXTURES, 'letter.pdf'), path.join(FIXTURES, 'email-2.eml')]);
  await vault.importExhibitStreams(
    fourth.id,
    AWKWARD_NAMES.map((name, i) => ({ name, stream: Readable.from([Buffer.from(`awkward file ${i}\n`)]) })),
  );
  const incidents = vault.listIncidents();
  return {
    vault,
    dir,
    people: { smith, witness, secret },
    incidents,
    byTitle: (t) => {
      const i = vault.listIncidents().find((x) => x.title.startsWith(t));
      if (!i) throw new Error(`no incident ${t}`);
      return i;
    },
    exhibits: () => vault.listIncidents().flatMap((i) => i.exhibits),
  };
}

/** Every file under dir, relative, with '/'. */
export function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string): void => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(p).isDirectory()) walk(p, r);
      else out.push(r);
    }
  };
  walk(dir, '');
  return out.sort();
}

/** The blob file of the vault that was added by fn (to damage one exhibit's stored copy). */
export function blobFiles(vaultDir: string): Set<string> {
  return new Set(readdirSync(path.join(vaultDir, 'blobs')).filter((n) => !n.startsWith('.')));
}
