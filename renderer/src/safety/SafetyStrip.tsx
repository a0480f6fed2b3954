import type { Contact } from '../../../shared/model.js';
import { Msg, useT } from '../i18n/index.js';

/** The SPOC she stored (the first, if several), or none. */
export function storedSpoc(contacts: Contact[]): Contact | undefined {
  return contacts.find((c) => c.kind === 'spoc');
}

/**
 * Always in view in the unlocked app: "In danger now? Call 999", and her SPOC's name and phone
 * once stored (else a way to store them).
 */
export function SafetyStrip({ contacts, onContacts }: { contacts: Contact[]; onContacts(): void }) {
  const spoc = storedSpoc(contacts);
  const t = useT();
  return (
    <aside className="safety-strip" aria-label={t('strip.label')}>
      <p>
        <strong>
          <Msg id="strip.danger" values={{ phone: (c) => <a href="tel:999">{c}</a> }} />
        </strong>
      </p>
      {spoc ? (
        <p data-testid="strip-spoc">
          {t('strip.spoc')} <span dir="auto">{spoc.name || t('strip.no-name')}</span>
          {spoc.phone ? (
            <>
              ,{' '}
              <a href={`tel:${spoc.phone.replace(/[^\d+]/g, '')}`} dir="ltr">
                {spoc.phone}
              </a>
            </>
          ) : null}
        </p>
      ) : (
        <p>
          <button type="button" className="btn-link" onClick={onContacts}>
            {t('strip.store-spoc')}
          </button>
        </p>
      )}
    </aside>
  );
}
