/**
 * The incident fields a user can mark private (Incident.privateFields), in ONE place: the case-pack
 * exporter withholds these when asked, the incident editor offers the choices, the incident view
 * names them.
 */

/** Every field a case pack withholds when it is marked private and "leave out private" is chosen. */
export const PRIVATE_FIELDS = [
  'title',
  'description',
  'location',
  'channel',
  'categories',
  'perpetratorIds',
  'witnessIds',
  'escalationSignals',
  'reports',
  'notes',
] as const;
export type PrivateField = (typeof PRIVATE_FIELDS)[number];

/** The choices the incident editor offers ("Keep private"), with its wording, and what the view calls each. */
export const PRIVATE_CHOICES: readonly { id: PrivateField; label: string; shown: string }[] = [
  { id: 'location', label: 'Leave out the place', shown: 'where it happened' },
  { id: 'witnessIds', label: 'Leave out the witnesses', shown: 'who saw it' },
  { id: 'reports', label: 'Leave out where I reported it', shown: 'where it was reported' },
  { id: 'notes', label: 'Leave out my notes', shown: 'notes' },
];

/** What the incident view calls a private field ("where it happened"); the field's name when it has no words. */
export function privateFieldShown(field: string): string {
  return PRIVATE_CHOICES.find((c) => c.id === field)?.shown ?? field;
}
