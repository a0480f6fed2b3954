import { useState } from 'react';
import { errorMessage } from '../bridge.js';
import { useVault } from '../state.js';

/** The advice of the joint guidance for candidates ("When it goes too far"), as a checklist. */
export const GUIDANCE: { id: string; title: string; text: string }[] = [
  {
    id: 'keep-records',
    title: 'Keep a record of everything',
    text: 'Write down each incident as soon as you can: when, where, what was said or done, and who saw it. Keep screenshots, letters and e-mails — do not delete them, even if they upset you.',
  },
  {
    id: 'do-not-canvass-alone',
    title: 'Do not canvass or campaign alone',
    text: 'Go out with someone else when you can, and always let someone know where you are going and when you expect to be back.',
  },
  {
    id: 'online-health-check',
    title: 'Do an online health check',
    text: 'Search for yourself online and see what personal information is public — your home address, family, routines. Ask sites to remove what you can, and tighten your privacy settings.',
  },
  {
    id: 'report-to-platforms',
    title: 'Report abuse to the platforms',
    text: 'Use the reporting tools of the social media site or app, and note the reference they give you in the incident. Keep your own copy first: posts can disappear.',
  },
  {
    id: 'tell-spoc',
    title: 'Tell your police single point of contact (SPOC)',
    text: 'Candidates have a named police contact. Keep their details on the Contacts page and tell them about incidents, especially when things escalate.',
  },
  {
    id: 'call-999',
    title: 'Call 999 in an emergency',
    text: 'If you are in danger, if violence is threatened, if someone seems fixated on you, or if private information about you is released, call 999.',
  },
];

export function Guidance() {
  const v = useVault();
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
      <h1>Staying safe</h1>
      <p className="lead">
        Advice from the joint guidance for candidates by the police, the Electoral Commission and the CPS. It helps
        anyone facing harassment. Tick each one when you have done it; you can come back at any time.
      </p>
      <p role="status">
        {count} of {GUIDANCE.length} done
      </p>
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
              <span>{g.title}</span>
            </label>
            <p id={`g-${g.id}`}>{g.text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
