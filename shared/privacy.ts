/**
 * The incident fields a user can mark private (Incident.privateFields), in ONE place: the case-pack
 * exporter withholds these when asked, the incident editor offers the choices, the incident view
 * names them.
 */
import type { Language } from './language.js';

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

/** The same choices in each language (the English is PRIVATE_CHOICES). */
export const PRIVATE_CHOICES_IN: Record<Language, readonly { id: PrivateField; label: string; shown: string }[]> = {
  en: PRIVATE_CHOICES,
  cy: [
    { id: 'location', label: 'Gadael y lle allan', shown: 'ble y digwyddodd' },
    { id: 'witnessIds', label: 'Gadael y tystion allan', shown: 'pwy a’i gwelodd' },
    { id: 'reports', label: 'Gadael allan ble y rhoddais wybod amdano', shown: 'ble y rhoddwyd gwybod amdano' },
    { id: 'notes', label: 'Gadael fy nodiadau allan', shown: 'nodiadau' },
  ],
};

/** privateFieldShown in a language. */
export function privateFieldShownIn(lang: Language, field: string): string {
  return PRIVATE_CHOICES_IN[lang].find((c) => c.id === field)?.shown ?? field;
}

/** What the incident view calls a private field ("where it happened"); the field's name when it has no words. */
export function privateFieldShown(field: string): string {
  return PRIVATE_CHOICES.find((c) => c.id === field)?.shown ?? field;
}
