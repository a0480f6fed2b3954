import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  CATEGORY_IDS,
  CATEGORY_LABELS,
  CHANNEL_KINDS,
  CHANNEL_LABELS,
  ESCALATION_LABELS,
  ESCALATION_SIGNALS,
  type CategoryId,
  type ChannelKind,
  type EscalationSignal,
  type Incident,
  type IncidentInput,
  type Report,
} from '../../../shared/model.js';
import { call, errorMessage } from '../bridge.js';
import { useVault } from '../state.js';
import { PeoplePicker } from '../components/PeoplePicker.js';
import { Field, TextField } from '../components/Field.js';
import { localOffsetFor, nowParts } from '../format.js';

interface Form {
  title: string;
  date: string;
  time: string;
  offset: string;
  approximate: boolean;
  description: string;
  categories: CategoryId[];
  channelKind: ChannelKind | '';
  channelDetail: string;
  location: string;
  perpetratorIds: string[];
  witnessIds: string[];
  escalationSignals: EscalationSignal[];
  reports: Report[];
  notes: string;
  privateFields: string[];
}

type Errors = Partial<Record<'title' | 'date' | 'time' | 'offset' | 'description', string>>;

const OFFSETS = (() => {
  const out: string[] = [];
  for (let m = -12 * 60; m <= 14 * 60; m += 30) {
    const sign = m < 0 ? '-' : '+';
    const a = Math.abs(m);
    out.push(`${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`);
  }
  for (const extra of ['+05:45', '+08:45', '+12:45']) out.push(extra);
  return out.sort((a, b) => toMinutes(a) - toMinutes(b));
})();
function toMinutes(o: string): number {
  if (o === 'Z') return 0;
  const sign = o.startsWith('-') ? -1 : 1;
  return sign * (Number(o.slice(1, 3)) * 60 + Number(o.slice(4, 6)));
}
/** Store "+00:00" as Z, as the model does. */
function normaliseOffset(o: string): string {
  return o === '+00:00' || o === '-00:00' ? 'Z' : o;
}
function offsetOption(o: string): string {
  return o === 'Z' ? '+00:00' : o;
}

/** Field names as in the incident model (the case-pack exporter leaves these out on request). */
const PRIVATE_CHOICES: { id: string; label: string }[] = [
  { id: 'location', label: 'Leave out the place' },
  { id: 'witnessIds', label: 'Leave out the witnesses' },
  { id: 'reports', label: 'Leave out where I reported it' },
  { id: 'notes', label: 'Leave out my notes' },
];

function fromIncident(i: Incident): Form {
  return {
    title: i.title,
    date: i.occurredAt.date,
    time: i.occurredAt.time?.slice(0, 5) ?? '',
    offset: i.occurredAt.offset ?? localOffsetFor(i.occurredAt.date, ''),
    approximate: i.occurredAt.approximate,
    description: i.description,
    categories: [...i.categories],
    channelKind: i.channel?.kind ?? '',
    channelDetail: i.channel?.detail ?? '',
    location: i.location,
    perpetratorIds: [...i.perpetratorIds],
    witnessIds: [...i.witnessIds],
    escalationSignals: [...i.escalationSignals],
    reports: i.reports.map((r) => ({ ...r })),
    notes: i.notes,
    privateFields: [...i.privateFields],
  };
}

function blank(): Form {
  const now = nowParts();
  return {
    title: '',
    date: now.date,
    time: now.time,
    offset: now.offset,
    approximate: false,
    description: '',
    categories: [],
    channelKind: '',
    channelDetail: '',
    location: '',
    perpetratorIds: [],
    witnessIds: [],
    escalationSignals: [],
    reports: [],
    notes: '',
    privateFields: [],
  };
}

function titleFrom(description: string): string {
  const first = description.trim().split(/\r?\n/)[0]?.trim() ?? '';
  return first.length > 80 ? `${first.slice(0, 79).trimEnd()}…` : first;
}

function validate(f: Form, quick: boolean): Errors {
  const e: Errors = {};
  if (!quick && f.title.trim() === '') e.title = 'Give the incident a short title, for example “Threatening letter”.';
  if (quick && f.description.trim() === '') e.description = 'Write what happened — a few words are enough for now.';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date)) e.date = 'Enter the date it happened.';
  else if (f.date > nowParts().date) e.date = 'This date is in the future. Check the day, month and year.';
  if (f.time !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(f.time))
    e.time = 'Enter the time as hours and minutes, like 21:40.';
  if (f.time !== '' && !/^(Z|[+-]\d{2}:\d{2})$/.test(f.offset)) e.offset = 'Choose the time zone.';
  return e;
}

function toInput(f: Form, quick: boolean): IncidentInput {
  return {
    title: quick && f.title.trim() === '' ? titleFrom(f.description) : f.title.trim(),
    occurredAt:
      f.time === ''
        ? { date: f.date, approximate: f.approximate }
        : { date: f.date, time: f.time, offset: normaliseOffset(f.offset), approximate: f.approximate },
    description: f.description,
    categories: f.categories,
    channel: f.channelKind ? { kind: f.channelKind, detail: f.channelDetail.trim() || undefined } : undefined,
    location: f.location,
    perpetratorIds: f.perpetratorIds,
    witnessIds: f.witnessIds,
    escalationSignals: f.escalationSignals,
    reports: f.reports,
    notes: f.notes,
    privateFields: f.privateFields,
  };
}

const FIELD_IDS: Record<keyof Errors, string> = {
  title: 'inc-title',
  date: 'inc-date',
  time: 'inc-time',
  offset: 'inc-offset',
  description: 'inc-description',
};

export function IncidentEditor({ id, quick }: { id: string | null; quick: boolean }) {
  const v = useVault();
  const existing = id ? v.incidents.find((i) => i.id === id) : undefined;
  const [form, setForm] = useState<Form>(() => (existing ? fromIncident(existing) : blank()));
  const [offsetTouched, setOffsetTouched] = useState(Boolean(existing));
  const [errors, setErrors] = useState<Errors>({});
  const [submitted, setSubmitted] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  const set = (patch: Partial<Form>) => {
    setForm((f) => {
      const next = { ...f, ...patch };
      if (!offsetTouched && (patch.date !== undefined || patch.time !== undefined)) {
        next.offset = localOffsetFor(next.date, next.time);
      }
      if (submitted) setErrors(validate(next, quick));
      return next;
    });
  };

  useEffect(() => {
    if (submitted && Object.keys(errors).length > 0) summary.current?.focus();
    // Only when the user submits, not on every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [submitted, busy]);

  if (id && !existing) {
    return (
      <div className="page-narrow">
        <h1>Incident not found</h1>
      </div>
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs = validate(form, quick);
    setErrors(errs);
    setSubmitted(true);
    if (Object.keys(errs).length > 0) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setBusy(true);
    setSaveError(null);
    try {
      const input = toInput(form, quick);
      const saved = id ? await call('incidents.update', { id, input }) : await call('incidents.create', { input });
      v.putIncident(saved);
      v.announce(id ? 'Changes saved.' : 'Incident saved.');
      v.go({ name: 'incident', id: saved.id });
    } catch (err) {
      setSaveError(errorMessage(err));
      setBusy(false);
      requestAnimationFrame(() => summary.current?.focus());
    }
  }

  const err = (k: keyof Errors) => (submitted ? errors[k] : undefined);
  const describedBy = (k: keyof Errors, hint?: string) =>
    [hint, err(k) ? `${FIELD_IDS[k]}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const errorList = submitted ? (Object.entries(errors) as [keyof Errors, string][]) : [];
  const heading = id ? 'Edit incident' : quick ? 'Quick add' : 'New incident';

  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));

  return (
    <div className="page-narrow">
      <h1>{heading}</h1>
      {quick ? (
        <p className="lead">
          Write down when and what happened while it is fresh. You can add details, people and exhibits afterwards.
        </p>
      ) : null}
      {errorList.length > 0 || saveError ? (
        <div className="notice notice-error" role="alert" tabIndex={-1} ref={summary}>
          {saveError ? (
            <p>{saveError}</p>
          ) : (
            <>
              <p>
                <strong>Please check {errorList.length === 1 ? 'this' : 'these'}:</strong>
              </p>
              <ul>
                {errorList.map(([k, msg]) => (
                  <li key={k}>
                    <a href={`#${FIELD_IDS[k]}`}>{msg}</a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}
      <form onSubmit={submit} noValidate autoComplete="off">
        {!quick ? (
          <Field id="inc-title" label="Title" error={err('title')} hint="A few words to find it again later.">
            <input
              id="inc-title"
              autoComplete="off"
              spellCheck={false}
              type="text"
              value={form.title}
              onChange={(e) => set({ title: e.target.value })}
              aria-invalid={err('title') ? true : undefined}
              aria-describedby={describedBy('title', 'inc-title-hint')}
            />
          </Field>
        ) : null}
        <fieldset>
          <legend>When it happened</legend>
          <div className="row">
            <Field id="inc-date" label="Date" error={err('date')}>
              <input
                id="inc-date"
                autoComplete="off"
                type="date"
                value={form.date}
                onChange={(e) => set({ date: e.target.value })}
                aria-invalid={err('date') ? true : undefined}
                aria-describedby={describedBy('date')}
              />
            </Field>
            <Field id="inc-time" label="Time (if known)" error={err('time')}>
              <input
                id="inc-time"
                autoComplete="off"
                type="time"
                value={form.time}
                onChange={(e) => set({ time: e.target.value })}
                aria-invalid={err('time') ? true : undefined}
                aria-describedby={describedBy('time')}
              />
            </Field>
            <Field
              id="inc-offset"
              label="Time zone"
              error={err('offset')}
              hint="Your computer’s zone is chosen for you."
            >
              <select
                id="inc-offset"
                value={offsetOption(form.offset)}
                disabled={form.time === ''}
                onChange={(e) => {
                  setOffsetTouched(true);
                  set({ offset: e.target.value });
                }}
                aria-invalid={err('offset') ? true : undefined}
                aria-describedby={describedBy('offset', 'inc-offset-hint')}
              >
                {OFFSETS.map((o) => (
                  <option key={o} value={o}>
                    UTC{o === '+00:00' ? ' (GMT)' : o}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <label className="check">
            <input
              type="checkbox"
              checked={form.approximate}
              onChange={(e) => set({ approximate: e.target.checked })}
            />
            <span>I am not sure of the exact time</span>
          </label>
        </fieldset>
        <Field
          id="inc-description"
          label="What happened"
          error={err('description')}
          hint="What was said or done, in your own words. Write down exact words if you remember them."
        >
          <textarea
            id="inc-description"
            autoComplete="off"
            spellCheck={false}
            value={form.description}
            rows={quick ? 8 : 6}
            onChange={(e) => set({ description: e.target.value })}
            aria-invalid={err('description') ? true : undefined}
            aria-describedby={describedBy('description', 'inc-description-hint')}
          />
        </Field>
        {!quick ? (
          <>
            <fieldset>
              <legend>What kind of incident</legend>
              <div className="checks">
                {CATEGORY_IDS.map((c) => (
                  <label key={c} className="check">
                    <input
                      type="checkbox"
                      checked={form.categories.includes(c)}
                      onChange={(e) => set({ categories: toggle(form.categories, c, e.target.checked) })}
                    />
                    <span>{CATEGORY_LABELS[c]}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="row">
              <Field id="inc-channel" label="How it reached you">
                <select
                  id="inc-channel"
                  value={form.channelKind}
                  onChange={(e) => set({ channelKind: e.target.value as ChannelKind | '' })}
                >
                  <option value="">Not recorded</option>
                  {CHANNEL_KINDS.map((c) => (
                    <option key={c} value={c}>
                      {CHANNEL_LABELS[c]}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="inc-channel-detail" label="Platform, app or number" hint="For example X, Facebook, WhatsApp.">
                <input
                  id="inc-channel-detail"
                  autoComplete="off"
                  spellCheck={false}
                  type="text"
                  value={form.channelDetail}
                  disabled={form.channelKind === ''}
                  onChange={(e) => set({ channelDetail: e.target.value })}
                  aria-describedby="inc-channel-detail-hint"
                />
              </Field>
            </div>
            <Field id="inc-location" label="Where it happened">
              <input
                id="inc-location"
                autoComplete="off"
                spellCheck={false}
                type="text"
                value={form.location}
                onChange={(e) => set({ location: e.target.value })}
              />
            </Field>
            <PeoplePicker
              legend="Who did it"
              hint="Pick someone you have recorded before, or add a name or an online handle such as @name."
              role="perpetrator"
              value={form.perpetratorIds}
              onChange={(ids) => set({ perpetratorIds: ids })}
            />
            <PeoplePicker
              legend="Who saw it"
              hint="Witnesses can help the police. Add anyone who saw or heard it."
              role="witness"
              value={form.witnessIds}
              onChange={(ids) => set({ witnessIds: ids })}
            />
            <fieldset>
              <legend>Signs that it is escalating</legend>
              <p className="hint">
                Tick any that apply. The joint guidance says these are times to call 999 or tell your police contact
                straight away.
              </p>
              {ESCALATION_SIGNALS.map((s) => (
                <label key={s} className="check">
                  <input
                    type="checkbox"
                    checked={form.escalationSignals.includes(s)}
                    onChange={(e) => set({ escalationSignals: toggle(form.escalationSignals, s, e.target.checked) })}
                  />
                  <span>{ESCALATION_LABELS[s]}</span>
                </label>
              ))}
            </fieldset>
            <Reports reports={form.reports} onChange={(reports) => set({ reports })} />
            <Field
              id="inc-notes"
              label="Notes"
              hint="Anything else: how you felt, what you did next, questions to ask."
            >
              <textarea
                id="inc-notes"
                autoComplete="off"
                spellCheck={false}
                value={form.notes}
                onChange={(e) => set({ notes: e.target.value })}
                aria-describedby="inc-notes-hint"
              />
            </Field>
            <fieldset>
              <legend>Keep private</legend>
              <p className="hint">When you make a case pack you can choose to leave these out.</p>
              <div className="checks">
                {PRIVATE_CHOICES.map((p) => (
                  <label key={p.id} className="check">
                    <input
                      type="checkbox"
                      checked={form.privateFields.includes(p.id)}
                      onChange={(e) => set({ privateFields: toggle(form.privateFields, p.id, e.target.checked) })}
                    />
                    <span>{p.label}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          </>
        ) : null}
        <div className="btn-row">
          <button className="btn btn-primary" type="submit" disabled={busy}>
            {busy ? 'Saving…' : id ? 'Save changes' : 'Save incident'}
          </button>
          <button
            className="btn"
            type="button"
            onClick={() => v.go(id ? { name: 'incident', id } : { name: 'timeline' })}
          >
            Cancel
          </button>
          {quick && !id ? (
            <button className="btn-link" type="button" onClick={() => v.go({ name: 'new', quick: false })}>
              Use the full form instead
            </button>
          ) : null}
        </div>
      </form>
    </div>
  );
}

/** The fields of a report, in the order they are shown: [field, label, input type]. */
type ReportField = [key: string, label: string, type: 'text' | 'date'];
const POLICE_REPORT_FIELDS: ReportField[] = [
  ['force', 'Police force', 'text'],
  ['reference', 'Crime or incident reference', 'text'],
  ['officer', 'Officer', 'text'],
  ['date', 'Date reported', 'date'],
];
const PLATFORM_REPORT_FIELDS: ReportField[] = [
  ['platform', 'Platform', 'text'],
  ['reference', 'Report reference', 'text'],
  ['date', 'Date reported', 'date'],
  ['outcome', 'Outcome', 'text'],
];

function Reports({ reports, onChange }: { reports: Report[]; onChange(r: Report[]): void }) {
  const setAt = (i: number, r: Report) => onChange(reports.map((x, j) => (j === i ? r : x)));
  return (
    <fieldset>
      <legend>Where you reported it</legend>
      {reports.length === 0 ? <p className="hint">Not reported yet.</p> : null}
      {reports.map((r, i) => (
        <div
          key={i}
          className="report-box"
          role="group"
          aria-label={`Report ${i + 1}: ${r.kind === 'police' ? 'police' : 'platform'}`}
        >
          <div className="row">
            {(r.kind === 'police' ? POLICE_REPORT_FIELDS : PLATFORM_REPORT_FIELDS).map(([key, label, type]) => (
              <TextField
                key={key}
                id={`rep-${i}-${key}`}
                label={label}
                type={type}
                value={(r as Record<string, unknown>)[key] as string}
                onChange={(v) => setAt(i, { ...r, [key]: v })}
              />
            ))}
          </div>
          <button className="btn btn-danger" type="button" onClick={() => onChange(reports.filter((_, j) => j !== i))}>
            Remove this report
          </button>
          <p />
        </div>
      ))}
      <div className="btn-row">
        <button
          className="btn"
          type="button"
          onClick={() => onChange([...reports, { kind: 'police', force: '', reference: '', officer: '', date: '' }])}
        >
          Add a police report
        </button>
        <button
          className="btn"
          type="button"
          onClick={() =>
            onChange([...reports, { kind: 'platform', platform: '', reference: '', date: '', outcome: '' }])
          }
        >
          Add a platform report
        </button>
      </div>
    </fieldset>
  );
}
