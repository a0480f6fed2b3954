import { CalendarDate } from '@internationalized/date';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { DateField, DateInput, DateSegment, I18nProvider, Label } from 'react-aria-components';
import { ESCALATION_LABELS, IncidentInputSchema, type PoliceReportSchema } from '../../../shared/model.js';
import type { z } from 'zod';
import { call, errorMessage } from '../bridge.js';
import { useVault } from '../state.js';
import { TextField } from '../components/Field.js';
import { storedSpoc } from './SafetyStrip.js';

type PoliceReport = z.infer<typeof PoliceReportSchema>;

function calendarDate(iso: string): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new CalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Straight after saving an incident with an escalation signal: what to do now (call 999 if in
 * danger; tell your SPOC), and "I've told my SPOC", which records a police report on the incident
 * (when, whom, the reference) through 'incidents.update'.
 */
export function AfterEscalation({ id }: { id: string }) {
  const v = useVault();
  const incident = v.incidents.find((i) => i.id === id);
  const spoc = storedSpoc(v.contacts);
  const [when, setWhen] = useState(today);
  const [whom, setWhom] = useState(spoc?.name ?? '');
  const [reference, setReference] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [recorded, setRecorded] = useState(false);
  const doneHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (recorded) doneHeading.current?.focus();
  }, [recorded]);

  if (!incident) {
    return (
      <div className="page-narrow">
        <h1>Incident not found</h1>
      </div>
    );
  }

  async function told(e: FormEvent) {
    e.preventDefault();
    if (!incident) return;
    setBusy(true);
    setError(null);
    try {
      const report: PoliceReport = {
        kind: 'police',
        force: spoc?.organisation ?? '',
        officer: whom.trim() || 'My SPOC',
        reference: reference.trim(),
        date: when,
      };
      const input = IncidentInputSchema.parse({ ...incident, reports: [...incident.reports, report] });
      const saved = await call('incidents.update', { id: incident.id, input });
      v.putIncident(saved);
      v.announce('Recorded that you told your SPOC.');
      setRecorded(true);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page-narrow">
      <h1>What to do now</h1>
      <p className="lead">
        You saved “<span dir="auto">{incident.title}</span>” with{' '}
        {incident.escalationSignals.map((s) => ESCALATION_LABELS[s].toLowerCase()).join('; ')}. The joint guidance says
        to act on this now.
      </p>
      <section className="escalation" aria-labelledby="now-999">
        <h2 id="now-999">1. If you are in danger now, call 999</h2>
        <p>
          <a className="btn btn-danger-solid" href="tel:999">
            Call 999
          </a>
        </p>
      </section>
      <section className="card" aria-labelledby="now-spoc">
        <h2 id="now-spoc">2. Tell your SPOC</h2>
        {spoc ? (
          <p>
            Your SPOC: <strong dir="auto">{spoc.name || 'Name not recorded'}</strong>
            {spoc.organisation ? <span dir="auto">, {spoc.organisation}</span> : null}
            {spoc.phone ? (
              <>
                {' '}
                — phone{' '}
                <a href={`tel:${spoc.phone.replace(/[^\d+]/g, '')}`} dir="ltr">
                  <strong>{spoc.phone}</strong>
                </a>
              </>
            ) : null}
            {spoc.email ? <> — e-mail {spoc.email}</> : null}
          </p>
        ) : (
          <p>
            You have not stored your SPOC’s details yet.{' '}
            <button type="button" className="btn-link" onClick={() => v.go({ name: 'contacts' })}>
              Add them on the Contacts page
            </button>
            . If you do not have a SPOC, call 101 (or 999 in an emergency).
          </p>
        )}
        {recorded ? (
          <div className="notice notice-ok">
            <h3 ref={doneHeading} tabIndex={-1}>
              Recorded: you told your SPOC
            </h3>
            <p>It is on the incident as a police report, and goes in the case pack.</p>
            <div className="btn-row">
              <button
                className="btn btn-primary"
                type="button"
                onClick={() => v.go({ name: 'incident', id: incident.id })}
              >
                Go to the incident
              </button>
            </div>
          </div>
        ) : (
          <form onSubmit={told} noValidate autoComplete="off">
            <p>Once you have told them, record it here.</p>
            <div className="row">
              <I18nProvider locale="en-GB">
                <DateField
                  className="field"
                  id="told-when"
                  value={calendarDate(when)}
                  onChange={(d) => setWhen(d ? d.toString() : '')}
                  granularity="day"
                  shouldForceLeadingZeros
                >
                  <Label>When you told them</Label>
                  <DateInput className="input date-input">
                    {(segment) => <DateSegment className="date-segment" segment={segment} />}
                  </DateInput>
                </DateField>
              </I18nProvider>
              <TextField id="told-whom" label="Whom you told" value={whom} onChange={setWhom} />
              <TextField id="told-ref" label="Reference they gave (if any)" value={reference} onChange={setReference} />
            </div>
            {error ? (
              <p className="error-text" role="alert">
                {error}
              </p>
            ) : null}
            <div className="btn-row">
              <button className="btn btn-primary" type="submit" disabled={busy}>
                {busy ? 'Saving…' : 'I’ve told my SPOC'}
              </button>
              <button className="btn" type="button" onClick={() => v.go({ name: 'incident', id: incident.id })}>
                Not yet: go to the incident
              </button>
            </div>
          </form>
        )}
      </section>
    </div>
  );
}
