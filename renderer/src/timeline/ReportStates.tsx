import { useT } from '../i18n/index.js';
import type { RowFacts } from './facts.js';

/**
 * Both report states, distinct (the escalation badge is beside the title): told the police (with the references) or not yet, flagged when an
 * escalated incident is not yet told; told the platform (with its references) or not.
 */
export function ReportStates({ facts }: { facts: RowFacts }) {
  const t = useT();
  const { toldPolice, toldPlatform, flagged } = facts.item;
  return (
    <ul className="states" aria-label={t('timeline.status')}>
      <li>
        {toldPolice ? (
          <span className="badge badge-reported">{t('timeline.told-police')}</span>
        ) : flagged ? (
          <span className="badge badge-flag">{t('timeline.flag-not-told')}</span>
        ) : (
          <span className="badge badge-unreported">{t('timeline.not-told-police')}</span>
        )}
        {facts.police.length > 0 ? (
          <>
            {' '}
            <span className="state-ref" dir="auto">
              {facts.police.join('; ')}
            </span>
          </>
        ) : null}
      </li>
      <li>
        {toldPlatform ? (
          <span className="badge badge-platform">{t('timeline.told-platform')}</span>
        ) : (
          <span className="badge badge-unreported">{t('timeline.not-told-platform')}</span>
        )}
        {facts.platform.length > 0 ? (
          <>
            {' '}
            <span className="state-ref" dir="auto">
              {facts.platform.join('; ')}
            </span>
          </>
        ) : null}
      </li>
    </ul>
  );
}
