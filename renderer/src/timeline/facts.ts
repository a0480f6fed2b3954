import type { ReactNode } from 'react';
/**
 * What one row of the timeline shows, in both views (cards and the chronology): computed from the
 * incident, the people and the police cases, once per row.
 */
import type { Person, PoliceCase } from '../../../shared/model.js';
import {
  believedResponsible,
  exhibitRefsOf,
  exhibitRefsText,
  platformReferences,
  policeReferences,
} from '../../../shared/chronology.js';
import type { IndexedIncident } from '../../../shared/timeline.js';
import type { MessageId, Translate } from '../i18n/index.js';

export interface RowFacts {
  item: IndexedIncident;
  /** Its place in the whole record, oldest first. */
  number: number;
  responsible: string[];
  exhibits: string;
  exhibitCount: number;
  police: string[];
  platform: string[];
}

export function rowFacts(
  item: IndexedIncident,
  number: number,
  peopleById: ReadonlyMap<string, Person>,
  cases: readonly PoliceCase[],
  /** The exhibit references in the window's language (useWords().exhibitRefsText). */
  refsText: (r: ReturnType<typeof exhibitRefsOf>) => string = exhibitRefsText,
): RowFacts {
  const { incident } = item;
  return {
    item,
    number,
    responsible: believedResponsible(incident, peopleById),
    exhibits: refsText(exhibitRefsOf(incident)),
    exhibitCount: incident.exhibits.length,
    police: policeReferences(incident, cases),
    platform: platformReferences(incident),
  };
}

/** What an incident's number is (the tooltip of the column "No."). */
export const NUMBER_EXPLAINED = 'timeline.number-explained' satisfies MessageId;

/** The tooltip of an incident's number. */
export function numberTitle(t: Translate, n: number): string {
  return t('timeline.number-title', { number: n });
}

/**
 * Choosing several incidents (the bulk tools, ../agent/): `selectBox` is the row's tick box
 * (agent/SelectBox.tsx, with Shift-click ranges), placed after the title in the tab order;
 * `selected` marks the row.
 */
export interface RowSelection {
  selected?: boolean;
  selectBox?: ReactNode;
}
