/**
 * What each error means for a person, in Welsh, with the next step: the window shows these when
 * it speaks Welsh (renderer/src/bridge.ts errorMessage). The core, the service and the CLI keep
 * their English messages (VaultError); a refused field comes with its detail (ErrorDetail.issue),
 * which is worded field by field (plain-errors.ts plainIssueIn). Pure: no DOM, no Node.
 */
import type { ErrorCode, ErrorDetail } from './errors.js';
import type { Language } from './language.js';
import { plainIssueIn } from './plain-errors.js';

/** The window's own codes beside the core's. */
export type WindowErrorCode = ErrorCode | 'NO_HOST';

export const ERROR_TEXT_CY: Record<WindowErrorCode, string> = {
  WRONG_PASSPHRASE:
    'Nid yw’r cyfrinymadrodd hwnnw’n agor y gladdgell hon. Gwiriwch ef a rhowch gynnig arall arni; ni newidiwyd dim.',
  WRONG_RECOVERY_KEY:
    'Nid yw’r allwedd adfer honno’n agor y gladdgell hon. Gwiriwch hi yn erbyn yr allwedd a gadwoch, yna rhowch gynnig arall arni; ni newidiwyd dim.',
  NOT_A_VAULT: 'Nid yw’r ffolder hon yn dal claddgell Evidence Vault. Dewiswch y ffolder sy’n dal eich claddgell.',
  VAULT_TOO_NEW:
    'Cafodd y gladdgell hon ei gwneud gyda fersiwn mwy newydd o Evidence Vault. Diweddarwch yr ap, yna agorwch hi eto.',
  VAULT_EXISTS: 'Mae claddgell yma yn barod. Agorwch hi, neu dewiswch ffolder arall.',
  VAULT_IN_USE: 'Mae’r gladdgell ar agor mewn ffenestr neu raglen arall. Caewch honno, yna rhowch gynnig arall arni.',
  VAULT_LOCKED: 'Mae’r gladdgell wedi’i chloi. Datglowch hi, yna rhowch gynnig arall arni.',
  TAMPERED:
    'Mae rhan o’r gladdgell wedi’i difrodi neu wedi’i newid y tu allan i Evidence Vault. Peidiwch â newid ei ffeiliau; gwiriwch y gladdgell i weld beth sydd wedi’i effeithio, a defnyddiwch gopi wrth gefn os oes gennych un.',
  NOT_FOUND:
    'Nid yw hwn yn y gladdgell mwyach (efallai ei fod wedi’i ddileu). Ewch yn ôl, yna rhowch gynnig arall arni.',
  INVALID_INPUT:
    'Nid oedd modd cadw hyn fel y mae. Gwiriwch yr hyn a roesoch, yna rhowch gynnig arall arni; ni newidiwyd dim.',
  FILE_MISSING: 'Nid yw’r ffeil yno mwyach. Gwiriwch ble mae hi, yna dewiswch hi eto.',
  FILE_UNREADABLE:
    'Nid oedd modd darllen y ffeil. Gwnewch yn siŵr nad yw rhaglen arall yn ei defnyddio a bod gennych hawl i’w hagor, yna rhowch gynnig arall arni.',
  FILE_EMPTY: 'Mae’r ffeil yn wag (0 beit), felly ni chafodd ei hychwanegu. Dewiswch y ffeil gywir.',
  FILE_IS_DIRECTORY: 'Ffolder yw hon, nid ffeil. Agorwch y ffolder a dewiswch y ffeiliau sydd ynddi.',
  FILE_CHANGED:
    'Newidiodd y ffeil tra oedd yn cael ei hychwanegu, felly ni chafodd ei chadw. Arhoswch nes bod y ffeil yn gyflawn, yna ychwanegwch hi eto.',
  DUPLICATE_EXHIBIT:
    'Mae’r ffeil hon yn y gladdgell yn barod, felly ni chafodd ei hychwanegu eto. Os ydych am ei hychwanegu eto, dywedwch hynny pan ofynnir i chi.',
  DISK_FULL: 'Mae’r ddisg yn llawn, felly ni chadwyd dim. Gwnewch le ar y ddisg, yna rhowch gynnig arall arni.',
  CANCELLED: 'Cafodd hyn ei ganslo; ni newidiwyd dim.',
  OUTPUT_EXISTS: 'Mae ffeil neu ffolder gyda’r enw hwnnw yno yn barod. Dewiswch enw newydd.',
  PACK_INVALID:
    'Nid yw hwn yn becyn achos y gellir ei wirio. Gofynnwch i bwy bynnag a’i hanfonodd am gopi newydd, yn syth o’u Evidence Vault.',
  INTERNAL:
    'Aeth rhywbeth o’i le y tu mewn i Evidence Vault. Ni newidiwyd dim. Rhowch gynnig arall arni; os yw’n digwydd eto, ailgychwynnwch yr ap.',
  NO_HOST: 'Nid oedd modd i Evidence Vault gyrraedd ei storfa ddiogel. Ailgychwynnwch yr ap.',
};

/** When nothing more is known than that something failed. */
export const SOMETHING_WENT_WRONG: Record<Language, string> = {
  en: 'Something went wrong. Nothing was changed.',
  cy: 'Aeth rhywbeth o’i le. Ni newidiwyd dim.',
};

/**
 * An error in a language: the English is the message as the core wrote it; the Welsh is the
 * refused field in words when the detail says which, else the code's meaning and next step.
 */
export function errorText(lang: Language, code: WindowErrorCode, english: string, detail?: ErrorDetail): string {
  if (lang === 'en') return english;
  if (detail?.issue) return plainIssueIn(lang, detail.issue);
  return ERROR_TEXT_CY[code] ?? SOMETHING_WENT_WRONG[lang];
}
