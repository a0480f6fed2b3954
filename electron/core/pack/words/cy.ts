/**
 * The case pack's own words in Welsh (Cymraeg), by the ids of ./en.ts (a missing id is a type
 * error; words.test.ts checks the placeholders match). Plain Welsh as police and Welsh Government
 * services write it; MG11, MG12, s.9, CPS, SPOC, GMT/BST, file names and hashes stay as they are.
 */
import type { PackId } from './en.js';

export const cy: Record<PackId, string> = {
  'when.daysShort': 'Sul|Llun|Maw|Mer|Iau|Gwe|Sad',
  'when.daysLong': 'Dydd Sul|Dydd Llun|Dydd Mawrth|Dydd Mercher|Dydd Iau|Dydd Gwener|Dydd Sadwrn',
  'when.daysOn': 'ddydd Sul|ddydd Llun|ddydd Mawrth|ddydd Mercher|ddydd Iau|ddydd Gwener|ddydd Sadwrn',
  'when.dateOnly': '{day} (dyddiad yn unig)',
  'when.about': 'Tua {when}',
  'when.onDay': 'Ar {day}',
  'when.atAboutOn': 'Tua {time} ar {day}',
  'when.cameraClock': '(cloc y camera, heb gylchfa amser)',
  'pdf.person.unknown': '(person anhysbys)',
  'pdf.person.withheld': '(person a ddaliwyd yn ôl ar gais y cynhyrchydd)',
  'pdf.person.noName': '(dim enw)',
  'pdf.report.ref': 'cyf {ref}',
  'pdf.report.officer': 'swyddog {officer}',
  'pdf.report.outcome': 'canlyniad: {outcome}',
  'pdf.exhibit.physicalWith': '{ref} ({name}; eitem ffisegol, a gedwir yn {keptAt})',
  'pdf.info.title': 'Cronoleg y digwyddiadau — pecyn achos {packId}',
  'pdf.info.author': 'Defnyddiwr Evidence Vault',
  'pdf.footer': 'Pecyn achos {packId} — Tudalen {page} o {pages}',
  'pdf.summary.title': 'Crynodeb i’r heddlu',
  'pdf.summary.intro':
    'Pecyn achos {packId}, a wnaed {made} gydag {software}. Cofnod a disgrifiad y cynhyrchydd ei hun yw popeth yn y pecyn hwn, nid canfyddiad ffeithiol na chyfreithiol.',
  'pdf.summary.who': 'Pwy wnaeth y cofnod hwn',
  'pdf.label.name': 'Enw',
  'pdf.label.role': 'Rôl',
  'pdf.summary.election': 'Etholiad',
  'pdf.label.safeContact': 'Ffordd ddiogel o gysylltu',
  'pdf.label.phone': 'Ffôn',
  'pdf.label.email': 'E-bost',
  'pdf.summary.timesToAvoid': 'Amseroedd i’w hosgoi',
  'pdf.summary.preparedFor': 'Wedi’i baratoi ar gyfer',
  'pdf.summary.policeCases': 'Achosion yr heddlu',
  'pdf.summary.crimeRef': 'Cyfeirnod trosedd neu ddigwyddiad',
  'pdf.summary.crimeRefGiven': 'Cyfeirnod trosedd a roddwyd ar gyfer y pecyn hwn',
  'pdf.summary.collar': 'rhif coler {collar}',
  'pdf.summary.caseForce': '{force}, cyfeirnod {reference}',
  'pdf.summary.caseOfficer': 'swyddog yr achos {officer}',
  'pdf.summary.caseSpoc': 'pwynt cyswllt unigol (SPOC) {spoc}',
  'pdf.summary.caseFirst': 'rhoddwyd gwybod gyntaf {day}',
  'pdf.summary.caseIncidents': 'digwyddiadau {numbers}',
  'pdf.summary.reportedTo': 'Rhoddwyd gwybod am ddigwyddiad {n} i {force}',
  'pdf.summary.thePolice': 'yr heddlu',
  'pdf.summary.reference': 'cyfeirnod {reference}',
  'pdf.summary.inBrief': 'Yr achos yn gryno',
  'pdf.summary.period': 'Cyfnod',
  'pdf.summary.periodValue': '{from} hyd at {to}',
  'pdf.summary.byType': 'Yn ôl math (disgrifiad y cynhyrchydd)',
  'pdf.summary.escalation': 'Gwaethygu:',
  'pdf.summary.escalationLine': '{when} (digwyddiad {n}): {signals}',
  'pdf.summary.responsible': 'Y credir eu bod yn gyfrifol (cred y cynhyrchydd):',
  'pdf.summary.personIncidents': '{person}: digwyddiadau {numbers}',
  'pdf.summary.witnesses': 'Tystion:',
  'pdf.summary.inAndOut': 'Beth sydd yn y pecyn hwn a beth a adawyd allan',
  'pdf.label.incidents': 'Digwyddiadau',
  'pdf.summary.incidentsOf': '{n} o’r {all} yn y cofnod',
  'pdf.label.exhibits': 'Arddangosion',
  'pdf.summary.exhibitsValue': '{n}{physical}, {size} o ffeiliau',
  'pdf.summary.physicalOnes': ' ({n} ohonynt yn eitemau ffisegol, wedi’u rhestru yn unig)',
  'pdf.summary.leftOut': 'Wedi’i adael allan',
  'pdf.summary.nothing': 'dim',
  'pdf.label.packId': 'Dynodydd y pecyn',
  'pdf.label.fingerprint': 'Ôl bys yr allwedd lofnodi (SHA-256 yr allwedd gyhoeddus Ed25519)',
  'pdf.label.listHash': 'SHA-256 y rhestr arddangosion ({file})',
  'pdf.summary.exhibitBox': 'Mae’r gronoleg hon yn arddangosyn  ____________ / ________  (i’r swyddog ei lenwi)',
  'pdf.bytes': '{size} ({n} beit)',
  'pdf.conduct.yes': 'do',
  'pdf.conduct.police': 'Heddlu: {who}',
  'pdf.conduct.policeNo': 'Heddlu: naddo',
  'pdf.conduct.platform': 'Platfform: {who}',
  'pdf.conduct.title': 'Cwrs ymddygiad',
  'pdf.conduct.intro':
    'Un llinell i bob digwyddiad, yr hynaf yn gyntaf. Mae’r rhifau’n cyfateb i’r gronoleg sy’n dilyn; P1, P2 … yw’r bobl y mae’r cynhyrchydd yn credu eu bod yn gyfrifol (gweler “Pobl”).',
  'pdf.noIncidents': 'Ni ddewiswyd unrhyw ddigwyddiadau.',
  'pdf.conduct.about': '(tua)',
  'pdf.conduct.noTime': 'dim amser',
  'pdf.conduct.no': 'Rh.',
  'pdf.conduct.date': 'Dyddiad',
  'pdf.conduct.time': 'Amser',
  'pdf.conduct.what': 'Beth (mewn ychydig eiriau)',
  'pdf.conduct.channel': 'Sianel',
  'pdf.conduct.identifier': 'Dynodydd a ddefnyddiwyd',
  'pdf.conduct.responsible': 'Y credir ei fod yn gyfrifol',
  'pdf.conduct.told': 'Dywedwyd wrth yr heddlu / platfform',
  'pdf.conduct.escalation': 'Gwaethygu',
  'pdf.chronology.title': 'Cronoleg y digwyddiadau',
  'pdf.chronology.intro':
    'Yr hynaf yn gyntaf, yng ngeiriau’r cynhyrchydd. Mae’r amseroedd fel y’u rhoddwyd gan y cynhyrchydd: amser y DU yw GMT neu BST; mae “Tua” yn dangos amser bras; mae “dyddiad yn unig” yn golygu na chofnodwyd amser.',
  'pdf.chronology.type': 'Math o ddigwyddiad (disgrifiad y cynhyrchydd)',
  'pdf.chronology.place': 'Lle',
  'pdf.chronology.howReached': 'Sut y daeth ataf',
  'pdf.chronology.what': 'Beth ddigwyddodd',
  'pdf.chronology.identifier': 'Dynodydd a ddefnyddiwyd (fel y’i gwelwyd)',
  'pdf.chronology.why': '. Pam: {basis}',
  'pdf.chronology.witness': 'Tyst',
  'pdf.chronology.knows': ' (yn gwybod ei fod wedi’i enwi)',
  'pdf.chronology.doesNotKnow': ' (ddim yn gwybod ei fod wedi’i enwi)',
  'pdf.chronology.effect': 'Yr effaith arnaf, a’r hyn a wnes neu a newidiais',
  'pdf.chronology.reportedPolice': 'Rhoddwyd gwybod i’r heddlu',
  'pdf.chronology.policeCase': 'Achos yr heddlu',
  'pdf.chronology.reportedPlatform': 'Rhoddwyd gwybod i’r platfform',
  'pdf.chronology.notes': 'Nodiadau',
  'pdf.chronology.leftOut': 'Wedi’i adael allan ar gais y cynhyrchydd',
  'pdf.chronology.changed': ' · newidiwyd {when}{fields}',
  'pdf.chronology.neverChanged': ' · heb ei newid erioed',
  'pdf.chronology.earlier': ' · geiriad cynharach yn yr atodiad',
  'pdf.chronology.written': 'Ysgrifennwyd gyntaf {when}',
  'pdf.chronology.recordId': 'Dynodydd y cofnod',
  'pdf.people.title': 'Pobl',
  'pdf.people.intro':
    'Taflen i bob person y mae’r cynhyrchydd yn credu ei fod yn gyfrifol (P1, P2 …) ac i bob tyst (W1, W2 …). Cred y cynhyrchydd yw pwy y credir ei fod yn gyfrifol, a pham, nid canfyddiad.',
  'pdf.people.none': 'Nid oes neb wedi’i enwi yn nigwyddiadau’r pecyn hwn.',
  'pdf.people.withheldWitness': '{n}: tyst, a ddaliwyd yn ôl ar gais y cynhyrchydd',
  'pdf.people.withheldResponsible': '{n}: y credir ei fod yn gyfrifol, a ddaliwyd yn ôl ar gais y cynhyrchydd',
  'pdf.people.headingWitness': '{n}: {name} (tyst)',
  'pdf.people.headingResponsible': '{n}: {name} (y credir ei fod yn gyfrifol)',
  'pdf.people.noName': '(ni roddwyd enw)',
  'pdf.people.private':
    'Nododd y cynhyrchydd fod y person hwn yn breifat a dewisodd adael manylion preifat allan o’r pecyn hwn.',
  'pdf.people.handles': 'Enwau a dolenni eraill',
  'pdf.label.description': 'Disgrifiad',
  'pdf.people.contact': 'Cyswllt',
  'pdf.people.saw': 'Beth a welodd neu a glywodd',
  'pdf.people.knows': 'Yn gwybod ei fod wedi’i enwi yn y cofnod hwn',
  'pdf.yes': 'Ydy',
  'pdf.no': 'Nac ydy',
  'pdf.people.platform': 'Platfform',
  'pdf.people.handle': 'Dolen',
  'pdf.people.accountId': 'Dynodydd cyfrif',
  'pdf.people.firstSeen': 'Gwelwyd gyntaf',
  'pdf.people.lastSeen': 'Gwelwyd ddiwethaf',
  'pdf.people.basis': 'Pam mae’r cynhyrchydd yn cysylltu’r dynodyddion hyn â’r person hwn',
  'pdf.exhibits.other': 'Arall',
  'pdf.source.platform': 'platfform {v}',
  'pdf.source.account': 'cyfrif {v}',
  'pdf.source.accountId': 'dynodydd cyfrif {v}',
  'pdf.source.phone': 'ffôn {v}',
  'pdf.source.email': 'e-bost {v}',
  'pdf.capture.time': 'Amser cipio yn ôl y ffeil',
  'pdf.capture.software': 'meddalwedd {v}',
  'pdf.capture.device': 'Y ddyfais a enwir gan y ffeil',
  'pdf.capture.gps': 'Lleoliad GPS yn y ffeil (SENSITIF: gall ddangos lle mae’r cynhyrchydd yn byw neu lle’r oedd)',
  'pdf.capture.emailDate': 'Pennyn Date yr e-bost',
  'pdf.capture.emailFrom': 'From yr e-bost',
  'pdf.capture.emailId': 'Message-ID yr e-bost',
  'pdf.capture.received': 'Pennyn Received cyntaf',
  'pdf.capture.pdfTitle': 'teitl {v}',
  'pdf.capture.pdfAuthor': 'awdur {v}',
  'pdf.capture.pdfMade': 'gwnaed {v}',
  'pdf.capture.pdfSays': 'Yn ôl y PDF',
  'pdf.capture.proof': 'Prawf cipio yn bresennol (heb ei wirio)',
  'pdf.capture.c2pa': 'Tystlythyrau cynnwys C2PA',
  'pdf.capture.proofMode': 'Bwndel ProofMode',
  'pdf.capture.unreadable': 'Methu ei ddarllen',
  'pdf.exhibits.title': 'Rhestr arddangosion',
  'pdf.exhibits.intro':
    'Yn null MG12. Mae’r cyfeirnodau’n barhaol: mae pob un yn enwi un eitem am byth, ym mhob pecyn; mae cyfeirnod nad yw yn y pecyn hwn wedi’i restru lle byddai, gyda’r rheswm. Mae pob ffeil arddangosyn yn union yr un beit am beit â’r ffeil a fewnforiwyd ar y dyddiad a ddangosir; copïau a wnaeth y cynhyrchydd yw sgrinluniau, sganiau ac allforion.',
  'pdf.noExhibits': 'Dim arddangosion.',
  'pdf.exhibits.theProducer': 'y cynhyrchydd',
  'pdf.exhibits.item': 'Eitem',
  'pdf.exhibits.type': 'Math',
  'pdf.exhibits.physicalType': 'eitem ffisegol (nid yw yn y pecyn hwn)',
  'pdf.exhibits.keptAt': 'Eitem ffisegol, a gedwir yn',
  'pdf.exhibits.handledBy': 'Wedi’i thrin gan',
  'pdf.exhibits.producedBy': 'Cyflwynwyd gan',
  'pdf.exhibits.whenHow': 'Pryd a sut y’i cafwyd',
  'pdf.exhibits.added': 'Ychwanegwyd at y cofnod',
  'pdf.exhibits.incident': 'Digwyddiad',
  'pdf.exhibits.digitalType': 'ffeil ddigidol ({type})',
  'pdf.exhibits.typeUnknown': 'math anhysbys',
  'pdf.exhibits.whenObtained': 'Pryd y’i cafwyd',
  'pdf.exhibits.howObtained': 'Sut y’i cafwyd',
  'pdf.exhibits.source': 'Ffynhonnell',
  'pdf.exhibits.originalNow': 'Ble mae’r gwreiddiol nawr',
  'pdf.exhibits.originalName': 'Enw gwreiddiol',
  'pdf.exhibits.fileInPack': 'Ffeil yn y pecyn',
  'pdf.exhibits.size': 'Maint',
  'pdf.exhibits.imported': 'Mewnforiwyd i Evidence Vault',
  'pdf.exhibits.modified': 'Newidiwyd ddiwethaf ar y cyfrifiadur y daeth ohono',
  'pdf.exhibits.note': 'Nodyn',
  'pdf.exhibits.gpsNote': 'mae metadata’r ddelwedd yn cynnwys lleoliad GPS (sensitif)',
  'pdf.exhibits.changedByMe': 'Newidiwyd gennyf (tocio, golygu allan …)',
  'pdf.exhibits.noChange': 'Ni chofnodwyd unrhyw newid',
  'pdf.exhibits.attachment': 'Atodiad {ref}',
  'pdf.exhibits.attachmentHash': 'SHA-256 {ref}',
  'pdf.exhibits.attachments': 'Atodiadau',
  'pdf.exhibits.heading': 'Arddangosyn {ref}',
  'pack.withheldNote': 'wedi’i ddal yn ôl gan y cynhyrchydd',
  'pack.damagedNote': 'wedi’i adael allan: methodd ei gopi a gadwyd ei wiriad SHA-256',
  'pack.refRange': '{first} i {last}',
  'pdf.statement.doing.screenshot': 'tynnais sgrinlun ar fy nghyfrifiadur o',
  'pdf.statement.doing.phonePhoto': 'tynnais lun neu sgrinlun ar fy ffôn o',
  'pdf.statement.doing.appExport': 'allforiais',
  'pdf.statement.doing.savedEmail': 'cedwais',
  'pdf.statement.doing.paperScan': 'sganiais neu tynnais lun o',
  'pdf.statement.doing.recording': 'gwnes recordiad o',
  'pdf.statement.doing.other': 'gwnes gopi o',
  'pdf.statement.doing.otherWith': 'gwnes gopi ({how}) o',
  'pdf.statement.doing.by': 'gwnaeth {by} gopi i mi o',
  'pdf.statement.kept': 'Rwyf wedi cadw {what} yn {keptAt}.',
  'pdf.statement.handled': ' Mae wedi cael ei drin gan {by}.',
  'pdf.statement.produce': ' Rwy’n ei gyflwyno fel arddangosyn {ref}.',
  'pdf.statement.whenBlank': 'Tua [amser] ar [diwrnod a dyddiad]',
  'pdf.statement.theFile': 'y ffeil “{name}”',
  'pdf.statement.sentence': '{when}, {doing} {what}{source}.',
  'pdf.statement.changed': ' Newidiais y copi: {how}.',
  'pdf.statement.original': ' Lle mae’r gwreiddiol: {where}.',
  'pdf.statement.hash': ' SHA-256 y ffeil yw {sha256}.',
  'pdf.statement.title': 'Cymorth i ysgrifennu datganiad (nid datganiad)',
  'pdf.statement.box': 'Nid datganiad adran 9 wedi’i lofnodi yw hwn',
  'pdf.statement.notAStatement':
    'Nid datganiad adran 9 (MG11) wedi’i lofnodi yw hwn ac ni ddylid ei ddefnyddio fel un. Cymorth i’r swyddog sy’n cymryd datganiad y cynhyrchydd ydyw: mae’r feddalwedd wedi drafftio pob brawddeg o’r cofnod, a rhaid ei gwirio, ei chywiro a’i rhoi yng ngeiriau’r cynhyrchydd ei hun.',
  'pdf.statement.sentences': 'Brawddegau am yr arddangosion y gall y swyddog eu haddasu',
  'pdf.vps.title': 'Datganiad Personol Dioddefwr: awgrymiadau',
  'pdf.vps.intro':
    'I’r cynhyrchydd a’r swyddog pan wneir Datganiad Personol Dioddefwr. Nodiadau’r cynhyrchydd ei hun am effaith pob digwyddiad yw’r rhain, fel y’u cofnodwyd; awgrymiadau ydynt, nid y datganiad.',
  'pdf.vps.questions': 'Cwestiynau i feddwl amdanynt:',
  'pdf.vps.q1': 'Sut mae’r digwyddiadau hyn wedi effeithio arnoch chi, eich teulu a’r bobl sy’n gweithio gyda chi?',
  'pdf.vps.q2':
    'Beth ydych chi wedi’i newid: eich trefn ddyddiol, eich cartref, eich teithio, eich ymgyrchu, eich defnydd o’r cyfryngau cymdeithasol?',
  'pdf.vps.q3': 'Ydych chi wedi ofni am eich diogelwch chi neu ddiogelwch pobl eraill? Pryd, a pham?',
  'pdf.vps.q4': 'Beth mae wedi’i gostio i chi, o ran arian, amser, iechyd neu waith?',
  'pdf.vps.q5': 'Oes unrhyw beth yr hoffech i’r llys ei wybod cyn dedfrydu?',
  'pdf.vps.none': 'Ni chofnodwyd unrhyw effaith ar y cynhyrchydd ar gyfer y digwyddiadau hyn.',
  'pdf.mg11.title': 'Ar gyfer cefn yr MG11',
  'pdf.mg11.avoid': 'Dyddiadau ac amseroedd i’w hosgoi',
  'pdf.mg11.electionDay': 'diwrnod yr etholiad {day}',
  'pdf.mg11.needs': 'Mesurau arbennig, cyfieithydd neu anghenion eraill',
  'pdf.mg11.address': 'Cyfeiriad cartref (rhowch ef i’r swyddog ar wahân; nid yw yn y pecyn hwn)',
  'pdf.activity.title': 'Log gweithgarwch a gadwyd gan feddalwedd y cynhyrchydd ei hun',
  'pdf.activity.intro':
    'Mae Evidence Vault yn ysgrifennu cofnod bob tro y caiff eitem ei hysgrifennu, ei mewnforio, ei newid, ei dileu, ei hadfer neu ei hallforio. Meddalwedd y cynhyrchydd ei hun sy’n ei gadw, ar gyfrifiadur y cynhyrchydd ei hun: nid yw’n gofnod annibynnol, ac nid yw’n gadwyn gadwraeth. Rhestrir eitemau a ddilëwyd hyd yn oed pan nad ydynt yn y pecyn hwn, gyda’r rheswm a roddwyd a stwnsh SHA-256, byth eu geiriau. Mae log llawn eitemau’r pecyn hwn yn data/custody/custody-log.json a .csv.',
  'pdf.activity.views': 'Agorwyd eitemau’r pecyn hwn i’w gweld {n} o weithiau (mae pob agoriad yn data/custody/).',
  'pdf.activity.none': 'Dim cofnodion.',
  'pdf.activity.when': 'Pryd (amser y DU)',
  'pdf.activity.what': 'Beth',
  'pdf.activity.details': 'Manylion',
  'pdf.activity.earlier': 'Pecynnau achos a wnaed cyn hwn',
  'pdf.activity.first': 'Dim: dyma’r pecyn achos cyntaf a wnaed o’r cofnod hwn.',
  'pdf.activity.made': 'Gwnaed (amser y DU)',
  'pdf.activity.format': 'Fformat',
  'pdf.activity.tagHash': 'SHA-256 ei faniffest tagiau',
  'pdf.activity.incident': 'Digwyddiad {n}',
  'pdf.activity.notIn.incident': 'digwyddiad nad yw yn y pecyn hwn',
  'pdf.activity.notIn.exhibit': 'arddangosyn nad yw yn y pecyn hwn',
  'pdf.activity.notIn.person': 'person nad yw yn y pecyn hwn',
  'pdf.activity.notIn.contact': 'cyswllt nad yw yn y pecyn hwn',
  'pdf.activity.notIn.other': '{kind} nad yw yn y pecyn hwn',
  'pdf.activity.packMade': 'Gwnaed pecyn achos',
  'pdf.activity.tagHashColon': 'SHA-256 ei faniffest tagiau:',
  'pdf.activity.deleted': 'Dilëwyd (i’r bin)',
  'pdf.activity.reason': 'Y rheswm a roddwyd: “{why}”. {hash}',
  'pdf.activity.notRecorded': 'ni chofnodwyd',
  'pdf.activity.fileHash': 'SHA-256 y ffeil:',
  'pdf.activity.recordHash': 'SHA-256 y cofnod fel y’i dilëwyd:',
  'pdf.activity.purged': 'Tynnwyd am byth',
  'pdf.activity.purgedDetails': 'Roedd ei amser yn y bin wedi dod i ben. SHA-256 y cofnod fel y’i dilëwyd:',
  'pdf.activity.restored': 'Adferwyd o’r bin',
  'pdf.activity.created': 'Ysgrifennwyd gyntaf',
  'pdf.activity.imported': 'Mewnforiwyd ffeil',
  'pdf.activity.importBytes': '{n} beit; ',
  'pdf.activity.importHash': 'SHA-256 wrth ei mewnforio:',
  'pdf.activity.changed': 'Newidiwyd',
  'pdf.activity.read': 'Darllenwyd gan yr ap',
  'pdf.activity.readDetails': 'Beth mae’r ffeil yn ei ddweud amdani ei hun: wedi’i ddarllen ohoni a’i gadw',
  'pdf.activity.fieldsChanged': 'Meysydd a newidiwyd: {fields}',
  'pdf.field.description': 'disgrifiad',
  'pdf.field.obtainedHow': 'sut y’i cafwyd',
  'pdf.field.obtainedBy': 'pwy a’i cafodd',
  'pdf.field.obtainedAt': 'pryd y’i cafwyd',
  'pdf.field.source': 'ffynhonnell',
  'pdf.field.originalLocation': 'ble mae’r gwreiddiol',
  'pdf.field.changedByMe': 'newidiwyd gennyf',
  'pdf.field.keptAt': 'ble y’i cedwir',
  'pdf.field.handledBy': 'pwy a’i triniodd',
  'pdf.field.other': 'manylion eraill',
  'pdf.out.notSelected.one': '{n} digwyddiad heb ei ddewis ar gyfer y pecyn hwn',
  'pdf.out.notSelected.other': '{n} digwyddiad heb eu dewis ar gyfer y pecyn hwn',
  'pdf.out.excluded': '{n} arddangosyn wedi’u gadael allan gan y cynhyrchydd',
  'pdf.out.gps': '{n} delwedd wedi’u gadael allan am eu bod yn cynnwys lleoliad GPS',
  'pdf.out.damaged': '{n} arddangosyn y methodd eu copi a gadwyd eu gwiriad SHA-256',
  'pdf.out.references': '{n} cyfeirnod arddangosyn nad ydynt yn y pecyn hwn',
  'pdf.out.field.one': '{field} wedi’i nodi’n breifat ({n} digwyddiad)',
  'pdf.out.field.other': '{field} wedi’i nodi’n breifat ({n} digwyddiad)',
  'pdf.out.people.one': '{n} person wedi’i nodi’n breifat',
  'pdf.out.people.other': '{n} person wedi’u nodi’n breifat',
  'pdf.out.notes': 'nodiadau’r cynhyrchydd ar bob digwyddiad',
  'pdf.out.deletions': '{n} dilead yn y cofnod (wedi’u rhestru yn y log gweithgarwch)',
  'pdf.disclosure.title': 'Nodyn datgelu i’r swyddog',
  'pdf.disclosure.intro':
    'Detholiad o gofnod y cynhyrchydd yw’r pecyn hwn, wedi’i wneud gan y cynhyrchydd. Mae’r cofnod llawn yn bod: fe’i cedwir yn Evidence Vault y cynhyrchydd, gyda phob fersiwn gynharach o bob cofnod a log o’r hyn a ddilëwyd, a gall y cynhyrchydd ei ddangos neu ei allforio eto ar gais.',
  'pdf.disclosure.leftOut': 'Beth a adawyd allan o’r pecyn hwn',
  'pdf.disclosure.nothing': 'Dim: mae pob digwyddiad ac arddangosyn o’r cofnod yn y pecyn hwn, gyda phob maes.',
  'pdf.disclosure.omitted': 'Nid yw arddangosyn {ref} “{name}” wedi’i gynnwys: {why}.',
  'pdf.disclosure.noRef': '(dim cyfeirnod)',
  'pdf.disclosure.why.damaged': 'methodd ei gopi a gadwyd ei wiriad SHA-256',
  'pdf.disclosure.why.gps': 'fe’i gadawyd allan gan y cynhyrchydd (mae’r ddelwedd yn cynnwys lleoliad GPS)',
  'pdf.disclosure.why.user': 'fe’i gadawyd allan gan y cynhyrchydd',
  'pdf.disclosure.private': 'Gadawyd allan feysydd a phobl a nodwyd yn breifat gan y cynhyrchydd.',
  'pdf.disclosure.words':
    'Disgrifiad y cynhyrchydd ei hun o bob digwyddiad yw geiriau fel “aflonyddu” neu “ymddygiad bygythiol”, wedi’u dewis o restr yn y feddalwedd; nid canfyddiadau cyfreithiol ydynt. Dywedwyd wrth y cynhyrchydd wrth wneud y pecyn hwn y gall yr amddiffyniad weld yr hyn a anfonir at yr heddlu.',
  'pdf.annex.title': 'Atodiad: geiriad cynharach',
  'pdf.annex.intro':
    'Cedwir pob fersiwn a gadwyd o gofnod. Lle newidiwyd cofnod, dangosir yma’r geiriau oedd ganddo cyn pob newid (nid yw’r meysydd y dewisodd y cynhyrchydd eu gadael allan wedi’u dangos).',
  'pdf.annex.version': 'Fersiwn {version}, ysgrifennwyd {written}, disodlwyd {replaced}:',
  'pdf.check.title': 'Gwirio’r pecyn hwn',
  'pdf.check.p1':
    'Mae pob ffeil arddangosyn yn union yr un beit am beit â’r ffeil a fewnforiwyd i Evidence Vault ar y dyddiad a ddangosir. Copïau a wnaeth y cynhyrchydd yw sgrinluniau, sganiau ac allforion; nid yw’r negeseuon, y postiadau, y llythyrau na’r dyfeisiau gwreiddiol yn y pecyn hwn.',
  'pdf.check.p2':
    'Mae pob ffeil yn y pecyn hwn wedi’i rhestru gyda’i stwnsh SHA-256 yn manifest-sha256.txt; mae’r ffeil honno wedi’i rhestru yn tagmanifest-sha256.txt, sydd wedi’i llofnodi ({signature}) gyda’r allwedd yn {publicKey}, y mae ei hôl bys uchod.',
  'pdf.check.p3':
    'Beth mae’r llofnod yn ei ddangos: nad oes unrhyw ffeil yn y pecyn wedi newid ers ei llofnodi gyda’r allwedd honno. Beth nad yw’n ei ddangos: ar ei ben ei hun, pwy wnaeth y pecyn na phryd, na bod yr hyn y mae’r ffeiliau’n ei ddangos yn wir. Cymharwch yr ôl bys â’r un a roddodd y cynhyrchydd i’r heddlu mewn ffordd arall (er enghraifft y cerdyn allwedd a roddwyd wrth roi gwybod gyntaf).',
  'pdf.check.p4':
    'Mae’r PDF hwn yn un o’r ffeiliau a restrir, felly ni all ddangos stwnsh y maniffest tagiau ei hun; mae’n dangos stwnsh y rhestr arddangosion, a wnaed cyn y PDF hwn. Mae data/README.txt yn esbonio sut i wirio popeth gyda sha256sum, PowerShell neu ddilysydd BagIt.',
  'pdf.check.p5': 'Meddalwedd y cynhyrchydd ei hun sy’n cadw’r log gweithgarwch, nid corff annibynnol.',
  'readme.title': 'PECYN ACHOS {packId}',
  'readme.who': 'y person sy’n cadw’r cofnod hwn',
  'readme.omitted.damaged': 'wedi’i adael allan am fod y copi a gadwyd wedi methu ei wiriad SHA-256 (wedi’i ddifrodi)',
  'readme.omitted.gps': 'wedi’i adael allan gan y cynhyrchydd am fod y ddelwedd yn cynnwys lleoliad GPS',
  'readme.none': '(dim)',
  'readme.privacy.notes': 'gadawyd nodiadau preifat y cynhyrchydd allan',
  'readme.privacy.fields': 'gadawyd allan feysydd a phobl a nodwyd yn breifat gan y cynhyrchydd',
  'readme.privacy': 'Ar gais y cynhyrchydd, {list}.',
  'readme.physicalItem': '{ref} "{name}": eitem ffisegol, a gedwir yn {keptAt}',
  'readme.physicalHeading':
    'Eitemau ffisegol (wedi’u rhestru yma, heb ffeil yn y pecyn: gofynnwch i’r cynhyrchydd am gael eu gweld):',
  'readme.notIncluded': 'Arddangosion sydd heb eu cynnwys:',
  'readme.refsNotIn': 'Cyfeirnodau nad ydynt yn y pecyn hwn:',
  'readme.what': `Beth yw hwn
-----------
Cofnod o ddigwyddiadau a gadwyd gan {who} gydag Evidence Vault, wedi’i allforio ar {when}
ar gyfer yr heddlu neu Wasanaeth Erlyn y Goron (CPS). Mae’n cynnwys {incidents} digwyddiad a
{exhibits} arddangosyn ({size} o ffeiliau tystiolaeth).

Bag BagIt 1.0 ydyw (RFC 8493): mae pob ffeil o dan data/ wedi’i rhestru gyda’i stwnsh SHA-256 yn
manifest-sha256.txt, ac mae ffeiliau’r bag ei hun wedi’u rhestru yn tagmanifest-sha256.txt.

  data/chronology.pdf   i’w argraffu: y crynodeb i’r heddlu, tabl y cwrs ymddygiad, y
                        digwyddiadau, yr hynaf yn gyntaf, y bobl, y rhestr arddangosion gyda stwnsh
                        SHA-256, cymorth i ysgrifennu datganiad (nid datganiad), y log gweithgarwch
                        a nodyn datgelu
  data/exhibit-bundle.pdf
                        pob arddangosyn wedi’i ddangos ar ei dudalennau ei hun, gyda labeli, i’w
                        ddarllen a’i argraffu (copi i’w ddarllen: y ffeiliau yn data/exhibits/ yw’r
                        dystiolaeth)
  data/chronology.csv   yr un digwyddiadau, un rhes i bob digwyddiad, ar gyfer taenlen
  data/case.json        yr un peth, i gyfrifiadur ei ddarllen (sgema: evidence-vault-case-pack v1)
  data/exhibits/        yr arddangosion, pob un wedi’i enwi yn ôl ei gyfeirnod arddangosyn (AB-01-...
                        yw arddangosyn AB/1). Mae pob ffeil arddangosyn yn union yr un beit am beit
                        â’r ffeil a fewnforiwyd i Evidence Vault ar y dyddiad a ddangosir yn
                        chronology.pdf. Copïau a wnaeth y cynhyrchydd yw sgrinluniau, sganiau ac
                        allforion; nid yw’r negeseuon, y postiadau, y llythyrau na’r dyfeisiau
                        gwreiddiol yn y pecyn hwn.
  data/custody/         log gweithgarwch Evidence Vault ar gyfer digwyddiadau ac arddangosion y
                        pecyn hwn: meddalwedd y cynhyrchydd ei hun sy’n ei gadw, nid cofnod
                        annibynnol. Mae’n rhestru mewnforion (dan ba enw gwreiddiol, gyda’r stwnsh
                        wrth fewnforio), agoriadau, golygiadau, dileadau ac allforion
  data/viewer.html      gwyliwr all-lein: agorwch ef mewn unrhyw borwr gwe (nid yw’n defnyddio’r
                        rhwydwaith), yna dewiswch ffolder y pecyn hwn i weld y llinell amser a
                        gwirio pob stwnsh
  data/key-card.pdf     cerdyn allwedd y cynhyrchydd: ôl bys yr allwedd lofnodi mewn print bras ac fel cod QR
  {exhibitList}
                        yr arddangosion a’r ffeiliau gweithgarwch gyda’u stwnsh (gweler isod)

Cyfeirnodau arddangosion yw blaenlythrennau’r cynhyrchydd a rhif ({initials}/1, {initials}/2, ...), a roddwyd unwaith
pan ychwanegwyd pob arddangosyn ac na chânt eu defnyddio eto: mae’r un cyfeirnod yn enwi’r un eitem
ym mhob pecyn. Mae atodiadau e-bost wedi’u rhestru oddi tano fel is-arddangosion ({initials}/5/1 yw
atodiad cyntaf e-bost {initials}/5), gyda’u SHA-256; maent yn aros y tu mewn i ffeil yr e-bost.
Gwnaed enwau’r ffeiliau’n ddiogel i Windows; mae’r enwau gwreiddiol yn case.json,
chronology.pdf a’r log gweithgarwch.

Disgrifiad a chred y cynhyrchydd ei hun yw’r mathau o ddigwyddiad ("Aflonyddu", "Ymddygiad
bygythiol" ...) a phwy y "credir ei fod yn gyfrifol", nid canfyddiadau cyfreithiol.

`,
  'readme.check': `Sut i wirio nad oes dim wedi newid
---------------------------------
Agorwch derfynell yn ffolder y pecyn (yr un sy’n cynnwys bagit.txt).

Linux neu macOS:
    sha256sum -c manifest-sha256.txt
    sha256sum -c tagmanifest-sha256.txt
  (ar fersiynau hŷn o macOS defnyddiwch "shasum -a 256 -c" yn lle "sha256sum -c"). Rhaid i bob
  llinell ddweud OK.

Windows (PowerShell; mae -Encoding UTF8 yn darllen enwau ffeiliau’r maniffest fel y maent wedi’u hysgrifennu):
    Get-Content -Encoding UTF8 manifest-sha256.txt | ForEach-Object {
      $hash, $file = $_ -split ' +', 2
      if ((Get-FileHash -Algorithm SHA256 -LiteralPath $file).Hash -ne $hash.ToUpper()) { "CHANGED: $file" }
    }
  Os nad oes allbwn, mae pob ffeil yn cyfateb. Ar gyfer un ffeil: Get-FileHash -Algorithm SHA256 <ffeil>

Unrhyw ddilysydd BagIt, er enghraifft bagit-python Llyfrgell y Gyngres:
    bagit.py --validate <ffolder y pecyn>

Evidence Vault ei hun:
    evidence-vault verify <ffolder y pecyn neu .zip>

Y llofnod
---------
Mae tagmanifest-sha256.txt wedi’i lofnodi gydag allwedd lofnodi Evidence Vault y cynhyrchydd (Ed25519).
Y llofnod yw {signature} a’r allwedd gyhoeddus yw {publicKey}.
Ôl bys yr allwedd lofnodi (SHA-256 yr allwedd gyhoeddus 32 beit):
    {fingerprint}
Gofynnwch i’r cynhyrchydd ddarllen yr ôl bys hwn i chi mewn ffordd arall os oes angen i chi fod yn
siŵr mai ganddo ef neu hi y daeth y pecyn. I wirio’r llofnod gydag OpenSSL 3:
    openssl pkeyutl -verify -pubin -inkey {publicKey} -rawin \\
      -in tagmanifest-sha256.txt -sigfile {signature}
Gan fod tagmanifest-sha256.txt yn rhestru manifest-sha256.txt gyda’i stwnsh, a bod manifest-sha256.txt
yn rhestru pob ffeil o dan data/, mae un llofnod dilys yn cwmpasu pob ffeil yn y pecyn.
{ssh}
Mae llofnod dilys yn dangos nad yw’r pecyn wedi newid ers ei lofnodi gyda’r allwedd y mae ei hôl bys yn
    {fingerprint}
Nid yw ar ei ben ei hun yn dangos pwy wnaeth y pecyn na phryd, na bod yr hyn y mae’r arddangosion yn ei
ddangos yn wir. Copi o gerdyn allwedd y cynhyrchydd yw data/key-card.pdf; cymharwch yr ôl bys â’r
cerdyn a roddodd y cynhyrchydd i’r heddlu wrth roi gwybod gyntaf, neu ag un a roddwyd mewn ffordd arall.

Pam mae’r PDF yn dangos stwnsh y rhestr arddangosion ac nid stwnsh y maniffest tagiau
-------------------------------------------------------------------------------------
Mae PDF y gronoleg ei hun yn un o’r ffeiliau a restrir yn manifest-sha256.txt, sydd wedi’i restru
yn tagmanifest-sha256.txt. Ni all ffeil gynnwys stwnsh ffeil sy’n dibynnu ar ei stwnsh ei hun,
felly gwneir y pecyn yn y drefn hon: (1) yr arddangosion a’r log gweithgarwch; (2) y rhestr o’u
stwnsh, {exhibitListName}, y mae ei SHA-256 wedi’i argraffu ar dudalen flaen y PDF;
(3) y PDF, y CSV, case.json, y README hwn a’r gwyliwr; (4) manifest-sha256.txt dros y cyfan
o data/; (5) bagit.txt, bag-info.txt a tagmanifest-sha256.txt; (6) y llofnod.
SHA-256 rhestr arddangosion y pecyn hwn yw:
    {exhibitListSha256}
I’w wirio:  cd data && sha256sum -c {exhibitListName}
Dangoswyd SHA-256 tagmanifest-sha256.txt ac, ar gyfer ZIP, SHA-256 y ffeil ZIP gyfan i’r
cynhyrchydd fel derbynneb pan wnaed y pecyn; mae SHA-256 ZIP hefyd wedi’i ysgrifennu wrth ei ochr
yn <enw>.zip.sha256 (gwiriwch gyda: sha256sum -c <enw>.zip.sha256).
`,
  'readme.ssh': `
Yr un llofnod ar ffurf SSH yw {sshSignature} (gofod enw {namespace}), gyda’r allwedd ar ffurf
OpenSSH yn {sshPublicKey}. Mae ssh-keygen, sydd gan Windows 10/11, macOS a Linux, yn ei wirio.
Cadwch yr un llinell hon fel ffeil o’r enw allowed_signers yn ffolder y pecyn:
    {allowedSigners}
yna rhedwch:
    ssh-keygen -Y verify -f allowed_signers -I {principal} -n {namespace} -s {sshSignature} < tagmanifest-sha256.txt
  (yn PowerShell, nad oes ganddo "<", rhowch yr un gorchymyn yn: cmd /c "...")
Rhaid iddo ddweud: Good "{namespace}" signature for {principal} with ED25519 key {sshFingerprint}
`,
  'portal.where': 'pecyn achos {packId}, rhan {n} o {of}',
  'portal.caption.exhibit':
    'Arddangosyn {ref}: "{name}"{incident}. Yn union yr un beit am beit â’r ffeil a fewnforiwyd ar {day}. SHA-256 {sha256}. ({where})',
  'portal.caption.incident': ', digwyddiad: {incident}',
  'portal.caption.pdf':
    'Crynodeb i’r heddlu, cronoleg a rhestr arddangosion {incidents} digwyddiad a {exhibits} arddangosyn. ({where})',
  'portal.caption.list': 'SHA-256 pob ffeil arddangosyn yn y pecyn achos (pob rhan). ({where})',
  'portal.caption.captions': 'Y capsiwn i’w ludo ar gyfer pob ffeil yn y rhan hon. ({where})',
  'portal.caption.readme': 'Beth sydd yn y rhan hon a sut i’w gwirio. ({where})',
  'portal.caption.signers': 'Allwedd lofnodi’r cynhyrchydd, ar gyfer ssh-keygen -Y verify. ({where})',
  'portal.caption.signature': 'Llofnod dros faniffest y rhan hon. ({where})',
  'portal.caption.manifest': 'SHA-256 pob ffeil arall yn y rhan hon. ({where})',
  'portal.captions.title': 'PECYN ACHOS {packId}: RHAN {n} O {of}, CAPSIYNAU I’W GLUDO',
  'portal.captions.intro': `Llwythwch bob ffeil yn y ffolder hon ({files} ffeil) mewn un cyflwyniad. Ar gyfer pob ffeil,
gludwch y llinell o dan ei henw i flwch capsiwn neu ddisgrifiad y porth.`,
  'portal.readme.heading': 'PECYN ACHOS {packId}: RHAN {n} O {of}',
  'portal.readme.body': `Dyma ran {n} o {of} o becyn achos a wnaed gan {who} gydag Evidence Vault ar
{day}, wedi’i rannu ar gyfer porth llwytho i fyny’r heddlu (16 ffeil ar y mwyaf ym mhob rhan).
Mae rhan 1 yn cynnwys y crynodeb i’r heddlu, y gronoleg a’r rhestr arddangosion ({pdf});
mae pob arddangosyn yn ffeil ar ei phen ei hun, wedi’i henwi yn ôl ei chyfeirnod (AB-01-... yw arddangosyn AB/1).
Mae’r pecyn cyfan yn cynnwys {incidents} digwyddiad a {exhibits} arddangosyn mewn {of} rhan.

Mae’r rhan hon yn cynnwys {files} ffeil:
{list}
  a’r README hwn, {captions} (beth i’w ludo fel capsiwn pob ffeil),
  {allowedSigners} (yr allwedd lofnodi, ar gyfer ssh-keygen),
  {manifest} (SHA-256 pob ffeil arall yn y rhan hon)
  a {signature} (ei lofnod).

Sut i wirio’r rhan hon ar ei phen ei hun
----------------------------------------
Rhowch ffeiliau’r rhan mewn un ffolder ac agorwch derfynell yno.

Linux neu macOS:
    sha256sum -c {manifest}
  (ar fersiynau hŷn o macOS: shasum -a 256 -c {manifest}). Rhaid i bob llinell ddweud OK.

Windows (PowerShell; darllenir y maniffest fel UTF-8):
    Get-Content -Encoding UTF8 {manifest} | ForEach-Object {
      $hash, $file = $_ -split ' +', 2
      if ((Get-FileHash -Algorithm SHA256 -LiteralPath $file).Hash -ne $hash.ToUpper()) { "CHANGED: $file" }
    }
  Os nad oes allbwn, mae pob ffeil yn cyfateb.

Y llofnod (mae gan Windows 10/11, macOS a Linux ssh-keygen):
    ssh-keygen -Y verify -f {allowedSigners} -I {principal} -n {namespace} -s {signature} < {manifest}
  Rhaid iddo ddweud: Good "{namespace}" signature for {principal} with ED25519 key {sshFingerprint}
  (yn PowerShell, nad oes ganddo "<", rhowch yr un gorchymyn yn: cmd /c "...")
  Mae {allowedSigners} yn cynnwys y llinell hon:
    {signersLine}

Evidence Vault ei hun: evidence-vault verify <ffolder y rhan hon>

Mae’r allwedd lofnodi’n teithio gyda’r pecyn, felly mae llofnod da yn dangos nad yw’r rhan hon wedi
newid ers i’r allwedd honno ei llofnodi, nid pwy a’i gwnaeth. Cymharwch yr allwedd â cherdyn allwedd y cynhyrchydd:
    Ôl bys yr allwedd lofnodi (SHA-256 yr allwedd 32 beit): {fingerprint}
    Fel y mae ssh-keygen yn ei argraffu: {sshFingerprint}
`,
  'viewer.js.unknownPerson': '(person anhysbys)',
  'viewer.js.withheldPerson': '(person a ddaliwyd yn ôl ar gais y cynhyrchydd)',
  'viewer.js.noName': '(dim enw)',
  'viewer.js.title': 'Pecyn achos {packId}',
  'viewer.js.summary': '{who} · gwnaed {made} · {incidents}, {exhibits}',
  'viewer.js.noProducer': 'Ni enwyd y cynhyrchydd',
  'viewer.js.incidents.one': '{n} digwyddiad',
  'viewer.js.incidents.other': '{n} digwyddiad',
  'viewer.js.exhibits.one': '{n} arddangosyn',
  'viewer.js.exhibits.other': '{n} arddangosyn',
  'viewer.js.signedBy': 'Wedi’i lofnodi gan yr allwedd {key}; cymharwch hi â cherdyn allwedd y cynhyrchydd.',
  'viewer.js.validShows':
    'Mae llofnod dilys yn dangos dim ond nad yw’r pecyn wedi newid ers i’r allwedd honno ei lofnodi.',
  'viewer.js.type': 'Math o ddigwyddiad (fy nisgrifiad i)',
  'viewer.js.howReached': 'Sut y daeth ataf',
  'viewer.js.place': 'Lle',
  'viewer.js.responsible': 'Y credir ei fod yn gyfrifol',
  'viewer.js.witnesses': 'Tyst(ion)',
  'viewer.js.what': 'Beth ddigwyddodd',
  'viewer.js.effect': 'Yr effaith arnaf',
  'viewer.js.escalation': 'Gwaethygu',
  'viewer.js.reportedPolice': 'Rhoddwyd gwybod i’r heddlu',
  'viewer.js.reportedPlatform': 'Rhoddwyd gwybod i’r platfform',
  'viewer.js.ref': 'cyf {ref}',
  'viewer.js.notes': 'Nodiadau',
  'viewer.js.exhibitNote': 'Arddangosyn {ref}: {note}',
  'viewer.js.exhibitHeading': 'Arddangosyn {ref} — {name}',
  'viewer.js.physical': 'Eitem ffisegol, a gedwir yn {keptAt} (dim ffeil yn y pecyn hwn)',
  'viewer.js.handledBy': 'Wedi’i thrin gan {who}',
  'viewer.js.fileLine': '{kind}, {size}, mewnforiwyd {imported}',
  'viewer.js.bytes': '{n} beit',
  'viewer.js.fileInPack': 'Ffeil yn y pecyn: {path}',
  'viewer.js.openFile': 'Agor y ffeil',
  'viewer.js.notChecked': 'Heb ei wirio eto: dewiswch ffolder y pecyn uchod.',
  'viewer.js.refsNotIn': 'Cyfeirnodau nad ydynt yn y pecyn hwn',
  'viewer.js.noText': '(dim testun yn yr e-bost hwn)',
  'viewer.js.attachments': 'Atodiadau (yn y ffeil wreiddiol):',
  'viewer.js.shownAsText':
    'Wedi’i ddangos fel testun. Nid yw lluniau a dolenni yn yr e-bost yn cael eu llwytho; y ffeil wreiddiol yw {path}.',
  'viewer.js.attachmentOk': ' · mae’r SHA-256 yn cyfateb i’r un y gwnaed y dudalen hon gydag ef',
  'viewer.js.attachmentBad': ' · mae’r SHA-256 YN WAHANOL i’r un y gwnaed y dudalen hon gydag ef',
  'viewer.js.saveCopy': 'Cadw copi',
  'viewer.js.exhibitLabel': 'Arddangosyn {ref}: {name}',
  'viewer.js.first2mb': 'Dim ond y 2 MiB cyntaf a ddangosir yma; agorwch y ffeil i’w darllen i gyd.',
  'viewer.js.pdfHint': 'PDF: mae “Agor y copi a wiriwyd” yn ei ddangos yng ngwyliwr PDF y porwr hwn.',
  'viewer.js.notShown': 'Nid yw’r math hwn o ffeil yn cael ei ddangos yn y dudalen: agorwch hi neu cadwch gopi.',
  'viewer.js.openCopy': 'Agor y copi a wiriwyd',
  'viewer.js.noManifest':
    'Ni chafwyd hyd i manifest-sha256.txt yn y ffolder a ddewisoch. Dewiswch ffolder y pecyn: yr un sy’n cynnwys bagit.txt. Os ffeil ZIP yw’r pecyn, echdynnwch hi yn gyntaf (de-gliciwch arni, yna Extract All).',
  'viewer.js.noCrypto':
    'Ni all y porwr hwn gyfrifo olion bysedd SHA-256 ar y dudalen hon, felly ni wiriwyd dim. Agorwch y dudalen mewn fersiwn gyfredol o Chrome, Edge, Firefox neu Safari, neu defnyddiwch evidence-vault verify.',
  'viewer.js.lineNotUnderstood': 'Nid yw llinell {n} o {file} yn ddealladwy',
  'viewer.js.checking': 'Wrthi’n gwirio {n} o {of}: {path}',
  'viewer.js.missing': 'AR GOLL: mae {path} wedi’i restru yn {file} ond nid yw yn y ffolder',
  'viewer.js.missingStatus': 'AR GOLL o’r ffolder a ddewisoch',
  'viewer.js.changed': 'WEDI NEWID: {path} (mae ei SHA-256 yn wahanol i {file})',
  'viewer.js.changedStatus': 'WEDI NEWID: mae ei SHA-256 yn wahanol i’r maniffest',
  'viewer.js.changedBoth':
    'WEDI NEWID: {path} a’i linell yn manifest-sha256.txt (mae eu SHA-256 yn wahanol i’r un y gwnaed y dudalen hon gydag ef: {sha256})',
  'viewer.js.changedBothStatus':
    'WEDI NEWID: mae’r ffeil a’i llinell yn y maniffest yn wahanol i’r SHA-256 y gwnaed y dudalen hon gydag ef',
  'viewer.js.checked':
    'Wedi’i gwirio: mae ei SHA-256 yn cyfateb i’r maniffest ac i’r un y gwnaed y dudalen hon gydag ef.',
  'viewer.js.cannotShow': 'Nid oedd modd ei dangos yma: agorwch y ffeil.',
  'viewer.js.notListed': 'HEB EI RESTRU: nid yw {path} yn manifest-sha256.txt',
  'viewer.js.notListedStatus': 'HEB EI RESTRU yn y maniffest',
  'viewer.js.extra': 'YCHWANEGOL: nid yw {path} yn y maniffest',
  'viewer.js.checkingTags': 'Wrthi’n gwirio tagmanifest-sha256.txt a’r llofnod',
  'viewer.js.allMatchExhibits':
    'Mae pob un o’r {n} ffeil yn cyfateb i’r rhestrau yn y pecyn hwn, ac mae pob arddangosyn yn cyfateb i’r SHA-256 y gwnaed y dudalen hon gydag ef.',
  'viewer.js.allMatch': 'Mae pob un o’r {n} ffeil yn cyfateb i’r rhestrau yn y pecyn hwn.',
  'viewer.js.problems.one': 'Cafwyd {n} broblem: nid yw’r pecyn hwn fel yr oedd pan gafodd ei wneud.',
  'viewer.js.problems.other': 'Cafwyd {n} problem: nid yw’r pecyn hwn fel yr oedd pan gafodd ei wneud.',
  'viewer.js.filesMatch.one': 'Mae {n} ffeil yn cyfateb.',
  'viewer.js.filesMatch.other': 'Mae {n} ffeil yn cyfateb.',
  'viewer.js.sigFileMissing': 'LLOFNOD: mae {file} ar goll o’r ffolder, felly ni ellir gwirio’r llofnod',
  'viewer.js.sigNotCheckedMissing': 'Llofnod: heb ei wirio (mae {file} ar goll).',
  'viewer.js.notCovering': 'WEDI NEWID: nid yw tagmanifest-sha256.txt yn rhestru manifest-sha256.txt',
  'viewer.js.notEd': 'LLOFNOD: nid allwedd gyhoeddus Ed25519 yw signing-key.pem',
  'viewer.js.notEdResult': 'Llofnod: DDIM YN DDILYS (nid allwedd gyhoeddus Ed25519 yw signing-key.pem).',
  'viewer.js.otherKey':
    'ALLWEDD LOFNODI: signing-key.pem yw’r allwedd {key}, nid yr allwedd {named} y mae’r dudalen hon yn ei henwi',
  'viewer.js.sigInvalid': 'LLOFNOD: nid yw’r llofnod dros tagmanifest-sha256.txt yn ddilys ar gyfer signing-key.pem',
  'viewer.js.noEd':
    'Ni all y porwr hwn wirio llofnodion Ed25519, felly ni wiriwyd y llofnod yma; gall evidence-vault verify neu ssh-keygen -Y verify wneud hynny (gweler README.txt).',
  'viewer.js.sigUnchecked':
    'Llofnod: heb ei wirio. Ni all y porwr hwn wirio llofnodion Ed25519; defnyddiwch evidence-vault verify neu ssh-keygen -Y verify (gweler README.txt).',
  'viewer.js.sigValid':
    'Llofnod: dilys, gan yr allwedd {key}. Cymharwch yr allwedd honno â cherdyn allwedd y cynhyrchydd.',
  'viewer.js.sigOtherKey': 'Llofnod: wedi’i wneud gan allwedd wahanol i’r un y mae’r dudalen hon yn ei henwi.',
  'viewer.js.sigNotValid': 'Llofnod: DDIM YN DDILYS.',
  'viewer.js.couldNotCheck': 'Nid oedd modd gwirio’r pecyn: {why}. Dewiswch ffolder y pecyn eto.',
  'viewer.js.kind.image': 'Llun',
  'viewer.js.kind.pdf': 'Dogfen PDF',
  'viewer.js.kind.email': 'E-bost',
  'viewer.js.kind.audio': 'Recordiad sain',
  'viewer.js.kind.video': 'Fideo',
  'viewer.js.kind.text': 'Testun (er enghraifft allforyn sgwrs)',
  'viewer.js.kind.other': 'Ffeil',
  'viewer.js.mail.from': 'Oddi wrth',
  'viewer.js.mail.to': 'At',
  'viewer.js.mail.cc': 'Cc',
  'viewer.js.mail.date': 'Dyddiad (fel y mae’r e-bost yn ei roi)',
  'viewer.js.mail.subject': 'Pwnc',
  'viewer.js.mail.message-id': 'Message-ID',
  'viewer.js.note.withheld': 'wedi’i ddal yn ôl gan y cynhyrchydd',
  'viewer.js.note.damaged': 'wedi’i adael allan: methodd ei gopi a gadwyd ei wiriad SHA-256',
  'viewer.html.title': 'Gwyliwr y pecyn achos',
  'viewer.html.zipHeading': 'Echdynnwch y ZIP yn gyntaf',
  'viewer.html.zipBody':
    'Ni all y dudalen hon ddarllen ffeiliau eraill y pecyn achos, felly ni all ddangos yr arddangosion na’u gwirio.\nMae’n edrych fel pe bai wedi’i hagor o’r tu mewn i ffeil ZIP nad yw wedi’i hechdynnu.',
  'viewer.html.zipWhat':
    '{what} caewch y dudalen hon, de-gliciwch ar y ffeil ZIP a dewiswch {extractAll}\n(ar Mac, cliciwch ddwywaith ar y ffeil ZIP), yna agorwch {path} yn y ffolder a wnaed.',
  'viewer.html.whatToDo': 'Beth i’w wneud:',
  'viewer.html.extractAll': 'Extract All…',
  'viewer.html.heading': 'Pecyn achos',
  'viewer.html.checkHeading': 'Gwirio’r pecyn hwn.',
  'viewer.html.checkBody':
    'Dewiswch ffolder y pecyn (yr un sy’n cynnwys bagit.txt). Mae pob ffeil a restrir yn\nmanifest-sha256.txt a tagmanifest-sha256.txt yn cael ei gwirio ar y cyfrifiadur hwn, pob arddangosyn hefyd yn erbyn y\nSHA-256 y gwnaed y dudalen hon gydag ef, a gwirir y llofnod lle gall y porwr hwn. Nid oes dim yn cael ei anfon i unman.',
  'viewer.html.folder': 'Ffolder y pecyn: ',
  'viewer.html.notChecked': 'Heb ei wirio eto.',
  'viewer.html.print': 'Argraffu’r dudalen hon',
  'viewer.html.timeline': 'Digwyddiadau, yr hynaf yn gyntaf',
  'bundle.info.title': '{title}: pecyn achos {packId}',
  'bundle.title': 'Bwndel arddangosion',
  'bundle.footer': 'Pecyn achos {packId} · bwndel arddangosion · {exhibit}tudalen {page} y bwndel',
  'bundle.footer.exhibit': 'arddangosyn {ref}, tudalen {page} · ',
  'bundle.noHash': 'dim (eitem ffisegol: dim ffeil yn y pecyn hwn)',
  'bundle.copyNotice': 'Copi i’w ddarllen; y ffeil wreiddiol yw {path}',
  'bundle.physicalNotice': 'Disgrifiad o eitem ffisegol; nid yw’r eitem ei hun yn y pecyn hwn.',
  'bundle.cover':
    'Pob arddangosyn yn y pecyn hwn ar ei dudalennau ei hun, yn nhrefn ei gyfeirnod, fel y gellir ei ddarllen a’i argraffu mewn un lle. Copi i’w ddarllen yw pob tudalen yma: y ffeiliau arddangosion yn data/exhibits/ yw’r dystiolaeth, yn union yr un beit am beit â’r ffeiliau a fewnforiwyd ar y dyddiadau a ddangosir, ac mae pob tudalen yn rhoi SHA-256 ei ffeil fel y gellir ei chymharu â manifest-sha256.txt. Ni redwyd ac ni nôlwyd dim mewn arddangosyn i’w ddangos.',
  'bundle.made': 'Gwnaed ',
  'bundle.by': 'Gan ',
  'bundle.inThis': 'Arddangosion yn y bwndel hwn',
  'bundle.noExhibits': 'Nid oes arddangosion yn y pecyn hwn.',
  'bundle.file': 'Ffeil: ',
  'bundle.unknownType': 'math anhysbys',
  'bundle.imported': 'Mewnforiwyd: ',
  'bundle.notRendered': 'Heb ei ddangos yma: ni ellir dangos ffeil o’r math hwn ({type}) ar bapur.',
  'bundle.openWithProgram':
    'Agorwch y gwreiddiol, {path}, gyda rhaglen sy’n ei chwarae neu’n ei dangos; mae ei SHA-256 uchod.',
  'bundle.physical': 'Eitem ffisegol: ',
  'bundle.keptAt': 'A gedwir yn: ',
  'bundle.handledBy': 'Wedi’i thrin gan: ',
  'bundle.description': 'Disgrifiad: ',
  'bundle.added': 'Ychwanegwyd at y cofnod: ',
  'bundle.noFile':
    'Nid oes ffeil ar gyfer eitem ffisegol yn y pecyn hwn: cedwir yr eitem lle mae’n dweud uchod. Gofynnwch i’r cynhyrchydd amdani.',
  'bundle.kind.physical': 'eitem ffisegol',
  'bundle.kind.image': 'delwedd',
  'bundle.kind.imageNot': 'delwedd, heb ei dangos',
  'bundle.kind.email': 'e-bost',
  'bundle.kind.pdf': 'PDF',
  'bundle.kind.text': 'testun',
  'bundle.kind.video': 'fideo, heb ei ddangos',
  'bundle.kind.audio': 'sain, heb ei dangos',
  'bundle.kind.file': 'ffeil, heb ei dangos',
  'bundle.pixels': '{w} × {h} picsel, wedi’i ddangos ar led y dudalen{note}.',
  'bundle.continues': 'Mae’r ddelwedd yn parhau ar y dudalen nesaf.',
  'keycard.info.title': 'Cerdyn allwedd lofnodi Evidence Vault',
  'keycard.title': 'Cerdyn allwedd lofnodi',
  'keycard.packsBy': 'Pecynnau achos Evidence Vault a wnaed gan {who}',
  'keycard.packs': 'Pecynnau achos Evidence Vault',
  'keycard.printed': 'Argraffwyd ar {day}',
  'keycard.purpose':
    'Rhowch hwn i’ch SPOC (pwynt cyswllt unigol yr heddlu) pan fyddwch yn rhoi gwybod gyntaf; gellir gwirio pob pecyn diweddarach yn ei erbyn.',
  'keycard.qr': 'Mae’r cod QR yn cynnwys yr un 64 nod.',
  'keycard.ssh': 'Fel y mae ssh-keygen -Y verify yn argraffu’r allwedd:',
  'keycard.how': 'Sut i wirio pecyn achos yn erbyn y cerdyn hwn',
  'keycard.step1':
    'Mae README.txt pob pecyn a gwiriad Evidence Vault yn dangos yr allwedd a’i llofnododd: rhaid i’w hôl bys fod yr un ag sydd ar y cerdyn hwn, bob nod.',
  'keycard.step2': 'Gydag Evidence Vault: evidence-vault verify <pecyn> --expect-fingerprint <y 64 nod uchod>.',
  'keycard.step3':
    'Gydag ssh-keygen (Windows 10/11, macOS, Linux): rhaid i orchymyn y README orffen gyda "with ED25519 key {ssh}".',
  'keycard.step4':
    'Mae ôl bys gwahanol yn golygu na lofnodwyd y pecyn gydag allwedd y cynhyrchydd hwn: gofynnwch iddynt mewn ffordd arall cyn dibynnu arno.',
  'keycard.notSecret':
    'Nid yw’r cerdyn hwn yn gyfrinachol: ni all agor y gladdgell na llofnodi dim. Mae’n dangos pa allwedd sy’n llofnodi pecynnau’r cynhyrchydd hwn; mae’r llofnod yn dangos nad yw pecyn wedi newid ers i’r allwedd honno ei lofnodi.',
  'email.leftOut': 'Wedi’i adael allan o’r PDF e-bost hwn: {reason}. Mae’r gwreiddiol, {path}, yn y pecyn achos llawn.',
  'email.title': 'Pecyn achos {packId} ar gyfer e-bost',
  'email.hashes.title': 'Y ffeiliau gwreiddiol a’u SHA-256',
  'email.hashes.intro':
    'Mae’r PDF hwn yn becyn achos {packId} a wnaed i’w anfon drwy e-bost: nid yw’n cynnwys unrhyw ffeiliau gwreiddiol, HTML na sgript. Mae pob arddangosyn isod yn ffeil sydd gan y cynhyrchydd, yn union yr un beit am beit ag y’i mewnforiwyd i Evidence Vault; mae ei SHA-256 yn caniatáu gwirio’r ffeil pan fydd yn cyrraedd drwy borth, USB neu yn y pecyn achos llawn. Copïau i’w darllen yw’r tudalennau ar ôl yr un hon; gall llun fod yn gopi llai, i ffitio’r e-bost, ac yna mae’n dweud hynny.',
  'email.shown.physical': 'eitem ffisegol: wedi’i disgrifio yn y tudalennau sy’n dilyn',
  'email.shown.leftOut': 'heb ei ddangos yn y PDF hwn: {reason}',
  'email.shown.notDrawn': 'heb ei ddangos: mae ei dudalen yn dweud pam',
  'email.shown.smaller': 'wedi’i ddangos fel copi llai',
  'email.shown.full': 'wedi’i ddangos yn llawn',
  'email.rendered': 'Arddangosion i’w darllen',
  'bundle.tooLarge.image': 'Heb ei dangos yma: mae’r ddelwedd yn {size}, yn rhy fawr i’w dangos yn y bwndel hwn.',
  'bundle.tooLarge.email': 'Heb ei ddangos yma: mae’r e-bost yn {size}, yn rhy fawr i’w ddarllen yn y bwndel hwn.',
  'bundle.tooLarge.text': 'Heb ei ddangos yma: mae’r testun yn {size}, yn rhy hir i’r bwndel hwn.',
  'bundle.tooLarge.pdf': 'Heb ei ddangos yma: mae’r PDF yn {size}, yn rhy fawr i’w ddangos yn y bwndel hwn.',
  'bundle.open': 'Agorwch y gwreiddiol, {path}.',
  'bundle.originalHash': 'Mae gan y gwreiddiol, {path}, y SHA-256 uchod.',
  'bundle.imageFailed': 'Nid oedd modd dangos y ddelwedd hon: {why}.',
  'bundle.openToSee': 'Agorwch y gwreiddiol, {path}, i’w gweld.',
  'bundle.openMail': 'Agorwch y gwreiddiol, {path}, mewn rhaglen e-bost.',
  'bundle.mailFailed': 'Nid oedd modd darllen yr e-bost hwn: {why}.',
  'bundle.htmlOnly':
    '(Dim ond rhan HTML sydd gan yr e-bost: fe’i dangosir yma fel testun, heb nôl lluniau na dolenni.)',
  'bundle.attachments': 'Atodiadau (y tu mewn i ffeil yr e-bost; heb eu dangos yma)',
  'bundle.noText': '(dim testun)',
  'bundle.textGoesOn': 'Mae’r testun yn parhau am {n} nod arall: darllenwch y gweddill yn y gwreiddiol, {path}.',
  'bundle.transcriptGoesOn': 'Mae’r trawsgrifiad yn parhau: darllenwch y gweddill yn y gwreiddiol, {path}.',
  'bundle.lineGoesOn': '(mae’r llinell hon yn parhau am {n} nod arall yn y gwreiddiol)',
  'bundle.fileNoText': '(nid oes testun yn y ffeil)',
  'bundle.pdfFailed': 'Nid oedd modd dangos y PDF hwn: {why}.',
  'bundle.openToRead': 'Agorwch y gwreiddiol, {path}, i’w ddarllen.',
  'bundle.pdfPage': 'Tudalen {n} o {of} y PDF',
  'bundle.pageFailed': 'Nid oedd modd dangos tudalen {n}: {why}.',
  'bundle.pdfFirst':
    'Mae gan y PDF {pages} tudalen; dangosir y {count} cyntaf yma. Darllenwch y gweddill yn y gwreiddiol, {path}.',
  'bundle.mail.from': 'Oddi wrth',
  'bundle.mail.sender': 'Anfonwr',
  'bundle.mail.to': 'At',
  'bundle.mail.cc': 'Cc',
  'bundle.mail.bcc': 'Bcc',
  'bundle.mail.replyTo': 'Ateb i',
  'bundle.mail.date': 'Dyddiad',
  'bundle.mail.subject': 'Pwnc',
  'bundle.mail.messageId': 'Message-ID',
  'bundle.mail.inReplyTo': 'Mewn ateb i',
  'bundle.mail.receivedLast': 'Derbyniwyd (y cam olaf)',
  'bundle.mail.received': 'Derbyniwyd',
  'bundle.mail.receivedMore': '{n} arall yn y gwreiddiol',
  'bundle.mail.noName': '(dim enw)',
  'bundle.mail.pictureNotLoaded': '[llun heb ei lwytho]',
  'bundle.mail.tooLarge': 'mae’n rhy fawr i’w ddarllen yma',
  'bundle.unreadable': 'ni ellid darllen ei strwythur (mae wedi’i ddifrodi neu wedi’i adeiladu’n anarferol)',
  'bundle.shownAs': 'Dangosir fel {kind}.',
  'bundle.chat.json': 'allforyn sgwrs (JSON), un llinell i bob neges',
  'bundle.chat.whatsapp': 'allforyn sgwrs WhatsApp',
  'bundle.chat.noText': '(dim testun: cyfryngau neu neges gwasanaeth)',
  'bundle.image.damaged': 'mae’r ffeil wedi’i difrodi neu nid yw’n ddelwedd y gall y bwndel hwn ei darllen',
  'bundle.image.tooManyPixels': 'ar {w} × {h} picsel gyda thryloywder, mae’n rhy fawr i’w dangos yma',
  'bundle.pdf.tooLarge': 'mae’n rhy fawr i’w ddangos yma',
  'bundle.pdf.encrypted':
    'mae wedi’i amgryptio (wedi’i ddiogelu â chyfrinair), felly ni ellir dangos ei dudalennau yma',
  'bundle.pdf.noPageList': 'ni ellid darllen ei restr tudalennau',
  'bundle.pdf.noPages': 'nid oes ganddo unrhyw dudalennau',
  'bundle.pdf.tooManyObjects': 'mae tudalen yn enwi gormod o wrthrychau',
  'bundle.pdf.compression': 'mae cynnwys tudalen yn defnyddio math o gywasgu na all y bwndel hwn ei ddarllen',
  'bundle.pdf.unread': 'ni ellid ei ddarllen',
  'bundle.pdf.pageUnread': 'ni ellid darllen y dudalen',
  'email.fit.asIs': 'y ffeil fel y mae',
  'email.fit.smaller':
    'copi llai a wnaed i ffitio’r e-bost ({w} × {h} picsel, ansawdd JPEG {quality}; mae’r gwreiddiol yn {size})',
  'email.fit.failed': 'ni ellid gwneud copi llai',
  'email.fit.cannotDecode': 'ni ellid datgodio’r ddelwedd i wneud copi llai',
  'email.fit.tooSmall': 'ni fyddai hyd yn oed copi bach yn ffitio o fewn y terfyn maint',
  'email.damaged':
    'methodd ei gopi a gadwyd ei wiriad SHA-256 (yr hash a restrir yw’r un a gofnodwyd wrth ei fewnforio)',
  'email.pdfRoom': 'byddai ei dudalennau’n cymryd y lle sydd ei angen ar yr arddangosion eraill',
  'email.originalWhere': ' yn y pecyn achos llawn (heb ei atodi i’r PDF hwn)',
};
