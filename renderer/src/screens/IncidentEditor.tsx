import { useEffect, useRef, useState, type FormEvent } from 'react';
import { CATEGORY_IDS, CHANNEL_KINDS, ESCALATION_SIGNALS } from '../../../shared/model.js';
import { BridgeError, call, errorMessage } from '../bridge.js';
import { savedAtLabel } from './DraftsNotice.js';
import {
  DRAFT_DELAY_MS,
  NEW_INCIDENT_KEY,
  QUICK_ADD_KEY,
  decodeDraft,
  draftKey,
  encodeDraft,
  openForm,
  sameForm,
  setCarriedFromQuickAdd,
  setOpenForm,
  takeCarriedFromQuickAdd,
  type OpenForm,
} from '../drafts.js';
import { LeaveDialog } from '../components/LeaveDialog.js';
import { CharCount } from '../components/CharCount.js';
import { useVault } from '../state.js';
import { PeoplePicker } from '../components/PeoplePicker.js';
import { QuickFiles, importFiles, setIncidentNotice, type PendingFile } from '../agent/QuickFiles.js';
import { CheckGroup } from '../components/CheckGroup.js';
import { ChoiceField, Field, TextField } from '../components/Field.js';
import { ReportsEditor } from '../components/ReportsEditor.js';
import { DateTimeField } from '../components/DateTimeField.js';
import { SeenIdentifiersEditor } from '../components/SeenIdentifiersEditor.js';
import { timeOffers } from '../../../shared/time-offers.js';
import { ukDate } from '../../../shared/uk-time.js';
import { useT } from '../i18n/index.js';
import { useWords } from '../i18n/words.js';
import { FIELD_IDS, OFFSETS, blank, fromIncident, toInput, validate, type Errors, type Form } from './incidentForm.js';

export function IncidentEditor({ id, quick }: { id: string | null; quick: boolean }) {
  const v = useVault();
  const t = useT();
  const words = useWords();
  const categoryOptions = CATEGORY_IDS.map((c) => ({ id: c, label: words.category[c] }));
  const escalationOptions = ESCALATION_SIGNALS.map((s) => ({ id: s, label: words.escalation[s] }));
  const existing = id ? v.incidents.find((i) => i.id === id) : undefined;
  /** The form as it opened (the record, or a blank one): a form that differs from it has changes. */
  const initial = useRef<Form | null>(null);
  if (initial.current === null) initial.current = existing ? fromIncident(existing) : blank();
  const [form, setForm] = useState<Form>(initial.current);
  /** The time came from "Just now": another date must not keep it (it would be invented). */
  const [clockTime, setClockTime] = useState(false);
  const key = draftKey(id, quick);
  const [draftNote, setDraftNote] = useState<
    { kind: 'restored'; savedAt: string } | { kind: 'carried' } | { kind: 'damaged' } | null
  >(null);
  /** The saved draft was looked for (no autosave before, so a draft is never overwritten unread). */
  const [draftLoaded, setDraftLoaded] = useState(false);
  const [leaveOpen, setLeaveOpen] = useState(false);
  const pendingLeave = useRef<(() => void) | null>(null);
  const latest = useRef({ form, clockTime });
  latest.current = { form, clockTime };
  /** The vault holds a draft for this form. */
  const hasDraft = useRef(false);
  /** Saved as a record, discarded, or carried to the full form: no more drafts from this form. */
  const closed = useRef(false);
  /** Draft saves and discards, one after another. */
  const queue = useRef<Promise<void>>(Promise.resolve());
  const enqueue = (op: () => Promise<void>): Promise<void> => {
    const next = queue.current.then(op);
    queue.current = next.catch(() => undefined);
    return next;
  };
  const changed = () => !sameForm(latest.current.form, initial.current ?? latest.current.form);
  /** Save the form's draft as it is now (or remove it when the form is back as it opened). */
  const saveDraftNow = async () => {
    if (closed.current) return;
    if (!changed()) {
      if (hasDraft.current) {
        hasDraft.current = false;
        await call('drafts.discard', { key });
      }
      return;
    }
    const { form: f, clockTime: c } = latest.current;
    await call('drafts.save', { key, text: encodeDraft(f, c) });
    hasDraft.current = true;
  };
  const saveDraft = () => enqueue(saveDraftNow);
  const discardDraft = () =>
    enqueue(async () => {
      hasDraft.current = false;
      await call('drafts.discard', { key });
    });
  const [timeCleared, setTimeCleared] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [submitted, setSubmitted] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Quick add's files (../agent/QuickFiles.tsx): locked in the vault once the incident is saved. */
  const [files, setFiles] = useState<PendingFile[]>([]);
  const summary = useRef<HTMLDivElement>(null);

  const set = (patch: Partial<Form>) => {
    setForm((f) => {
      const next = { ...f, ...patch };
      if (submitted) setErrors(validate(next, quick, t, words));
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

  // On opening: the saved draft comes back (or a damaged one is named).
  useEffect(() => {
    let live = true;
    const carried = !id && !quick && takeCarriedFromQuickAdd();
    call('drafts.get', { key })
      .then((d) => {
        if (!live || !d || !initial.current) return;
        hasDraft.current = true;
        const got = decodeDraft(d.text, initial.current);
        // Typed before the draft arrived: what she typed wins (the next autosave replaces the draft).
        if (!got || changed() || sameForm(got.form, initial.current)) return;
        setForm(got.form);
        setClockTime(got.clockTime);
        setDraftNote(carried ? { kind: 'carried' } : { kind: 'restored', savedAt: d.savedAt });
      })
      .catch((e: unknown) => {
        if (live && e instanceof BridgeError && e.code === 'TAMPERED') setDraftNote({ kind: 'damaged' });
      })
      .finally(() => {
        if (live) setDraftLoaded(true);
      });
    return () => {
      live = false;
    };
    // Once, when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Autosave, a moment after typing stops.
  useEffect(() => {
    if (!draftLoaded) return;
    const timer = window.setTimeout(() => void saveDraft().catch(() => undefined), DRAFT_DELAY_MS);
    return () => window.clearTimeout(timer);
    // saveDraft reads the latest form itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form, clockTime, draftLoaded]);

  // The shell asks this form before leaving it, and has it save its draft before locking.
  useEffect(() => {
    const me: OpenForm = {
      route: id ? { name: 'edit', id } : { name: 'new', quick },
      dirty: () => !closed.current && changed(),
      flush: () => saveDraft(),
      askToLeave: (leave) => {
        pendingLeave.current = leave;
        setLeaveOpen(true);
      },
    };
    setOpenForm(me);
    return () => {
      if (openForm() === me) setOpenForm(null);
      // Leaving some other way (the vault locked elsewhere): keep what was typed, if the vault still can.
      if (!closed.current && changed()) void saveDraft().catch(() => undefined);
    };
    // Once, when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (submitted && Object.keys(errors).length > 0) summary.current?.focus();
    // Only when the user submits, not on every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [submitted, busy]);

  if (id && !existing) {
    return (
      <div className="page-narrow">
        <h1>{t('incident.not-found')}</h1>
      </div>
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs = validate(form, quick, t, words);
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
      // The draft first: if the vault locks before the record is saved, the draft still has it all.
      if (changed()) await saveDraft().catch(() => undefined);
      let saved = id ? await call('incidents.update', { id, input }) : await call('incidents.create', { input });
      // Closed before the discard is queued: an autosave whose timer fires while the discard is on its way
      // would otherwise run after it and write the draft back (seen in CI under load).
      closed.current = true;
      setOpenForm(null);
      await discardDraft().catch(() => undefined);
      if (!id && files.length > 0) {
        const problem = await importFiles(saved.id, files, t);
        if (problem) setIncidentNotice(saved.id, problem);
        else saved = await call('incidents.get', { id: saved.id }).catch(() => saved);
      }
      v.putIncident(saved);
      v.announce(id ? t('incident.editor.saved-changes') : t('incident.editor.saved'));
      // A new sign of escalation: what to do now (call 999, tell the SPOC) comes first.
      const newlyEscalated = saved.escalationSignals.length > 0 && (existing?.escalationSignals.length ?? 0) === 0;
      v.go(newlyEscalated ? { name: 'escalated', id: saved.id } : { name: 'incident', id: saved.id });
    } catch (err) {
      setSaveError(errorMessage(err));
      setBusy(false);
      requestAnimationFrame(() => summary.current?.focus());
    }
  }

  /** "Use the full form instead": what she wrote goes across, as the full form's draft. */
  async function toFullForm() {
    setSaveError(null);
    if (files.length > 0) {
      // Files do not travel in a draft: save here to keep them, or remove them first.
      setSaveError(t('incident.editor.files-stay'));
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    try {
      await queue.current;
      if (changed()) {
        const { form: f, clockTime: c } = latest.current;
        await call('drafts.save', { key: NEW_INCIDENT_KEY, text: encodeDraft(f, c) });
      }
      closed.current = true;
      await call('drafts.discard', { key: QUICK_ADD_KEY }).catch(() => undefined);
      setCarriedFromQuickAdd();
      setOpenForm(null);
      v.go({ name: 'new', quick: false });
    } catch (err) {
      closed.current = false;
      setSaveError(errorMessage(err));
    }
  }

  function leave(keep: boolean) {
    setLeaveOpen(false);
    const go = pendingLeave.current;
    pendingLeave.current = null;
    void (async () => {
      try {
        if (keep) await saveDraft();
        else await discardDraft();
      } catch (err) {
        setSaveError(keep ? t('incident.editor.draft-not-kept', { error: errorMessage(err) }) : errorMessage(err));
        return;
      }
      closed.current = true;
      setOpenForm(null);
      go?.();
    })();
  }

  function discardRestored() {
    setDraftNote(null);
    if (initial.current) setForm(initial.current);
    setClockTime(false);
    void discardDraft().catch((err: unknown) => setSaveError(errorMessage(err)));
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
  const heading = id
    ? t('incident.editor.heading-edit')
    : quick
      ? t('shell.quick-add')
      : t('incident.editor.heading-new');

  return (
    <div className="page-narrow">
      <h1>{heading}</h1>
      {quick ? <p className="lead">{t('incident.editor.quick-lead')}</p> : null}
      {draftNote?.kind === 'restored' ? (
        <p className="notice" role="status">
          {t('incident.editor.restored', { time: savedAtLabel(draftNote.savedAt, t) })}{' '}
          <button className="btn-link" type="button" onClick={discardRestored}>
            {t('incident.editor.discard')}
          </button>
        </p>
      ) : draftNote?.kind === 'carried' ? (
        <p className="notice" role="status">
          {t('incident.editor.carried')}{' '}
          <button className="btn-link" type="button" onClick={discardRestored}>
            {t('incident.editor.discard')}
          </button>
        </p>
      ) : draftNote?.kind === 'damaged' ? (
        <p className="notice notice-error" role="alert">
          {t('incident.editor.damaged')}{' '}
          <button
            className="btn-link"
            type="button"
            onClick={() => {
              setDraftNote(null);
              void discardDraft().catch((err: unknown) => setSaveError(errorMessage(err)));
            }}
          >
            {t('incident.editor.discard')}
          </button>
        </p>
      ) : null}
      {errorList.length > 0 || saveError ? (
        <div className="notice notice-error" role="alert" tabIndex={-1} ref={summary}>
          {saveError ? (
            <p>{saveError}</p>
          ) : (
            <>
              <p>
                <strong>{t('incident.editor.check', { count: errorList.length })}</strong>
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
          <Field
            id="inc-title"
            label={t('incident.editor.title')}
            error={err('title')}
            hint={t('incident.editor.title-hint')}
          >
            <input
              dir="auto"
              {...bind('title', 'inc-title-hint inc-title-count')}
              autoComplete="off"
              spellCheck={false}
              type="text"
            />
            <CharCount id="inc-title-count" value={form.title} max={500} />
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
                    v.announce(t(`incident.editor.offer-filled.${o.source}`));
                  }}
                >
                  {t(`incident.editor.offer.${o.source}`, {
                    date: ukDate(o.entry.date),
                    time: o.entry.time,
                    zone: o.entry.zone === 'offset' ? ` (${words.offsetLabel(o.entry.offset)})` : '',
                  })}
                </button>
                <span className="hint">{t('incident.editor.offer-hint')}</span>
              </p>
            ))
          : null}
        {timeCleared ? (
          <p className="notice" role="status">
            {t('incident.editor.time-cleared')}
          </p>
        ) : null}
        <Field
          id="inc-description"
          label={t('incident.what-happened')}
          error={err('description')}
          hint={t('incident.editor.description-hint')}
        >
          <textarea
            dir="auto"
            {...bind('description', 'inc-description-hint')}
            autoComplete="off"
            spellCheck={false}
            rows={quick ? 8 : 6}
          />
        </Field>
        {quick ? (
          <CheckGroup
            legend={t('incident.editor.quick-escalating')}
            hint={t('incident.editor.quick-escalating-hint')}
            options={escalationOptions}
            value={form.escalationSignals}
            onChange={(escalationSignals) => set({ escalationSignals })}
            columns={false}
          />
        ) : null}
        {quick ? (
          <>
            <PeoplePicker
              legend={t('incident.editor.quick-responsible')}
              hint={t('incident.editor.responsible-hint')}
              role="perpetrator"
              value={form.perpetratorIds}
              onChange={(ids) => set({ perpetratorIds: ids })}
            />
            {!id ? <QuickFiles files={files} onChange={setFiles} /> : null}
          </>
        ) : null}
        {!quick ? (
          <>
            <Field id="inc-effect" label={t('incident.editor.effect')} hint={t('incident.editor.effect-hint')}>
              <textarea
                dir="auto"
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
              legend={t('incident.editor.categories')}
              options={categoryOptions}
              value={form.categories}
              onChange={(categories) => set({ categories })}
            />
            <div className="row">
              <ChoiceField
                id="inc-channel"
                label={t('incident.how-it-reached-you')}
                value={form.channelKind}
                choices={CHANNEL_KINDS}
                labels={words.channel}
                blank={t('incident.not-recorded')}
                onChange={(channelKind) => set({ channelKind })}
              />
              <Field
                id="inc-channel-detail"
                label={t('incident.editor.channel-detail')}
                hint={t('incident.editor.channel-detail-hint')}
              >
                <input
                  dir="auto"
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
              label={t('incident.editor.location')}
              maxLength={2000}
              value={form.location}
              onChange={(location) => set({ location })}
            />
            <SeenIdentifiersEditor value={form.identifiers} onChange={(identifiers) => set({ identifiers })} />
            <PeoplePicker
              legend={t('incident.believed-responsible')}
              hint={t('incident.editor.responsible-hint')}
              role="perpetrator"
              value={form.perpetratorIds}
              onChange={(ids) => set({ perpetratorIds: ids })}
            />
            <PeoplePicker
              legend={t('incident.who-saw-it')}
              hint={t('incident.editor.witnesses-hint')}
              role="witness"
              value={form.witnessIds}
              onChange={(ids) => set({ witnessIds: ids })}
            />
            <CheckGroup
              legend={t('incident.editor.escalation')}
              hint={t('incident.editor.escalation-hint')}
              options={escalationOptions}
              value={form.escalationSignals}
              onChange={(escalationSignals) => set({ escalationSignals })}
              columns={false}
            />
            <ReportsEditor reports={form.reports} onChange={(reports) => set({ reports })} />
            <Field id="inc-notes" label={t('incident.notes')} hint={t('incident.editor.notes-hint')}>
              <textarea
                dir="auto"
                id="inc-notes"
                autoComplete="off"
                spellCheck={false}
                value={form.notes}
                onChange={(e) => set({ notes: e.target.value })}
                aria-describedby="inc-notes-hint"
              />
            </Field>
            <CheckGroup
              legend={t('incident.editor.private')}
              hint={t('incident.editor.private-hint')}
              options={words.privateChoices}
              value={form.privateFields}
              onChange={(privateFields) => set({ privateFields })}
            />
          </>
        ) : null}
        <div className="btn-row">
          <button className="btn btn-primary" type="submit" disabled={busy}>
            {busy
              ? files.length > 0
                ? t('incident.editor.saving-files')
                : t('incident.editor.saving')
              : id
                ? t('incident.editor.save-changes')
                : t('incident.editor.save')}
          </button>
          <button
            className="btn"
            type="button"
            onClick={() => v.go(id ? { name: 'incident', id } : { name: 'timeline' })}
          >
            {t('incident.editor.cancel')}
          </button>
          {quick && !id ? (
            <button className="btn-link" type="button" onClick={() => void toFullForm()}>
              {t('incident.editor.full-form')}
            </button>
          ) : null}
        </div>
      </form>
      <LeaveDialog
        open={leaveOpen}
        onKeep={() => leave(true)}
        onDiscard={() => leave(false)}
        onStay={() => {
          setLeaveOpen(false);
          pendingLeave.current = null;
        }}
      />
    </div>
  );
}
