/**
 * Permanent exhibit references (issue 13): each exhibit gets a number once, in order of
 * assignment, kept in its record (`refNumber`); the vault keeps the highest number ever given in
 * one 'exhibit-numbers' record, so deleting an exhibit never frees its number. The reference text
 * ("AB/3") is the producer's initials at the time it is first given, then frozen in the record
 * (`ref`): initials changed later leave existing references as they are. While no initials are
 * set, the number is kept and the text waits until they are (freezeReferences, called by
 * settings.update in the same transaction).
 */
import { VaultError } from '../../../shared/errors.js';
import { exhibitRef } from '../../../shared/ipc-pack.js';
import { randomId } from '../crypto/index.js';
import type { RecordStore } from '../store/store.js';
import type { ExhibitBody } from './exhibits.js';

/** The vault's counter: the highest exhibit number ever given. */
export interface ExhibitNumbersBody {
  last: number;
}

/** Initials as references use them: 1 to 5 capital letters A-Z. */
export const REF_INITIALS = /^[A-Z]{1,5}$/;

/** What a new exhibit body gets: its number, and its reference when the initials are set. */
export interface AssignedNumber {
  refNumber: number;
  ref?: string;
}

function counter(store: RecordStore): [string | null, number] {
  const found = store.all<ExhibitNumbersBody>('exhibit-numbers')[0];
  if (!found) store.throwIfDamaged('exhibit-numbers');
  return found ? [found[0], found[1].last] : [null, 0];
}

/** The highest number any exhibit record holds (the counter may never be lower). */
function highestInRecords(store: RecordStore): number {
  let max = 0;
  for (const [, ex] of store.all<ExhibitBody>('exhibit')) if ((ex.refNumber ?? 0) > max) max = ex.refNumber ?? 0;
  return max;
}

/** The producer's initials as set in the settings record, when usable for references; else null. */
export function currentInitials(store: RecordStore): string | null {
  const s = store.all<{ producerInitials?: unknown }>('settings')[0]?.[1];
  const initials = typeof s?.producerInitials === 'string' ? s.producerInitials : '';
  return REF_INITIALS.test(initials) ? initials : null;
}

/** The highest exhibit number given so far in this vault (0 for none). */
export function lastExhibitNumber(store: RecordStore): number {
  return Math.max(counter(store)[1], highestInRecords(store));
}

/**
 * The next `count` free exhibit numbers (never reused), with their references when the producer's
 * initials are set. Writes the counter: only inside the transaction that adds the exhibits.
 */
export function assignExhibitNumbers(store: RecordStore, count: number): AssignedNumber[] {
  const [id, last] = counter(store);
  const start = Math.max(last, highestInRecords(store));
  const initials = currentInitials(store);
  const out: AssignedNumber[] = [];
  for (let i = 1; i <= count; i++) {
    const n = start + i;
    out.push(initials ? { refNumber: n, ref: exhibitRef(initials, n) } : { refNumber: n });
  }
  if (count > 0) store.put(id ?? randomId(), 'exhibit-numbers', { last: start + count } satisfies ExhibitNumbersBody);
  return out;
}

/**
 * The next free exhibit number for one new exhibit (an import, a physical item): spread it into
 * the new ExhibitBody (`{ ...body, ...assignExhibitNumber(store) }`). Only inside transact().
 */
export function assignExhibitNumber(store: RecordStore): AssignedNumber {
  const [one] = assignExhibitNumbers(store, 1);
  if (!one) throw new VaultError('INTERNAL', 'No exhibit number could be given; nothing was added.');
  return one;
}

/**
 * Gives every numbered exhibit without a reference text its reference under these initials
 * (the initials were just set). Only inside transact(); returns how many were given.
 */
export function freezeReferences(store: RecordStore, initials: string): number {
  if (!REF_INITIALS.test(initials)) return 0;
  let given = 0;
  for (const [id, ex] of store.all<ExhibitBody>('exhibit')) {
    if (ex.refNumber === undefined || ex.ref !== undefined) continue;
    store.put(id, 'exhibit', { ...ex, ref: exhibitRef(initials, ex.refNumber) } satisfies ExhibitBody);
    given++;
  }
  return given;
}

/**
 * Numbers given to more than one exhibit (never by Evidence Vault: a vault altered or merged by
 * hand), one plain line each, for check(). Changes nothing.
 */
export function referenceCollisions(exhibits: readonly [string, ExhibitBody][]): string[] {
  const byNumber = new Map<number, [string, ExhibitBody][]>();
  for (const e of exhibits) {
    const n = e[1].refNumber;
    if (n === undefined) continue;
    byNumber.set(n, [...(byNumber.get(n) ?? []), e]);
  }
  const lines: string[] = [];
  for (const [n, list] of [...byNumber].sort((a, b) => a[0] - b[0])) {
    if (list.length < 2) continue;
    const ref = list.find(([, ex]) => ex.ref)?.[1].ref ?? `number ${n}`;
    const names = list.map(([id, ex]) => `"${ex.name}" (${id})`).join(', ');
    lines.push(
      `exhibit reference ${ref} is held by ${list.length} exhibits: ${names}; nothing was changed. ` +
        'Keep the case packs you have given out, and ask for help before exporting again.',
    );
  }
  return lines;
}
