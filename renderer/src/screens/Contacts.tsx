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

/** The longest each field may be (shared/model.ts's ContactInputSchema). */
const CONTACT_LIMITS = { name: 500, organisation: 500, phone: 100, email: 500, notes: 10_000 } as const;

const KIND_LABELS: Record<(typeof CONTACT_KINDS)[number], string> = {
  spoc: 'Police single point of contact (SPOC)',
  police: 'Police',
  platform: 'Platform trust and safety',
  'party-security': 'Party security',
  'employer-security': 'Employer security',
  other: 'Other',
};

type Draft = Required<Omit<ContactInput, 'kind'>> & { kind: ContactInput['kind'] };
/** What a contact's card shows, when given: [field, label]. */
const CARD_DETAILS: readonly [key: 'organisation' | 'phone' | 'email' | 'notes', label: string][] = [
  ['organisation', 'Organisation'],
  ['phone', 'Phone'],
  ['email', 'E-mail'],
  ['notes', 'Notes'],
];

/** The one-line fields of the form, two to a row: [id, field, label, input type]. */
type ContactField = [
  id: string,
  key: 'name' | 'organisation' | 'phone' | 'email',
  label: string,
  type: 'text' | 'tel' | 'email',
];
const CONTACT_ROWS: ContactField[][] = [
  [
    ['c-name', 'name', 'Name', 'text'],
    ['c-org', 'organisation', 'Organisation', 'text'],
  ],
  [
    ['c-phone', 'phone', 'Phone', 'tel'],
    ['c-email', 'email', 'E-mail', 'email'],
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
  const [d, setD] = useState<Draft>(initial);
  const [error, setError] = useState<string | null>(null);
  const draft = useFormDraft({ draftKey: formKeys.contact(id), route: { name: 'contacts' }, value: d, restore: setD });
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!d.name.trim() && !d.organisation.trim() && !d.phone.trim() && !d.email.trim()) {
      setError('Add at least a name, an organisation, a phone number or an e-mail address.');
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
      <h2 id="contact-form-heading">{id ? 'Edit contact' : 'New contact'}</h2>
      {draft.notice}
      {draft.dialog}
      {error ? (
        <p className="error-text" role="alert" id="contact-error">
          {error}
        </p>
      ) : null}
      <ChoiceField
        id="c-kind"
        label="Kind of contact"
        value={d.kind}
        choices={CONTACT_KINDS}
        labels={KIND_LABELS}
        onChange={(kind) => kind && set({ kind })}
      />
      {CONTACT_ROWS.map((row) => (
        <div className="row" key={row.map(([fid]) => fid).join()}>
          {row.map(([fid, key, label, type]) => (
            <TextField
              key={fid}
              id={fid}
              label={label}
              type={type}
              value={d[key]}
              maxLength={CONTACT_LIMITS[key]}
              onChange={(value) => set({ [key]: value })}
            />
          ))}
        </div>
      ))}
      <div className="field">
        <label htmlFor="c-notes">Notes</label>
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
          Save contact
        </button>
        <button className="btn" type="button" onClick={() => draft.close(onClose)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function Contacts() {
  const v = useVault();
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
    v.announce('Contact saved.');
  }

  async function remove(c: Contact, reason: string) {
    setBusy(true);
    try {
      await call('contacts.delete', { id: c.id, reason });
      setRemoving(null);
      await v.refresh();
      setFocusNext('add');
      v.announce('Contact removed.');
    } catch (err) {
      setRemoving(null);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page-narrow">
      <h1>Contacts</h1>
      <p className="lead">
        People to call for help. In an emergency, <strong>call 999</strong>.
      </p>
      {!hasSpoc ? (
        <p className="notice">
          If you are a candidate, your police force has a single point of contact (SPOC) for you. Ask your party or the
          returning officer who it is, and add their details here.
        </p>
      ) : null}
      {error && !editing ? (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      ) : null}
      {contacts.length === 0 ? (
        <div className="empty-state">
          <p>No contacts yet.</p>
          <p>
            Start with your police single point of contact (SPOC): once their number is stored it stays at the top of
            every screen. Choose “Add a contact” below.
          </p>
        </div>
      ) : null}
      <ul className="contact-list">
        {contacts.map((c) => (
          <li key={c.id} className={c.kind === 'spoc' ? 'contact-card spoc' : 'contact-card'}>
            <h2 id={`contact-${c.id}`} tabIndex={-1} dir="auto">
              {c.name || c.organisation || KIND_LABELS[c.kind]}
            </h2>
            <p className="hint">{KIND_LABELS[c.kind]}</p>
            <dl className="detail-grid">
              {CARD_DETAILS.map(([key, label]) =>
                c[key] ? (
                  <Fragment key={key}>
                    <dt>{label}</dt>
                    <dd dir="auto">{c[key]}</dd>
                  </Fragment>
                ) : null,
              )}
            </dl>
            <div className="btn-row">
              <button
                className="btn"
                type="button"
                aria-label={`Edit ${c.name || KIND_LABELS[c.kind]}`}
                onClick={() => {
                  setError(null);
                  setFocusNext('c-kind');
                  setEditing({ id: c.id, draft: draftOf(c) });
                }}
              >
                Edit
              </button>
              <button
                className="btn btn-danger"
                type="button"
                aria-label={`Remove ${c.name || KIND_LABELS[c.kind]}`}
                onClick={() => {
                  setError(null);
                  setRemoving(c);
                }}
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={removing !== null}
        heading={`Remove ${removing ? removing.name || removing.organisation || KIND_LABELS[removing.kind] : 'this contact'}?`}
        confirmLabel="Remove contact"
        cancelLabel="Cancel"
        busy={busy}
        onConfirm={(reason) => {
          if (removing) void remove(removing, reason);
        }}
        onCancel={() => setRemoving(null)}
      >
        <p>The contact will be moved to the bin, kept for 30 days and then removed for good.</p>
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
            Add a contact
          </button>
        </div>
      )}
      <PoliceCases />
    </div>
  );
}
