/** People: a sheet per person believed responsible (P1…) and per witness (W1…). */
import { personIdentifiers } from '../../../../shared/model.js';
import { incidentsOf, type Ctx } from './context.js';
import { nb, type Pdf } from './layout.js';
import { write } from './text.js';
import { ukDate } from '../../../../shared/uk-time.js';

export function peopleSheets(pdf: Pdf, ctx: Ctx): void {
  const numbered = [...ctx.pNo.entries()];
  pdf.page();
  pdf.title(
    'People',
    'A sheet for each person the producer believes responsible (P1, P2 …) and each witness (W1, W2 …). Who is believed responsible, and why, is the producer’s belief, not a finding.',
  );
  if (!numbered.length) {
    pdf.para('No people are named in the incidents of this pack.');
    return;
  }
  for (const [id, n] of numbered) {
    const p = ctx.people.get(id);
    const x = ctx.x.people.get(id);
    const witness = n.startsWith('W');
    pdf.ensureSpace(120);
    const heading = p?.withheld
      ? `${n}: ${witness ? 'witness' : 'believed responsible'}, withheld at the producer’s request`
      : `${n}: ${p?.name || '(no name given)'}${witness ? ' (witness)' : ' (believed responsible)'}`;
    write(pdf.doc, heading, { font: pdf.f.bold, size: 13, x: 50, width: pdf.width });
    pdf.doc.moveDown(0.2);
    pdf.label('Incidents', incidentsOf(ctx, id, witness ? 'witness' : 'perpetrator'));
    if (!p || p.withheld) {
      pdf.para('The producer marked this person private and chose to leave private details out of this pack.', 9.5);
      pdf.rule();
      continue;
    }
    pdf.label('Name', p.name);
    if (p.handles.length) pdf.label('Other names and handles', p.handles.join(', '));
    pdf.block('Description', p.description);
    if (witness) {
      pdf.label('Contact', x?.contact ?? '');
      pdf.block('What they saw or heard', x?.sawWhat ?? '');
      if (x) pdf.label('Knows they are named in this record', x.knowsNamed ? 'Yes' : 'No');
    }
    const ids = personIdentifiers({ handles: p.handles, identifiers: x?.identifiers });
    if (ids.length && (!witness || x?.identifiers.length)) {
      pdf.doc.moveDown(0.2);
      pdf.table(
        [
          { title: 'Platform', width: 55 },
          { title: 'Handle', width: 75 },
          { title: 'Account id', width: 65 },
          { title: 'URL', width: 110 },
          { title: 'First seen', width: 75 },
          { title: 'Last seen', width: 75 },
        ],
        ids.map((i) => [
          i.platform,
          i.handle,
          i.accountId,
          i.url,
          i.firstSeen ? nb(ukDate(i.firstSeen)) : '',
          i.lastSeen ? nb(ukDate(i.lastSeen)) : '',
        ]),
      );
    }
    if (!witness) pdf.block('Why the producer links these identifiers to this person', x?.basis ?? '');
    pdf.rule();
  }
}
