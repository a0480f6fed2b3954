/**
 * "Describe this exhibit": the producer's account (provenance), every field optional with help in
 * plain English; for a physical item, where it is kept and who has handled it too. Saved with
 * 'exhibits.update' (the core keeps each earlier version). Also the read-only view of that account.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  ExhibitDetailsSchema,
  OBTAINED_HOW,
  OBTAINED_HOW_LABELS,
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
  return (
    <>
      {withDescription ? (
        <DescriptionField id={id('description')} physical={physical} value={draft.description} set={set} />
      ) : null}
      {physical ? null : (
        <>
          <div className="field">
            <label htmlFor={id('how')}>How did you get it?</label>
            <span className="hint" id={`${id('how')}-hint`}>
              Choose the nearest; leave it as “Not given” if you are not sure.
            </span>
            <select
              id={id('how')}
              aria-describedby={`${id('how')}-hint`}
              value={draft.obtainedHow}
              onChange={(e) => set({ obtainedHow: e.target.value as ObtainedHow | '' })}
            >
              <option value="">Not given</option>
              {OBTAINED_HOW.map((k) => (
                <option key={k} value={k}>
                  {OBTAINED_HOW_LABELS[k]}
                </option>
              ))}
            </select>
          </div>
          {draft.obtainedHow === 'other' ? (
            <TextInput
              id={id('how-other')}
              maxLength={500}
              label="How, in your own words"
              value={draft.obtainedHowOther}
              onChange={(obtainedHowOther) => set({ obtainedHowOther })}
            />
          ) : null}
        </>
      )}
      <TextInput
        id={id('by')}
        maxLength={500}
        label={physical ? 'Who received or found it' : 'Who saved or made this copy'}
        hint="For example “me” or “my agent, Sam Jones”."
        value={draft.obtainedBy}
        onChange={(obtainedBy) => set({ obtainedBy })}
      />
      <div id={id('when')}>
        <ObtainedWhen
          idPrefix={id('obtained')}
          legend={physical ? 'When you received or found it' : 'When it was saved or made'}
          value={{ date: draft.obtainedDate, time: draft.obtainedTime, fold: draft.obtainedFold }}
          error={whenError}
          onChange={(w) => set({ obtainedDate: w.date, obtainedTime: w.time, obtainedFold: w.fold })}
        />
      </div>
      {physical ? null : (
        <fieldset>
          <legend>Where it came from</legend>
          <p className="hint">Whatever you know; an officer uses these to ask the platform or provider for records.</p>
          <TextInput
            id={id('url')}
            maxLength={2000}
            label="Link to the post, message or page"
            hint="Copy the address (or “Copy link”) from the app or browser."
            type="url"
            value={draft.url}
            onChange={(url) => set({ url })}
          />
          <div className="row">
            <TextInput
              id={id('platform')}
              maxLength={200}
              label="Platform or app"
              hint="For example Facebook, X, WhatsApp."
              value={draft.platform}
              onChange={(platform) => set({ platform })}
            />
            <TextInput
              id={id('handle')}
              maxLength={500}
              label="Account name shown"
              hint="For example @someone."
              value={draft.handle}
              onChange={(handle) => set({ handle })}
            />
          </div>
          <div className="row">
            <TextInput
              id={id('account-id')}
              maxLength={200}
              label="Account number"
              hint="The platform’s numeric id, if you know it."
              value={draft.accountId}
              onChange={(accountId) => set({ accountId })}
            />
            <TextInput
              id={id('phone')}
              maxLength={100}
              label="Phone number"
              type="tel"
              value={draft.phone}
              onChange={(phone) => set({ phone })}
            />
            <TextInput
              id={id('email')}
              maxLength={500}
              label="E-mail address"
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
            label="Where the original is now"
            hint="For example “still on my phone” or “printed copy in the office safe”."
            value={draft.originalLocation}
            onChange={(originalLocation) => set({ originalLocation })}
          />
          <TextInput
            id={id('changed')}
            maxLength={2000}
            label="Did you change it?"
            hint="Say if you cropped, redacted or converted it, and with what. Leave blank if you did not change it."
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
  return (
    <TextInput
      id={id}
      label="Description"
      maxLength={10_000}
      hint={
        physical
          ? 'What the item is and what is on it, in your own words.'
          : 'What it shows and why it matters, in your own words.'
      }
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
      setKeptAtError('Say where the item is kept, for example “office safe, brown envelope”.');
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
      setError(`${errorMessage(err)} Nothing was changed.`);
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
      <h2 id={headingId}>Describe this exhibit</h2>
      {formDraft.notice}
      {formDraft.dialog}
      <p className="hint">
        Every question is optional. What you write here goes into the case pack beside the exhibit, so the officer does
        not have to ask.
      </p>
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
          {busy ? 'Saving…' : 'Save description'}
        </button>
        <button className="btn" type="button" onClick={() => formDraft.close(onCancel)} disabled={busy}>
          Cancel
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
  return (
    <>
      <TextInput
        id={`${idPrefix}-kept-at`}
        maxLength={2000}
        label="Where it is kept"
        hint="For example “office safe, brown envelope”."
        value={keptAt}
        required
        error={keptAtError}
        onChange={onKeptAt}
      />
      <TextInput
        id={`${idPrefix}-handled-by`}
        maxLength={2000}
        label="Who has handled it"
        hint="Everyone who has touched it since it arrived, as far as you know."
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
  const d = exhibit.details;
  const s = d.source;
  const how = d.obtainedHow
    ? d.obtainedHow === 'other' && d.obtainedHowOther
      ? `Other: ${d.obtainedHowOther}`
      : OBTAINED_HOW_LABELS[d.obtainedHow]
    : '';
  const source = [
    s.platform,
    s.handle,
    s.accountId ? `account number ${s.accountId}` : '',
    s.phone ? `phone ${s.phone}` : '',
    s.email ? `e-mail ${s.email}` : '',
  ].filter(Boolean);
  const physical = exhibit.kind === 'physical' ? exhibit.physical : undefined;
  const rows: ReactNode[] = [];
  if (d.description)
    rows.push(
      <Row key="d" label="Description">
        {d.description}
      </Row>,
    );
  if (physical) {
    rows.push(
      <Row key="k" label="Where it is kept">
        {physical.keptAt}
      </Row>,
    );
    if (physical.handledBy)
      rows.push(
        <Row key="hb" label="Who has handled it">
          {physical.handledBy}
        </Row>,
      );
  }
  if (how)
    rows.push(
      <Row key="h" label="How you got it">
        {how}
      </Row>,
    );
  if (d.obtainedBy)
    rows.push(
      <Row key="b" label={physical ? 'Received or found by' : 'Saved or made by'}>
        {d.obtainedBy}
      </Row>,
    );
  if (d.obtainedAt)
    rows.push(
      <Row key="a" label="When">
        {formatGivenDate(d.obtainedAt)}
      </Row>,
    );
  if (s.url)
    rows.push(
      <Row key="u" label="Link">
        {s.url}
      </Row>,
    );
  if (source.length > 0)
    rows.push(
      <Row key="s" label="Source">
        {source.join(', ')}
      </Row>,
    );
  if (d.originalLocation)
    rows.push(
      <Row key="o" label="Where the original is now">
        {d.originalLocation}
      </Row>,
    );
  if (d.changedByMe)
    rows.push(
      <Row key="c" label="Changed by you">
        {d.changedByMe}
      </Row>,
    );
  if (rows.length === 0) return <p>Not described yet.</p>;
  return (
    <dl className="detail-grid exhibit-grid" data-testid="exhibit-account">
      {rows}
    </dl>
  );
}
