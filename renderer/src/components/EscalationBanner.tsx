import type { EscalationSignal } from '../../../shared/model.js';
import { Msg, useT } from '../i18n/index.js';
import { NoSpocYet, SpocDetails } from '../safety/SpocDetails.js';
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
          <SpocDetails spoc={spoc} />
        </div>
      ) : (
        <p>
          <NoSpocYet onAdd={() => v.go({ name: 'contacts' })} />
        </p>
      )}
    </section>
  );
}
