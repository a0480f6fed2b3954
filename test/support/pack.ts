/**
 * Case-pack test helpers: a real vault in a temporary folder, filled with the shared fixtures and
 * a few awkward file names, and small runners for the ordinary tools (sha256sum, pdftotext, …).
 */
import { execFile } from 'node:child_process';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import type { Exhibit, Incident, Person } from '../../shared/model.js';
import { TEST_KDF, Vault } from '../../electron/core/index.js';
import type { VaultApi } from '../../electron/core/api.js';
import { sshPublicKeyLine, sshSignature } from '../../electron/core/pack/sshsig.js';

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

/** What openssl says of a folder pack's signature over its tag manifest: the check its README gives. */
export async function opensslVerify(bag: string): Promise<string> {
  const r = await run(
    'openssl',
    [
      'pkeyutl',
      '-verify',
      '-pubin',
      '-inkey',
      'signing-key.pem',
      '-rawin',
      '-in',
      'tagmanifest-sha256.txt',
      '-sigfile',
      'tagmanifest-sha256.txt.sig',
    ],
    bag,
  );
  return r.stdout + r.stderr;
}

/** Rewrite every line of a folder pack's manifest with the SHA-256 its file has now. */
export function rehashManifest(bag: string, manifest: string): void {
  const sha = (p: string): string =>
    createHash('sha256')
      .update(readFileSync(path.join(bag, p)))
      .digest('hex');
  const m = path.join(bag, manifest);
  writeFileSync(
    m,
    readFileSync(m, 'utf8').replace(/^[0-9a-f]{64} {2}(.+)$/gm, (_, p: string) => `${sha(p)}  ${p}`),
  );
}

/**
 * Forge a folder pack: change an exhibit, re-hash both manifests, and sign with a fresh Ed25519
 * key that travels in the pack. Returns the new key's fingerprint (SHA-256 of the raw key, hex).
 */
export function forgePack(bag: string): string {
  const f = path.join(bag, 'data/exhibits/AB-01-post-1.png');
  const b = readFileSync(f);
  b[100] = (b[100] ?? 0) ^ 1;
  writeFileSync(f, b);
  const k = generateKeyPairSync('ed25519');
  const raw = k.publicKey.export({ type: 'spki', format: 'der' }).subarray(-32);
  writeFileSync(path.join(bag, 'signing-key.pem'), k.publicKey.export({ type: 'spki', format: 'pem' }));
  writeFileSync(path.join(bag, 'signing-key.pub'), `${sshPublicKeyLine(raw)}\n`);
  rehashManifest(bag, 'manifest-sha256.txt');
  rehashManifest(bag, 'tagmanifest-sha256.txt');
  const tags = readFileSync(path.join(bag, 'tagmanifest-sha256.txt'));
  writeFileSync(path.join(bag, 'tagmanifest-sha256.txt.sig'), sign(null, tags, k.privateKey));
  // The SSH form too: a forger who knows the format re-signs both.
  writeFileSync(
    path.join(bag, 'tagmanifest-sha256.txt.sshsig'),
    sshSignature(tags, raw, (d) => sign(null, d, k.privateKey)),
  );
  return createHash('sha256').update(raw).digest('hex');
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

/**
 * For one test file: a vault seeded (seedVault) before its tests, closed after them, with every
 * temporary folder removed. Read it inside tests and hooks registered after this call.
 */
export function seedVaultForFile(): Seeded {
  let seeded: Seeded | undefined;
  beforeAll(async () => {
    seeded = await seedVault();
  });
  afterAll(() => {
    seeded?.vault.close();
    cleanup();
  });
  const get = (): Seeded => {
    if (!seeded) throw new Error('The seeded vault is made in beforeAll: read it inside a test or a later hook.');
    return seeded;
  };
  return {
    get vault() {
      return get().vault;
    },
    get dir() {
      return get().dir;
    },
    get people() {
      return get().people;
    },
    get incidents() {
      return get().incidents;
    },
    byTitle: (title) => get().byTitle(title),
    exhibits: () => get().exhibits(),
  };
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
