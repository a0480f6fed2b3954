import type { BulkSelection } from './useBulkSelection.js';

/** An incident's checkbox on the timeline, for the bulk bar (./BulkBar.tsx). */
export function SelectBox({ id, title, selection }: { id: string; title: string; selection: BulkSelection }) {
  return (
    <input
      type="checkbox"
      className="bulk-check"
      data-testid="bulk-check"
      aria-label={`Choose “${title}”`}
      checked={selection.isSelected(id)}
      onChange={() => undefined}
      onClick={(e) => selection.onCheckboxClick(id, e)}
      onKeyDown={(e) => selection.onCheckboxKeyDown(id, e)}
    />
  );
}
