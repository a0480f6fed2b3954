import type { Incident } from '../../../shared/model.js';
import { exhibitKind } from '../format.js';
import { currentTranslate, useT, type Translate } from '../i18n/index.js';
import { useWords } from '../i18n/words.js';

export function CategoryChips({ incident }: { incident: Incident }) {
  const t = useT();
  const words = useWords();
  if (incident.categories.length === 0 && !incident.channel) return null;
  return (
    <ul className="chips" aria-label={t('incident.chips.label')}>
      {incident.categories.map((c) => (
        <li key={c} className="chip">
          {words.category[c]}
        </li>
      ))}
      {incident.channel ? (
        <li className="chip chip-channel">
          {words.channel[incident.channel.kind]}
          {incident.channel.detail ? `: ${incident.channel.detail}` : ''}
        </li>
      ) : null}
    </ul>
  );
}

export function EscalationBadge() {
  const t = useT();
  return <span className="badge badge-escalation">{t('incident.badge.escalation')}</span>;
}

export function ReportedBadge({ reported }: { reported: boolean }) {
  const t = useT();
  return reported ? (
    <span className="badge badge-reported">{t('incident.badge.reported')}</span>
  ) : (
    <span className="badge badge-unreported">{t('incident.badge.not-reported')}</span>
  );
}

/**
 * Told whom, as two states: "Told the police" (a police case links it, or a police report) or not
 * yet, and "Told the platform" when there is a platform report. An escalated incident not yet told
 * the police is flagged.
 */
export function ToldBadges({
  toldPolice,
  toldPlatform,
  flagged,
}: {
  toldPolice: boolean;
  toldPlatform: boolean;
  flagged: boolean;
}) {
  const t = useT();
  return (
    <>
      {toldPolice ? (
        <span className="badge badge-reported">{t('incident.badge.told-police')}</span>
      ) : flagged ? (
        <span className="badge badge-flag">{t('incident.badge.flagged')}</span>
      ) : (
        <span className="badge badge-unreported">{t('incident.badge.not-told-police')}</span>
      )}
      {toldPlatform ? <span className="badge badge-platform">{t('incident.badge.told-platform')}</span> : null}
    </>
  );
}

/**
 * "3 exhibits: 2 pictures, 1 e-mail"; a physical item is counted as one, never as a file. Pass the
 * component's t (useT()); without it, the window's language.
 */
export function exhibitSummary(incident: Incident, t: Translate = currentTranslate()): string {
  const n = incident.exhibits.length;
  if (n === 0) return t('incident.exhibits.none');
  const counts = new Map<'image' | 'email' | 'pdf' | 'text' | 'other' | 'physical', number>();
  for (const e of incident.exhibits) {
    const k = e.kind === 'physical' ? 'physical' : exhibitKind(e.mediaType, e.name);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const parts = [...counts.entries()].map(([k, c]) => t(`incident.exhibits.kind.${k}`, { count: c }));
  return t('incident.exhibits.summary', { count: n, parts: parts.join(', ') });
}
