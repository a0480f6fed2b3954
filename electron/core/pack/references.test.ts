/**
 * Permanent exhibit references in case packs (issue 13): the same reference names the same item
 * in every pack (whatever the selection, GPS pictures left out or not, after a reopen); a
 * reference not in a pack is explained ("AB/3: withheld by the producer") in the PDF's exhibit
 * list, the CSV and case.json; file names sort (AB-01, AB-100 with three digits past 99).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_KDF, Vault } from '../index.js';
import { assignExhibitNumber, type ExhibitBody } from '../records/exhibits.js';
import { randomId } from '../crypto/index.js';
import { exportPack } from './exporter.js';
import { FIXTURES, PASS, cleanup, run, seedVault, tempDir } from '../../../test/support/pack.js';

afterAll(cleanup);

interface CaseJson {
  exhibits: { ref: string; exhibitId: string; path: string }[];
  omittedExhibits: { ref: string | null; reason: string }[];
  withheldReferences: { ref: string; note: string }[];
}
const caseOf = (dir: string): CaseJson =>
  JSON.parse(readFileSync(path.join(dir, 'data/case.json'), 'utf8')) as CaseJson;
const refsById = (c: CaseJson): Record<string, string> =>
  Object.fromEntries(c.exhibits.map((e) => [e.exhibitId, e.ref]));

describe('permanent references in case packs', () => {
  it('stay the same across exports with different selections, GPS pictures left out or not, and a reopen; gaps are explained', async () => {
    const s = await seedVault();
    const all = path.join(tempDir(), 'all');
    const noGps = path.join(tempDir(), 'nogps');
    const third = path.join(tempDir(), 'third');
    await exportPack(s.vault, { out: all });
    await exportPack(s.vault, { out: noGps, excludeGpsExhibits: true });
    await exportPack(s.vault, { out: third, selection: { incidentIds: [s.byTitle('Third').id] } });
    const full = refsById(caseOf(all));
    expect(Object.keys(full)).toHaveLength(10);
    for (const dir of [noGps, third]) {
      for (const [id, ref] of Object.entries(refsById(caseOf(dir)))) expect(ref).toBe(full[id]);
    }
    // The GPS photo (AB/3) is a gap in the second pack, explained everywhere.
    const c2 = caseOf(noGps);
    expect(c2.exhibits.map((e) => e.ref)).not.toContain('AB/3');
    expect(c2.omittedExhibits).toEqual([expect.objectContaining({ ref: 'AB/3', reason: 'gps-position' })]);
    expect(c2.withheldReferences).toEqual([{ ref: 'AB/3', note: 'withheld by the producer' }]);
    const pdf = (await run('pdftotext', ['-layout', 'data/chronology.pdf', '-'], noGps)).stdout.replace(/\s+/g, ' ');
    expect(pdf).toContain('AB/3: withheld by the producer');
    expect(pdf.indexOf('Exhibit AB/2')).toBeLessThan(pdf.indexOf('AB/3: withheld by the producer'));
    expect(pdf.indexOf('AB/3: withheld by the producer')).toBeLessThan(pdf.indexOf('Exhibit AB/4'));
    const rows = parse(readFileSync(path.join(noGps, 'data/chronology.csv')), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.find((r) => r.Title?.startsWith('Second'))?.Exhibits).toBe('AB/3 (withheld by the producer)');
    // The one-incident pack: AB/4 and AB/5 only; every other reference is explained, in ranges in the PDF.
    const c3 = caseOf(third);
    expect(c3.exhibits.map((e) => e.ref)).toEqual(['AB/4', 'AB/5']);
    expect(c3.withheldReferences.map((w) => w.ref)).toEqual([
      'AB/1',
      'AB/2',
      'AB/3',
      ...[6, 7, 8, 9, 10].map((n) => `AB/${n}`),
    ]);
    const pdf3 = (await run('pdftotext', ['-layout', 'data/chronology.pdf', '-'], third)).stdout.replace(/\s+/g, ' ');
    expect(pdf3).toContain('AB/1 to AB/3: withheld by the producer');
    expect(pdf3).toContain('AB/6 to AB/10: withheld by the producer');
    expect(readdirSync(path.join(third, 'data/exhibits')).sort()).toEqual(['AB-04-letter.pdf', 'AB-05-email-2.eml']);
    // Valid against the schema, gaps included.
    const schema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, 'case.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    for (const dir of [all, noGps, third]) expect(validate(caseOf(dir)), JSON.stringify(validate.errors)).toBe(true);

    // A deleted exhibit's number stays a gap; a reopened vault gives the same references.
    const post2 = s.exhibits().find((e) => e.name === 'post-2.png');
    s.vault.deleteExhibit(post2!.id, 'Not needed');
    s.vault.close();
    const again = await Vault.open(s.dir, { passphrase: PASS });
    const after = path.join(tempDir(), 'after');
    await exportPack(again, { out: after });
    const c4 = caseOf(after);
    for (const [id, ref] of Object.entries(refsById(c4))) expect(ref).toBe(full[id]);
    expect(c4.withheldReferences).toEqual([{ ref: 'AB/2', note: 'withheld by the producer' }]);
    again.close();
  });

  it('a vault without initials: the export refuses as before; initials given at export become the vault’s for good', async () => {
    const dir = path.join(tempDir(), 'vault');
    const { vault } = await Vault.create(dir, PASS, { kdf: TEST_KDF });
    const inc = vault.createIncident({ title: 'Letter', occurredAt: { date: '2024-05-03', approximate: false } });
    await vault.importExhibits(inc.id, [path.join(FIXTURES, 'letter.pdf')]);
    await expect(exportPack(vault, { out: path.join(tempDir(), 'x') })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/Give your initials/),
    });
    expect(vault.listIncidents()[0]?.exhibits[0]?.ref).toBeUndefined();
    const out = path.join(tempDir(), 'cd');
    await exportPack(vault, { out, initials: 'cd' });
    expect(caseOf(out).exhibits.map((e) => e.ref)).toEqual(['CD/1']);
    expect(vault.getSettings().producerInitials).toBe('CD');
    // Initials given later at export do not change a reference already given.
    const out2 = path.join(tempDir(), 'ef');
    await exportPack(vault, { out: out2, initials: 'EF' });
    expect(caseOf(out2).exhibits.map((e) => e.ref)).toEqual(['CD/1']);
    vault.close();
  });

  it('file names sort: three digits once the numbers pass 99', async () => {
    const dir = path.join(tempDir(), 'vault');
    const { vault } = await Vault.create(dir, PASS, { kdf: TEST_KDF });
    vault.updateSettings({ producerInitials: 'AB' });
    const inc = vault.createIncident({ title: 'Many', occurredAt: { date: '2024-05-03', approximate: false } });
    await vault.importExhibitStreams(
      inc.id,
      Array.from({ length: 101 }, (_, i) => ({
        name: `n${i + 1}.txt`,
        stream: Readable.from([Buffer.from(`${i}\n`)]),
      })),
    );
    const out = path.join(tempDir(), 'many');
    await exportPack(vault, { out });
    const names = readdirSync(path.join(out, 'data/exhibits')).sort();
    expect(names[0]).toBe('AB-001-n1.txt');
    expect(names[98]).toBe('AB-099-n99.txt');
    expect(names[100]).toBe('AB-101-n101.txt');
    vault.close();
  });

  it('a physical item (no file) has its reference in the pack: listed, never streamed, in its incident', async () => {
    const dir = path.join(tempDir(), 'vault');
    const { vault } = await Vault.create(dir, PASS, { kdf: TEST_KDF });
    vault.updateSettings({ producerInitials: 'AB' });
    const inc = vault.createIncident({ title: 'Letter', occurredAt: { date: '2024-05-03', approximate: false } });
    await vault.importExhibits(inc.id, [path.join(FIXTURES, 'letter.pdf')]);
    // As records/exhibits.ts addPhysicalExhibit (issue 13, C2) adds one: a body with no file, numbered.
    const s = vault.store;
    const id = randomId();
    s.transact(() => {
      const body: ExhibitBody = {
        incidentId: inc.id,
        blobId: '',
        name: 'Envelope',
        size: 0,
        sha256: '',
        mediaType: '',
        fileModifiedAt: '',
        importedAt: new Date().toISOString(),
        kind: 'physical',
        details: { description: 'The envelope the letter came in' } as ExhibitBody['details'],
        physical: { keptAt: 'Office safe, brown paper envelope', handledBy: 'Me, by the edges' },
        ...assignExhibitNumber(s),
      };
      s.put(id, 'exhibit', body);
    });
    await vault.importExhibits(inc.id, [path.join(FIXTURES, 'post-1.png')]);
    const out = path.join(tempDir(), 'physical');
    await exportPack(vault, { out });
    const c = JSON.parse(readFileSync(path.join(out, 'data/case.json'), 'utf8')) as CaseJson & {
      exhibits: { ref: string; kind?: string; physical?: { keptAt: string } }[];
      incidents: { exhibitRefs: string[] }[];
    };
    // One list of exhibits in reference order; the physical item is in it, marked, with no file.
    expect(c.exhibits.map((e) => e.ref)).toEqual(['AB/1', 'AB/2', 'AB/3']);
    expect(c.exhibits[1]).toEqual(
      expect.objectContaining({
        ref: 'AB/2',
        kind: 'physical',
        physical: expect.objectContaining({ keptAt: 'Office safe, brown paper envelope' }),
      }),
    );
    expect(c.incidents[0]?.exhibitRefs).toEqual(['AB/1', 'AB/2', 'AB/3']);
    expect(c.withheldReferences).toEqual([]);
    expect(readdirSync(path.join(out, 'data/exhibits')).sort()).toEqual(['AB-01-letter.pdf', 'AB-03-post-1.png']);
    const schema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, 'case.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    expect(validate(c), JSON.stringify(validate.errors)).toBe(true);
    const pdf = (await run('pdftotext', ['-layout', 'data/chronology.pdf', '-'], out)).stdout.replace(/\s+/g, ' ');
    expect(pdf).toContain('Exhibit AB/2');
    expect(pdf).toContain('Physical item, kept at: Office safe, brown paper envelope');
    expect(pdf).toContain('AB/2 (Envelope; physical item, kept at Office safe, brown paper envelope)');
    vault.close();
  });

  it('an e-mail’s attachments are sub-exhibits (AB/n/1, …), the same in every pack; a hostile e-mail lists none and says why', async () => {
    const dir = path.join(tempDir(), 'vault');
    const { vault } = await Vault.create(dir, PASS, { kdf: TEST_KDF });
    vault.updateSettings({ producerInitials: 'AB' });
    const inc = vault.createIncident({ title: 'E-mails', occurredAt: { date: '2024-05-03', approximate: false } });
    await vault.importExhibits(inc.id, [path.join(FIXTURES, 'email-1.eml'), path.join(FIXTURES, 'email-2.eml')]);
    // 300 nested MIME parts, each a multipart holding the next.
    let nested = 'Content-Type: text/plain\r\n\r\nbottom\r\n';
    for (let i = 0; i < 300; i++) {
      nested = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${nested}--b${i}--\r\n`;
    }
    const hostile = `From: a@example.org\r\nTo: b@example.org\r\nSubject: nested\r\nMIME-Version: 1.0\r\n${nested}`;
    await vault.importExhibitStreams(inc.id, [{ name: 'nested.eml', stream: Readable.from([Buffer.from(hostile)]) }]);
    expect(vault.listIncidents()[0]?.exhibits.map((e) => [e.name, e.mediaType])).toContainEqual([
      'nested.eml',
      'message/rfc822',
    ]);
    const packs = [path.join(tempDir(), 'one'), path.join(tempDir(), 'two')];
    for (const out of packs) await exportPack(vault, { out });
    type WithAttachments = Omit<CaseJson, 'exhibits'> & {
      exhibits: {
        ref: string;
        attachments?: { ref: string; filename: string; sha256: string }[];
        attachmentsProblem?: string;
      }[];
    };
    const [a, b] = packs.map(
      (out) => JSON.parse(readFileSync(path.join(out, 'data/case.json'), 'utf8')) as WithAttachments,
    );
    const email2 = a!.exhibits.find((e) => e.ref === 'AB/2');
    expect(email2?.attachments?.length).toBeGreaterThan(0);
    expect(email2?.attachments?.[0]).toMatchObject({ ref: 'AB/2/1', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(b!.exhibits.find((e) => e.ref === 'AB/2')?.attachments).toEqual(email2?.attachments);
    const hostileEntry = a!.exhibits.find((e) => e.ref === 'AB/3');
    expect(hostileEntry?.attachments).toEqual([]);
    expect(hostileEntry?.attachmentsProblem).toMatch(/could not be read/);
    const schema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, 'case.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    expect(validate(a), JSON.stringify(validate.errors)).toBe(true);
    const pdf = (await run('pdftotext', ['-layout', 'data/chronology.pdf', '-'], packs[0])).stdout.replace(/\s+/g, ' ');
    expect(pdf).toContain('Attachment AB/2/1');
    vault.close();
  });
});
