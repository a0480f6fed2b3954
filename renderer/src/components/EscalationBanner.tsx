import { ESCALATION_LABELS, type EscalationSignal } from '../../../shared/model.js';
import { useVault } from '../state.js';

/** Shown on every incident with an escalation signal. */
export function EscalationBanner({ signals }: { signals: EscalationSignal[] }) {
  const v = useVault();
  const spoc = v.contacts.find((c) => c.kind === 'spoc');
  return (
    <section className="escalation" aria-labelledby="escalation-heading" data-testid="escalation-banner">
      <h2 id="escalation-heading">This may be escalating</h2>
      <p>You recorded: {signals.map((s) => ESCALATION_LABELS[s]).join('; ')}.</p>
      <p>
        <strong>If you are in danger now, call 999.</strong> Tell your police single point of contact (SPOC) about this
        incident as soon as you can.
      </p>
      {spoc ? (
        <div aria-label="Your SPOC">
          <p>
            Your SPOC: <strong>{spoc.name || 'Name not recorded'}</strong>
            {spoc.organisation ? `, ${spoc.organisation}` : ''}
            {spoc.phone ? (
              <>
                {' '}
                — phone <strong>{spoc.phone}</strong>
              </>
            ) : null}
            {spoc.email ? <> — e-mail {spoc.email}</> : null}
          </p>
        </div>
      ) : (
        <p>
          You have not stored your SPOC’s details yet.{' '}
          <button type="button" className="btn-link" onClick={() => v.go({ name: 'contacts' })}>
            Add them on the Contacts page
          </button>
          .
        </p>
      )}
    </section>
  );
}
