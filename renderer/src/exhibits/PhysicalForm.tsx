/**
 * "Add a physical item": a letter, an envelope or anything else kept on paper or as an object.
 * Saved with 'exhibits.addPhysical'; it gets a permanent reference like any file.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Exhibit } from '../../../shared/model.js';
import { call, errorMessage } from '../bridge.js';
import {
  DescriptionField,
  DetailsFields,
  EMPTY_DRAFT,
  focusWhen,
  PhysicalFields,
  TextInput,
  detailsFrom,
  type DetailsDraft,
} from './DetailsForm.js';
import { HANDLING_ADVICE } from './provenance.js';
import { useFormDraft } from '../components/FormDraft.js';
import { formKeys } from '../drafts.js';

export function PhysicalForm({
  incidentId,
  onAdded,
  onCancel,
}: {
  incidentId: string;
  onAdded(item: Exhibit): void;
  onCancel(): void;
}) {
  const [state, setState] = useState({ name: '', draft: EMPTY_DRAFT, keptAt: '', handledBy: '' });
  const { name, draft, keptAt, handledBy } = state;
  const setName = (name: string) => setState((s) => ({ ...s, name }));
  const setDraft = (next: DetailsDraft) => setState((s) => ({ ...s, draft: next }));
  const setKeptAt = (keptAt: string) => setState((s) => ({ ...s, keptAt }));
  const setHandledBy = (handledBy: string) => setState((s) => ({ ...s, handledBy }));
  // What she writes is kept as an encrypted draft until the item is added, across a lock too.
  const formDraft = useFormDraft({
    draftKey: formKeys.physical(incidentId),
    route: { name: 'incident', id: incidentId },
    value: state,
    restore: setState,
  });
  const [errors, setErrors] = useState<{ name?: string; keptAt?: string; when?: string }>({});
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const first = useRef<HTMLDivElement>(null);

  // Opening the form puts the cursor in its first field.
  useEffect(() => {
    first.current?.querySelector('input')?.focus();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setError(null);
    const bad: { name?: string; keptAt?: string; when?: string } = {};
    if (name.trim() === '') bad.name = 'Give the item a short name, for example “Letter and envelope”.';
    if (keptAt.trim() === '') bad.keptAt = 'Say where the item is kept, for example “office safe, brown envelope”.';
    const checked = detailsFrom(draft);
    if (!checked.ok) bad.when = checked.message;
    setErrors(bad);
    if (bad.name || bad.keptAt) {
      document.getElementById(bad.name ? 'p-name' : 'p-kept-at')?.focus();
      return;
    }
    if (!checked.ok) {
      setMore(true);
      focusWhen('p');
      return;
    }
    setBusy(true);
    try {
      await formDraft.beforeSave();
      const item = await call('exhibits.addPhysical', {
        incidentId,
        name: name.trim(),
        details: checked.details,
        physical: { keptAt: keptAt.trim(), handledBy: handledBy.trim() },
      });
      void formDraft.saved();
      onAdded(item);
    } catch (err) {
      setError(`${errorMessage(err)} Nothing was added.`);
      setBusy(false);
    }
  }

  return (
    <form className="physical-form" aria-labelledby={headingId} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={headingId}>Add a physical item</h3>
      {formDraft.notice}
      {formDraft.dialog}
      <div className="advice" data-testid="handling-advice">
        <strong>How to keep it for the police:</strong> {HANDLING_ADVICE}
      </div>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <div ref={first}>
        <TextInput
          id="p-name"
          label="Short name"
          maxLength={500}
          hint="How it appears in lists, for example “Letter and envelope”."
          value={name}
          required
          error={errors.name}
          onChange={setName}
        />
      </div>
      <DescriptionField
        id="p-description"
        physical
        value={draft.description}
        set={(p) => setDraft({ ...draft, ...p })}
      />
      <PhysicalFields
        idPrefix="p"
        keptAt={keptAt}
        handledBy={handledBy}
        keptAtError={errors.keptAt}
        onKeptAt={setKeptAt}
        onHandledBy={setHandledBy}
      />
      <details className="more" open={more} onToggle={(e) => setMore(e.currentTarget.open)}>
        <summary>More about it (optional)</summary>
        <DetailsFields
          draft={draft}
          set={(p) => setDraft({ ...draft, ...p })}
          idPrefix="p"
          physical
          withDescription={false}
        />
      </details>
      <div className="btn-row">
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {busy ? 'Adding…' : 'Add the item'}
        </button>
        <button className="btn" type="button" onClick={() => formDraft.close(onCancel)} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
