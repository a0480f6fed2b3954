import { useEffect, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import {
  CATEGORY_IDS,
  IncidentInputSchema,
  type CategoryId,
  type Incident,
  type IncidentInput,
} from '../../../shared/model.js';
import { call, errorMessage } from '../bridge.js';
import { useVault } from '../state.js';
import { useT } from '../i18n/index.js';
import { useWords } from '../i18n/words.js';
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
  const t = useT();
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
        setBusy(t('timeline.bulk.saving', { n: n + 1, total: chosen.length }));
        const after = await call('incidents.update', { id: incident.id, input });
        v.putIncident(after);
        saved++;
      }
      const text =
        saved === 0
          ? t('timeline.bulk.nothing', { count: unchanged })
          : t('timeline.bulk.done', { what, count: saved }) +
            (unchanged > 0 ? ` ${t('timeline.bulk.unchanged', { count: unchanged })}` : '');
      setPanel(null);
      setResult({ ok: true, text });
      v.announce(text);
    } catch (e) {
      setResult({
        ok: false,
        text:
          saved > 0
            ? t('timeline.bulk.failed-after', { what, count: saved, error: errorMessage(e) })
            : t('timeline.bulk.failed', { error: errorMessage(e) }),
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
            ? t('timeline.bulk.none')
            : shown < count
              ? t('timeline.bulk.chosen-hidden', { count, hidden: count - shown })
              : t('timeline.bulk.chosen', { count })}
        </h2>
        <div className="btn-row">
          {count > 0 ? (
            <>
              <BarButton name="person" panel={panel} buttons={buttons} onClick={open} disabled={busy !== null}>
                {t('timeline.bulk.person')}
              </BarButton>
              <BarButton name="category" panel={panel} buttons={buttons} onClick={open} disabled={busy !== null}>
                {t('timeline.bulk.category')}
              </BarButton>
              <BarButton name="report" panel={panel} buttons={buttons} onClick={open} disabled={busy !== null}>
                {t('timeline.bulk.report')}
              </BarButton>
              <button className="btn" type="button" onClick={toPack} disabled={busy !== null}>
                {t('timeline.bulk.pack')}
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
            {count > 0 ? t('timeline.bulk.clear') : t('timeline.bulk.close')}
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
  const t = useT();
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
          {t('timeline.bulk.save', { count })}
        </button>
        <button className="btn" type="button" onClick={onCancel}>
          {t('timeline.bulk.cancel')}
        </button>
      </div>
    </form>
  );
}

function PersonPanel({ count, busy, onCancel, apply }: PanelProps) {
  const v = useVault();
  const t = useT();
  const [pick, setPick] = useState('');
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const people = [...v.people].sort((a, b) => personLabel(a).localeCompare(personLabel(b)));

  async function submit() {
    const name = newName.trim();
    if (!pick && !name) {
      setError(t('timeline.bulk.person-missing'));
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
    await apply(
      (i) => {
        if (i.perpetratorIds.includes(personId)) return null;
        return { ...inputOf(i), perpetratorIds: [...i.perpetratorIds, personId] };
      },
      t('timeline.bulk.person-done', { name: label }),
    );
  }

  return (
    <PanelForm
      id="bulk-person"
      legend={t('timeline.bulk.person-legend')}
      count={count}
      busy={busy}
      onSubmit={() => void submit()}
      onCancel={onCancel}
      error={error}
    >
      {people.length > 0 ? (
        <div className="field">
          <label htmlFor="bulk-person-pick">{t('timeline.bulk.person-pick')}</label>
          <select
            id="bulk-person-pick"
            value={pick}
            onChange={(e) => {
              setPick(e.target.value);
              if (e.target.value) setNewName('');
            }}
          >
            <option value="">{t('timeline.bulk.person-choose')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {personLabel(p)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="bulk-person-new">{t('timeline.bulk.person-new')}</label>
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
  const t = useT();
  const words = useWords();
  const [category, setCategory] = useState<CategoryId | ''>('');
  const [error, setError] = useState<string | null>(null);
  return (
    <PanelForm
      id="bulk-category"
      legend={t('timeline.bulk.category-legend')}
      count={count}
      busy={busy}
      onSubmit={() => {
        if (!category) {
          setError(t('timeline.bulk.category-missing'));
          return;
        }
        setError(null);
        void apply(
          (i) => {
            if (i.categories.includes(category)) return null;
            return { ...inputOf(i), categories: [...i.categories, category] };
          },
          t('timeline.bulk.category-done', { category: words.category[category] }),
        );
      }}
      onCancel={onCancel}
      error={error}
    >
      <div className="field">
        <label htmlFor="bulk-category-pick">{t('timeline.bulk.category-label')}</label>
        <select
          id="bulk-category-pick"
          value={category}
          onChange={(e) => setCategory(e.target.value as CategoryId | '')}
          aria-describedby={error ? 'bulk-category-error' : undefined}
        >
          <option value="">{t('timeline.bulk.category-choose')}</option>
          {CATEGORY_IDS.map((c) => (
            <option key={c} value={c}>
              {words.category[c]}
            </option>
          ))}
        </select>
      </div>
    </PanelForm>
  );
}

function ReportPanel({ count, busy, onCancel, apply }: PanelProps) {
  const t = useT();
  const [kind, setKind] = useState<'police' | 'platform'>('police');
  const [who, setWho] = useState('');
  const [reference, setReference] = useState('');
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const today = new Date().toISOString().slice(0, 10);

  function submit() {
    if (who.trim() === '') {
      setError(kind === 'police' ? t('timeline.bulk.force-missing') : t('timeline.bulk.platform-missing'));
      return;
    }
    if (date !== '' && date > today) {
      setError(t('timeline.bulk.date-future'));
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
      kind === 'police'
        ? t('timeline.bulk.police-done', { force: w })
        : t('timeline.bulk.platform-done', { platform: w }),
    );
  }

  return (
    <PanelForm
      id="bulk-report"
      legend={t('timeline.bulk.report-legend')}
      count={count}
      busy={busy}
      onSubmit={submit}
      onCancel={onCancel}
      error={error}
    >
      <div className="field">
        <label htmlFor="bulk-report-kind">{t('timeline.bulk.report-kind')}</label>
        <select
          id="bulk-report-kind"
          value={kind}
          onChange={(e) => setKind(e.target.value === 'platform' ? 'platform' : 'police')}
        >
          <option value="police">{t('timeline.bulk.report-police')}</option>
          <option value="platform">{t('timeline.bulk.report-platform')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="bulk-report-who">
          {kind === 'police' ? t('timeline.bulk.force') : t('timeline.bulk.platform')}
        </label>
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
        <label htmlFor="bulk-report-ref">{t('timeline.bulk.reference')}</label>
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
        <label htmlFor="bulk-report-date">{t('timeline.bulk.date')}</label>
        <input id="bulk-report-date" type="date" max={today} value={date} onChange={(e) => setDate(e.target.value)} />
      </div>
    </PanelForm>
  );
}
