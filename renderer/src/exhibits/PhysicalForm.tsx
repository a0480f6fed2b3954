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
import { useFormDraft } from '../components/FormDraft.js';
import { formKeys } from '../drafts.js';
import { useT } from '../i18n/index.js';

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
  const t = useT();
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
    if (name.trim() === '') bad.name = t('exhibits.physical.name-error');
    if (keptAt.trim() === '') bad.keptAt = t('exhibits.kept-at-error');
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
      setError(t('exhibits.nothing-added', { error: errorMessage(err) }));
      setBusy(false);
    }
  }

  return (
    <form className="physical-form" aria-labelledby={headingId} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={headingId}>{t('exhibits.physical.add')}</h3>
      {formDraft.notice}
      {formDraft.dialog}
      <div className="advice" data-testid="handling-advice">
        <strong>{t('exhibits.physical.advice-title')}</strong> {t('exhibits.handling-advice')}
      </div>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <div ref={first}>
        <TextInput
          id="p-name"
          label={t('exhibits.physical.name')}
          maxLength={500}
          hint={t('exhibits.physical.name-hint')}
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
        <summary>{t('exhibits.physical.more')}</summary>
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
          {busy ? t('exhibits.physical.adding') : t('exhibits.physical.submit')}
        </button>
        <button className="btn" type="button" onClick={() => formDraft.close(onCancel)} disabled={busy}>
          {t('exhibits.cancel')}
        </button>
      </div>
    </form>
  );
}
