import type { RowFacts } from './facts.js';

/**
 * Both report states, distinct (the escalation badge is beside the title): told the police (with the references) or not yet, flagged when an
 * escalated incident is not yet told; told the platform (with its references) or not.
 */
export function ReportStates({ facts }: { facts: RowFacts }) {
  const { toldPolice, toldPlatform, flagged } = facts.item;
  return (
    <ul className="states" aria-label="Status">
      <li>
        {toldPolice ? (
          <span className="badge badge-reported">Told the police</span>
        ) : flagged ? (
          <span className="badge badge-flag">Escalated: not yet told the police</span>
        ) : (
          <span className="badge badge-unreported">Not yet told the police</span>
        )}
        {facts.police.length > 0 ? (
          <span className="state-ref" dir="auto">
            {' '}
            {facts.police.join('; ')}
          </span>
        ) : null}
      </li>
      <li>
        {toldPlatform ? (
          <span className="badge badge-platform">Told the platform</span>
        ) : (
          <span className="badge badge-unreported">Not told a platform</span>
        )}
        {facts.platform.length > 0 ? (
          <span className="state-ref" dir="auto">
            {' '}
            {facts.platform.join('; ')}
          </span>
        ) : null}
      </li>
    </ul>
  );
}
