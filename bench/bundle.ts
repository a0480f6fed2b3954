/**
 * Exhibit bundle benchmark (`npm run bench -- bundle`): the bundle PDF for 200 exhibits.
 *
 * A vault with 200 exhibits of the kinds a case holds: 120 photos (JPEG, 2000 × 1500), 30
 * screenshots (PNG), 20 e-mails, 15 chat exports, 10 PDF letters and 5 videos (not drawn). A folder
 * pack is exported once; the bundle's time is from its first exhibit to its last (the exporter's
 * progress), beside the whole export's. Target: the bundle in under 30 s. Prints the figures and
 * PASS/MISS, and the process's peak RSS.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import jpeg from 'jpeg-js';
import { TEST_KDF, Vault } from '../electron/core/index.js';
import { exportPack } from '../electron/core/pack/exporter.js';
import { FIXTURES } from '../test/fixtures.js';
import { log, machineLine, verdict } from './lib/util.js';

const TARGET_S = 30;

function photo(seed: number): Buffer {
  const w = 2000;
  const h = 1500;
  const data = Buffer.alloc(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      data[i] = (x + seed * 37) & 0xff;
      data[i + 1] = (y + seed * 11) & 0xff;
      data[i + 2] = ((x ^ y) + seed) & 0xff;
      data[i + 3] = 255;
    }
  return Buffer.from(jpeg.encode({ data, width: w, height: h }, 85).data);
}

/** The same JPEG made unique: a comment segment (COM) after SOI with the copy's number. */
function unique(jpg: Buffer, n: number): Buffer {
  const text = Buffer.from(`copy ${n}`);
  const seg = Buffer.concat([Buffer.from([0xff, 0xfe, 0, text.length + 2]), text]);
  return Buffer.concat([jpg.subarray(0, 2), seg, jpg.subarray(2)]);
}

async function main(): Promise<void> {
  log(machineLine());
  const dir = mkdtempSync(join(tmpdir(), 'ev-bench-bundle-'));
  try {
    const { vault } = await Vault.create(join(dir, 'vault'), 'bench passphrase for the bundle', { kdf: TEST_KDF });
    vault.updateSettings({ producerName: 'Bench', producerInitials: 'BB' });
    const inc = vault.createIncident({ title: 'Bench incident', occurredAt: { date: '2024-05-03' } });
    const photos = Array.from({ length: 10 }, (_, i) => photo(i));
    const png = readFileSync(join(FIXTURES, 'post-1.png'));
    const eml = readFileSync(join(FIXTURES, 'email-2.eml'), 'latin1');
    const pdf = readFileSync(join(FIXTURES, 'letter.pdf'));
    const sources: { name: string; stream: Readable }[] = [];
    for (let i = 0; i < 120; i++)
      sources.push({ name: `photo-${i}.jpg`, stream: Readable.from([unique(photos[i % 10] ?? photos[0]!, i)]) });
    // A PNG with bytes after IEND still draws; the extra bytes make each copy its own file.
    for (let i = 0; i < 30; i++)
      sources.push({
        name: `screenshot-${i}.png`,
        stream: Readable.from([Buffer.concat([png, Buffer.from(`#${i}`)])]),
      });
    for (let i = 0; i < 20; i++)
      sources.push({
        name: `mail-${i}.eml`,
        stream: Readable.from([Buffer.from(eml.replace('<pub-2@example.com>', `<bench-${i}@example.com>`), 'latin1')]),
      });
    for (let i = 0; i < 15; i++) {
      const lines = Array.from(
        { length: 400 },
        (_, k) =>
          `12/11/2019, 20:${String(k % 60).padStart(2, '0')} - Sender ${k % 3}: message ${i}.${k} with some words in it`,
      );
      sources.push({ name: `WhatsApp Chat ${i}.txt`, stream: Readable.from([Buffer.from(lines.join('\n'))]) });
    }
    for (let i = 0; i < 10; i++)
      sources.push({
        name: `letter-${i}.pdf`,
        stream: Readable.from([Buffer.concat([pdf, Buffer.from(`\n%bench ${i}\n`)])]),
      });
    for (let i = 0; i < 5; i++)
      sources.push({
        name: `clip-${i}.mp4`,
        stream: Readable.from([
          Buffer.concat([Buffer.from('000000186674797069736f6d', 'hex'), randomBytes(4 * 1024 * 1024)]),
        ]),
      });
    await vault.importExhibitStreams(inc.id, sources);
    const bytes = vault
      .listIncidents()
      .flatMap((i) => i.exhibits)
      .reduce((s, e) => s + e.size, 0);
    log(`200 exhibits, ${(bytes / 1e6).toFixed(0)} MB`);

    let bundleStart = 0;
    let bundleEnd = 0;
    let bundleRss = 0;
    let bundleHeap = 0;
    const t0 = performance.now();
    await exportPack(vault, {
      out: join(dir, 'pack'),
      initials: 'BB',
      onProgress: (p) => {
        if (p.phase === 'documents' && p.label.startsWith('Drawing the exhibit bundle')) {
          if (!bundleStart) {
            // With node --expose-gc: what setup left behind is collected first, so the figure is the bundle's.
            (globalThis as { gc?: () => void }).gc?.();
            bundleStart = performance.now();
          }
          const m = process.memoryUsage();
          bundleRss = Math.max(bundleRss, m.rss);
          bundleHeap = Math.max(bundleHeap, m.heapUsed + m.arrayBuffers);
          bundleEnd = performance.now();
        }
        if (p.phase === 'finishing' && bundleStart && bundleEnd < bundleStart + 1) bundleEnd = performance.now();
      },
    });
    const total = (performance.now() - t0) / 1000;
    const bundleS = (bundleEnd - bundleStart) / 1000;
    const size = statSync(join(dir, 'pack', 'data', 'exhibit-bundle.pdf')).size;
    const rss = process.resourceUsage().maxRSS / 1024;
    vault.close();
    log(
      `exhibit bundle: ${bundleS.toFixed(1)} s, ${(size / 1e6).toFixed(0)} MB PDF (target < ${TARGET_S} s) ${verdict(bundleS < TARGET_S)}`,
    );
    log(
      `whole export: ${total.toFixed(1)} s; while drawing the bundle: JS heap and buffers at most ` +
        `${(bundleHeap / 2 ** 20).toFixed(0)} MiB, RSS at most ${(bundleRss / 2 ** 20).toFixed(0)} MiB ` +
        `(peak of the whole process, setup included: ${rss.toFixed(0)} MiB)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
