import type { Contact } from '../../../shared/model.js';

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
  return (
    <aside className="safety-strip" aria-label="Safety">
      <p>
        <strong>
          In danger now? Call <a href="tel:999">999</a>
        </strong>
      </p>
      {spoc ? (
        <p data-testid="strip-spoc">
          SPOC: <span dir="auto">{spoc.name || 'name not recorded'}</span>
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
            Store your SPOC’s number
          </button>
        </p>
      )}
    </aside>
  );
}
