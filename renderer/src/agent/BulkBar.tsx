import { useEffect, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import {
  CATEGORY_IDS,
  CATEGORY_LABELS,
  IncidentInputSchema,
  type CategoryId,
  type Incident,
  type IncidentInput,
} from '../../../shared/model.js';
import { call, errorMessage } from '../bridge.js';
import { useVault } from '../state.js';
import { personLabel } from '../components/PeoplePicker.js';
import { setPackPreselection } from './pack-preselect.js';
import type { BulkSelection } from './useBulkSelection.js';
import './agent.css';

type Panel = 'person' | 'category' | 'report' | null;

/** The fields an incident's update takes, from the incident as it is (nothing else changes). */
export function inputOf(incident: Incident): IncidentInput {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(IncidentInputSchema.shape)) {
    const value = (incident as unknown as Record<string, unknown>)[k];
    if (value !== undefined) out[k] = value;
  }
  return out as IncidentInput;
}

const plural = (n: number) => `${n} incident${n === 1 ? '' : 's'}`;

/**
 * The action bar over the timeline while incidents are chosen (./useBulkSelection.ts): the person
 * believed responsible, a category or a report (told the police or a platform) for every chosen
 * incident, each a normal saved version (one activity-log entry each) through 'incidents.update';
 * or all of them into a new case pack (the export wizard opens with them ticked).
 */
export function BulkBar({
  selection,
  shown,
  listRef,
}: {
  selection: BulkSelection;
  /** How many of the chosen incidents the list shows (the filters may hide some). */
  shown: number;
  /** Where the focus goes when the choice is cleared. */
  listRef?: RefObject<HTMLElement | null>;
}) {
  const v = useVault();
  const [panel, setPanel] = useState<Panel>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const resultRef = useRef<HTMLParagraphElement>(null);
  const buttons = useRef<Record<Exclude<Panel, null>, HTMLButtonElement | null>>({
    person: null,
    category: null,
    report: null,
  });
  const count = selection.selected.length;

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  if (count === 0 && !result) return null;

  const open = (p: Exclude<Panel, null>) => {
    setResult(null);
    setPanel(panel === p ? null : p);
  };
  const close = () => {
    const p = panel;
    setPanel(null);
    if (p) requestAnimationFrame(() => buttons.current[p]?.focus());
  };

  /** Saves each chosen incident that the change alters, one after another; stops at the first failure. */
  async function apply(change: (i: Incident) => IncidentInput | null, what: string) {
    const chosen = selection.selected
      .map((id) => v.incidents.find((i) => i.id === id))
      .filter((i): i is Incident => i !== undefined);
    let saved = 0;
    let unchanged = 0;
    setResult(null);
    try {
      for (const [n, incident] of chosen.entries()) {
        const input = change(incident);
        if (input === null) {
          unchanged++;
          continue;
        }
        setBusy(`Saving ${n + 1} of ${chosen.length}…`);
        const after = await call('incidents.update', { id: incident.id, input });
        v.putIncident(after);
        saved++;
      }
      const text =
        saved === 0
          ? `Nothing changed: ${unchanged === 1 ? 'the incident already had it' : `all ${unchanged} incidents already had it`}.`
          : `${what} on ${plural(saved)}.` +
            (unchanged > 0
              ? ` ${plural(unchanged)} already had it and ${unchanged === 1 ? 'was' : 'were'} left as before.`
              : '');
      setPanel(null);
      setResult({ ok: true, text });
      v.announce(text);
    } catch (e) {
      setResult({
        ok: false,
        text: `${saved > 0 ? `${what} on ${plural(saved)}; then ` : ''}${errorMessage(e)} The rest were not changed.`,
      });
    } finally {
      setBusy(null);
    }
  }

  function toPack() {
    setPackPreselection(selection.selected);
    v.go({ name: 'pack' });
  }

  return (
    <section className="bulk-bar" aria-labelledby="bulk-heading" data-testid="bulk-bar">
      <div className="bulk-head">
        <h2 id="bulk-heading" className="bulk-count">
          {count === 0
            ? 'No incidents chosen'
            : `${plural(count)} chosen${shown < count ? ` (${count - shown} not shown by the filters)` : ''}`}
        </h2>
        <div className="btn-row">
          {count > 0 ? (
            <>
              <BarButton name="person" panel={panel} buttons={buttons} onClick={open} disabled={busy !== null}>
                Believed responsible…
              </BarButton>
              <BarButton name="category" panel={panel} buttons={buttons} onClick={open} disabled={busy !== null}>
                Category…
              </BarButton>
              <BarButton name="report" panel={panel} buttons={buttons} onClick={open} disabled={busy !== null}>
                Reported to…
              </BarButton>
              <button className="btn" type="button" onClick={toPack} disabled={busy !== null}>
                Put in a case pack
              </button>
            </>
          ) : null}
          <button
            className="btn-link"
            type="button"
            onClick={() => {
              selection.clear();
              setPanel(null);
              setResult(null);
              requestAnimationFrame(() => listRef?.current?.focus());
            }}
          >
            {count > 0 ? 'Clear the choice' : 'Close'}
          </button>
        </div>
      </div>
      {panel === 'person' ? <PersonPanel count={count} busy={busy} onCancel={close} apply={apply} /> : null}
      {panel === 'category' ? <CategoryPanel count={count} busy={busy} onCancel={close} apply={apply} /> : null}
      {panel === 'report' ? <ReportPanel count={count} busy={busy} onCancel={close} apply={apply} /> : null}
      {busy ? (
        <p className="notice" role="status">
          {busy}
        </p>
      ) : null}
      {result ? (
        <p
          ref={resultRef}
          tabIndex={-1}
          className={result.ok ? 'notice notice-ok' : 'notice notice-error'}
          role={result.ok ? 'status' : 'alert'}
        >
          {result.text}
        </p>
      ) : null}
    </section>
  );
}

function BarButton({
  name,
  panel,
  buttons,
  onClick,
  disabled,
  children,
}: {
  name: Exclude<Panel, null>;
  panel: Panel;
  buttons: RefObject<Record<Exclude<Panel, null>, HTMLButtonElement | null>>;
  onClick(p: Exclude<Panel, null>): void;
  disabled: boolean;
  children: ReactNode;
}) {
  return (
    <button
      ref={(el) => {
        buttons.current[name] = el;
      }}
      className={panel === name ? 'btn btn-primary' : 'btn'}
      type="button"
      aria-expanded={panel === name}
      aria-controls={`bulk-${name}`}
      disabled={disabled}
      onClick={() => onClick(name)}
    >
      {children}
    </button>
  );
}

interface PanelProps {
  count: number;
  busy: string | null;
  onCancel(): void;
  apply(change: (i: Incident) => IncidentInput | null, what: string): Promise<void>;
}

function PanelForm({
  id,
  legend,
  count,
  busy,
  onSubmit,
  onCancel,
  error,
  children,
}: {
  id: string;
  legend: string;
  count: number;
  busy: string | null;
  onSubmit(): void;
  onCancel(): void;
  error: string | null;
  children: ReactNode;
}) {
  const first = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    first.current?.querySelector<HTMLElement>('select, input')?.focus();
  }, []);
  return (
    <form
      id={id}
      className="bulk-panel"
      noValidate
      autoComplete="off"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <fieldset ref={first}>
        <legend>{legend}</legend>
        {error ? (
          <p className="error-text" role="alert" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        <div className="row">{children}</div>
      </fieldset>
      <div className="btn-row">
        <button className="btn btn-primary" type="submit" disabled={busy !== null}>
          Save on {plural(count)}
        </button>
        <button className="btn" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function PersonPanel({ count, busy, onCancel, apply }: PanelProps) {
  const v = useVault();
  const [pick, setPick] = useState('');
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const people = [...v.people].sort((a, b) => personLabel(a).localeCompare(personLabel(b)));

  async function submit() {
    const name = newName.trim();
    if (!pick && !name) {
      setError('Choose someone already recorded, or type the name or online handle of someone new.');
      return;
    }
    setError(null);
    let personId = pick;
    let label = pick ? personLabel(v.peopleById.get(pick)!) : name;
    if (!pick) {
      try {
        const isHandle = /^@\S+$/.test(name);
        const person = await call('people.create', {
          input: isHandle ? { name: '', handles: [name], role: 'perpetrator' } : { name, role: 'perpetrator' },
        });
        v.putPerson(person);
        personId = person.id;
        label = personLabel(person);
      } catch (e) {
        setError(errorMessage(e));
        return;
      }
    }
    await apply((i) => {
      if (i.perpetratorIds.includes(personId)) return null;
      return { ...inputOf(i), perpetratorIds: [...i.perpetratorIds, personId] };
    }, `${label} recorded as believed responsible`);
  }

  return (
    <PanelForm
      id="bulk-person"
      legend="Person believed responsible"
      count={count}
      busy={busy}
      onSubmit={() => void submit()}
      onCancel={onCancel}
      error={error}
    >
      {people.length > 0 ? (
        <div className="field">
          <label htmlFor="bulk-person-pick">Someone already recorded</label>
          <select
            id="bulk-person-pick"
            value={pick}
            onChange={(e) => {
              setPick(e.target.value);
              if (e.target.value) setNewName('');
            }}
          >
            <option value="">Choose a person…</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {personLabel(p)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="bulk-person-new">Or someone new: name or online handle</label>
        <input
          id="bulk-person-new"
          type="text"
          dir="auto"
          autoComplete="off"
          spellCheck={false}
          maxLength={500}
          value={newName}
          onChange={(e) => {
            setNewName(e.target.value);
            if (e.target.value) setPick('');
          }}
          aria-describedby={error ? 'bulk-person-error' : undefined}
        />
      </div>
    </PanelForm>
  );
}

function CategoryPanel({ count, busy, onCancel, apply }: PanelProps) {
  const [category, setCategory] = useState<CategoryId | ''>('');
  const [error, setError] = useState<string | null>(null);
  return (
    <PanelForm
      id="bulk-category"
      legend="Add a category"
      count={count}
      busy={busy}
      onSubmit={() => {
        if (!category) {
          setError('Choose a category first.');
          return;
        }
        setError(null);
        void apply((i) => {
          if (i.categories.includes(category)) return null;
          return { ...inputOf(i), categories: [...i.categories, category] };
        }, `Category “${CATEGORY_LABELS[category]}” added`);
      }}
      onCancel={onCancel}
      error={error}
    >
      <div className="field">
        <label htmlFor="bulk-category-pick">Category</label>
        <select
          id="bulk-category-pick"
          value={category}
          onChange={(e) => setCategory(e.target.value as CategoryId | '')}
          aria-describedby={error ? 'bulk-category-error' : undefined}
        >
          <option value="">Choose a category…</option>
          {CATEGORY_IDS.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
      </div>
    </PanelForm>
  );
}

function ReportPanel({ count, busy, onCancel, apply }: PanelProps) {
  const [kind, setKind] = useState<'police' | 'platform'>('police');
  const [who, setWho] = useState('');
  const [reference, setReference] = useState('');
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const today = new Date().toISOString().slice(0, 10);

  function submit() {
    if (who.trim() === '') {
      setError(
        kind === 'police' ? 'Type the police force, for example “Kent Police”.' : 'Type the platform, for example “X”.',
      );
      return;
    }
    if (date !== '' && date > today) {
      setError('The date reported cannot be in the future. Check the date.');
      return;
    }
    setError(null);
    const w = who.trim();
    const ref = reference.trim();
    void apply(
      (i) => {
        const same = i.reports.some((r) =>
          r.kind === 'police'
            ? kind === 'police' && r.force === w && r.reference === ref
            : kind === 'platform' && r.platform === w && r.reference === ref,
        );
        if (same) return null;
        const report =
          kind === 'police'
            ? { kind: 'police' as const, force: w, reference: ref, officer: '', date }
            : { kind: 'platform' as const, platform: w, reference: ref, date, outcome: '' };
        return { ...inputOf(i), reports: [...i.reports, report] };
      },
      kind === 'police' ? `Told the police (${w}) recorded` : `Reported to ${w} recorded`,
    );
  }

  return (
    <PanelForm
      id="bulk-report"
      legend="Who it was reported to"
      count={count}
      busy={busy}
      onSubmit={submit}
      onCancel={onCancel}
      error={error}
    >
      <div className="field">
        <label htmlFor="bulk-report-kind">Reported to</label>
        <select
          id="bulk-report-kind"
          value={kind}
          onChange={(e) => setKind(e.target.value === 'platform' ? 'platform' : 'police')}
        >
          <option value="police">The police</option>
          <option value="platform">A platform (X, Facebook, …)</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="bulk-report-who">{kind === 'police' ? 'Police force' : 'Platform'}</label>
        <input
          id="bulk-report-who"
          type="text"
          dir="auto"
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          value={who}
          onChange={(e) => setWho(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'bulk-report-error' : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor="bulk-report-ref">Reference (if given)</label>
        <input
          id="bulk-report-ref"
          type="text"
          dir="auto"
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          value={reference}
          onChange={(e) => setReference(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="bulk-report-date">Date reported</label>
        <input id="bulk-report-date" type="date" max={today} value={date} onChange={(e) => setDate(e.target.value)} />
      </div>
    </PanelForm>
  );
}
