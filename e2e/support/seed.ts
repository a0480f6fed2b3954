/**
 * Pre-create a vault with data, quickly, with the real core (electron/core) and the fast test KDF.
 * Used by e2e/fixtures.ts (the `vaultSeed` option) and bench/renderer.ts (10,000 incidents).
 *
 *   const { recoveryKey, incidentIds } = await seedVault(dir, {
 *     incidents: [{ title: 'Leaflet torn', occurredAt: { date: '2024-05-03' } }],
 *     attach: [{ incident: 0, files: ['post-1.png', 'email-2.eml'] }],   // names in the shared fixtures
 *     generated: { incidents: 200, exhibitsPerIncident: 1 },                // synthetic, deterministic
 *   });
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ContactInput, IncidentInput, PersonInput } from '../../shared/model.js';
import { CATEGORY_IDS, CHANNEL_KINDS, ESCALATION_SIGNALS } from '../../shared/model.js';
import { TEST_KDF, Vault } from '../../electron/core/index.js';

export const TEST_PASSPHRASE = 'correct horse battery staple';
/** The shared evidence fixtures (read-only: seedVault copies them before import). */
import { FIXTURES } from '../../test/fixtures.js';
export const FIXTURES_DIR = FIXTURES;

export interface SeedSpec {
  /** Default TEST_PASSPHRASE. The vault uses the fast test KDF. */
  passphrase?: string;
  people?: PersonInput[];
  contacts?: ContactInput[];
  /** Created in this order (ids returned in the same order), before any generated ones. */
  incidents?: IncidentInput[];
  /** Files to attach: `incident` indexes `incidents`; files are fixture names or absolute paths. */
  attach?: { incident: number; files: string[] }[];
  /** Synthetic incidents (deterministic): varied titles, descriptions, categories, people, dates. */
  generated?: { incidents: number; exhibitsPerIncident?: number; people?: number; seed?: number };
  /** Progress for long seeds (the benchmark). */
  onProgress?: (label: string, done: number, total: number) => void;
}

export interface SeedResult {
  passphrase: string;
  recoveryKey: string;
  incidentIds: string[];
  personIds: string[];
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WHAT = [
  'Abusive reply',
  'Threatening letter',
  'Leaflets torn down',
  'Egg thrown at office window',
  'Message about my family',
  'Followed after canvassing',
  'Comment under my post',
  'Voicemail left overnight',
  'Graffiti on the garage',
  'Photo of my house shared',
  'Shouted at during hustings',
  'E-mail with a fake bomb threat',
];
const WHERE = [
  'the high street',
  'the campaign office',
  'home',
  'the market square',
  'the station car park',
  'the community centre',
  'online',
  'the school gate',
];
const PLATFORMS = ['X', 'Facebook', 'Instagram', 'TikTok', 'WhatsApp', 'Telegram', 'YouTube', ''];
const WORDS =
  'he said she they told me again warned watch know where live family car office night window door photo post comment reply threat leaflet canvassing council vote election street'.split(
    ' ',
  );
const NAMES = [
  'Alex Morgan',
  'Sam Price',
  'Jo Turner',
  'Chris Hale',
  'Pat Quinn',
  'Robin Shaw',
  'Kim Lowe',
  'Lee Dunn',
  'Ash Bell',
  'Jamie Ford',
];

/** A tiny valid PNG (1×1), with a few distinct trailing bytes so each exhibit differs. */
const PNG_1x1 = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6300010000050001' +
    '0d0a2db40000000049454e44ae426082',
  'hex',
);

function syntheticIncident(r: () => number, i: number, personIds: string[]): IncidentInput {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const day = new Date(Date.UTC(2022, 0, 1) + Math.floor(r() * 3 * 365) * 86_400_000);
  const hh = String(Math.floor(r() * 24)).padStart(2, '0');
  const mm = String(Math.floor(r() * 60)).padStart(2, '0');
  const words = Array.from({ length: 20 + Math.floor(r() * 40) }, () => pick(WORDS)).join(' ');
  const kind = pick(CHANNEL_KINDS);
  const platform = kind === 'social-media' || kind === 'messaging-app' ? pick(PLATFORMS) : '';
  const perp = personIds.length > 0 && r() < 0.8 ? [pick(personIds)] : [];
  return {
    title: `${pick(WHAT)} #${i + 1}`,
    occurredAt: { date: day.toISOString().slice(0, 10), time: `${hh}:${mm}`, offset: r() < 0.5 ? '+01:00' : 'Z' },
    description: `At ${pick(WHERE)}: ${words}.`,
    categories: [pick(CATEGORY_IDS), ...(r() < 0.3 ? [pick(CATEGORY_IDS)] : [])].filter(
      (c, k, a) => a.indexOf(c) === k,
    ),
    channel: platform ? { kind, detail: platform } : { kind },
    location: pick(WHERE),
    perpetratorIds: perp,
    escalationSignals: r() < 0.05 ? [pick(ESCALATION_SIGNALS)] : [],
    reports: r() < 0.2 ? [{ kind: 'police', force: 'Met', reference: `CAD ${1000 + i}` }] : [],
    notes: r() < 0.3 ? `Note ${i}: ${pick(WORDS)} ${pick(WORDS)}` : '',
  };
}

/** Creates a vault in dir (which must be absent or empty) with the given data; closes it. */
export async function seedVault(dir: string, spec: SeedSpec = {}): Promise<SeedResult> {
  const passphrase = spec.passphrase ?? TEST_PASSPHRASE;
  const { vault, recoveryKey } = await Vault.create(dir, passphrase, { kdf: TEST_KDF });
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'ev-seed-'));
  try {
    const personIds: string[] = [];
    const incidentIds: string[] = [];
    vault.batch(() => {
      for (const p of spec.people ?? []) personIds.push(vault.createPerson(p).id);
      for (const c of spec.contacts ?? []) vault.createContact(c);
      for (const i of spec.incidents ?? []) incidentIds.push(vault.createIncident(i).id);
    });
    for (const a of spec.attach ?? []) {
      const id = incidentIds[a.incident];
      if (!id) throw new Error(`seedVault: attach names incident ${a.incident}, which is not in incidents`);
      const paths: string[] = [];
      for (const f of a.files) {
        const src = path.isAbsolute(f) ? f : path.join(FIXTURES_DIR, f);
        const copy = path.join(scratch, `${paths.length}`, path.basename(src));
        await import('node:fs/promises').then((fs) => fs.mkdir(path.dirname(copy), { recursive: true }));
        await copyFile(src, copy);
        paths.push(copy);
      }
      await vault.importExhibits(id, paths);
    }
    const gen = spec.generated;
    if (gen && gen.incidents > 0) {
      const r = rng(gen.seed ?? 42);
      const people: string[] = [];
      vault.batch(() => {
        for (let k = 0; k < (gen.people ?? 40); k++) {
          people.push(
            vault.createPerson({ name: `${NAMES[k % NAMES.length]!} ${k + 1}`, handles: [`@troll${k + 1}`] }).id,
          );
        }
      });
      personIds.push(...people);
      const chunk = 1000;
      for (let start = 0; start < gen.incidents; start += chunk) {
        vault.batch(() => {
          for (let i = start; i < Math.min(gen.incidents, start + chunk); i++) {
            incidentIds.push(vault.createIncident(syntheticIncident(r, i, people)).id);
          }
        });
        spec.onProgress?.('incidents', Math.min(gen.incidents, start + chunk), gen.incidents);
      }
      const per = gen.exhibitsPerIncident ?? 0;
      if (per > 0) {
        const generatedIds = incidentIds.slice(incidentIds.length - gen.incidents);
        let done = 0;
        const total = generatedIds.length * per;
        const lanes = 4;
        let next = 0;
        const worker = async (): Promise<void> => {
          while (next < generatedIds.length) {
            const k = next++;
            const id = generatedIds[k]!;
            const sources = Array.from({ length: per }, (_v, j) => {
              const n = k * per + j;
              const isPng = n % 2 === 0;
              const data = isPng
                ? Buffer.concat([PNG_1x1, Buffer.from(`#${n}`)])
                : Buffer.from(`Message ${n}: ${WORDS[n % WORDS.length]} — copied from the phone.\n`);
              return {
                name: isPng ? `screenshot-${n + 1}.png` : `message-${n + 1}.txt`,
                stream: Readable.from([data]),
              };
            });
            await vault.importExhibitStreams(id, sources);
            done += per;
            if (done % 1000 === 0 || done === total) spec.onProgress?.('exhibits', done, total);
          }
        };
        await Promise.all(Array.from({ length: lanes }, () => worker()));
      }
    }
    return { passphrase, recoveryKey, incidentIds, personIds };
  } finally {
    vault.close();
    await rm(scratch, { recursive: true, force: true });
  }
}
