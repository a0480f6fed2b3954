/**
 * An incident's exhibits counted as what they are: files, and physical items (a letter in the office
 * safe is an exhibit with a reference, but it is not a file).
 */
import type { Exhibit } from './model.js';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** How many files and how many physical items. */
export function countExhibits(exhibits: readonly Pick<Exhibit, 'kind'>[]): { files: number; items: number } {
  const items = exhibits.filter((e) => e.kind === 'physical').length;
  return { files: exhibits.length - items, items };
}

/** "2 files, 1 physical item"; "1 file"; "No exhibits". */
export function filesAndItems(exhibits: readonly Pick<Exhibit, 'kind'>[]): string {
  const { files, items } = countExhibits(exhibits);
  const parts = [
    ...(files > 0 ? [plural(files, 'file', 'files')] : []),
    ...(items > 0 ? [plural(items, 'physical item', 'physical items')] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : 'No exhibits';
}
