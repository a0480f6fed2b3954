import { useId, useState, type FormEvent } from 'react';
import { PERSON_ROLES, personName, type Person } from '../../../shared/model.js';
import { call, errorMessage } from '../bridge.js';
import { useVault } from '../state.js';
import { ChoiceField, TextField } from './Field.js';

const ROLE_LABELS: Record<(typeof PERSON_ROLES)[number], string> = {
  perpetrator: 'Believed responsible',
  witness: 'Witness',
  other: 'Other',
};

/** Edit a person's details: name, online handles, description, role, and whether they are private. */
export function PersonForm({ person, onDone }: { person: Person; onDone(): void }) {
  const v = useVault();
  const uid = useId();
  const [name, setName] = useState(person.name);
  const [handles, setHandles] = useState(person.handles.join(', '));
  const [description, setDescription] = useState(person.description);
  const [role, setRole] = useState(person.role);
  const [isPrivate, setPrivate] = useState(person.private);
  const [error, setError] = useState<string | null>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    const list = handles
      .split(',')
      .map((h) => h.trim())
      .filter((h) => h !== '');
    if (name.trim() === '' && list.length === 0) {
      setError('Give a name or at least one online handle.');
      return;
    }
    try {
      const saved = await call('people.update', {
        id: person.id,
        input: {
          // What this form does not edit yet (identifiers, basis, witness details) is kept as it is.
          identifiers: person.identifiers,
          basis: person.basis,
          contact: person.contact,
          sawWhat: person.sawWhat,
          knowsNamed: person.knowsNamed,
          name: name.trim(),
          handles: list,
          description,
          role,
          private: isPrivate,
        },
      });
      v.putPerson(saved);
      v.announce('Details saved.');
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <form onSubmit={save} noValidate autoComplete="off" aria-label={`Details of ${personName(person)}`}>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row">
        <TextField id={`${uid}-name`} label="Name" value={name} onChange={setName} />
        <div className="field">
          <label htmlFor={`${uid}-handles`}>Online handles</label>
          <input
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
          id={`${uid}-desc`}
          autoComplete="off"
          spellCheck={false}
          value={description}
          aria-describedby={`${uid}-desc-hint`}
          onChange={(e) => setDescription(e.target.value)}
        />
        <span className="hint" id={`${uid}-desc-hint`}>
          What they look like, their car, where you have seen them.
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
      <label className="check">
        <input type="checkbox" checked={isPrivate} onChange={(e) => setPrivate(e.target.checked)} />
        <span>Private: leave this person’s details out of a case pack if I ask</span>
      </label>
      <div className="btn-row">
        <button className="btn btn-primary" type="submit">
          Save details
        </button>
        <button className="btn" type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
