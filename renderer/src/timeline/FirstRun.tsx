import { useRef, useState } from 'react';
import { FIRST_RUN_STEPS, type FirstRunStep } from '../../../shared/model.js';
import { errorMessage } from '../bridge.js';
import { storedSpoc } from '../safety/SafetyStrip.js';
import { useT, type MessageId } from '../i18n/index.js';
import { useVault, type VaultData } from '../state.js';

type StepState = 'done' | 'skipped' | 'todo';

/** Each step of the start: done (what it asks is there), skipped (she chose to), or still to do. */
export function firstRunStates(
  v: Pick<VaultData, 'settings' | 'contacts' | 'incidents'>,
): Record<FirstRunStep, StepState> {
  const marked = new Set(v.settings.firstRunSteps);
  const done: Record<FirstRunStep, boolean> = {
    spoc: !!storedSpoc(v.contacts),
    record: v.incidents.length > 0,
    checklist: v.settings.guidanceDone.length > 0,
  };
  const out = {} as Record<FirstRunStep, StepState>;
  for (const s of FIRST_RUN_STEPS) out[s] = done[s] ? 'done' : marked.has(s) ? 'skipped' : 'todo';
  return out;
}

/** Whether the three-step start shows: the window made this vault and a step is still to do. */
export function firstRunActive(v: Pick<VaultData, 'settings' | 'contacts' | 'incidents'>): boolean {
  if (v.settings.firstRunStartedAt === '') return false;
  const states = firstRunStates(v);
  return FIRST_RUN_STEPS.some((s) => states[s] === 'todo');
}

/** Each step's words: its title, the title inside the heading's sentence, what it asks, its button. */
const STEPS: Record<FirstRunStep, { title: MessageId; lower: MessageId; text: MessageId; action: MessageId }> = {
  spoc: {
    title: 'timeline.first.spoc.title',
    lower: 'timeline.first.spoc.lower',
    text: 'timeline.first.spoc.text',
    action: 'timeline.first.spoc.action',
  },
  record: {
    title: 'timeline.first.record.title',
    lower: 'timeline.first.record.lower',
    text: 'timeline.first.record.text',
    action: 'timeline.first.record.action',
  },
  checklist: {
    title: 'timeline.first.checklist.title',
    lower: 'timeline.first.checklist.lower',
    text: 'timeline.first.checklist.text',
    action: 'timeline.first.checklist.action',
  },
};

/**
 * The three-step start after making a vault: store your SPOC, record what happened, look at the
 * checklist. Each can be skipped; what is done or skipped is kept in the vault's settings.
 */
export function FirstRun() {
  const v = useVault();
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const states = firstRunStates(v);
  const current = FIRST_RUN_STEPS.find((s) => states[s] === 'todo');
  if (v.settings.firstRunStartedAt === '' || !current) return null;
  const n = FIRST_RUN_STEPS.indexOf(current) + 1;

  async function mark(step: FirstRunStep): Promise<void> {
    setError(null);
    try {
      await v.updateSettings({ firstRunSteps: [...new Set([...v.settings.firstRunSteps, step])] });
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function skip(step: FirstRunStep) {
    await mark(step);
    const next = FIRST_RUN_STEPS.find((s) => s !== step && states[s] === 'todo');
    if (next) {
      v.announce(
        t('timeline.first.skipped-next', { n: FIRST_RUN_STEPS.indexOf(next) + 1, title: t(STEPS[next].title) }),
      );
      requestAnimationFrame(() => heading.current?.focus());
    } else {
      v.announce(t('timeline.first.finished'));
      requestAnimationFrame(() => {
        const h1 = document.querySelector<HTMLElement>('#main h1');
        if (h1 && !h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
        h1?.focus();
      });
    }
  }

  async function act(step: FirstRunStep) {
    if (step === 'spoc') v.go({ name: 'contacts' });
    else if (step === 'record') v.go({ name: 'new', quick: true });
    else {
      await mark('checklist');
      v.go({ name: 'guidance' });
    }
  }

  return (
    <section className="first-run" aria-labelledby="first-run-heading">
      <h2 id="first-run-heading" ref={heading} tabIndex={-1} className="first-run-heading">
        {t('timeline.first.heading', { n, step: t(STEPS[current].lower) })}
      </h2>
      <ol className="first-run-steps">
        {FIRST_RUN_STEPS.map((s) => (
          <li key={s} className={`first-run-step ${states[s]}`} aria-current={s === current ? 'step' : undefined}>
            <span className="first-run-title">{t(STEPS[s].title)}</span>{' '}
            <span className="first-run-state">
              {states[s] === 'done'
                ? t('timeline.first.done')
                : states[s] === 'skipped'
                  ? t('timeline.first.skipped')
                  : s === current
                    ? t('timeline.first.now')
                    : ''}
            </span>
          </li>
        ))}
      </ol>
      <p>{t(STEPS[current].text)}</p>
      {error ? <p className="error-text">{error}</p> : null}
      <div className="btn-row">
        <button type="button" className="btn btn-primary" onClick={() => void act(current)}>
          {t(STEPS[current].action)}
        </button>
        <button type="button" className="btn" onClick={() => void skip(current)}>
          {t('timeline.first.skip')}
        </button>
      </div>
    </section>
  );
}
