import { CATEGORY_LABELS, CHANNEL_LABELS, type Incident } from '../../../shared/model.js';
import { exhibitKind, KIND_LABELS } from '../format.js';

export function CategoryChips({ incident }: { incident: Incident }) {
  if (incident.categories.length === 0 && !incident.channel) return null;
  return (
    <ul className="chips" aria-label="Categories and channel">
      {incident.categories.map((c) => (
        <li key={c} className="chip">
          {CATEGORY_LABELS[c]}
        </li>
      ))}
      {incident.channel ? (
        <li className="chip chip-channel">
          {CHANNEL_LABELS[incident.channel.kind]}
          {incident.channel.detail ? `: ${incident.channel.detail}` : ''}
        </li>
      ) : null}
    </ul>
  );
}

export function EscalationBadge() {
  return <span className="badge badge-escalation">Escalation signal</span>;
}

export function ReportedBadge({ reported }: { reported: boolean }) {
  return reported ? (
    <span className="badge badge-reported">Reported</span>
  ) : (
    <span className="badge badge-unreported">Not reported yet</span>
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
  return (
    <>
      {toldPolice ? (
        <span className="badge badge-reported">Told the police</span>
      ) : flagged ? (
        <span className="badge badge-flag">Escalated: not yet told the police</span>
      ) : (
        <span className="badge badge-unreported">Not yet told the police</span>
      )}
      {toldPlatform ? <span className="badge badge-platform">Told the platform</span> : null}
    </>
  );
}

/** "3 exhibits: 2 pictures, 1 e-mail"; a physical item is counted as one, never as a file. */
export function exhibitSummary(incident: Incident): string {
  const n = incident.exhibits.length;
  if (n === 0) return 'No exhibits';
  const counts = new Map<string, number>();
  for (const e of incident.exhibits) {
    const k = e.kind === 'physical' ? 'physical item' : KIND_LABELS[exhibitKind(e.mediaType, e.name)].toLowerCase();
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const parts = [...counts.entries()].map(([k, c]) => `${c} ${k}${c === 1 ? '' : 's'}`);
  return `${n} exhibit${n === 1 ? '' : 's'}: ${parts.join(', ')}`;
}
