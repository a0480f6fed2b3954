/**
 * "Describe this exhibit": the producer's account (provenance), every field optional with help in
 * plain English; for a physical item, where it is kept and who has handled it too. Saved with
 * 'exhibits.update' (the core keeps each earlier version). Also the read-only view of that account.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  ExhibitDetailsSchema,
  OBTAINED_HOW,
  type Exhibit,
  type ExhibitDetails,
  type ObtainedHow,
  type PhysicalItem,
} from '../../../shared/model.js';
import { call, errorMessage } from '../bridge.js';
import { formatGivenDate } from '../format.js';
import { ObtainedWhen, obtainedAtFrom, obtainedWhenOf } from './ObtainedWhen.js';
import { useFormDraft } from '../components/FormDraft.js';
import { CharCount } from '../components/CharCount.js';
import { formKeys } from '../drafts.js';
import { useT } from '../i18n/index.js';
import { useWords } from '../i18n/words.js';

/** The form's own text state: the date and time apart, obtainedHow '' for not given. */
export interface DetailsDraft {
  description: string;
  obtainedHow: ObtainedHow | '';
  obtainedHowOther: string;
  obtainedBy: string;
  obtainedDate: string;
  obtainedTime: string;
  /** For the hour that happened twice (the clocks going back): which one. */
  obtainedFold: 'first' | 'second' | '';
  url: string;
  platform: string;
  handle: string;
  accountId: string;
  phone: string;
  email: string;
  originalLocation: string;
  changedByMe: string;
}

export function draftFrom(d: ExhibitDetails): DetailsDraft {
  const when = obtainedWhenOf(d.obtainedAt);
  return {
    description: d.description,
    obtainedHow: d.obtainedHow ?? '',
    obtainedHowOther: d.obtainedHowOther,
    obtainedBy: d.obtainedBy,
    obtainedDate: when.date,
    obtainedTime: when.time,
    obtainedFold: when.fold,
    url: d.source.url,
    platform: d.source.platform,
    handle: d.source.handle,
    accountId: d.source.accountId,
    phone: d.source.phone,
    email: d.source.email,
    originalLocation: d.originalLocation,
    changedByMe: d.changedByMe,
  };
}

export const EMPTY_DRAFT: DetailsDraft = draftFrom(ExhibitDetailsSchema.parse({}));

/**
 * The draft as the contract's details ('' for what was not given; a time in UK time with the offset
 * it had that day), or the one problem with the date and time.
 */
export function detailsFrom(f: DetailsDraft): { ok: true; details: ExhibitDetails } | { ok: false; message: string } {
  const t = (s: string) => s.trim();
  const when = obtainedAtFrom({ date: f.obtainedDate, time: f.obtainedTime, fold: f.obtainedFold });
  if (!when.ok) return when;
  return {
    ok: true,
    details: {
      description: t(f.description),
      ...(f.obtainedHow ? { obtainedHow: f.obtainedHow } : {}),
      obtainedHowOther: f.obtainedHow === 'other' ? t(f.obtainedHowOther) : '',
      obtainedBy: t(f.obtainedBy),
      obtainedAt: when.value,
      source: {
        url: t(f.url),
        platform: t(f.platform),
        handle: t(f.handle),
        accountId: t(f.accountId),
        phone: t(f.phone),
        email: t(f.email),
      },
      originalLocation: t(f.originalLocation),
      changedByMe: t(f.changedByMe),
    },
  };
}

/** Puts the cursor in the first date segment of a when-fieldset (after a problem with it). */
export function focusWhen(idPrefix: string): void {
  document.querySelector<HTMLElement>(`#${idPrefix}-when [role=spinbutton]`)?.focus();
}

/** A labelled text input or text area with its help text tied to it. */
export function TextInput({
  id,
  label,
  hint,
  value,
  onChange,
  multiline = false,
  type = 'text',
  error,
  required = false,
  maxLength,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange(v: string): void;
  multiline?: boolean;
  type?: 'text' | 'url' | 'tel' | 'email' | 'date' | 'time';
  error?: string | undefined;
  required?: boolean;
  /** The longest it may be: a character counter shows by it (the field never cuts what is typed). */
  maxLength?: number;
}) {
  const described =
    [hint ? `${id}-hint` : '', maxLength ? `${id}-count` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  const common = {
    id,
    value,
    'aria-describedby': described,
    'aria-invalid': error ? true : undefined,
    'aria-required': required || undefined,
    spellCheck: false,
    autoComplete: 'off',
  } as const;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {multiline ? (
        <textarea dir="auto" {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input dir="auto" {...common} type={type} onChange={(e) => onChange(e.target.value)} />
      )}
      {maxLength ? <CharCount id={`${id}-count`} value={value} max={maxLength} /> : null}
      {error ? (
        <p className="error-text" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The provenance fields, shared by the exhibit form and the physical-item form. */
export function DetailsFields({
  draft,
  set,
  idPrefix,
  physical,
  withDescription = true,
  whenError,
}: {
  /** A problem with the date and time, shown under them. */
  whenError?: string | undefined;
  draft: DetailsDraft;
  set(patch: Partial<DetailsDraft>): void;
  idPrefix: string;
  /** A physical item: no "how obtained" or online source questions about a copy. */
  physical: boolean;
  /** false when the description is asked elsewhere on the form. */
  withDescription?: boolean;
}) {
  const id = (s: string) => `${idPrefix}-${s}`;
  const t = useT();
  const w = useWords();
  return (
    <>
      {withDescription ? (
        <DescriptionField id={id('description')} physical={physical} value={draft.description} set={set} />
      ) : null}
      {physical ? null : (
        <>
          <div className="field">
            <label htmlFor={id('how')}>{t('exhibits.details.how')}</label>
            <span className="hint" id={`${id('how')}-hint`}>
              {t('exhibits.details.how-hint')}
            </span>
            <select
              id={id('how')}
              aria-describedby={`${id('how')}-hint`}
              value={draft.obtainedHow}
              onChange={(e) => set({ obtainedHow: e.target.value as ObtainedHow | '' })}
            >
              <option value="">{t('exhibits.not-given')}</option>
              {OBTAINED_HOW.map((k) => (
                <option key={k} value={k}>
                  {w.obtainedHow[k]}
                </option>
              ))}
            </select>
          </div>
          {draft.obtainedHow === 'other' ? (
            <TextInput
              id={id('how-other')}
              maxLength={500}
              label={t('exhibits.details.how-other')}
              value={draft.obtainedHowOther}
              onChange={(obtainedHowOther) => set({ obtainedHowOther })}
            />
          ) : null}
        </>
      )}
      <TextInput
        id={id('by')}
        maxLength={500}
        label={physical ? t('exhibits.details.by-physical') : t('exhibits.details.by')}
        hint={t('exhibits.details.by-hint')}
        value={draft.obtainedBy}
        onChange={(obtainedBy) => set({ obtainedBy })}
      />
      <div id={id('when')}>
        <ObtainedWhen
          idPrefix={id('obtained')}
          legend={physical ? t('exhibits.details.when-physical') : t('exhibits.details.when')}
          value={{ date: draft.obtainedDate, time: draft.obtainedTime, fold: draft.obtainedFold }}
          error={whenError}
          onChange={(w) => set({ obtainedDate: w.date, obtainedTime: w.time, obtainedFold: w.fold })}
        />
      </div>
      {physical ? null : (
        <fieldset>
          <legend>{t('exhibits.details.source')}</legend>
          <p className="hint">{t('exhibits.details.source-hint')}</p>
          <TextInput
            id={id('url')}
            maxLength={2000}
            label={t('exhibits.details.url')}
            hint={t('exhibits.details.url-hint')}
            type="url"
            value={draft.url}
            onChange={(url) => set({ url })}
          />
          <div className="row">
            <TextInput
              id={id('platform')}
              maxLength={200}
              label={t('exhibits.details.platform')}
              hint={t('exhibits.details.platform-hint')}
              value={draft.platform}
              onChange={(platform) => set({ platform })}
            />
            <TextInput
              id={id('handle')}
              maxLength={500}
              label={t('exhibits.details.handle')}
              hint={t('exhibits.details.handle-hint')}
              value={draft.handle}
              onChange={(handle) => set({ handle })}
            />
          </div>
          <div className="row">
            <TextInput
              id={id('account-id')}
              maxLength={200}
              label={t('exhibits.details.account-id')}
              hint={t('exhibits.details.account-id-hint')}
              value={draft.accountId}
              onChange={(accountId) => set({ accountId })}
            />
            <TextInput
              id={id('phone')}
              maxLength={100}
              label={t('exhibits.details.phone')}
              type="tel"
              value={draft.phone}
              onChange={(phone) => set({ phone })}
            />
            <TextInput
              id={id('email')}
              maxLength={500}
              label={t('exhibits.details.email')}
              type="email"
              value={draft.email}
              onChange={(email) => set({ email })}
            />
          </div>
        </fieldset>
      )}
      {physical ? null : (
        <>
          <TextInput
            id={id('original')}
            maxLength={2000}
            label={t('exhibits.account.original')}
            hint={t('exhibits.details.original-hint')}
            value={draft.originalLocation}
            onChange={(originalLocation) => set({ originalLocation })}
          />
          <TextInput
            id={id('changed')}
            maxLength={2000}
            label={t('exhibits.details.changed')}
            hint={t('exhibits.details.changed-hint')}
            value={draft.changedByMe}
            multiline
            onChange={(changedByMe) => set({ changedByMe })}
          />
        </>
      )}
    </>
  );
}

export function DescriptionField({
  id,
  physical,
  value,
  set,
}: {
  id: string;
  physical: boolean;
  value: string;
  set(patch: Partial<DetailsDraft>): void;
}) {
  const t = useT();
  return (
    <TextInput
      id={id}
      label={t('exhibits.account.description')}
      maxLength={10_000}
      hint={physical ? t('exhibits.details.description-hint-physical') : t('exhibits.details.description-hint')}
      value={value}
      multiline
      onChange={(description) => set({ description })}
    />
  );
}

/** The inline form on the exhibit page. onSaved gets the exhibit as the core saved it. */
export function DetailsForm({
  exhibit,
  onSaved,
  onCancel,
}: {
  exhibit: Exhibit;
  onSaved(saved: Exhibit): void;
  onCancel(): void;
}) {
  const [state, setState] = useState(() => ({
    draft: draftFrom(exhibit.details),
    keptAt: exhibit.physical?.keptAt ?? '',
    handledBy: exhibit.physical?.handledBy ?? '',
  }));
  const { draft, keptAt, handledBy } = state;
  const setDraft = (next: DetailsDraft) => setState((s) => ({ ...s, draft: next }));
  const setKeptAt = (keptAt: string) => setState((s) => ({ ...s, keptAt }));
  const setHandledBy = (handledBy: string) => setState((s) => ({ ...s, handledBy }));
  // What she writes is kept as an encrypted draft until it is saved, across a lock too.
  const formDraft = useFormDraft({
    draftKey: formKeys.exhibit(exhibit.id),
    route: { name: 'exhibit', incidentId: exhibit.incidentId, exhibitId: exhibit.id },
    value: state,
    restore: setState,
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [keptAtError, setKeptAtError] = useState<string | undefined>();
  const [whenError, setWhenError] = useState<string | undefined>();
  const headingId = useId();
  const t = useT();
  const physical = exhibit.kind === 'physical';
  const formRef = useRef<HTMLFormElement>(null);
  // The form takes the place of its "Describe this exhibit" button: the cursor goes to its first field.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setError(null);
    if (physical && keptAt.trim() === '') {
      setKeptAtError(t('exhibits.kept-at-error'));
      document.getElementById('d-kept-at')?.focus();
      return;
    }
    setKeptAtError(undefined);
    const checked = detailsFrom(draft);
    if (!checked.ok) {
      setWhenError(checked.message);
      focusWhen('d');
      return;
    }
    setWhenError(undefined);
    setBusy(true);
    try {
      const physicalItem: PhysicalItem | undefined = physical
        ? { keptAt: keptAt.trim(), handledBy: handledBy.trim() }
        : undefined;
      await formDraft.beforeSave();
      const saved = await call('exhibits.update', {
        id: exhibit.id,
        details: checked.details,
        ...(physicalItem ? { physical: physicalItem } : {}),
      });
      void formDraft.saved();
      onSaved(saved);
    } catch (err) {
      setError(t('exhibits.details.nothing-changed', { error: errorMessage(err) }));
      setBusy(false);
    }
  }

  return (
    <form
      ref={formRef}
      className="card details-form"
      aria-labelledby={headingId}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h2 id={headingId}>{t('exhibits.describe')}</h2>
      {formDraft.notice}
      {formDraft.dialog}
      <p className="hint">{t('exhibits.details.lead')}</p>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <DetailsFields
        draft={draft}
        set={(p) => setDraft({ ...draft, ...p })}
        idPrefix="d"
        physical={physical}
        whenError={whenError}
      />
      {physical ? (
        <PhysicalFields
          idPrefix="d"
          keptAt={keptAt}
          handledBy={handledBy}
          keptAtError={keptAtError}
          onKeptAt={setKeptAt}
          onHandledBy={setHandledBy}
        />
      ) : null}
      <div className="btn-row">
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {busy ? t('exhibits.details.saving') : t('exhibits.details.save')}
        </button>
        <button className="btn" type="button" onClick={() => formDraft.close(onCancel)} disabled={busy}>
          {t('exhibits.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Where a physical item is kept and who has handled it, with the police's handling advice. */
export function PhysicalFields({
  idPrefix,
  keptAt,
  handledBy,
  keptAtError,
  onKeptAt,
  onHandledBy,
}: {
  idPrefix: string;
  keptAt: string;
  handledBy: string;
  keptAtError: string | undefined;
  onKeptAt(v: string): void;
  onHandledBy(v: string): void;
}) {
  const t = useT();
  return (
    <>
      <TextInput
        id={`${idPrefix}-kept-at`}
        maxLength={2000}
        label={t('exhibits.account.kept-at')}
        hint={t('exhibits.details.kept-at-hint')}
        value={keptAt}
        required
        error={keptAtError}
        onChange={onKeptAt}
      />
      <TextInput
        id={`${idPrefix}-handled-by`}
        maxLength={2000}
        label={t('exhibits.account.handled-by')}
        hint={t('exhibits.details.handled-by-hint')}
        value={handledBy}
        multiline
        onChange={onHandledBy}
      />
    </>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd dir="auto">{children}</dd>
    </>
  );
}

/** The producer's account as saved: only what was given. */
export function DetailsView({ exhibit }: { exhibit: Exhibit }) {
  const t = useT();
  const w = useWords();
  const d = exhibit.details;
  const s = d.source;
  const how = d.obtainedHow
    ? d.obtainedHow === 'other' && d.obtainedHowOther
      ? t('exhibits.account.other', { how: d.obtainedHowOther })
      : w.obtainedHow[d.obtainedHow]
    : '';
  const source = [
    s.platform,
    s.handle,
    s.accountId ? t('exhibits.account.account-number', { id: s.accountId }) : '',
    s.phone ? t('exhibits.account.phone', { phone: s.phone }) : '',
    s.email ? t('exhibits.account.email', { email: s.email }) : '',
  ].filter(Boolean);
  const physical = exhibit.kind === 'physical' ? exhibit.physical : undefined;
  const rows: ReactNode[] = [];
  if (d.description)
    rows.push(
      <Row key="d" label={t('exhibits.account.description')}>
        {d.description}
      </Row>,
    );
  if (physical) {
    rows.push(
      <Row key="k" label={t('exhibits.account.kept-at')}>
        {physical.keptAt}
      </Row>,
    );
    if (physical.handledBy)
      rows.push(
        <Row key="hb" label={t('exhibits.account.handled-by')}>
          {physical.handledBy}
        </Row>,
      );
  }
  if (how)
    rows.push(
      <Row key="h" label={t('exhibits.account.how')}>
        {how}
      </Row>,
    );
  if (d.obtainedBy)
    rows.push(
      <Row key="b" label={physical ? t('exhibits.account.by-physical') : t('exhibits.account.by')}>
        {d.obtainedBy}
      </Row>,
    );
  if (d.obtainedAt)
    rows.push(
      <Row key="a" label={t('exhibits.account.when')}>
        {formatGivenDate(d.obtainedAt)}
      </Row>,
    );
  if (s.url)
    rows.push(
      <Row key="u" label={t('exhibits.account.link')}>
        {s.url}
      </Row>,
    );
  if (source.length > 0)
    rows.push(
      <Row key="s" label={t('exhibits.account.source')}>
        {source.join(', ')}
      </Row>,
    );
  if (d.originalLocation)
    rows.push(
      <Row key="o" label={t('exhibits.account.original')}>
        {d.originalLocation}
      </Row>,
    );
  if (d.changedByMe)
    rows.push(
      <Row key="c" label={t('exhibits.account.changed')}>
        {d.changedByMe}
      </Row>,
    );
  if (rows.length === 0) return <p>{t('exhibits.account.none')}</p>;
  return (
    <dl className="detail-grid exhibit-grid" data-testid="exhibit-account">
      {rows}
    </dl>
  );
}
