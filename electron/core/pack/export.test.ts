/**
 * Case-pack export against a real vault: the bag checked by the real sha256sum and openssl as
 * well as our verifier, the PDF read back with pdftotext, the CSV with csv-parse, case.json
 * against its JSON Schema, custody, selection and privacy.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPack, previewPack } from './exporter.js';
import { verifyPack } from './verify.js';
import type { PackReceipt } from '../../../shared/ipc-pack.js';
import {
  AWKWARD_NAMES,
  FIXTURES,
  listTree,
  opensslVerify,
  run,
  seedVaultForFile,
  tempDir,
} from '../../../test/support/pack.js';

const s = seedVaultForFile();
let out: string;
let receipt: PackReceipt;

beforeAll(async () => {
  out = path.join(tempDir(), 'Case pack for PC Patel');
  receipt = await exportPack(s.vault, { out, initials: 'ab' });
});

const read = (rel: string): string => readFileSync(path.join(out, rel), 'utf8');

describe('a whole-vault folder pack', () => {
  it('is a BagIt 1.0 bag that sha256sum -c accepts, both manifests', async () => {
    const tree = listTree(out);
    for (const f of [
      'bagit.txt',
      'bag-info.txt',
      'manifest-sha256.txt',
      'tagmanifest-sha256.txt',
      'signing-key.pem',
      'tagmanifest-sha256.txt.sig',
    ]) {
      expect(tree).toContain(f);
    }
    for (const f of [
      'data/README.txt',
      'data/chronology.pdf',
      'data/chronology.csv',
      'data/case.json',
      'data/viewer.html',
      'data/custody/custody-log.json',
      'data/custody/custody-log.csv',
    ]) {
      expect(tree).toContain(f);
    }
    expect(read('bagit.txt')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const payload = await run('sha256sum', ['--strict', '-c', 'manifest-sha256.txt'], out);
    expect(payload.code, payload.stdout + payload.stderr).toBe(0);
    const payloadLines = payload.stdout.trim().split('\n');
    expect(payloadLines.every((l) => l.endsWith(': OK'))).toBe(true);
    // Every file under data/ is in the manifest.
    expect(payloadLines.length).toBe(tree.filter((f) => f.startsWith('data/')).length);
    const tags = await run('sha256sum', ['--strict', '-c', 'tagmanifest-sha256.txt'], out);
    expect(tags.code, tags.stdout + tags.stderr).toBe(0);
    expect(tags.stdout).toContain('manifest-sha256.txt: OK');
    expect(tags.stdout).toContain('bag-info.txt: OK');
    const list = await run('sha256sum', ['--strict', '-c', 'exhibit-hashes-sha256.txt'], path.join(out, 'data'));
    expect(list.code, list.stdout + list.stderr).toBe(0);
  });

  it('bag-info.txt has every field, a correct Payload-Oxum and Bag-Size', () => {
    const info = read('bag-info.txt');
    expect(info).toContain('Source-Organization: Alex Brown\n');
    expect(info).toContain('Contact-Name: Alex Brown\n');
    expect(info).toContain('Contact-Email: alex.brown@example.org\n');
    expect(info).toContain('Contact-Phone: +44 7700 900123\n');
    expect(info).toMatch(/^External-Description: .+$/m);
    expect(info).toContain(`External-Identifier: ${receipt.packId}\n`);
    expect(info).toMatch(/^Bagging-Date: \d{4}-\d{2}-\d{2}$/m);
    expect(info).toMatch(/^Bag-Size: [\d.]+ (bytes|KiB|MiB)$/m);
    const data = listTree(out).filter((f) => f.startsWith('data/'));
    const bytes = data.reduce((n, f) => n + readFileSync(path.join(out, f)).length, 0);
    expect(info).toContain(`Payload-Oxum: ${bytes}.${data.length}\n`);
    expect(receipt.payloadBytes).toBe(bytes);
  });

  it('the signature over the tag manifest checks with openssl and our verifier', async () => {
    expect(await opensslVerify(out)).toContain('Signature Verified Successfully');
    const fp = createHash('sha256').update(s.vault.signingPublicKey()).digest('hex');
    expect(receipt.signingKeyFingerprint).toBe(fp);
    expect(receipt.tagManifestSha256).toBe(
      createHash('sha256')
        .update(readFileSync(path.join(out, 'tagmanifest-sha256.txt')))
        .digest('hex'),
    );
    const v = await verifyPack(out);
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.signatureValid).toBe(true);
    expect(v.signingKeyFingerprint).toBe(fp);
    expect(v.packId).toBe(receipt.packId);
  });

  it('exhibits are the original bytes, named by reference in chronological order', () => {
    const names = readdirSync(path.join(out, 'data/exhibits')).sort(
      (a, b) => Number(a.split(/[-_]/)[1]) - Number(b.split(/[-_]/)[1]),
    );
    expect(names.slice(0, 5)).toEqual([
      'AB-01-post-1.png',
      'AB-02-post-2.png',
      'AB-03-damage.jpg',
      'AB-04-letter.pdf',
      'AB-05-email-2.eml',
    ]);
    for (const [file, fixture] of [
      ['AB-01-post-1.png', 'post-1.png'],
      ['AB-03-damage.jpg', 'damage.jpg'],
      ['AB-05-email-2.eml', 'email-2.eml'],
    ] as const) {
      expect(
        readFileSync(path.join(out, 'data/exhibits', file)).equals(readFileSync(path.join(FIXTURES, fixture))),
      ).toBe(true);
    }
  });

  it("each exhibit file keeps the file's own time as its modification time", () => {
    const c = JSON.parse(read('data/case.json')) as { exhibits: { path: string; fileModifiedAt: string }[] };
    for (const x of c.exhibits) {
      expect(Math.abs(statSync(path.join(out, x.path)).mtimeMs - Date.parse(x.fileModifiedAt))).toBeLessThan(1000);
    }
  });

  it('file names are safe for Windows; the original names are kept in case.json and the PDF', async () => {
    const c = JSON.parse(read('data/case.json')) as { exhibits: { ref: string; path: string; originalName: string }[] };
    for (const name of AWKWARD_NAMES) {
      const x = c.exhibits.find((e) => e.originalName === name);
      expect(x, name).toBeDefined();
      const base = path.posix.basename(x?.path ?? '');
      // eslint-disable-next-line no-control-regex -- no control characters in a safe name
      expect(base).not.toMatch(/[<>:"/\\|?*%\u0000-\u001f]/);
      expect(base).not.toMatch(/[. ]$/);
      expect(Buffer.byteLength(base)).toBeLessThanOrEqual(120);
      expect(base.split('.')[0]?.replace(/^[A-Z]+-\d+_/, '')).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
    }
    const text = (await run('pdftotext', ['-layout', 'data/chronology.pdf', '-'], out)).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('what: is <this>? "quoted" | piped*.txt');
    expect(text).toContain('100% évidence — ünïcode.txt');
  });

  it('references are stable: the same selection exported again gets the same ones', async () => {
    const again = path.join(tempDir(), 'again');
    await exportPack(s.vault, { out: again, initials: 'AB' });
    const a = JSON.parse(read('data/case.json')) as { exhibits: { ref: string; exhibitId: string }[] };
    const b = JSON.parse(readFileSync(path.join(again, 'data/case.json'), 'utf8')) as typeof a;
    expect(b.exhibits.map((e) => [e.ref, e.exhibitId])).toEqual(a.exhibits.map((e) => [e.ref, e.exhibitId]));
    expect(readdirSync(path.join(again, 'data/exhibits')).sort()).toEqual(
      readdirSync(path.join(out, 'data/exhibits')).sort(),
    );
  });

  it('case.json is valid against its JSON Schema and holds every incident oldest first', () => {
    const schema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, 'case.schema.json'), 'utf8')) as object;
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const validate = ajv.compile(schema);
    const c = JSON.parse(read('data/case.json')) as { incidents: { title: string }[]; exhibits: unknown[] };
    expect(validate(c), JSON.stringify(validate.errors)).toBe(true);
    expect(c.incidents.map((i) => i.title.slice(0, 6))).toEqual(['=HYPER', 'Second', 'Third:', 'Fourth']);
    expect(c.exhibits).toHaveLength(10);
    // And the schema refuses a broken one.
    expect(validate({ ...c, packId: 'nope' })).toBe(false);
  });

  it('the PDF: cover with person, pack id, counts, fingerprint, exhibit-list hash; incidents oldest first; exhibit list; Page X of Y', async () => {
    const r = await run('pdftotext', ['-layout', 'data/chronology.pdf', '-'], out);
    expect(r.code).toBe(0);
    const text = r.stdout;
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Chronology of incidents');
    expect(flat).toContain('Alex Brown');
    expect(flat).toContain(receipt.packId);
    expect(flat).toContain('Incidents: 4');
    expect(flat).toContain('Exhibits: 10');
    const fpGrouped = receipt.signingKeyFingerprint.match(/.{4}/g)?.join(' ') ?? '';
    expect(flat).toContain(fpGrouped);
    const listHash = createHash('sha256')
      .update(readFileSync(path.join(out, 'data/exhibit-hashes-sha256.txt')))
      .digest('hex');
    expect(flat).toContain(listHash.match(/.{4}/g)?.join(' ') ?? '');
    // Oldest first, in the chronology (the course-of-conduct table before it lists them too).
    const chronology = flat.slice(flat.indexOf('Chronology of incidents Oldest first'));
    const order = [
      'first abusive post',
      'Second: campaign poster',
      'Third: threatening letter',
      'Fourth: odd file names',
    ].map((t) => chronology.indexOf(t));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Fields of an incident.
    // UK style (issue 14): weekday, dd/mm/yyyy, 24-hour, GMT/BST or the offset entered.
    expect(flat).toContain('Fri 03/05/2024 21:40 BST');
    expect(flat).toContain('About Mon 10/06/2024 (date only)');
    expect(flat).toContain('Mon 01/07/2024 12:00 UTC-04:00');
    expect(flat).toContain('Threatening behaviour, Election offence');
    expect(flat).toContain('Social media: X');
    expect(flat).toContain('John Smith (@jsmith_77)');
    expect(flat).toContain('Threat of imminent violence');
    expect(flat).toContain('WMP-2024-0611');
    expect(flat).toContain('X-998877');
    expect(flat).toContain('AB/1 (post-1.png); AB/2 (post-2.png)');
    // Exhibit list with hashes, times and the GPS note.
    const post1 = createHash('sha256')
      .update(readFileSync(path.join(FIXTURES, 'post-1.png')))
      .digest('hex');
    expect(flat).toContain(post1);
    expect(flat).toContain('Exhibit AB/10');
    expect(flat).not.toContain('File’s own time');
    expect(flat).toContain('Last modified on the computer it came from');
    expect(flat).toContain('holds a GPS position');
    const pages = Number(/Page 1 of (\d+)/.exec(flat)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let p = 1; p <= pages; p++) expect(flat).toContain(`Page ${p} of ${pages}`);
    // Thumbnails: the exhibit pages carry images.
    const images = await run('pdfimages', ['-list', 'data/chronology.pdf'], out);
    if (images.code === 0)
      expect(images.stdout.split('\n').filter((l) => /^\s+\d+\s+\d+\s+image/.test(l)).length).toBeGreaterThanOrEqual(3);
  });

  it('the CSV: BOM, RFC 4180, one row per incident, formula injection neutralised', () => {
    const raw = readFileSync(path.join(out, 'data/chronology.csv'));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(raw.toString('utf8')).toContain('\r\n');
    const rows = parse(raw, { bom: true, columns: true, relax_column_count: false }) as Record<string, string>[];
    expect(rows).toHaveLength(4);
    const first = rows[0] ?? {};
    expect(first.Title).toBe(`'=HYPERLINK("http://evil.example","click") first abusive post`);
    expect(first['What happened']).toBe("'+44 abuse in replies\n@everyone pile-on\n-1 star");
    expect(first.Exhibits).toBe('AB/1; AB/2');
    expect(first['UTC offset']).toBe('UTC+01:00');
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows.map((r) => r.Date)).toEqual(['2024-05-03', '2024-05-20', '2024-06-10', '2024-07-01']);
  });

  it('README.txt explains checking with sha256sum, PowerShell, a BagIt validator, and the fingerprint', () => {
    const t = read('data/README.txt');
    expect(t).toContain('sha256sum -c manifest-sha256.txt');
    expect(t).toContain('Get-FileHash');
    expect(t).toContain('BagIt');
    expect(t).toContain(receipt.signingKeyFingerprint.match(/.{4}/g)?.join(' ') ?? '');
    expect(t).toContain('Alex Brown');
    expect(t).toContain(receipt.packId);
  });

  it('custody: imports of every exhibit in the pack, and export entries recorded in the vault', () => {
    const c = JSON.parse(read('data/custody/custody-log.json')) as {
      exhibits: {
        ref: string;
        importedUnderName: string;
        sha256AtImport: string;
        sha256AtExport: string;
        exportedAt: string;
      }[];
      entries: { action: string; subjectKind: string }[];
    };
    expect(c.exhibits).toHaveLength(10);
    for (const x of c.exhibits) {
      expect(x.sha256AtImport).toBe(x.sha256AtExport);
      expect(x.exportedAt).toMatch(/^\d{4}-/);
    }
    expect(c.exhibits[0]?.importedUnderName).toBe('post-1.png');
    expect(c.entries.filter((e) => e.action === 'import').length).toBeGreaterThanOrEqual(10);
    expect(c.entries.filter((e) => e.action === 'export' && e.subjectKind === 'exhibit')).toHaveLength(10);
    const log = s.vault.custodyLog();
    const pack = log.filter(
      (e) => e.action === 'export' && e.subjectKind === 'pack' && e.details.packId === receipt.packId,
    );
    expect(pack).toHaveLength(1);
    expect(pack[0]?.details.tagManifestSha256).toBe(receipt.tagManifestSha256);
    expect(
      log.filter((e) => e.action === 'export' && e.subjectKind === 'exhibit' && e.details.packId === receipt.packId),
    ).toHaveLength(10);
  });

  it("custody: one export's entries are appended in one call to the core (one transaction)", async () => {
    const calls: number[] = [];
    const real = s.vault.recordCustody.bind(s.vault);
    const counting = new Proxy(s.vault, {
      get(target, key, receiver) {
        if (key !== 'recordCustody') return Reflect.get(target, key, receiver) as unknown;
        return (entries: Parameters<typeof real>[0]) => {
          calls.push(Array.isArray(entries) ? entries.length : 1);
          return real(entries as never);
        };
      },
    });
    await exportPack(counting, { out: path.join(tempDir(), 'once'), initials: 'ab' });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toBeGreaterThan(10);
  });

  it('the viewer is one offline file with a strict CSP and the case embedded', () => {
    const html = read('data/viewer.html');
    expect(html).toMatch(
      /Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-[^']+'; img-src blob:/,
    );
    expect(html).not.toMatch(/https?:\/\/(?!evil\.example)/); // no network address except the (escaped) incident text
    expect(html).toContain(receipt.packId);
    expect(html).not.toContain('</script><script'); // data cannot close its element
    expect(html).toContain('crypto.subtle.digest');
  });

  it('leaves no temporary files beside the pack', () => {
    expect(readdirSync(path.dirname(out)).filter((n) => n.includes('.partial-'))).toEqual([]);
  });
});

describe('selection and privacy', () => {
  it('date range, category, person and hand-picked ids select incidents', async () => {
    const one = async (selection: object): Promise<string[]> => {
      const dir = path.join(tempDir(), 'sel');
      await exportPack(s.vault, { out: dir, initials: 'AB', selection });
      return (
        JSON.parse(readFileSync(path.join(dir, 'data/case.json'), 'utf8')) as { incidents: { title: string }[] }
      ).incidents.map((i) => i.title.slice(0, 6));
    };
    expect(await one({ from: '2024-05-10', to: '2024-06-30' })).toEqual(['Second', 'Third:']);
    expect(await one({ categories: ['criminal-damage', 'other'] })).toEqual(['Second', 'Fourth']);
    expect(await one({ personIds: [s.people.smith.id] })).toEqual(['=HYPER', 'Third:']);
    expect(await one({ incidentIds: [s.byTitle('Fourth').id, s.byTitle('Second').id] })).toEqual(['Second', 'Fourth']);
  });

  it('a selection keeps the permanent references (initials given at export do not renumber them)', async () => {
    const dir = path.join(tempDir(), 'sel');
    await exportPack(s.vault, { out: dir, initials: 'XY', selection: { categories: ['criminal-damage'] } });
    expect(readdirSync(path.join(dir, 'data/exhibits'))).toEqual(['AB-03-damage.jpg']);
  });

  it('leaving out notes and private fields leaves them out of every file of the pack', async () => {
    const dir = path.join(tempDir(), 'private');
    await exportPack(s.vault, { out: dir, initials: 'AB', omitNotes: true, omitPrivate: true });
    const everything = listTree(dir)
      .map((f) => readFileSync(path.join(dir, f)).toString('latin1'))
      .join('\n');
    expect(everything).not.toContain('NOTE-TEXT-MUST-NOT-LEAK');
    expect(everything).not.toContain('12 Private Road');
    expect(everything).not.toContain('Secret Neighbour Zed');
    expect(everything).toContain('John Smith');
    const c = JSON.parse(readFileSync(path.join(dir, 'data/case.json'), 'utf8')) as {
      incidents: { notes: string | null; withheldFields: string[] }[];
    };
    expect(c.incidents.every((i) => i.notes === null)).toBe(true);
    expect(c.incidents[2]?.withheldFields).toEqual(['location']);
    expect((await verifyPack(dir)).ok).toBe(true);
  });

  it('an empty selection is refused with a clear error and writes nothing', async () => {
    const dir = path.join(tempDir(), 'none');
    await expect(
      exportPack(s.vault, { out: dir, initials: 'AB', selection: { from: '2030-01-01' } }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/No incidents match/),
    });
    expect(readdirSync(path.dirname(dir))).toEqual([]);
  });
});

describe('GPS positions', () => {
  it('the preview warns about the image with a GPS position', async () => {
    const p = await previewPack(s.vault, {});
    expect(p.incidents).toBe(4);
    expect(p.exhibits).toBe(10);
    expect(p.gpsWarnings.map((w) => w.name)).toEqual(['damage.jpg']);
    expect(p.gpsWarnings[0]?.latitude).toBeCloseTo(52.4862, 3);
    expect(p.initials).toBe('AB');
  });

  it('included: warned in the receipt and marked in case.json; excluded: left out and recorded', async () => {
    expect(receipt.gpsIncluded.map((g) => g.name)).toEqual(['damage.jpg']);
    const dir = path.join(tempDir(), 'nogps');
    const r = await exportPack(s.vault, { out: dir, initials: 'AB', excludeGpsExhibits: true });
    expect(r.gpsIncluded).toEqual([]);
    expect(r.omitted).toEqual([expect.objectContaining({ name: 'damage.jpg', reason: 'gps-position', ref: 'AB/3' })]);
    expect(readdirSync(path.join(dir, 'data/exhibits')).some((n) => n.includes('damage'))).toBe(false);
    // References are permanent: the gap stays, and the pack explains it.
    expect(readdirSync(path.join(dir, 'data/exhibits'))).toContain('AB-04-letter.pdf');
    expect(readFileSync(path.join(dir, 'data/README.txt'), 'utf8')).toContain('AB/3: withheld by the producer');
    expect(readFileSync(path.join(dir, 'data/README.txt'), 'utf8')).toContain('damage.jpg');
    const ex = path.join(tempDir(), 'byhand');
    const damage = s.exhibits().find((e) => e.name === 'post-2.png');
    const r2 = await exportPack(s.vault, { out: ex, initials: 'AB', excludeExhibitIds: [damage?.id ?? ''] });
    expect(r2.omitted).toEqual([expect.objectContaining({ name: 'post-2.png', reason: 'excluded-by-user' })]);
  });
});
