import type { EscalationSignal } from '../../../shared/model.js';
import { Msg, useT } from '../i18n/index.js';
import { useVault } from '../state.js';

/** Shown on every incident with an escalation signal. */
export function EscalationBanner({ signals }: { signals: EscalationSignal[] }) {
  const v = useVault();
  const t = useT();
  const spoc = v.contacts.find((c) => c.kind === 'spoc');
  return (
    <section className="escalation" aria-labelledby="escalation-heading" data-testid="escalation-banner">
      <h2 id="escalation-heading">{t('escalation.heading')}</h2>
      <p>{t('escalation.recorded', { signals: signals.map((s) => t(`escalation.signal.${s}`)).join('; ') })}</p>
      <p>
        <Msg id="escalation.advice" values={{ b: (c) => <strong>{c}</strong> }} />
      </p>
      {spoc ? (
        <div aria-label={t('escalation.spoc-label')}>
          <p>
            {t('escalation.your-spoc')} <strong dir="auto">{spoc.name || t('escalation.no-name')}</strong>
            {spoc.organisation ? <span dir="auto">, {spoc.organisation}</span> : null}
            {spoc.phone ? (
              <>
                {' '}
                <Msg id="escalation.phone" values={{ phone: <strong dir="ltr">{spoc.phone}</strong> }} />
              </>
            ) : null}
            {spoc.email ? (
              <>
                {' '}
                <Msg id="escalation.email" values={{ email: <span dir="ltr">{spoc.email}</span> }} />
              </>
            ) : null}
          </p>
        </div>
      ) : (
        <p>
          <Msg
            id="escalation.no-spoc"
            values={{
              add: (c) => (
                <button type="button" className="btn-link" onClick={() => v.go({ name: 'contacts' })}>
                  {c}
                </button>
              ),
            }}
          />
        </p>
      )}
    </section>
  );
}
