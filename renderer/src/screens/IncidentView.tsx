import { useState } from 'react';
import { takeIncidentNotice } from '../agent/QuickFiles.js';
import { personName } from '../../../shared/model.js';
import { casesOf, needsTellingPolice, toldPlatform, toldPolice } from '../../../shared/reporting.js';
import { timeLimitNote } from '../../../shared/time-limits.js';
import { call, errorMessage } from '../bridge.js';
import { useVault } from '../state.js';
import { CategoryChips, ToldBadges } from '../components/Chips.js';
import { EscalationBanner } from '../components/EscalationBanner.js';
import { ExhibitsSection } from '../exhibits/ExhibitsSection.js';
import { inYourZone } from '../format.js';
import { useInstant } from '../exhibits/instant.js';
import { ukDate } from '../../../shared/uk-time.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { HistoryDialog } from '../history/HistoryDialog.js';
import { AddToCase } from '../components/PoliceCases.js';
import { useLanguage, useT } from '../i18n/index.js';
import { useDates } from '../i18n/format.js';
import { useWords } from '../i18n/words.js';

export function IncidentView({ id }: { id: string }) {
  const v = useVault();
  const t = useT();
  const { language } = useLanguage();
  const words = useWords();
  const dates = useDates();
  const instant = useInstant();
  const incident = v.incidents.find((i) => i.id === id);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [history, setHistory] = useState(false);
  // Quick add's files that could not be added, said once (../agent/QuickFiles.tsx).
  const [filesNotice] = useState(() => takeIncidentNotice(id));

  if (!incident) {
    return (
      <div className="page-narrow">
        <h1>{t('incident.not-found')}</h1>
        <p>{t('incident.view.maybe-deleted')}</p>
        <button className="btn" type="button" onClick={() => v.go({ name: 'timeline' })}>
          {t('incident.view.back')}
        </button>
      </div>
    );
  }

  const names = (ids: string[]) =>
    ids.map((pid) => {
      const p = v.peopleById.get(pid);
      return p ? personName(p) : t('incident.unknown-person');
    });

  async function remove(reason: string) {
    if (!incident) return;
    setBusy(true);
    try {
      await call('incidents.delete', { id: incident.id, reason });
      setAsking(false);
      v.removeIncident(incident.id);
      v.announce(t('incident.view.deleted', { title: incident.title }));
      v.go({ name: 'timeline' });
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  const perps = names(incident.perpetratorIds);
  const yourZone = inYourZone(incident.occurredAt, language === 'en' ? undefined : t);
  const witnesses = names(incident.witnessIds);
  const cases = casesOf(incident.id, v.cases);
  const limitNote = timeLimitNote(incident, v.cases);
  const spoc = v.contacts.find((c) => c.kind === 'spoc');
  return (
    <div className="page-narrow">
      <p>
        <button type="button" className="btn-link" onClick={() => v.go({ name: 'timeline' })}>
          ← {t('incident.view.back')}
        </button>
      </p>
      {filesNotice ? (
        <p className="notice notice-error" role="alert">
          {filesNotice}
        </p>
      ) : null}
      <div className="page-head">
        <h1 dir="auto">{incident.title}</h1>
        <div className="btn-row">
          <button className="btn" type="button" onClick={() => v.go({ name: 'edit', id: incident.id })}>
            {t('incident.view.edit')}
          </button>
          <button className="btn btn-danger" type="button" onClick={() => setAsking(true)}>
            {t('incident.view.delete')}
          </button>
        </div>
      </div>
      <p>
        <strong>{dates.day(incident.occurredAt.date)}</strong>, {dates.time(incident.occurredAt)}
        {yourZone ? <span className="hint"> ({yourZone})</span> : null}{' '}
        <ToldBadges
          toldPolice={toldPolice(incident, v.cases)}
          toldPlatform={toldPlatform(incident)}
          flagged={needsTellingPolice(incident, v.cases)}
        />
      </p>
      <p className="written-line" data-testid="written-line">
        {t('incident.view.first-written', { when: words.writtenLabel(incident.writtenAt ?? incident.createdAt) })}
        {incident.enteredBy ? <bdi> {t('incident.view.by', { name: incident.enteredBy })}</bdi> : null}
        {incident.changedAt ? (
          <>
            {' '}
            · {t('incident.view.changed', { when: words.writtenLabel(incident.changedAt) })}
            {incident.changedBy ? <bdi> {t('incident.view.by', { name: incident.changedBy })}</bdi> : null}
            {incident.changedFields?.length ? ` (${words.changedLabel('incident', incident.changedFields)})` : ''}
          </>
        ) : null}{' '}
        <button type="button" className="btn-link" onClick={() => setHistory(true)}>
          {t('incident.view.history')}
        </button>
      </p>
      <CategoryChips incident={incident} />
      {incident.escalationSignals.length > 0 ? <EscalationBanner signals={incident.escalationSignals} /> : null}
      {limitNote ? (
        <aside className="notice notice-time-limit" aria-labelledby="time-limit-heading" data-testid="time-limit-note">
          <h2 className="notice-title" id="time-limit-heading">
            {t('incident.view.time-limits')}
          </h2>
          <p>{limitNote}</p>
          <p>
            {spoc ? (
              <>
                {t('incident.view.your-spoc')} <strong>{spoc.name || t('incident.view.spoc-no-name')}</strong>
                {spoc.phone ? <> — {t('incident.view.phone', { phone: spoc.phone })}</> : null}
                {spoc.email ? <> — {t('incident.view.email', { email: spoc.email })}</> : null}.{' '}
              </>
            ) : null}
            <button type="button" className="btn-link" onClick={() => v.go({ name: 'contacts' })}>
              {spoc ? t('incident.view.see-contacts') : t('incident.view.add-spoc')}
            </button>
          </p>
        </aside>
      ) : null}
      {error ? (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      ) : null}
      <section className="card" aria-labelledby="what-heading">
        <h2 id="what-heading">{t('incident.what-happened')}</h2>
        <p className="prose" dir="auto">
          {incident.description || t('incident.view.no-description')}
        </p>
        {incident.effect ? (
          <>
            <h3>{t('incident.view.how-affected')}</h3>
            <p className="prose" dir="auto">
              {incident.effect}
            </p>
          </>
        ) : null}
        <dl className="detail-grid">
          <dt>{t('incident.how-it-reached-you')}</dt>
          <dd>
            {incident.channel
              ? `${words.channel[incident.channel.kind]}${incident.channel.detail ? `: ${incident.channel.detail}` : ''}`
              : t('incident.not-recorded')}
          </dd>
          <dt>{t('incident.view.where')}</dt>
          <dd dir="auto">{incident.location || t('incident.not-recorded')}</dd>
          {incident.identifiers.length ? (
            <>
              <dt>{t('incident.what-was-seen')}</dt>
              <dd dir="auto">
                {incident.identifiers
                  .map((x) => `${words.identifier[x.kind]}: ${x.value}${x.platform ? ` (${x.platform})` : ''}`)
                  .join('; ')}
              </dd>
            </>
          ) : null}
          <dt>{t('incident.believed-responsible')}</dt>
          <dd dir="auto">{perps.length ? perps.join(', ') : t('incident.not-recorded')}</dd>
          <dt>{t('incident.who-saw-it')}</dt>
          <dd dir="auto">{witnesses.length ? witnesses.join(', ') : t('incident.view.nobody')}</dd>
          <dt>{t('incident.view.escalation')}</dt>
          <dd>
            {incident.escalationSignals.length
              ? incident.escalationSignals.map((s) => words.escalation[s]).join('; ')
              : t('incident.view.none')}
          </dd>
          {incident.notes ? (
            <>
              <dt>{t('incident.notes')}</dt>
              <dd className="prose" dir="auto">
                {incident.notes}
              </dd>
            </>
          ) : null}
          {incident.privateFields.length ? (
            <>
              <dt>{t('incident.view.private')}</dt>
              <dd>{incident.privateFields.map((f) => words.privateFieldShown(f)).join(', ')}</dd>
            </>
          ) : null}
          <dt>{t('incident.view.recorded')}</dt>
          <dd>
            {instant(incident.createdAt)}
            {incident.updatedAt !== incident.createdAt
              ? ` (${t('incident.view.last-changed', { when: instant(incident.updatedAt) })})`
              : ''}
          </dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="reports-heading">
        <h2 id="reports-heading">{t('incident.where-reported')}</h2>
        {cases.length > 0 ? (
          <ul aria-label={t('incident.view.police-cases')}>
            {cases.map((c) => (
              <li key={c.id}>
                {t('incident.view.police-case', { reference: c.reference, force: c.force })}
                {c.officer ? `, ${t('incident.view.officer', { officer: c.officer })}` : ''}
                {c.collarNumber ? ` (${t('incident.view.collar', { collar: c.collarNumber })})` : ''}
              </li>
            ))}
          </ul>
        ) : null}
        <AddToCase incidentId={incident.id} />
        {incident.reports.length === 0 && cases.length === 0 ? (
          <p>{t('incident.view.not-reported')}</p>
        ) : (
          <ul>
            {incident.reports.map((r, i) =>
              r.kind === 'police' ? (
                <li key={i}>
                  {t('incident.view.police')}
                  {r.force ? ` (${r.force})` : ''}
                  {r.reference ? `, ${t('incident.view.reference', { reference: r.reference })}` : ''}
                  {r.officer ? `, ${t('incident.view.officer', { officer: r.officer })}` : ''}
                  {r.date ? `, ${t('incident.view.on', { date: ukDate(r.date) })}` : ''}
                </li>
              ) : (
                <li key={i}>
                  {r.platform || t('incident.platform')}
                  {r.reference ? `, ${t('incident.view.reference', { reference: r.reference })}` : ''}
                  {r.date ? `, ${t('incident.view.on', { date: ukDate(r.date) })}` : ''}
                  {r.outcome ? ` — ${t('incident.view.outcome', { outcome: r.outcome })}` : ''}
                </li>
              ),
            )}
          </ul>
        )}
      </section>
      <ExhibitsSection incident={incident} />
      {history ? (
        <HistoryDialog kind="incident" id={incident.id} title={incident.title} onClose={() => setHistory(false)} />
      ) : null}
      <ConfirmDialog
        open={asking}
        heading={t('incident.view.delete-heading')}
        confirmLabel={t('incident.view.delete-confirm')}
        busy={busy}
        onConfirm={(reason) => void remove(reason)}
        onCancel={() => setAsking(false)}
      >
        <p>{t('incident.view.delete-text', { title: incident.title, count: incident.exhibits.length })}</p>
      </ConfirmDialog>
    </div>
  );
}
