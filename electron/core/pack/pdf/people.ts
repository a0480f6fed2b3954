/** People: a sheet per person believed responsible (P1…) and per witness (W1…). */
import { personIdentifiers } from '../../../../shared/model.js';
import { incidentsOf, type Ctx } from './context.js';
import { nb, type Pdf } from './layout.js';
import { write } from './text.js';
import { ukDate } from '../../../../shared/uk-time.js';

export function peopleSheets(pdf: Pdf, ctx: Ctx): void {
  const { t } = ctx;
  const numbered = [...ctx.pNo.entries()];
  pdf.page();
  pdf.title(t('pdf.people.title'), t('pdf.people.intro'));
  if (!numbered.length) {
    pdf.para(t('pdf.people.none'));
    return;
  }
  for (const [id, n] of numbered) {
    const p = ctx.people.get(id);
    const x = ctx.x.people.get(id);
    const witness = n.startsWith('W');
    pdf.ensureSpace(120);
    const heading = p?.withheld
      ? t(witness ? 'pdf.people.withheldWitness' : 'pdf.people.withheldResponsible', { n })
      : t(witness ? 'pdf.people.headingWitness' : 'pdf.people.headingResponsible', {
          n,
          name: p?.name || t('pdf.people.noName'),
        });
    write(pdf.doc, heading, { font: pdf.f.bold, size: 13, x: 50, width: pdf.width });
    pdf.doc.moveDown(0.2);
    pdf.label(t('pdf.label.incidents'), incidentsOf(ctx, id, witness ? 'witness' : 'perpetrator'));
    if (!p || p.withheld) {
      pdf.para(t('pdf.people.private'), 9.5);
      pdf.rule();
      continue;
    }
    pdf.label(t('pdf.label.name'), p.name);
    if (p.handles.length) pdf.label(t('pdf.people.handles'), p.handles.join(', '));
    pdf.block(t('pdf.label.description'), p.description);
    if (witness) {
      pdf.label(t('pdf.people.contact'), x?.contact ?? '');
      pdf.block(t('pdf.people.saw'), x?.sawWhat ?? '');
      if (x) pdf.label(t('pdf.people.knows'), x.knowsNamed ? t('pdf.yes') : t('pdf.no'));
    }
    const ids = personIdentifiers({ handles: p.handles, identifiers: x?.identifiers });
    if (ids.length && (!witness || x?.identifiers.length)) {
      pdf.doc.moveDown(0.2);
      pdf.table(
        [
          { title: t('pdf.people.platform'), width: 55 },
          { title: t('pdf.people.handle'), width: 75 },
          { title: t('pdf.people.accountId'), width: 65 },
          { title: 'URL', width: 110 },
          { title: t('pdf.people.firstSeen'), width: 75 },
          { title: t('pdf.people.lastSeen'), width: 75 },
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
    if (!witness) pdf.block(t('pdf.people.basis'), x?.basis ?? '');
    pdf.rule();
  }
}
