import type { Exhibit } from '../../../shared/model.js';
import { useT } from '../i18n/index.js';
import { useWords } from '../i18n/words.js';

/** The import's warnings, before anything else on the page. */
export function Warnings({ exhibit, compact = false }: { exhibit: Exhibit; compact?: boolean }) {
  const t = useT();
  const words = useWords();
  if (exhibit.warnings.length === 0) return null;
  return (
    <div className={compact ? 'warning warning-compact' : 'warning'} data-testid="exhibit-warnings">
      {compact ? null : <h2 className="notice-title">{t('exhibits.warning')}</h2>}
      <ul>
        {exhibit.warnings.map((w, i) => (
          <li key={i}>{words.exhibitWarning(w)}</li>
        ))}
      </ul>
    </div>
  );
}
