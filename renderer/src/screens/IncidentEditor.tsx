import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  CATEGORY_IDS,
  CATEGORY_LABELS,
  CHANNEL_KINDS,
  CHANNEL_LABELS,
  ESCALATION_LABELS,
  ESCALATION_SIGNALS,
} from '../../../shared/model.js';
import { PRIVATE_CHOICES } from '../../../shared/privacy.js';
import { call, errorMessage } from '../bridge.js';
import { useVault } from '../state.js';
import { PeoplePicker } from '../components/PeoplePicker.js';
import { CheckGroup } from '../components/CheckGroup.js';
import { ChoiceField, Field, TextField } from '../components/Field.js';
import { ReportsEditor } from '../components/ReportsEditor.js';
import { DateTimeField } from '../components/DateTimeField.js';
import { SeenIdentifiersEditor } from '../components/SeenIdentifiersEditor.js';
import { timeOffers } from '../../../shared/time-offers.js';
import { FIELD_IDS, OFFSETS, blank, fromIncident, toInput, validate, type Errors, type Form } from './incidentForm.js';

const CATEGORY_OPTIONS = CATEGORY_IDS.map((id) => ({ id, label: CATEGORY_LABELS[id] }));
const ESCALATION_OPTIONS = ESCALATION_SIGNALS.map((id) => ({ id, label: ESCALATION_LABELS[id] }));

export function IncidentEditor({ id, quick }: { id: string | null; quick: boolean }) {
  const v = useVault();
  const existing = id ? v.incidents.find((i) => i.id === id) : undefined;
  const [form, setForm] = useState<Form>(() => (existing ? fromIncident(existing) : blank()));
  /** The time came from "Just now": another date must not keep it (it would be invented). */
  const [clockTime, setClockTime] = useState(false);
  const [timeCleared, setTimeCleared] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [submitted, setSubmitted] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  const set = (patch: Partial<Form>) => {
    setForm((f) => {
      const next = { ...f, ...patch };
      if (submitted) setErrors(validate(next, quick));
      return next;
    });
  };
  /** A change to the date or time: a clock time never survives a change of date. */
  const setWhen = (patch: Partial<Form>, how: { clock?: boolean; date?: boolean }) => {
    if (how.clock === true) {
      setClockTime(true);
      setTimeCleared(false);
      set(patch);
      return;
    }
    if (how.clock === false) setClockTime(false);
    if (how.date && clockTime && patch.time === undefined && patch.date !== form.date) {
      setClockTime(false);
      setTimeCleared(true);
      set({ ...patch, time: '', fold: '' });
      return;
    }
    if (patch.time !== undefined) setTimeCleared(false);
    set(patch);
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
      // A new sign of escalation: what to do now (call 999, tell the SPOC) comes first.
      const newlyEscalated = saved.escalationSignals.length > 0 && (existing?.escalationSignals.length ?? 0) === 0;
      v.go(newlyEscalated ? { name: 'escalated', id: saved.id } : { name: 'incident', id: saved.id });
    } catch (err) {
      setSaveError(errorMessage(err));
      setBusy(false);
      requestAnimationFrame(() => summary.current?.focus());
    }
  }

  const err = (k: keyof Errors) => (submitted ? errors[k] : undefined);
  const describedBy = (k: keyof Errors, hint?: string) =>
    [hint, err(k) ? `${FIELD_IDS[k]}-error` : undefined].filter(Boolean).join(' ') || undefined;
  /** The id, value and error wiring of a field that can be wrong. */
  const bind = (k: 'title' | 'description', hint?: string) => ({
    id: FIELD_IDS[k],
    value: form[k],
    onChange: (e: { target: { value: string } }) => set({ [k]: e.target.value }),
    'aria-invalid': err(k) ? true : undefined,
    'aria-describedby': describedBy(k, hint),
  });
  const errorList = submitted ? (Object.entries(errors) as [keyof Errors, string][]) : [];
  const heading = id ? 'Edit incident' : quick ? 'Quick add' : 'New incident';

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
            <input {...bind('title', 'inc-title-hint')} autoComplete="off" spellCheck={false} type="text" />
          </Field>
        ) : null}
        <DateTimeField
          idPrefix="inc"
          value={form}
          offsets={OFFSETS}
          errors={{ date: err('date'), time: err('time') ?? err('offset'), fold: err('fold') }}
          onChange={setWhen}
          approximate={form.approximate}
          onApproximate={(approximate) => set({ approximate })}
        />
        {!quick
          ? timeOffers(existing, form).map((o) => (
              <p key={`${o.exhibitId}-${o.source}`} className="btn-row time-offer">
                <button
                  className="btn"
                  type="button"
                  onClick={() => {
                    setWhen(o.entry, { clock: false });
                    v.announce(`Date and time filled from the ${o.source}. Save to keep them.`);
                  }}
                >
                  {o.label}
                </button>
                <span className="hint">What the file says; check it before you save.</span>
              </p>
            ))
          : null}
        {timeCleared ? (
          <p className="notice" role="status">
            The time from “Just now” was cleared, because the date changed. Enter the time on that day if you know it.
          </p>
        ) : null}
        <Field
          id="inc-description"
          label="What happened"
          error={err('description')}
          hint="What was said or done, in your own words. Write down exact words if you remember them."
        >
          <textarea
            {...bind('description', 'inc-description-hint')}
            autoComplete="off"
            spellCheck={false}
            rows={quick ? 8 : 6}
          />
        </Field>
        {quick ? (
          <CheckGroup
            legend="Is it escalating?"
            hint="Tick any that apply. Then you will see what to do now: call 999 or tell your police contact."
            options={ESCALATION_OPTIONS}
            value={form.escalationSignals}
            onChange={(escalationSignals) => set({ escalationSignals })}
            columns={false}
          />
        ) : null}
        {!quick ? (
          <>
            <Field
              id="inc-effect"
              label="How it affected me, and what I changed because of it"
              hint="For example: I felt afraid at home, I stopped canvassing alone, I changed my route or my routine."
            >
              <textarea
                id="inc-effect"
                value={form.effect}
                onChange={(e) => set({ effect: e.target.value })}
                aria-describedby="inc-effect-hint"
                autoComplete="off"
                spellCheck={false}
                rows={4}
              />
            </Field>
            <CheckGroup
              legend="What kind of incident"
              options={CATEGORY_OPTIONS}
              value={form.categories}
              onChange={(categories) => set({ categories })}
            />
            <div className="row">
              <ChoiceField
                id="inc-channel"
                label="How it reached you"
                value={form.channelKind}
                choices={CHANNEL_KINDS}
                labels={CHANNEL_LABELS}
                blank="Not recorded"
                onChange={(channelKind) => set({ channelKind })}
              />
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
            <TextField
              id="inc-location"
              label="Where it happened"
              value={form.location}
              onChange={(location) => set({ location })}
            />
            <SeenIdentifiersEditor value={form.identifiers} onChange={(identifiers) => set({ identifiers })} />
            <PeoplePicker
              legend="Believed responsible"
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
            <CheckGroup
              legend="Signs that it is escalating"
              hint="Tick any that apply. The joint guidance says these are times to call 999 or tell your police contact straight away."
              options={ESCALATION_OPTIONS}
              value={form.escalationSignals}
              onChange={(escalationSignals) => set({ escalationSignals })}
              columns={false}
            />
            <ReportsEditor reports={form.reports} onChange={(reports) => set({ reports })} />
            <Field
              id="inc-notes"
              label="Notes"
              hint="Anything else: what you did next, questions to ask. How it affected you goes above."
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
            <CheckGroup
              legend="Keep private"
              hint="When you make a case pack you can choose to leave these out."
              options={PRIVATE_CHOICES}
              value={form.privateFields}
              onChange={(privateFields) => set({ privateFields })}
            />
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
