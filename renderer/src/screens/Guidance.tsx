import { useState } from 'react';
import { errorMessage } from '../bridge.js';
import { useVault } from '../state.js';
import { en } from '../i18n/en.js';
import { useT } from '../i18n/index.js';

const GUIDANCE_IDS = [
  'keep-records',
  'do-not-canvass-alone',
  'online-health-check',
  'report-to-platforms',
  'tell-spoc',
  'call-999',
] as const;
type GuidanceId = (typeof GUIDANCE_IDS)[number];

/** The advice of the joint guidance for candidates ("When it goes too far"), as a checklist (English). */
export const GUIDANCE: { id: GuidanceId; title: string; text: string }[] = GUIDANCE_IDS.map((id) => ({
  id,
  title: en[`guidance.${id}.title`],
  text: en[`guidance.${id}.text`],
}));

export function Guidance() {
  const v = useVault();
  const t = useT();
  // Ticks show at once; they are saved in the vault's settings behind the scenes.
  const [ticked, setTicked] = useState<string[]>(v.settings.guidanceDone);
  const [error, setError] = useState<string | null>(null);
  const done = new Set(ticked);
  const count = GUIDANCE.filter((g) => done.has(g.id)).length;

  function toggle(id: string, on: boolean) {
    const before = ticked;
    const next = on ? [...ticked.filter((x) => x !== id), id] : ticked.filter((x) => x !== id);
    setTicked(next);
    v.updateSettings({ guidanceDone: next }).catch((e: unknown) => {
      setTicked(before);
      setError(errorMessage(e));
    });
  }

  return (
    <div className="page-narrow">
      <h1>{t('guidance.heading')}</h1>
      <p className="lead">{t('guidance.lead')}</p>
      <p role="status">{t('guidance.progress', { done: count, total: GUIDANCE.length })}</p>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="guidance-list">
        {GUIDANCE.map((g) => (
          <li key={g.id} className={done.has(g.id) ? 'guidance-item done' : 'guidance-item'}>
            <label className="check">
              <input
                type="checkbox"
                checked={done.has(g.id)}
                aria-describedby={`g-${g.id}`}
                onChange={(e) => toggle(g.id, e.target.checked)}
              />
              <span>{t(`guidance.${g.id}.title`)}</span>
            </label>
            <p id={`g-${g.id}`}>{t(`guidance.${g.id}.text`)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
