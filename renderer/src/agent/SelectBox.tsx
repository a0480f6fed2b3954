import { useT } from '../i18n/index.js';
import type { BulkSelection } from './useBulkSelection.js';

/** An incident's checkbox on the timeline, for the bulk bar (./BulkBar.tsx). */
export function SelectBox({
  id,
  title,
  selection,
  compact,
}: {
  id: string;
  title: string;
  selection: BulkSelection;
  /** The tick box alone (a chronology row's first cell), without the word "Choose". */
  compact?: boolean;
}) {
  const t = useT();
  // After the title in the page's order (Tab reaches the title first), shown at the top of the row's side.
  return (
    <label className="bulk-choose">
      <input
        type="checkbox"
        className="bulk-check"
        data-testid="bulk-check"
        aria-label={t('timeline.choose-label', { title })}
        checked={selection.isSelected(id)}
        onChange={() => undefined}
        onClick={(e) => selection.onCheckboxClick(id, e)}
        onKeyDown={(e) => selection.onCheckboxKeyDown(id, e)}
      />
      {compact ? null : <span aria-hidden="true">{t('timeline.choose')}</span>}
    </label>
  );
}
