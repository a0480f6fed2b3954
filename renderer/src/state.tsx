/**
 * What the unlocked app knows: incidents, people, contacts and settings, loaded once after unlock
 * and refreshed after each change. The search index is rebuilt only when the data changes.
 */
import { createContext, useContext } from 'react';
import type { Contact, Incident, Person, PoliceCase, Settings } from '../../shared/model.js';
import type { VaultStatus } from '../../shared/ipc.js';
import type { IndexedIncident, IncidentFilter } from '../../shared/timeline.js';

export type Route =
  | { name: 'timeline' }
  | { name: 'conduct' }
  | { name: 'incident'; id: string }
  | { name: 'new'; quick: boolean }
  | { name: 'edit'; id: string }
  | { name: 'exhibit'; incidentId: string; exhibitId: string }
  | { name: 'contacts' }
  | { name: 'guidance' }
  | { name: 'settings' }
  | { name: 'pack' }
  /** What was deleted, restorable for 30 days. */
  | { name: 'bin' }
  /** Straight after saving an incident with an escalation signal: call 999, tell your SPOC. */
  | { name: 'escalated'; id: string };

export interface VaultData {
  status: VaultStatus;
  incidents: Incident[];
  people: Person[];
  contacts: Contact[];
  settings: Settings;
  /** Police cases at vault level: which incidents the police were told about. */
  cases: PoliceCase[];
  index: IndexedIncident[];
  peopleById: Map<string, Person>;
  /** The timeline's filter, kept across navigation. */
  filter: IncidentFilter;
  setFilter(f: IncidentFilter): void;
  route: Route;
  go(route: Route): void;
  /** Reload everything from the vault. */
  refresh(): Promise<void>;
  /** Replace one incident in memory after a create/update (fast, no full reload). */
  putIncident(incident: Incident): void;
  removeIncident(id: string): void;
  putPerson(person: Person): void;
  updateSettings(patch: Partial<Settings>): Promise<void>;
  lock(): Promise<void>;
  /** Tell the user something (polite live region). */
  announce(message: string): void;
}

export const VaultContext = createContext<VaultData | null>(null);

export function useVault(): VaultData {
  const v = useContext(VaultContext);
  if (!v) throw new Error('useVault outside the unlocked app');
  return v;
}
