/**
 * The case pack's main PDF for police and the CPS (issue 14), made from a real seeded vault and
 * read back with pdftotext: the summary, the course-of-conduct table, the chronology with its
 * written/changed lines, the people sheets, the exhibit list, the statement aid and the activity
 * log with a deletion's hash and reason, in that order. Set EV_PDF_OUT to keep the PDF.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_KDF, Vault } from '../../index.js';
import type { VaultApi } from '../../api.js';
import { exportPack } from '../exporter.js';
import type { PackReceipt } from '../../../../shared/ipc-pack.js';
import { cleanup, FIXTURES, PASS, run, tempDir } from '../../../../test/support/pack.js';

let vault: VaultApi;
let out: string;
let earlier: PackReceipt;
let receipt: PackReceipt;
let text: string;
let flat: string;
/** pdftotext -raw: the content stream's order, one table cell after another. */
let raw: string;
let deletedSha = '';

beforeAll(async () => {
  const dir = path.join(tempDir(), 'vault');
  ({ vault } = await Vault.create(dir, PASS, { kdf: TEST_KDF }));
  vault.updateSettings({
    producerName: 'Jane Smith',
    producerInitials: 'JS',
    producerRole: 'Parliamentary candidate',
    constituency: 'Ashford',
    electionDate: '2019-12-12',
    safeContact: 'Text my agent Sam first: 07700 900456',
    timesToAvoid: 'Hustings evenings; 12/12/2019 all day',
    contactEmail: 'jane@example.org',
    contactPhone: '07700 900123',
  });
  const p1 = vault.createPerson({
    name: 'Angry Voter',
    handles: ['@angry_voter_1'],
    description: 'Grey hoodie, silver hatchback',
    identifiers: [
      {
        platform: 'X',
        handle: '@angry_voter_1',
        accountId: '1234567890',
        url: 'https://x.com/angry_voter_1',
        firstSeen: '2019-11-12',
        lastSeen: '2019-11-20',
      },
    ],
    basis: 'Same photo on both accounts; he signed the letter with the same name.',
  });
  const w1 = vault.createPerson({
    name: 'Sam Agent',
    role: 'witness',
    contact: '07700 900456',
    sawWhat: 'Saw the car being scratched from the office window.',
    knowsNamed: true,
  });
  const first = vault.createIncident({
    title: 'Threatening post on X about the hustings',
    occurredAt: { date: '2019-11-12', time: '20:15', offset: 'Z' },
    categories: ['threatening-behaviour', 'online-abuse'],
    channel: { kind: 'social-media', detail: 'X' },
    description: 'A post said "we will be waiting for you".',
    effect: 'I stopped walking home alone after the hustings.',
    identifiers: [{ kind: 'handle', value: '@angry_voter_1', platform: 'X' }],
    perpetratorIds: [p1.id],
    escalationSignals: ['imminent-violence'],
    reports: [{ kind: 'platform', platform: 'X', reference: 'X-55', date: '2019-11-13', outcome: 'removed' }],
  });
  vault.updateIncident(first.id, {
    title: first.title,
    occurredAt: first.occurredAt,
    categories: first.categories,
    channel: first.channel,
    description: 'A post said "we will be waiting for you after the hustings".',
    effect: first.effect,
    identifiers: first.identifiers,
    perpetratorIds: first.perpetratorIds,
    escalationSignals: first.escalationSignals,
    reports: first.reports,
  });
  const second = vault.createIncident({
    title: 'Car scratched outside the campaign office',
    occurredAt: { date: '2019-11-20', time: '07:12', offset: 'Z', approximate: true },
    categories: ['criminal-damage'],
    channel: { kind: 'in-person' },
    location: 'Campaign office car park',
    perpetratorIds: [p1.id],
    witnessIds: [w1.id],
    effect: 'I now park in the council car park.',
  });
  const third = vault.createIncident({
    title: 'Letter through the door',
    occurredAt: { date: '2019-11-25' },
    categories: ['harassment'],
    channel: { kind: 'letter' },
  });
  const gone = vault.createIncident({ title: 'Entered by mistake', occurredAt: { date: '2019-11-01' } });
  const [shot] = await vault.importExhibits(first.id, [path.join(FIXTURES, 'post-1.png')]);
  await vault.importExhibits(second.id, [path.join(FIXTURES, 'damage.jpg')]);
  await vault.importExhibits(third.id, [path.join(FIXTURES, 'letter.pdf')]);
  vault.updateExhibitDetails(shot!.id, {
    description: 'a post by the X account @angry_voter_1',
    obtainedHow: 'screenshot',
    obtainedBy: 'me',
    obtainedAt: '2019-11-12T20:17Z',
    source: {
      url: 'https://x.com/angry_voter_1/status/1',
      platform: 'X',
      handle: '@angry_voter_1',
      accountId: '1234567890',
    },
    originalLocation: 'on X (since removed)',
    changedByMe: 'cropped to the post',
  });
  vault.createCase({
    force: 'Kent Police',
    reference: '46/12345/19',
    officer: 'PC Patel',
    collarNumber: '1234',
    spoc: 'DS Jones',
    firstReportedOn: '2019-11-13',
    incidentIds: [first.id, second.id],
  });
  vault.deleteIncident(gone.id, 'entered twice by mistake');
  deletedSha = String(vault.custodyLog().find((e) => e.action === 'delete' && e.subjectId === gone.id)?.details.sha256);
  earlier = await exportPack(vault, { out: path.join(tempDir(), 'first-pack') });
  out = path.join(tempDir(), 'pack');
  receipt = await exportPack(vault, { out, recipient: 'PC Patel, Kent Police' });
  if (process.env.EV_PDF_OUT) copyFileSync(path.join(out, 'data/chronology.pdf'), process.env.EV_PDF_OUT);
  const r = await run('pdftotext', ['-layout', 'data/chronology.pdf', '-'], out);
  expect(r.code, r.stderr).toBe(0);
  text = r.stdout;
  flat = text.replace(/\s+/g, ' ');
  raw = (await run('pdftotext', ['-raw', 'data/chronology.pdf', '-'], out)).stdout.replace(/\s+/g, ' ');
});

afterAll(() => {
  vault?.close();
  cleanup();
});

describe('the case pack PDF for police', () => {
  it('has its sections in order: summary, course of conduct, chronology, people, exhibits, statement aid, activity log', () => {
    const at = [
      'Summary for police',
      'Course of conduct',
      'Chronology of incidents',
      'First written',
      'People A sheet',
      'Exhibit list',
      'Statement aid (not a statement)',
      'Activity log kept by the producer’s own software',
      'Disclosure note for the officer',
    ].map((t) => flat.indexOf(t));
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(at),
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('the summary: producer, role, constituency, safe contact, police case, case in brief, left out, ids, exhibit box', () => {
    const summary = flat.slice(0, flat.indexOf('Course of conduct'));
    expect(summary).toContain('Name: Jane Smith');
    expect(summary).toContain('Role: Parliamentary candidate, Ashford');
    expect(summary).toContain('Election: Thu 12/12/2019');
    expect(summary).toContain('Safe way to make contact: Text my agent Sam first: 07700 900456');
    expect(summary).toContain('Times to avoid: Hustings evenings');
    expect(summary).toContain('Prepared for: PC Patel, Kent Police');
    expect(summary).toContain('Kent Police, reference 46/12345/19');
    expect(summary).toContain('officer in the case PC Patel, collar number 1234');
    expect(summary).toContain('incidents 1, 2');
    expect(summary).toContain('Period: Tue 12/11/2019 20:15 GMT to Mon 25/11/2019 (date only)');
    expect(summary).toContain('Threatening behaviour 1');
    expect(summary).toContain('Tue 12/11/2019 20:15 GMT (incident 1): Threat of imminent violence');
    expect(summary).toContain('P1 Angry Voter (@angry_voter_1): incidents 1, 2');
    expect(summary).toContain('W1 Sam Agent: incidents 2');
    expect(summary).toContain('Incidents: 3 of the 3 in the record');
    expect(summary).toContain('1 deletion(s) in the record');
    expect(summary).toContain(receipt.packId);
    expect(summary).toContain(receipt.signingKeyFingerprint.match(/.{4}/g)?.join(' ') ?? 'x');
    expect(summary).toMatch(/This chronology is exhibit _+ \/ _+ \(officer to complete\)/);
    expect(summary).not.toContain('(not given)');
  });

  it('the course-of-conduct table: one line per incident with date, time, channel, identifier, P-number, exhibits, reports', () => {
    const table = text.slice(text.indexOf('Course of conduct'), text.indexOf('Chronology of incidents'));
    expect(table).toMatch(/1\s+Tue 12\/11\/2019\s+20:15 GMT\s+Threatening post on X/);
    expect(table).toMatch(/2\s+Wed 20\/11\/2019\s+07:12 GMT/);
    expect(table).toContain('(about)');
    expect(table).toMatch(/3\s+Mon 25\/11\/2019\s+no time/);
    expect(table).toContain('@angry_voter_1 (X)');
    expect(table).toContain('Police: 46/12345/19');
    expect(table).toContain('Platform: X');
    expect(table).toContain('JS/1');
    expect(table).toContain('Threat of imminent');
  });

  it('the chronology: UK dates, identifier, believed responsible and why, witness, effect, exhibits with description, written/changed', () => {
    const chron = flat.slice(flat.indexOf('Chronology of incidents'), flat.indexOf('Exhibit list'));
    expect(chron).toContain('1. Tue 12/11/2019 20:15 GMT');
    expect(chron).toContain('2. About Wed 20/11/2019 07:12 GMT');
    expect(chron).toContain('3. Mon 25/11/2019 (date only)');
    expect(chron).toContain('Identifier used (as seen): @angry_voter_1 (X)');
    expect(chron).toContain('Believed responsible: P1 Angry Voter (@angry_voter_1). Why: Same photo on both accounts');
    expect(chron).toContain('Witness: W1 Sam Agent (knows they are named)');
    expect(chron).toContain('Effect on me, and what I did or changed: I stopped walking home alone');
    expect(chron).toContain('Police case: Kent Police, reference 46/12345/19');
    expect(chron).toContain('JS/1 (a post by the X account @angry_voter_1; post-1.png)');
    expect(chron).toMatch(
      /First written \w{3} \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} (GMT|BST) · changed .* \(what happened\) · earlier wordings in the annex/,
    );
    expect(chron).toContain('never changed');
  });

  it('the people sheets: identifiers with platform, account id, URL, first and last seen, basis; the witness', () => {
    const people = flat.slice(flat.indexOf('People A sheet'), flat.indexOf('Exhibit list'));
    expect(people).toContain('P1: Angry Voter (believed responsible)');
    expect(people).toContain('1234567890');
    expect(people).toContain('https://x.com/angry_voter_1');
    expect(people).toContain('12/11/2019');
    expect(people).toContain('20/11/2019');
    expect(people).toContain('Why the producer links these identifiers to this person: Same photo');
    expect(people).toContain('W1: Sam Agent (witness)');
    expect(people).toContain('What they saw or heard: Saw the car being scratched');
    expect(people).toContain('Knows they are named in this record: Yes');
  });

  it('the exhibit list: provenance, hash, size, file in pack, capture metadata, changed by me; no “File’s own time”', () => {
    const list = flat.slice(flat.indexOf('Exhibit list'), flat.indexOf('Statement aid'));
    expect(list).toContain('Exhibit JS/1');
    expect(list).toContain('Description: a post by the X account @angry_voter_1');
    expect(list).toContain('Type: digital file (image/png)');
    expect(list).toContain('Produced by: me');
    expect(list).toContain('When obtained: Tue 12/11/2019 20:17 GMT');
    expect(list).toContain('How obtained: Screenshot taken on this computer');
    expect(list).toContain('account id 1234567890');
    expect(list).toContain('Where the original is now: on X (since removed)');
    expect(list).toContain('Changed by me (cropped, redacted …): cropped to the post');
    expect(list).toContain('Last modified on the computer it came from');
    expect(list).toContain('File in pack: data/exhibits/JS-01-post-1.png');
    expect(list).toContain('byte-for-byte the file imported');
    expect(flat).not.toContain('File’s own time');
    expect(flat).not.toContain('original files, unchanged');
  });

  it('the statement aid: first-person exhibit sentences, the VPS prompts, MG11-back details, and "not a signed section 9 statement"', () => {
    const aid = flat.slice(flat.indexOf('Statement aid'), flat.indexOf('Activity log kept'));
    expect(aid).toContain('This is not a signed section 9 statement');
    expect(aid).toContain(
      'At about 20:17 on Tuesday 12/11/2019 I took a screenshot on my computer of a post by the X account @angry_voter_1',
    );
    expect(aid).toContain('I produce it as exhibit JS/1.');
    expect(aid).toContain('Victim Personal Statement');
    expect(aid).toContain('I now park in the council car park.');
    expect(aid).toContain('For the back of the MG11');
    expect(aid).toContain(
      'Dates and times to avoid: Hustings evenings; 12/12/2019 all day; election day Thu 12/12/2019',
    );
  });

  it('the activity log: edits with fields, a deletion of an item not in the pack with its hash and reason, the earlier pack', () => {
    const log = raw.slice(raw.indexOf('Activity log kept'), raw.indexOf('Disclosure note'));
    expect(log).toContain('not a chain of custody');
    expect(log).toMatch(/Changed Incident 1 Fields changed: what happened/);
    expect(log).toContain('entered twice by mistake');
    expect(log).toContain('an incident not in this pack');
    expect(log).toContain('Fields changed: changed by me, description, when obtained, who obtained it');
    expect(log.replace(/ /g, '')).toContain(deletedSha);
    expect(log).not.toContain('Entered by mistake');
    expect(log).toContain(earlier.packId);
    expect(log.replace(/ /g, '')).toContain(earlier.tagManifestSha256);
  });

  it('data/custody/ holds the same: the deletion (hash and reason, never the title), edits with fields, the earlier pack', () => {
    const raw = readFileSync(path.join(out, 'data/custody/custody-log.json'), 'utf8');
    const log = JSON.parse(raw) as {
      entries: { action: string; subjectKind: string; details: Record<string, unknown> }[];
    };
    const del = log.entries.find((e) => e.action === 'delete' && e.subjectKind === 'incident');
    expect(del?.details).toEqual(expect.objectContaining({ reason: 'entered twice by mistake', sha256: deletedSha }));
    expect(raw).not.toContain('Entered by mistake');
    const edit = log.entries.find((e) => e.action === 'edit' && e.subjectKind === 'incident');
    expect(edit?.details.changed).toEqual(['description']);
    const pack = log.entries.find((e) => e.action === 'export' && e.subjectKind === 'pack');
    expect(pack?.details).toEqual(
      expect.objectContaining({ packId: earlier.packId, tagManifestSha256: earlier.tagManifestSha256 }),
    );
    const csv = readFileSync(path.join(out, 'data/custody/custody-log.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toContain('Reason,Fields changed');
    expect(csv).toContain('entered twice by mistake');
  });

  it('the disclosure note and the words about the signature and the categories', () => {
    expect(flat).toContain('The full record exists');
    expect(flat).toContain('may be seen by the defence');
    expect(flat).toContain('it does not show: by itself, who made the pack or when'.replace('it does', 'What it does'));
    expect(flat).toContain('the producer’s own description of each incident');
    expect(flat).toContain('Annex: earlier wordings');
    expect(flat).toContain('A post said "we will be waiting for you".');
  });

  it('README.txt and the CSV do not overclaim: byte-for-byte copies, what the signature shows, the producer’s description', () => {
    const readme = readFileSync(path.join(out, 'data/README.txt'), 'utf8').replace(/\s+/g, ' ');
    expect(readme).not.toContain('ORIGINAL FILES');
    expect(readme).not.toContain('custody log');
    expect(readme).toContain('Each exhibit file is byte-for-byte the file imported into Evidence Vault');
    expect(readme).toContain('Screenshots, scans and exports are copies the producer made');
    expect(readme).toContain("kept by the producer's own software, not an independent record");
    expect(readme).toContain('It does not by itself show who made the pack or when');
    expect(readme).toContain("the producer's own description and belief, not legal findings");
    expect(readme).toMatch(/exported on \w{3} \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} (GMT|BST)/);
    const csv = readFileSync(path.join(out, 'data/chronology.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toContain('Type of incident (producer’s description)');
  });

  it('the PDF is a real PDF pdfinfo reads, A4 with landscape table pages', async () => {
    const info = await run('pdfinfo', [path.join(out, 'data/chronology.pdf')]);
    expect(info.code).toBe(0);
    expect(readFileSync(path.join(out, 'data/chronology.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1]);
    for (let p = 1; p <= pages; p++) expect(flat).toContain(`Page ${p} of ${pages}`);
  });
});
