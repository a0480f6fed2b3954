/**
 * Physical items in a case pack (issue 13, item 4): listed in case.json (valid against its
 * schema), the CSV, the PDF, the README and the viewer as "physical item, kept at …", with no
 * file, no manifest line; the pack still verifies (our verifier and sha256sum).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPack } from './exporter.js';
import { verifyPack } from './verify.js';
import type { Exhibit } from '../../../shared/model.js';
import { TEST_KDF } from '../crypto/index.js';
import { Vault } from '../vault.js';
import { FIXTURES, PASS, cleanup, run, tempDir } from '../../../test/support/pack.js';

let vault: Vault;
let out = '';
let item: Exhibit;
let file: Exhibit;

beforeAll(async () => {
  ({ vault } = await Vault.create(path.join(tempDir(), 'vault'), PASS, { kdf: TEST_KDF }));
  const inc = vault.createIncident({ title: 'Threatening letter', occurredAt: { date: '2024-05-03' } });
  file = (await vault.importExhibits(inc.id, [path.join(FIXTURES, 'post-1.png')]))[0]!;
  item = vault.addPhysicalExhibit(
    inc.id,
    'Letter and envelope',
    { description: 'Handwritten, pushed through the door' },
    { keptAt: 'Office safe, paper envelope', handledBy: 'Me; my agent' },
  );
  out = path.join(tempDir(), 'pack');
  await exportPack(vault, { out, initials: 'AB' });
});
afterAll(() => {
  vault.close();
  cleanup();
});

const read = (rel: string): string => readFileSync(path.join(out, rel), 'utf8');

describe('a pack with a physical item', () => {
  it('case.json lists it with where it is kept, valid against the schema; no file, no manifest line', () => {
    const c = JSON.parse(read('data/case.json')) as {
      exhibits: { ref: string; exhibitId: string; kind?: string; path: string; physical?: unknown }[];
      incidents: { exhibitRefs: string[] }[];
    };
    const schema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, 'case.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    expect(validate(c), JSON.stringify(validate.errors)).toBe(true);
    const listed = c.exhibits.find((x) => x.exhibitId === item.id);
    expect(listed).toMatchObject({
      kind: 'physical',
      path: '',
      physical: {
        keptAt: 'Office safe, paper envelope',
        handledBy: 'Me; my agent',
        description: 'Handwritten, pushed through the door',
      },
    });
    expect(c.incidents[0]!.exhibitRefs).toHaveLength(2);
    expect(c.incidents[0]!.exhibitRefs).toContain(listed!.ref);
    // The schema refuses a physical item that claims a file.
    const forged = { ...c, exhibits: c.exhibits.map((x) => (x.kind ? { ...x, path: 'data/exhibits/AB-2_x' } : x)) };
    expect(validate(forged)).toBe(false);

    expect(readdirSync(path.join(out, 'data/exhibits'))).toHaveLength(1);
    const manifest = read('manifest-sha256.txt');
    expect(manifest).toContain(file.sha256);
    expect(manifest).not.toMatch(/Letter/);
    expect(read('data/exhibit-hashes-sha256.txt')).not.toMatch(/Letter/);
  });

  it('the CSV, README, PDF and viewer say "physical item, kept at …"', async () => {
    const rows = parse(read('data/chronology.csv'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows[0]!.Exhibits).toMatch(/^AB\/\d+; AB\/\d+ \(physical item, kept at Office safe, paper envelope\)$/);
    expect(read('data/README.txt')).toMatch(
      /Physical items \(listed here, with no file in the pack[^\n]*\n {2}- AB\/\d+ "Letter and envelope": physical item, kept at Office safe, paper envelope/,
    );
    const pdf = await run('pdftotext', ['-layout', 'data/chronology.pdf', '-'], out);
    expect(pdf.code).toBe(0);
    const flat = pdf.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('Physical item, kept at: Office safe, paper envelope');
    expect(flat).toContain('Handled by: Me; my agent');
    expect(flat).toMatch(/AB\/\d+ \(Letter and envelope; physical item, kept at Office safe, paper envelope\)/);
    const viewer = read('data/viewer.html');
    expect(viewer).toContain('Physical item, kept at ');
    expect(viewer).toContain('Office safe, paper envelope');
  });

  it('the pack verifies: our verifier and sha256sum -c', async () => {
    const report = await verifyPack(out);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    const r = await run('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], out);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  it('the export is in the activity log for the item too, and the vault still checks', async () => {
    const exports = vault.custodyLog().filter((e) => e.action === 'export' && e.subjectId === item.id);
    expect(exports).toHaveLength(1);
    expect(await vault.check()).toMatchObject({ ok: true, blobs: 1 });
  });
});
