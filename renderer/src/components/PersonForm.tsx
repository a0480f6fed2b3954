import { useEffect, useId, useState, type FormEvent } from 'react';
import { PERSON_ROLES, personName, type Person, type PersonIdentifier } from '../../../shared/model.js';
import { call, errorMessage } from '../bridge.js';
import { useVault } from '../state.js';
import { ChoiceField, TextField } from './Field.js';
import { UkDateOnly } from './UkDateOnly.js';
import { useFormDraft } from './FormDraft.js';
import { CharCount } from './CharCount.js';
import { formKeys } from '../drafts.js';

const ROLE_LABELS: Record<(typeof PERSON_ROLES)[number], string> = {
  perpetrator: 'Believed responsible',
  witness: 'Witness',
  other: 'Other',
};

const BLANK_IDENTIFIER: PersonIdentifier = {
  platform: '',
  handle: '',
  accountId: '',
  url: '',
  firstSeen: '',
  lastSeen: '',
};
const IDENTIFIER_FIELDS: [keyof PersonIdentifier, string, 'text' | 'date'][] = [
  ['platform', 'Platform', 'text'],
  ['handle', 'Handle', 'text'],
  ['accountId', 'Numeric account id', 'text'],
  ['url', 'Web address (URL)', 'text'],
  ['firstSeen', 'First seen', 'date'],
  ['lastSeen', 'Last seen', 'date'],
];
const isBlank = (x: PersonIdentifier) => Object.values(x).every((f) => f.trim() === '');

/**
 * Edit a person's details: name, online handles, every identifier (platform, handle, numeric
 * account id, URL, first and last seen) and why she believes they are one person; for a witness,
 * how to reach them, what they saw and whether they know they are named; role and privacy.
 */
export function PersonForm({ person, onDone }: { person: Person; onDone(): void }) {
  const v = useVault();
  const uid = useId();
  const [form, setForm] = useState(() => ({
    name: person.name,
    handles: person.handles.join(', '),
    description: person.description,
    role: person.role,
    isPrivate: person.private,
    identifiers: person.identifiers.map((x) => ({ ...x })),
    basis: person.basis,
    contact: person.contact,
    sawWhat: person.sawWhat,
    knowsNamed: person.knowsNamed,
  }));
  const draft = useFormDraft({
    draftKey: formKeys.person(person.id),
    route: { name: 'conduct' },
    value: form,
    restore: setForm,
  });
  const { name, handles, description, role, isPrivate, identifiers, basis, contact, sawWhat, knowsNamed } = form;
  const field =
    <K extends keyof typeof form>(k: K) =>
    (value: (typeof form)[K]) =>
      setForm((f) => ({ ...f, [k]: value }));
  const setName = field('name');
  const setHandles = field('handles');
  const setDescription = field('description');
  const setRole = field('role');
  const setPrivate = field('isPrivate');
  const setBasis = field('basis');
  const setContact = field('contact');
  const setSawWhat = field('sawWhat');
  const setKnowsNamed = field('knowsNamed');
  const setIdentifiers = (next: (all: PersonIdentifier[]) => PersonIdentifier[]) =>
    setForm((f) => ({ ...f, identifiers: next(f.identifiers) }));
  const setIdAt = (i: number, x: PersonIdentifier) => setIdentifiers((all) => all.map((y, j) => (j === i ? x : y)));
  const [error, setError] = useState<string | null>(null);
  // The form takes the place of its "Edit details" button: the cursor goes to its first field.
  useEffect(() => {
    document.getElementById(`${uid}-name`)?.focus();
  }, [uid]);

  async function save(e: FormEvent) {
    e.preventDefault();
    const list = handles
      .split(',')
      .map((h) => h.trim())
      .filter((h) => h !== '');
    const ids = identifiers
      .map((x) => ({
        platform: x.platform.trim(),
        handle: x.handle.trim(),
        accountId: x.accountId.trim(),
        url: x.url.trim(),
        firstSeen: x.firstSeen,
        lastSeen: x.lastSeen,
      }))
      .filter((x) => !isBlank(x));
    if (name.trim() === '' && list.length === 0 && ids.every((x) => !x.handle && !x.url && !x.accountId)) {
      setError('Give a name or at least one online handle.');
      return;
    }
    try {
      await draft.beforeSave();
      const saved = await call('people.update', {
        id: person.id,
        input: {
          identifiers: ids,
          basis,
          contact,
          sawWhat,
          knowsNamed,
          name: name.trim(),
          handles: list,
          description,
          role,
          private: isPrivate,
        },
      });
      void draft.saved();
      v.putPerson(saved);
      v.announce('Details saved.');
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <form onSubmit={save} noValidate autoComplete="off" aria-label={`Details of ${personName(person)}`}>
      {draft.notice}
      {draft.dialog}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row">
        <TextField id={`${uid}-name`} label="Name" value={name} maxLength={500} onChange={setName} />
        <div className="field">
          <label htmlFor={`${uid}-handles`}>Online handles</label>
          <input
            dir="auto"
            id={`${uid}-handles`}
            autoComplete="off"
            spellCheck={false}
            type="text"
            value={handles}
            aria-describedby={`${uid}-handles-hint`}
            onChange={(e) => setHandles(e.target.value)}
          />
          <span className="hint" id={`${uid}-handles-hint`}>
            Separate them with commas, for example @name, name99
          </span>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${uid}-desc`}>Description</label>
        <textarea
          dir="auto"
          id={`${uid}-desc`}
          autoComplete="off"
          spellCheck={false}
          value={description}
          aria-describedby={`${uid}-desc-hint ${uid}-desc-count`}
          onChange={(e) => setDescription(e.target.value)}
        />
        <CharCount id={`${uid}-desc-count`} value={description} max={10000} />
        <span className="hint" id={`${uid}-desc-hint`}>
          What they look like, their car, where you have seen them.
        </span>
      </div>
      <fieldset>
        <legend>Accounts and identifiers</legend>
        <p className="hint">Every account you believe is theirs. Leave out what you do not know.</p>
        {identifiers.map((x, i) => (
          <div key={i} className="report-box" role="group" aria-label={`Identifier ${i + 1}`}>
            <div className="row">
              {IDENTIFIER_FIELDS.map(([key, label, type]) =>
                type === 'date' ? (
                  <UkDateOnly
                    key={key}
                    id={`${uid}-id${i}-${key}`}
                    label={label}
                    value={x[key]}
                    onChange={(val) => setIdAt(i, { ...x, [key]: val })}
                  />
                ) : (
                  <TextField
                    key={key}
                    id={`${uid}-id${i}-${key}`}
                    label={label}
                    value={x[key]}
                    onChange={(val) => setIdAt(i, { ...x, [key]: val })}
                  />
                ),
              )}
            </div>
            <button
              className="btn"
              type="button"
              aria-label={`Remove identifier ${i + 1}${x.handle ? `: ${x.handle}` : ''}`}
              onClick={() => setIdentifiers((all) => all.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </div>
        ))}
        <div className="btn-row">
          <button
            className="btn"
            type="button"
            onClick={() => setIdentifiers((all) => [...all, { ...BLANK_IDENTIFIER }])}
          >
            Add an identifier
          </button>
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${uid}-basis`}>Why I believe these are the same person</label>
        <textarea
          dir="auto"
          id={`${uid}-basis`}
          autoComplete="off"
          spellCheck={false}
          value={basis}
          aria-describedby={`${uid}-basis-hint ${uid}-basis-count`}
          onChange={(e) => setBasis(e.target.value)}
        />
        <CharCount id={`${uid}-basis-count`} value={basis} max={10000} />
        <span className="hint" id={`${uid}-basis-hint`}>
          For example: the same photo on both accounts, the new account appeared the day the old one was suspended.
        </span>
      </div>
      <div className="row">
        <ChoiceField
          id={`${uid}-role`}
          label="Role"
          value={role}
          choices={PERSON_ROLES}
          labels={ROLE_LABELS}
          onChange={(r) => r && setRole(r)}
        />
      </div>
      {role === 'witness' ? (
        <fieldset>
          <legend>Witness</legend>
          <div className="field">
            <label htmlFor={`${uid}-contact`}>Contact details</label>
            <textarea
              dir="auto"
              id={`${uid}-contact`}
              autoComplete="off"
              spellCheck={false}
              rows={2}
              value={contact}
              onChange={(e) => setContact(e.target.value)}
            />
            <CharCount id={`${uid}-contact-count`} value={contact} max={2000} />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-saw`}>What they saw or heard</label>
            <textarea
              dir="auto"
              id={`${uid}-saw`}
              autoComplete="off"
              spellCheck={false}
              value={sawWhat}
              onChange={(e) => setSawWhat(e.target.value)}
            />
            <CharCount id={`${uid}-saw-count`} value={sawWhat} max={10000} />
          </div>
          <label className="check">
            <input type="checkbox" checked={knowsNamed} onChange={(e) => setKnowsNamed(e.target.checked)} />
            <span>They know they are named in this record</span>
          </label>
        </fieldset>
      ) : null}
      <label className="check">
        <input type="checkbox" checked={isPrivate} onChange={(e) => setPrivate(e.target.checked)} />
        <span>Private: leave this person’s details out of a case pack if I ask</span>
      </label>
      <div className="btn-row">
        <button className="btn btn-primary" type="submit">
          Save details
        </button>
        <button className="btn" type="button" onClick={() => draft.close(onDone)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
