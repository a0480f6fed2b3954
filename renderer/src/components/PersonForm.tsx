import { useEffect, useId, useState, type FormEvent } from 'react';
import { PERSON_ROLES, personName, type Person, type PersonIdentifier } from '../../../shared/model.js';
import { call, errorMessage } from '../bridge.js';
import { useVault } from '../state.js';
import { ChoiceField, TextField } from './Field.js';
import { UkDateOnly } from './UkDateOnly.js';
import { useFormDraft } from './FormDraft.js';
import { CharCount } from './CharCount.js';
import { formKeys } from '../drafts.js';
import { useT, type MessageId } from '../i18n/index.js';

const BLANK_IDENTIFIER: PersonIdentifier = {
  platform: '',
  handle: '',
  accountId: '',
  url: '',
  firstSeen: '',
  lastSeen: '',
};
const IDENTIFIER_FIELDS: [keyof PersonIdentifier, MessageId, 'text' | 'date'][] = [
  ['platform', 'people.person.id.platform', 'text'],
  ['handle', 'people.person.id.handle', 'text'],
  ['accountId', 'people.person.id.account-id', 'text'],
  ['url', 'people.person.id.url', 'text'],
  ['firstSeen', 'people.person.id.first-seen', 'date'],
  ['lastSeen', 'people.person.id.last-seen', 'date'],
];
const isBlank = (x: PersonIdentifier) => Object.values(x).every((f) => f.trim() === '');

/**
 * Edit a person's details: name, online handles, every identifier (platform, handle, numeric
 * account id, URL, first and last seen) and why she believes they are one person; for a witness,
 * how to reach them, what they saw and whether they know they are named; role and privacy.
 */
export function PersonForm({ person, onDone }: { person: Person; onDone(): void }) {
  const v = useVault();
  const t = useT();
  const uid = useId();
  const roleLabels = Object.fromEntries(PERSON_ROLES.map((r) => [r, t(`people.person.role.${r}`)])) as Record<
    (typeof PERSON_ROLES)[number],
    string
  >;
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
      setError(t('people.person.need-one'));
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
      v.announce(t('people.person.saved'));
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <form
      onSubmit={save}
      noValidate
      autoComplete="off"
      aria-label={t('people.person.form-label', { name: personName(person) })}
    >
      {draft.notice}
      {draft.dialog}
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row">
        <TextField id={`${uid}-name`} label={t('people.person.name')} value={name} maxLength={500} onChange={setName} />
        <div className="field">
          <label htmlFor={`${uid}-handles`}>{t('people.person.handles')}</label>
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
            {t('people.person.handles-hint')}
          </span>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${uid}-desc`}>{t('people.person.description')}</label>
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
          {t('people.person.description-hint')}
        </span>
      </div>
      <fieldset>
        <legend>{t('people.person.identifiers')}</legend>
        <p className="hint">{t('people.person.identifiers-hint')}</p>
        {identifiers.map((x, i) => (
          <div key={i} className="report-box" role="group" aria-label={t('people.person.identifier', { n: i + 1 })}>
            <div className="row">
              {IDENTIFIER_FIELDS.map(([key, label, type]) =>
                type === 'date' ? (
                  <UkDateOnly
                    key={key}
                    id={`${uid}-id${i}-${key}`}
                    label={t(label)}
                    value={x[key]}
                    onChange={(val) => setIdAt(i, { ...x, [key]: val })}
                  />
                ) : (
                  <TextField
                    key={key}
                    id={`${uid}-id${i}-${key}`}
                    label={t(label)}
                    value={x[key]}
                    onChange={(val) => setIdAt(i, { ...x, [key]: val })}
                  />
                ),
              )}
            </div>
            <button
              className="btn"
              type="button"
              aria-label={
                x.handle
                  ? t('people.person.remove-identifier-handle', { n: i + 1, handle: x.handle })
                  : t('people.person.remove-identifier', { n: i + 1 })
              }
              onClick={() => setIdentifiers((all) => all.filter((_, j) => j !== i))}
            >
              {t('people.remove')}
            </button>
          </div>
        ))}
        <div className="btn-row">
          <button
            className="btn"
            type="button"
            onClick={() => setIdentifiers((all) => [...all, { ...BLANK_IDENTIFIER }])}
          >
            {t('people.person.add-identifier')}
          </button>
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${uid}-basis`}>{t('people.person.basis')}</label>
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
          {t('people.person.basis-hint')}
        </span>
      </div>
      <div className="row">
        <ChoiceField
          id={`${uid}-role`}
          label={t('people.person.role')}
          value={role}
          choices={PERSON_ROLES}
          labels={roleLabels}
          onChange={(r) => r && setRole(r)}
        />
      </div>
      {role === 'witness' ? (
        <fieldset>
          <legend>{t('people.person.witness')}</legend>
          <div className="field">
            <label htmlFor={`${uid}-contact`}>{t('people.person.contact')}</label>
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
            <label htmlFor={`${uid}-saw`}>{t('people.person.saw')}</label>
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
            <span>{t('people.person.knows-named')}</span>
          </label>
        </fieldset>
      ) : null}
      <label className="check">
        <input type="checkbox" checked={isPrivate} onChange={(e) => setPrivate(e.target.checked)} />
        <span>{t('people.person.private')}</span>
      </label>
      <div className="btn-row">
        <button className="btn btn-primary" type="submit">
          {t('people.person.save')}
        </button>
        <button className="btn" type="button" onClick={() => draft.close(onDone)}>
          {t('people.cancel')}
        </button>
      </div>
    </form>
  );
}
