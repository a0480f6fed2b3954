import type { MessageId } from './en.js';
import * as keys from './messages/keys.js';
import * as timeline from './messages/timeline.js';
import * as incident from './messages/incident.js';
import * as exhibits from './messages/exhibits.js';
import * as people from './messages/people.js';
import * as pack from './messages/pack.js';

/**
 * Y catalog Cymraeg (the Welsh catalogue): the same ids as en.ts, each translated. A missing id
 * fails the typecheck and test/i18n/catalogue.test.ts.
 */
const base = {
  'language.label': 'Iaith',
  'language.help':
    'Y geiriau yn y ffenestr hon. Mae pecynnau achos yn defnyddio’r iaith a ddewiswyd pan fyddwch yn eu gwneud.',
  'language.en': 'English (Saesneg)',
  'language.cy': 'Cymraeg',

  'guidance.heading': 'Cadw’n ddiogel',
  'guidance.lead':
    'Cyngor o’r canllawiau ar y cyd i ymgeiswyr gan yr heddlu, y Comisiwn Etholiadol a Gwasanaeth Erlyn y Goron (CPS). Mae’n helpu unrhyw un sy’n wynebu aflonyddu. Ticiwch bob un pan fyddwch wedi’i wneud; gallwch ddod yn ôl unrhyw bryd.',
  'guidance.progress': '{done} o {total} wedi’u gwneud',
  'guidance.keep-records.title': 'Cadwch gofnod o bopeth',
  'guidance.keep-records.text':
    'Ysgrifennwch bob digwyddiad cyn gynted ag y gallwch: pryd, ble, beth a ddywedwyd neu a wnaed, a phwy a’i gwelodd. Cadwch sgrinluniau, llythyrau ac e-byst — peidiwch â’u dileu, hyd yn oed os ydynt yn eich cynhyrfu.',
  'guidance.do-not-canvass-alone.title': 'Peidiwch â chanfasio nac ymgyrchu ar eich pen eich hun',
  'guidance.do-not-canvass-alone.text':
    'Ewch allan gyda rhywun arall pan allwch chi, a rhowch wybod i rywun bob amser ble rydych chi’n mynd a phryd rydych chi’n disgwyl bod yn ôl.',
  'guidance.online-health-check.title': 'Gwnewch wiriad iechyd ar-lein',
  'guidance.online-health-check.text':
    'Chwiliwch amdanoch chi’ch hun ar-lein i weld pa wybodaeth bersonol sy’n gyhoeddus — eich cyfeiriad cartref, eich teulu, eich arferion. Gofynnwch i wefannau dynnu’r hyn a allant, a thynhewch eich gosodiadau preifatrwydd.',
  'guidance.report-to-platforms.title': 'Rhowch wybod i’r platfformau am gamdriniaeth',
  'guidance.report-to-platforms.text':
    'Defnyddiwch offer adrodd y wefan gyfryngau cymdeithasol neu’r ap, a nodwch y cyfeirnod a roddant i chi yn y digwyddiad. Cadwch eich copi eich hun yn gyntaf: gall negeseuon ddiflannu.',
  'guidance.tell-spoc.title': 'Dywedwch wrth eich pwynt cyswllt unigol yn yr heddlu (SPOC)',
  'guidance.tell-spoc.text':
    'Mae gan ymgeiswyr gyswllt penodol yn yr heddlu. Cadwch eu manylion ar y dudalen Cysylltiadau a dywedwch wrthynt am ddigwyddiadau, yn enwedig pan fydd pethau’n gwaethygu.',
  'guidance.call-999.title': 'Ffoniwch 999 mewn argyfwng',
  'guidance.call-999.text':
    'Os ydych chi mewn perygl, os oes bygythiad o drais, os yw’n ymddangos bod rhywun ag obsesiwn â chi, neu os yw gwybodaeth breifat amdanoch yn cael ei rhyddhau, ffoniwch 999.',

  'date.day': '{weekday} {day} {month} {year}',
  'date.month': '{month} {year}',
  'weekday.0': 'Dydd Sul',
  'weekday.1': 'Dydd Llun',
  'weekday.2': 'Dydd Mawrth',
  'weekday.3': 'Dydd Mercher',
  'weekday.4': 'Dydd Iau',
  'weekday.5': 'Dydd Gwener',
  'weekday.6': 'Dydd Sadwrn',
  'month.1': 'Ionawr',
  'month.2': 'Chwefror',
  'month.3': 'Mawrth',
  'month.4': 'Ebrill',
  'month.5': 'Mai',
  'month.6': 'Mehefin',
  'month.7': 'Gorffennaf',
  'month.8': 'Awst',
  'month.9': 'Medi',
  'month.10': 'Hydref',
  'month.11': 'Tachwedd',
  'month.12': 'Rhagfyr',
  'time.date-only': 'Dyddiad yn unig, amser ddim yn hysbys',
  'time.about-date-only': 'Tua’r dyddiad hwn, amser ddim yn hysbys',
  'time.about': 'Tua {time}',

  'conduct.heading': 'Cwrs ymddygiad',
  'conduct.lead':
    'Dangosir aflonyddu a stelcio gan batrwm o ymddygiad. Dyma’ch digwyddiadau wedi’u grwpio yn ôl y person rydych chi’n credu sy’n gyfrifol, yr hynaf yn gyntaf. Gallwch gywiro neu dynnu’r bobl rydych chi wedi’u cofnodi yma.',
  'conduct.empty': 'Dim digwyddiadau wedi’u cofnodi eto.',
  'conduct.empty-more':
    'Pan fyddwch yn cofnodi digwyddiad ac yn enwi’r person rydych chi’n credu sy’n gyfrifol, caiff eu digwyddiadau eu casglu yma, fel bod y patrwm yn dangos.',
  'conduct.record': 'Cofnodi digwyddiad',
  'conduct.not-named': 'Person heb ei enwi',
  'conduct.also-known-as': 'Hefyd yn cael ei adnabod fel: {names}',
  'conduct.basis': 'Pam rwy’n credu mai’r un person yw’r rhain: {basis}',
  'conduct.count': '{count, plural, one {# digwyddiad} other {# digwyddiad}}',
  'conduct.on': 'ar {day}',
  'conduct.from-to': 'o {first} hyd at {last}',
  'conduct.escalated': ', {count} ag arwyddion o waethygu',
  'conduct.item': '{day}, {time}: {title}',
  'conduct.show-all': 'Dangos pob un o’r {count} digwyddiad',
  'conduct.effects': 'Sut effeithiodd arnaf i',
  'conduct.edit': 'Golygu’r manylion',
  'conduct.edit-label': 'Golygu manylion {name}',
  'conduct.history': 'Hanes',
  'conduct.history-label': 'Hanes {name}',
  'conduct.no-incidents': 'Dim digwyddiadau wedi’u cysylltu â’r person hwn eto.',
  'conduct.witness-only':
    'Heb ei enwi’n gyfrifol am unrhyw ddigwyddiad; wedi’i enwi’n dyst mewn {count, plural, one {# digwyddiad} other {# digwyddiad}}.',

  'strip.label': 'Diogelwch',
  'strip.danger': 'Mewn perygl nawr? Ffoniwch <phone>999</phone>',
  'strip.spoc': 'SPOC:',
  'strip.no-name': 'enw heb ei gofnodi',
  'strip.store-spoc': 'Cadwch rif eich SPOC',

  'escalation.heading': 'Gall hyn fod yn gwaethygu',
  'escalation.recorded': 'Fe wnaethoch chi gofnodi: {signals}.',
  'escalation.signal.imminent-violence': 'Bygythiad o drais ar fin digwydd',
  'escalation.signal.fixated-ideas': 'Syniadau obsesiynol',
  'escalation.signal.personal-information-released': 'Rhyddhau gwybodaeth bersonol nad yw eisoes yn gyhoeddus',
  'escalation.advice':
    '<b>Os ydych chi mewn perygl nawr, ffoniwch 999.</b> Dywedwch wrth eich pwynt cyswllt unigol yn yr heddlu (SPOC) am y digwyddiad hwn cyn gynted ag y gallwch.',
  'escalation.spoc-label': 'Eich SPOC',
  'escalation.your-spoc': 'Eich SPOC:',
  'escalation.no-name': 'Enw heb ei gofnodi',
  'escalation.phone': '— ffôn {phone}',
  'escalation.email': '— e-bost {email}',
  'escalation.no-spoc':
    'Nid ydych wedi cadw manylion eich SPOC eto. <add>Ychwanegwch nhw ar y dudalen Cysylltiadau</add>.',

  'after.not-found': 'Heb ddod o hyd i’r digwyddiad',
  'after.my-spoc': 'Fy SPOC',
  'after.announce': 'Wedi cofnodi eich bod wedi dweud wrth eich SPOC.',
  'after.heading': 'Beth i’w wneud nawr',
  'after.lead':
    'Fe wnaethoch chi gadw “{title}” gyda {signals}. Mae’r canllawiau ar y cyd yn dweud y dylech weithredu ar hyn nawr.',
  'after.step-999': '1. Os ydych chi mewn perygl nawr, ffoniwch 999',
  'after.call-999': 'Ffoniwch 999',
  'after.step-spoc': '2. Dywedwch wrth eich SPOC',
  'after.no-spoc-101': 'Os nad oes gennych SPOC, ffoniwch 101 (neu 999 mewn argyfwng).',
  'after.recorded': 'Wedi’i gofnodi: fe ddywedoch chi wrth eich SPOC',
  'after.recorded-text': 'Mae ar y digwyddiad fel adroddiad i’r heddlu, ac mae’n mynd yn y pecyn achos.',
  'after.go-incident': 'Mynd i’r digwyddiad',
  'after.record-here': 'Ar ôl i chi ddweud wrthynt, cofnodwch hynny yma.',
  'after.when': 'Pryd y dywedoch chi wrthynt',
  'after.whom': 'Wrth bwy y dywedoch chi',
  'after.reference': 'Y cyfeirnod a roddwyd (os o gwbl)',
  'after.saving': 'Wrthi’n cadw…',
  'after.told': 'Rwyf wedi dweud wrth fy SPOC',
  'after.not-yet': 'Ddim eto: mynd i’r digwyddiad',

  'reminder.heading': 'Gwiriwch fod eich allwedd adfer yn dal i weithio',
  'reminder.text':
    'Fe wnaethoch chi gadw eich allwedd adfer fwy nag wythnos yn ôl. Dyma’r unig ffordd i mewn os byddwch yn anghofio eich cyfrinymadrodd, felly gwiriwch nawr y gallwch ddod o hyd iddi o hyd a’i bod yn gweithio.',
  'reminder.check': 'Gwirio fy allwedd adfer',
  'reminder.type':
    'Teipiwch yr allwedd o’ch dalen brintiedig neu’ch copi wedi’i gadw. Dim ond ei gwirio y mae hyn: nid oes dim yn cael ei agor na’i newid.',
  'reminder.key': 'Allwedd adfer',
  'reminder.test': 'Profi fy allwedd adfer',
  'reminder.checking': 'Wrthi’n gwirio…',
  'reminder.lost': 'Rwyf wedi’i cholli: gwneud un newydd',
  'reminder.empty': 'Teipiwch eich allwedd adfer, o’ch dalen brintiedig neu’ch copi wedi’i gadw.',
  'reminder.wrong':
    'Nid yw’r allwedd adfer honno’n agor y gladdgell hon. Gwiriwch bob grŵp a rhowch gynnig arall arni, neu gwnewch allwedd newydd yn y Gosodiadau os ydych wedi’i cholli.',
  'reminder.works': 'Mae eich allwedd adfer yn gweithio',
  'reminder.works-text':
    'Mae’n agor y gladdgell hon. Cadwch hi lle mae hi, yn ddiogel ac i ffwrdd o’r cyfrifiadur hwn.',
  'reminder.close': 'Cau',

  'strength.label': 'Cryfder:',
  'strength.very-weak': 'Gwan iawn',
  'strength.weak': 'Gwan',
  'strength.fair': 'Gweddol',
  'strength.strong': 'Cryf',
  'strength.very-strong': 'Cryf iawn',
  'strength.tip': 'Awgrym: mae tri neu bedwar gair digyswllt yn gwneud cyfrinymadrodd sy’n gryf ac yn hawdd ei gofio.',

  'screen.timeline': 'Llinell amser',
  'screen.conduct': 'Cwrs ymddygiad',
  'screen.contacts': 'Cysylltiadau',
  'screen.guidance': 'Cadw’n ddiogel',
  'screen.pack': 'Pecyn achos',
  'screen.bin': 'Bin',
  'screen.settings': 'Gosodiadau',
  'screen.incident': 'Digwyddiad',
  'screen.edit': 'Golygu’r digwyddiad',
  'screen.exhibit': 'Arddangosyn',
  'shell.load-error': 'Nid oedd modd darllen eich claddgell',
  'shell.lock-vault': 'Cloi’r gladdgell',
  'shell.opening': 'Wrthi’n agor eich cofnod…',
  'shell.skip': 'Neidio i’r prif gynnwys',
  'shell.menu': 'Dewislen',
  'shell.quick-add': 'Cofnod cyflym',
  'shell.new-incident': 'Digwyddiad newydd',
  'shell.lock': 'Cloi',
  'shell.nav': 'Prif',
  'shell.shortcuts': 'Llwybrau byr bysellfwrdd',
  'shell.lock-soon':
    'Bydd eich claddgell yn cloi ymhen 30 eiliad am nad yw wedi cael ei defnyddio. Symudwch y llygoden neu pwyswch fysell i’w chadw ar agor.',
  'shell.notices': 'Pan agorodd eich claddgell',
  'shell.weak-kdf':
    'Mae eich cyfrinymadrodd wedi’i ddiogelu’n wannach nag y dylai fod. Newidiwch ef yn y Gosodiadau (gallwch deipio’r un un eto) a bydd wedi’i ddiogelu’n llawn.',
  'shell.go-settings': 'Mynd i’r Gosodiadau',
  'shell.dismiss': 'Cau’r neges',

  'shortcuts.heading': 'Llwybrau byr bysellfwrdd',
  'shortcuts.caption': 'Bysellau a’r hyn maen nhw’n ei wneud',
  'shortcuts.keys': 'Bysellau',
  'shortcuts.what': 'Beth maen nhw’n ei wneud',
  'shortcuts.quick-exit':
    'Gadael yn gyflym: cuddio Evidence Vault a’i gloi ar unwaith (pwyswch Esc ddwywaith yn gyflym, neu {chord})',
  'shortcuts.help': 'Dangos y rhestr hon o lwybrau byr (pan nad ydych yn teipio mewn blwch)',
  'shortcuts.new-incident': 'Digwyddiad newydd',
  'shortcuts.lock': 'Cloi’r gladdgell',
  'shortcuts.export': 'Gwneud pecyn achos',
  'shortcuts.open': 'Agor claddgell arall',
  'shortcuts.tab': 'Symud i’r botwm neu’r blwch nesaf (mae Shift+Tab yn mynd yn ôl)',
  'shortcuts.enter': 'Pwyso’r botwm sydd â’r ffocws, neu gadw ffurflen',
  'shortcuts.space': 'Ticio neu ddad-dicio’r blwch sydd â’r ffocws',
  'shortcuts.hint':
    'Mae’r llwybrau byr {mod} a’r gadael yn gyflym yn gweithio yn ap Evidence Vault, fel yn ei ddewislenni.',
  'shortcuts.close': 'Cau',
} satisfies Partial<Record<MessageId, string>>;

export const cy: Record<MessageId, string> = {
  ...base,
  ...keys.cy,
  ...timeline.cy,
  ...incident.cy,
  ...exhibits.cy,
  ...people.cy,
  ...pack.cy,
};
