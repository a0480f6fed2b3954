/**
 * The activity log kept by the producer's own software (not a chain of custody): first writing,
 * imports, edits with the fields changed, deletions with their hashes and reasons (even of items
 * not in the pack), and every case pack made before this one.
 */
import type { Ctx } from './context.js';
import type { Pdf } from './layout.js';
import { ukInstant } from './when.js';

export function activityLog(pdf: Pdf, ctx: Ctx): void {
  const { x } = ctx;
  pdf.page();
  pdf.title(
    'Activity log kept by the producer’s own software',
    'Evidence Vault writes an entry each time an item is written, imported, changed, deleted, restored or exported. It is kept by the producer’s own software on the producer’s own computer: it is not an independent record, and it is not a chain of custody. Deleted items are listed even when they are not in this pack, with the reason given and a SHA-256 hash, never their words. The full log of this pack’s items is data/custody/custody-log.json and .csv.',
  );
  if (x.views)
    pdf.para(`The items of this pack were opened for viewing ${x.views} times (each view is in data/custody/).`, 9);
  pdf.doc.moveDown(0.3);
  if (!x.activity.length) pdf.para('No entries.', 9.5);
  else
    pdf.table(
      [
        { title: 'When (UK time)', width: 78 },
        { title: 'What', width: 62 },
        { title: 'Item', width: 78 },
        { title: 'Details', width: 130 },
        { title: 'SHA-256', width: 150, mono: true },
      ],
      x.activity.map((a) => [ukInstant(a.at), a.action, a.item, a.details, a.sha256 ?? '']),
      { size: 7.5 },
    );

  pdf.heading('Case packs made before this one', 11.5);
  if (!x.earlierPacks.length) pdf.para('None: this is the first case pack made from this record.', 9.5);
  else
    pdf.table(
      [
        { title: 'Pack id', width: 110 },
        { title: 'Made (UK time)', width: 85 },
        { title: 'Format', width: 40 },
        { title: 'Incidents', width: 45 },
        { title: 'Exhibits', width: 45 },
        { title: 'SHA-256 of its tag manifest', width: 170, mono: true },
      ],
      x.earlierPacks.map((p) => [
        p.packId,
        ukInstant(p.at),
        p.format,
        p.incidents === null ? '' : String(p.incidents),
        p.exhibits === null ? '' : String(p.exhibits),
        p.tagManifestSha256,
      ]),
      { size: 7.5 },
    );
}
