import { useEffect, useRef, useState, type FormEvent } from 'react';
import { IncidentInputSchema, type PoliceReportSchema } from '../../../shared/model.js';
import type { z } from 'zod';
import { call, errorMessage } from '../bridge.js';
import { useVault } from '../state.js';
import { TextField } from '../components/Field.js';
import { UkDateOnly } from '../components/UkDateOnly.js';
import { ukNow } from '../../../shared/uk-time.js';
import { Msg, useT } from '../i18n/index.js';
import { NoSpocYet, SpocDetails } from './SpocDetails.js';
import { storedSpoc } from './SafetyStrip.js';

type PoliceReport = z.infer<typeof PoliceReportSchema>;

/** Today in the UK, whatever the computer's zone. */
function today(): string {
  return ukNow().date;
}

/**
 * Straight after saving an incident with an escalation signal: what to do now (call 999 if in
 * danger; tell your SPOC), and "I've told my SPOC", which records a police report on the incident
 * (when, whom, the reference) through 'incidents.update'.
 */
export function AfterEscalation({ id }: { id: string }) {
  const v = useVault();
  const t = useT();
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
        <h1>{t('after.not-found')}</h1>
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
        officer: whom.trim() || t('after.my-spoc'),
        reference: reference.trim(),
        date: when,
      };
      const input = IncidentInputSchema.parse({ ...incident, reports: [...incident.reports, report] });
      const saved = await call('incidents.update', { id: incident.id, input });
      v.putIncident(saved);
      v.announce(t('after.announce'));
      setRecorded(true);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page-narrow">
      <h1>{t('after.heading')}</h1>
      <p className="lead">
        <Msg
          id="after.lead"
          values={{
            title: <span dir="auto">{incident.title}</span>,
            signals: incident.escalationSignals.map((s) => t(`escalation.signal.${s}`).toLowerCase()).join('; '),
          }}
        />
      </p>
      <section className="escalation" aria-labelledby="now-999">
        <h2 id="now-999">{t('after.step-999')}</h2>
        <p>
          <a className="btn btn-danger-solid" href="tel:999">
            {t('after.call-999')}
          </a>
        </p>
      </section>
      <section className="card" aria-labelledby="now-spoc">
        <h2 id="now-spoc">{t('after.step-spoc')}</h2>
        {spoc ? (
          <SpocDetails spoc={spoc} callable />
        ) : (
          <p>
            <NoSpocYet onAdd={() => v.go({ name: 'contacts' })} /> {t('after.no-spoc-101')}
          </p>
        )}
        {recorded ? (
          <div className="notice notice-ok">
            <h3 ref={doneHeading} tabIndex={-1}>
              {t('after.recorded')}
            </h3>
            <p>{t('after.recorded-text')}</p>
            <div className="btn-row">
              <button
                className="btn btn-primary"
                type="button"
                onClick={() => v.go({ name: 'incident', id: incident.id })}
              >
                {t('after.go-incident')}
              </button>
            </div>
          </div>
        ) : (
          <form onSubmit={told} noValidate autoComplete="off">
            <p>{t('after.record-here')}</p>
            <div className="row">
              <UkDateOnly id="told-when" label={t('after.when')} value={when} onChange={setWhen} />
              <TextField id="told-whom" label={t('after.whom')} value={whom} onChange={setWhom} />
              <TextField id="told-ref" label={t('after.reference')} value={reference} onChange={setReference} />
            </div>
            {error ? (
              <p className="error-text" role="alert">
                {error}
              </p>
            ) : null}
            <div className="btn-row">
              <button className="btn btn-primary" type="submit" disabled={busy}>
                {busy ? t('after.saving') : t('after.told')}
              </button>
              <button className="btn" type="button" onClick={() => v.go({ name: 'incident', id: incident.id })}>
                {t('after.not-yet')}
              </button>
            </div>
          </form>
        )}
      </section>
    </div>
  );
}
