import type { Contact } from '../../../shared/model.js';
import { Msg, useT } from '../i18n/index.js';

/** "Your SPOC: PS Alex Morgan, Thames Valley Police — phone 01865 555 0101 — e-mail …". */
export function SpocDetails({ spoc, callable }: { spoc: Contact; callable?: boolean }) {
  const t = useT();
  const phone = <strong dir="ltr">{spoc.phone}</strong>;
  return (
    <p>
      {t('escalation.your-spoc')} <strong dir="auto">{spoc.name || t('escalation.no-name')}</strong>
      {spoc.organisation ? <span dir="auto">, {spoc.organisation}</span> : null}
      {spoc.phone ? (
        <>
          {' '}
          <Msg
            id="escalation.phone"
            values={{
              phone: callable ? (
                <a href={`tel:${spoc.phone.replace(/[^\d+]/g, '')}`} dir="ltr">
                  {phone}
                </a>
              ) : (
                phone
              ),
            }}
          />
        </>
      ) : null}
      {spoc.email ? (
        <>
          {' '}
          <Msg id="escalation.email" values={{ email: <span dir="ltr">{spoc.email}</span> }} />
        </>
      ) : null}
    </p>
  );
}

/** "You have not stored your SPOC's details yet. Add them on the Contacts page." */
export function NoSpocYet({ onAdd }: { onAdd(): void }) {
  return (
    <Msg
      id="escalation.no-spoc"
      values={{
        add: (c) => (
          <button type="button" className="btn-link" onClick={onAdd}>
            {c}
          </button>
        ),
      }}
    />
  );
}
