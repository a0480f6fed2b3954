import { Fragment, useEffect, useRef, useState, type FormEvent } from 'react';
import { CONTACT_KINDS, type Contact, type ContactInput } from '../../../shared/model.js';
import { call, errorMessage } from '../bridge.js';
import { PoliceCases } from '../components/PoliceCases.js';
import { useVault } from '../state.js';
import { ChoiceField, TextField } from '../components/Field.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { CharCount } from '../components/CharCount.js';
import { useDraftKeys, useFormDraft } from '../components/FormDraft.js';
import { formKeys } from '../drafts.js';
import { Msg, useT, type MessageId, type Translate } from '../i18n/index.js';

/** The longest each field may be (shared/model.ts's ContactInputSchema). */
const CONTACT_LIMITS = { name: 500, organisation: 500, phone: 100, email: 500, notes: 10_000 } as const;

type ContactKind = (typeof CONTACT_KINDS)[number];
const kindLabel = (t: Translate, kind: ContactKind) => t(`people.contacts.kind.${kind}`);
const kindLabels = (t: Translate) =>
  Object.fromEntries(CONTACT_KINDS.map((k) => [k, kindLabel(t, k)])) as Record<ContactKind, string>;

type Draft = Required<Omit<ContactInput, 'kind'>> & { kind: ContactInput['kind'] };
/** What a contact's card shows, when given: [field, label]. */
const CARD_DETAILS: readonly [key: 'organisation' | 'phone' | 'email' | 'notes', label: MessageId][] = [
  ['organisation', 'people.contacts.organisation'],
  ['phone', 'people.contacts.phone'],
  ['email', 'people.contacts.email'],
  ['notes', 'people.contacts.notes'],
];

/** The one-line fields of the form, two to a row: [id, field, label, input type]. */
type ContactField = [
  id: string,
  key: 'name' | 'organisation' | 'phone' | 'email',
  label: MessageId,
  type: 'text' | 'tel' | 'email',
];
const CONTACT_ROWS: ContactField[][] = [
  [
    ['c-name', 'name', 'people.contacts.name', 'text'],
    ['c-org', 'organisation', 'people.contacts.organisation', 'text'],
  ],
  [
    ['c-phone', 'phone', 'people.contacts.phone', 'tel'],
    ['c-email', 'email', 'people.contacts.email', 'email'],
  ],
];
const EMPTY: Draft = { kind: 'spoc', name: '', organisation: '', phone: '', email: '', notes: '' };

function draftOf(c: Contact): Draft {
  return { kind: c.kind, name: c.name, organisation: c.organisation, phone: c.phone, email: c.email, notes: c.notes };
}

/** The contact form: its draft autosaved (encrypted) and restored, asked before it is left with changes. */
function ContactForm({
  id,
  initial,
  onSaved,
  onClose,
}: {
  id: string | null;
  initial: Draft;
  onSaved(c: Contact): void;
  onClose(): void;
}) {
  const t = useT();
  const [d, setD] = useState<Draft>(initial);
  const [error, setError] = useState<string | null>(null);
  const draft = useFormDraft({ draftKey: formKeys.contact(id), route: { name: 'contacts' }, value: d, restore: setD });
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!d.name.trim() && !d.organisation.trim() && !d.phone.trim() && !d.email.trim()) {
      setError(t('people.contacts.need-one'));
      document.getElementById('c-name')?.focus();
      return;
    }
    try {
      await draft.beforeSave();
      const saved = id ? await call('contacts.update', { id, input: d }) : await call('contacts.create', { input: d });
      void draft.saved();
      onSaved(saved);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <form className="card" onSubmit={save} noValidate autoComplete="off" aria-labelledby="contact-form-heading">
      <h2 id="contact-form-heading">{id ? t('people.contacts.edit-heading') : t('people.contacts.new-heading')}</h2>
      {draft.notice}
      {draft.dialog}
      {error ? (
        <p className="error-text" role="alert" id="contact-error">
          {error}
        </p>
      ) : null}
      <ChoiceField
        id="c-kind"
        label={t('people.contacts.kind')}
        value={d.kind}
        choices={CONTACT_KINDS}
        labels={kindLabels(t)}
        onChange={(kind) => kind && set({ kind })}
      />
      {CONTACT_ROWS.map((row) => (
        <div className="row" key={row.map(([fid]) => fid).join()}>
          {row.map(([fid, key, label, type]) => (
            <TextField
              key={fid}
              id={fid}
              label={t(label)}
              type={type}
              value={d[key]}
              maxLength={CONTACT_LIMITS[key]}
              onChange={(value) => set({ [key]: value })}
            />
          ))}
        </div>
      ))}
      <div className="field">
        <label htmlFor="c-notes">{t('people.contacts.notes')}</label>
        <textarea
          id="c-notes"
          dir="auto"
          autoComplete="off"
          spellCheck={false}
          value={d.notes}
          aria-describedby="c-notes-count"
          onChange={(e) => set({ notes: e.target.value })}
        />
        <CharCount id="c-notes-count" value={d.notes} max={CONTACT_LIMITS.notes} />
      </div>
      <div className="btn-row">
        <button className="btn btn-primary" type="submit">
          {t('people.contacts.save')}
        </button>
        <button className="btn" type="button" onClick={() => draft.close(onClose)}>
          {t('people.cancel')}
        </button>
      </div>
    </form>
  );
}

export function Contacts() {
  const v = useVault();
  const t = useT();
  const [editing, setEditing] = useState<{ id: string | null; draft: Draft } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Removing a contact (the SPOC included) asks first, and why.
  const [removing, setRemoving] = useState<Contact | null>(null);
  const [busy, setBusy] = useState(false);
  const order = (c: Contact) => CONTACT_KINDS.indexOf(c.kind);
  const contacts = [...v.contacts].sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name));
  const hasSpoc = contacts.some((c) => c.kind === 'spoc');
  /**
   * Where the focus goes once the screen has redrawn (never to the page body): the saved
   * contact's card, the form's first field when it opens, "Add a contact" after a cancel or removal.
   */
  const [focusNext, setFocusNext] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focusNext) return;
    const el = focusNext === 'add' ? addButton.current : document.getElementById(focusNext);
    if (el) {
      el.focus();
      setFocusNext(null);
    }
  }, [focusNext, v.contacts, editing]);

  // A contact left unsaved (a lock, or kept as a draft): its form opens again with it.
  const drafts = useDraftKeys((k) => k.startsWith('contact:'));
  useEffect(() => {
    const found = drafts
      ?.map((k) => k.slice('contact:'.length))
      .find((id) => id === 'new' || v.contacts.some((c) => c.id === id));
    if (!found) return;
    const c = v.contacts.find((x) => x.id === found);
    setEditing(
      (e) => e ?? { id: c ? c.id : null, draft: c ? draftOf(c) : { ...EMPTY, kind: hasSpoc ? 'police' : 'spoc' } },
    );
    // Once, when the drafts are known.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [drafts]);

  async function saved(c: Contact) {
    setEditing(null);
    setError(null);
    await v.refresh();
    setFocusNext(`contact-${c.id}`);
    v.announce(t('people.contacts.saved'));
  }

  async function remove(c: Contact, reason: string) {
    setBusy(true);
    try {
      await call('contacts.delete', { id: c.id, reason });
      setRemoving(null);
      await v.refresh();
      setFocusNext('add');
      v.announce(t('people.contacts.removed'));
    } catch (err) {
      setRemoving(null);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page-narrow">
      <h1>{t('screen.contacts')}</h1>
      <p className="lead">
        <Msg id="people.contacts.lead" values={{ strong: (c) => <strong>{c}</strong> }} />
      </p>
      {!hasSpoc ? <p className="notice">{t('people.contacts.no-spoc')}</p> : null}
      {error && !editing ? (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      ) : null}
      {contacts.length === 0 ? (
        <div className="empty-state">
          <p>{t('people.contacts.empty')}</p>
          <p>{t('people.contacts.empty-more')}</p>
        </div>
      ) : null}
      <ul className="contact-list">
        {contacts.map((c) => (
          <li key={c.id} className={c.kind === 'spoc' ? 'contact-card spoc' : 'contact-card'}>
            <h2 id={`contact-${c.id}`} tabIndex={-1} dir="auto">
              {c.name || c.organisation || kindLabel(t, c.kind)}
            </h2>
            <p className="hint">{kindLabel(t, c.kind)}</p>
            <dl className="detail-grid">
              {CARD_DETAILS.map(([key, label]) =>
                c[key] ? (
                  <Fragment key={key}>
                    <dt>{t(label)}</dt>
                    <dd dir="auto">{c[key]}</dd>
                  </Fragment>
                ) : null,
              )}
            </dl>
            <div className="btn-row">
              <button
                className="btn"
                type="button"
                aria-label={t('people.contacts.edit-label', { name: c.name || kindLabel(t, c.kind) })}
                onClick={() => {
                  setError(null);
                  setFocusNext('c-kind');
                  setEditing({ id: c.id, draft: draftOf(c) });
                }}
              >
                {t('people.edit')}
              </button>
              <button
                className="btn btn-danger"
                type="button"
                aria-label={t('people.contacts.remove-label', { name: c.name || kindLabel(t, c.kind) })}
                onClick={() => {
                  setError(null);
                  setRemoving(c);
                }}
              >
                {t('people.remove')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={removing !== null}
        heading={t('people.contacts.remove-heading', {
          name: removing
            ? removing.name || removing.organisation || kindLabel(t, removing.kind)
            : t('people.contacts.this-contact'),
        })}
        confirmLabel={t('people.contacts.remove-confirm')}
        cancelLabel={t('people.cancel')}
        busy={busy}
        onConfirm={(reason) => {
          if (removing) void remove(removing, reason);
        }}
        onCancel={() => setRemoving(null)}
      >
        <p>{t('people.contacts.remove-text')}</p>
      </ConfirmDialog>
      {editing ? (
        <ContactForm
          key={editing.id ?? 'new'}
          id={editing.id}
          initial={editing.draft}
          onSaved={(c) => void saved(c)}
          onClose={() => {
            setFocusNext(editing.id ? `contact-${editing.id}` : 'add');
            setEditing(null);
          }}
        />
      ) : (
        <div className="btn-row">
          <button
            ref={addButton}
            className="btn btn-primary"
            type="button"
            onClick={() => {
              setError(null);
              setFocusNext('c-kind');
              setEditing({ id: null, draft: { ...EMPTY, kind: hasSpoc ? 'police' : 'spoc' } });
            }}
          >
            {t('people.contacts.add')}
          </button>
        </div>
      )}
      <PoliceCases />
    </div>
  );
}
