import { useState } from 'react';
import { takeIncidentNotice } from '../agent/QuickFiles.js';
import { CHANNEL_LABELS, ESCALATION_LABELS, IDENTIFIER_LABELS, personName } from '../../../shared/model.js';
import { casesOf, needsTellingPolice, toldPlatform, toldPolice } from '../../../shared/reporting.js';
import { timeLimitNote } from '../../../shared/time-limits.js';
import { privateFieldShown } from '../../../shared/privacy.js';
import { dayLabel, timeLabel } from '../../../shared/timeline.js';
import { call, errorMessage } from '../bridge.js';
import { useVault } from '../state.js';
import { CategoryChips, ToldBadges } from '../components/Chips.js';
import { EscalationBanner } from '../components/EscalationBanner.js';
import { ExhibitsSection } from '../exhibits/ExhibitsSection.js';
import { formatInstant, inYourZone } from '../format.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { HistoryDialog } from '../history/HistoryDialog.js';
import { changedLabel, writtenLabel } from '../../../shared/history-labels.js';
import { AddToCase } from '../components/PoliceCases.js';

export function IncidentView({ id }: { id: string }) {
  const v = useVault();
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
        <h1>Incident not found</h1>
        <p>It may have been deleted.</p>
        <button className="btn" type="button" onClick={() => v.go({ name: 'timeline' })}>
          Back to the timeline
        </button>
      </div>
    );
  }

  const names = (ids: string[]) =>
    ids.map((pid) => {
      const p = v.peopleById.get(pid);
      return p ? personName(p) : 'Unknown person';
    });

  async function remove(reason: string) {
    if (!incident) return;
    setBusy(true);
    try {
      await call('incidents.delete', { id: incident.id, reason });
      setAsking(false);
      v.removeIncident(incident.id);
      v.announce(`Incident “${incident.title}” deleted.`);
      v.go({ name: 'timeline' });
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  const perps = names(incident.perpetratorIds);
  const yourZone = inYourZone(incident.occurredAt);
  const witnesses = names(incident.witnessIds);
  const cases = casesOf(incident.id, v.cases);
  const limitNote = timeLimitNote(incident, v.cases);
  const spoc = v.contacts.find((c) => c.kind === 'spoc');
  return (
    <div className="page-narrow">
      <p>
        <button type="button" className="btn-link" onClick={() => v.go({ name: 'timeline' })}>
          ← Back to the timeline
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
            Edit
          </button>
          <button className="btn btn-danger" type="button" onClick={() => setAsking(true)}>
            Delete
          </button>
        </div>
      </div>
      <p>
        <strong>{dayLabel(incident.occurredAt.date)}</strong>, {timeLabel(incident.occurredAt)}
        {yourZone ? <span className="hint"> ({yourZone})</span> : null}{' '}
        <ToldBadges
          toldPolice={toldPolice(incident, v.cases)}
          toldPlatform={toldPlatform(incident)}
          flagged={needsTellingPolice(incident, v.cases)}
        />
      </p>
      <p className="written-line" data-testid="written-line">
        First written {writtenLabel(incident.writtenAt ?? incident.createdAt)}
        {incident.enteredBy ? <bdi> by {incident.enteredBy}</bdi> : null}
        {incident.changedAt ? (
          <>
            {' '}
            · changed {writtenLabel(incident.changedAt)}
            {incident.changedBy ? <bdi> by {incident.changedBy}</bdi> : null}
            {incident.changedFields?.length ? ` (${changedLabel('incident', incident.changedFields)})` : ''}
          </>
        ) : null}{' '}
        <button type="button" className="btn-link" onClick={() => setHistory(true)}>
          History
        </button>
      </p>
      <CategoryChips incident={incident} />
      {incident.escalationSignals.length > 0 ? <EscalationBanner signals={incident.escalationSignals} /> : null}
      {limitNote ? (
        <aside className="notice notice-time-limit" aria-labelledby="time-limit-heading" data-testid="time-limit-note">
          <h2 className="notice-title" id="time-limit-heading">
            Time limits
          </h2>
          <p>{limitNote}</p>
          <p>
            {spoc ? (
              <>
                Your SPOC: <strong>{spoc.name || 'Name not recorded'}</strong>
                {spoc.phone ? <> — phone {spoc.phone}</> : null}
                {spoc.email ? <> — e-mail {spoc.email}</> : null}.{' '}
              </>
            ) : null}
            <button type="button" className="btn-link" onClick={() => v.go({ name: 'contacts' })}>
              {spoc ? 'See your contacts' : 'Add your SPOC on the Contacts page'}
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
        <h2 id="what-heading">What happened</h2>
        <p className="prose" dir="auto">
          {incident.description || 'No description yet.'}
        </p>
        {incident.effect ? (
          <>
            <h3>How it affected me</h3>
            <p className="prose" dir="auto">
              {incident.effect}
            </p>
          </>
        ) : null}
        <dl className="detail-grid">
          <dt>How it reached you</dt>
          <dd>
            {incident.channel
              ? `${CHANNEL_LABELS[incident.channel.kind]}${incident.channel.detail ? `: ${incident.channel.detail}` : ''}`
              : 'Not recorded'}
          </dd>
          <dt>Where</dt>
          <dd dir="auto">{incident.location || 'Not recorded'}</dd>
          {incident.identifiers.length ? (
            <>
              <dt>What was seen</dt>
              <dd dir="auto">
                {incident.identifiers
                  .map((x) => `${IDENTIFIER_LABELS[x.kind]}: ${x.value}${x.platform ? ` (${x.platform})` : ''}`)
                  .join('; ')}
              </dd>
            </>
          ) : null}
          <dt>Believed responsible</dt>
          <dd dir="auto">{perps.length ? perps.join(', ') : 'Not recorded'}</dd>
          <dt>Who saw it</dt>
          <dd dir="auto">{witnesses.length ? witnesses.join(', ') : 'Nobody recorded'}</dd>
          <dt>Escalation signals</dt>
          <dd>
            {incident.escalationSignals.length
              ? incident.escalationSignals.map((s) => ESCALATION_LABELS[s]).join('; ')
              : 'None'}
          </dd>
          {incident.notes ? (
            <>
              <dt>Notes</dt>
              <dd className="prose" dir="auto">
                {incident.notes}
              </dd>
            </>
          ) : null}
          {incident.privateFields.length ? (
            <>
              <dt>Marked private</dt>
              <dd>{incident.privateFields.map(privateFieldShown).join(', ')}</dd>
            </>
          ) : null}
          <dt>Recorded</dt>
          <dd>
            {formatInstant(incident.createdAt)}
            {incident.updatedAt !== incident.createdAt ? ` (last changed ${formatInstant(incident.updatedAt)})` : ''}
          </dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="reports-heading">
        <h2 id="reports-heading">Where you reported it</h2>
        {cases.length > 0 ? (
          <ul aria-label="Police cases">
            {cases.map((c) => (
              <li key={c.id}>
                Police case {c.reference} ({c.force}){c.officer ? `, officer ${c.officer}` : ''}
                {c.collarNumber ? ` (collar ${c.collarNumber})` : ''}
              </li>
            ))}
          </ul>
        ) : null}
        <AddToCase incidentId={incident.id} />
        {incident.reports.length === 0 && cases.length === 0 ? (
          <p>Not reported yet. You can add a police or platform report by editing this incident.</p>
        ) : (
          <ul>
            {incident.reports.map((r, i) =>
              r.kind === 'police' ? (
                <li key={i}>
                  Police{r.force ? ` (${r.force})` : ''}
                  {r.reference ? `, reference ${r.reference}` : ''}
                  {r.officer ? `, officer ${r.officer}` : ''}
                  {r.date ? `, on ${r.date}` : ''}
                </li>
              ) : (
                <li key={i}>
                  {r.platform || 'Platform'}
                  {r.reference ? `, reference ${r.reference}` : ''}
                  {r.date ? `, on ${r.date}` : ''}
                  {r.outcome ? ` — outcome: ${r.outcome}` : ''}
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
        heading="Delete this incident?"
        confirmLabel="Delete incident"
        busy={busy}
        onConfirm={(reason) => void remove(reason)}
        onCancel={() => setAsking(false)}
      >
        <p>
          “{incident.title}” and its {incident.exhibits.length} exhibit{incident.exhibits.length === 1 ? '' : 's'} will
          be moved to the bin, kept for 30 days and then removed for good. The custody log keeps a note that it was
          deleted, and why.
        </p>
      </ConfirmDialog>
    </div>
  );
}
