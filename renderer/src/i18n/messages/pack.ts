/**
 * The pack screens' words, English and Welsh (merged into ../en.ts and ../cy.ts). Ids start
 * "pack." unless a word is shared.
 */

export const en = {
  'pack.next': 'Next',
  'pack.back': 'Back',
  'pack.cancel': 'Cancel',
  'pack.close': 'Close',
  'pack.done': 'Done',
  'pack.exhibits-count': '{count, plural, one {# exhibit} other {# exhibits}}',
  'pack.counts':
    '{incidents, plural, one {# incident} other {# incidents}}, {exhibits, plural, one {# exhibit} other {# exhibits}}',

  'pack.screen.lead':
    'A case pack is a folder or ZIP file you can give to the police or the Crown Prosecution Service. It holds each exhibit file byte for byte as you imported it, a dated chronology of incidents, and fingerprints (SHA-256) so anyone can check that nothing was altered after the pack was made.',
  'pack.screen.make': 'Make a case pack',
  'pack.screen.make-text': 'Choose the incidents to include, then save the pack to a folder or a USB stick.',
  'pack.screen.check': 'Check a case pack',
  'pack.screen.check-text': 'Check that a pack is complete and that no file in it has changed.',
  'pack.screen.opening': 'Opening…',
  'pack.screen.not-ready': 'This part of Evidence Vault is not ready yet.',
  'pack.start.given': 'Been given a case pack?',

  'pack.format.both': 'A folder and its ZIP file, with the same pack id (recommended)',
  'pack.format.zip': 'One ZIP file (easiest to send or copy to a USB stick)',
  'pack.format.folder': 'A folder',
  'pack.format.portal': 'For a police upload portal: parts of at most 16 files, each with captions to paste',
  'pack.wizard.need-incident': 'Choose at least one incident.',
  'pack.wizard.back-to-front': 'The date range is back to front: {from} is after {to}.',
  'pack.wizard.need-initials': 'Your initials are needed for the exhibit references: 1 to 5 letters, for example AB.',
  'pack.wizard.need-where': 'Choose where to save the case pack first.',
  'pack.wizard.starting': 'Starting…',
  'pack.wizard.ready': 'The case pack is ready.',

  'pack.choose.heading': 'Make a case pack: which incidents?',
  'pack.choose.lead': 'Everything is included unless you narrow it down.',
  'pack.choose.from': 'From (date)',
  'pack.choose.to': 'To (date)',
  'pack.choose.person': 'Person',
  'pack.choose.categories': 'Categories (none ticked: all)',
  'pack.choose.incidents': 'Incidents ({chosen} of {total} chosen)',
  'pack.choose.none': 'No incident matches.',
  'pack.choose.checking': 'Checking the files…',

  'pack.about.heading': 'Make a case pack: for the summary for police',
  'pack.about.lead':
    'The first page tells the officer who made the record and who it is for. Anything you leave empty is printed as a line to fill in by hand.',
  'pack.about.name': 'Your name',
  'pack.about.role': 'Your role',
  'pack.about.role-hint': 'For example “Parliamentary candidate” or “Election agent”.',
  'pack.about.keep': 'Keep my name and role in the settings for next time',
  'pack.about.recipient': 'Who it is for',
  'pack.about.recipient-hint': 'The officer and force, for example “PC 1234 Patel, Kent Police”.',
  'pack.about.crime-ref': 'Crime or incident reference',
  'pack.about.cases-hint':
    'Your police cases for these incidents are printed already ({cases}). Add another reference only if the police gave one.',
  'pack.about.no-cases-hint': 'The number the police gave you, if they have.',
  'pack.about.language': 'Language of the pack’s documents',
  'pack.about.language-hint':
    'The summary for police, the chronology, the README and the captions. The data files (JSON and CSV) stay in English.',
  'pack.about.language-en': 'English',
  'pack.about.language-cy': 'Cymraeg (Welsh)',

  'pack.details.heading': 'Make a case pack: details',
  'pack.details.summary':
    '{incidents, plural, one {# incident} other {# incidents}} and {exhibits, plural, one {# exhibit} other {# exhibits}} ({size}).',
  'pack.details.summary-dates':
    '{incidents, plural, one {# incident} other {# incidents}} and {exhibits, plural, one {# exhibit} other {# exhibits}} ({size}), from {first} to {last}.',
  'pack.details.language':
    '{language, select, cy {The pack’s documents will be in Welsh (Cymraeg).} other {The pack’s documents will be in English.}}',
  'pack.details.initials': 'Your initials',
  'pack.details.initials-hint': 'Exhibits are numbered with them, as the police do: AB/1, AB/2 …',
  'pack.details.privacy': 'Privacy',
  'pack.details.omit-notes': 'Leave out my private notes',
  'pack.details.omit-private': 'Leave out details and people I marked private',
  'pack.details.save-as': 'Save as',
  'pack.details.where': 'Where to save',
  'pack.details.choose-where': 'Choose where to save…',
  'pack.details.not-chosen': 'Not chosen yet',
  'pack.details.default-folder': 'The case pack will be saved in the “{folder}” folder beside your vault.',
  'pack.details.defence':
    'The defence may see what you send: the police may have to share what is in the pack with the defence. Leave out anything you do not want them to see, and tell the officer what you left out.',
  'pack.details.make': 'Make the case pack',

  'pack.working.heading': 'Making the case pack…',
  'pack.working.working': 'Working…',
  'pack.progress.gps': 'Looking for GPS positions in images',
  'pack.progress.chronology': 'Writing the chronology',
  'pack.progress.parts': 'Writing each part’s manifest and signature',
  'pack.progress.manifests': 'Writing the manifests and signature',
  'pack.progress.bundle': 'Drawing the exhibit bundle {ref}',

  'pack.gps.legend': 'Pictures that show where they were taken',
  'pack.gps.text':
    '{count, plural, one {This picture holds} other {These pictures hold}} a GPS position in the file. It could show where you live or were. The files are never changed, so you decide whether each goes in.',
  'pack.gps.leave-out': 'Leave out {name} (position {latitude}, {longitude})',

  'pack.receipt.heading': 'Your case pack is ready',
  'pack.receipt.print-title': 'Evidence Vault: case pack receipt',
  'pack.receipt.hash-zip': 'SHA-256 of the ZIP file',
  'pack.receipt.hash-tag': 'SHA-256 of the pack’s tag manifest',
  'pack.receipt.qr': 'QR code of the {label}',
  'pack.receipt.is-at': 'The case pack is {location}.',
  'pack.receipt.copied':
    'Copied to {location} and checked: the copy matches the pack. You can now remove the USB stick safely.',
  'pack.receipt.copy-differs':
    'The copy in {location} does not match the pack ({problem}). Delete it there and copy again, or try another USB stick.',
  'pack.receipt.a-file-differs': 'a file differs',
  'pack.receipt.browser-saving':
    'Your browser is saving {name}. To put it on a USB stick, choose the stick when the browser asks where to save, or move it there from your Downloads folder.',
  'pack.receipt.saved': 'Saved as <b>{location}</b>',
  'pack.receipt.and-zip': 'and its ZIP <b>{zip}</b>',
  'pack.receipt.in-parts': 'in {count, plural, one {# part} other {# parts}} for the portal',
  'pack.receipt.show': 'Show in folder',
  'pack.receipt.copying': 'Copying and checking…',
  'pack.receipt.copy': 'Copy to a USB stick…',
  'pack.receipt.save-copy': 'Save a copy (for a USB stick)…',
  'pack.receipt.print': 'Print receipt',
  'pack.receipt.receipt': 'Receipt',
  'pack.receipt.pack-id': 'Pack id',
  'pack.receipt.saved-as': 'Saved as',
  'pack.receipt.made': 'Made',
  'pack.receipt.contents': 'What is in it',
  'pack.receipt.tag-hash': 'Tag manifest SHA-256',
  'pack.receipt.fingerprint': 'Your signing key fingerprint',
  'pack.receipt.keep':
    'Keep this receipt. Anyone can work out the SHA-256 of the {what, select, zip {ZIP file} other {tag manifest}} (on Windows: Get-FileHash in PowerShell) and compare it with the one above: if they match, the pack has not been changed since you made it. The signing key fingerprint should match the key card you gave the police.',
  'pack.receipt.left-out': 'Left out',
  'pack.receipt.damaged': 'its stored copy is damaged',
  'pack.receipt.gps': 'it shows where it was taken',
  'pack.receipt.excluded': 'you left it out',
  'pack.receipt.handing': 'Handing it over',
  'pack.receipt.hand-1':
    'Give the pack to your police contact (your SPOC if you have one) on a USB stick or as they ask.',
  'pack.receipt.hand-2':
    'Print the receipt and keep it with your records: it shows later that the pack was not changed.',
  'pack.receipt.hand-3': 'The officer can open data/README.txt in the pack: it explains how to check every file.',
  'pack.receipt.hand-4': 'Keep your vault: the pack is a copy; the originals stay safe in it.',

  'pack.verify.too-large':
    'This case pack is {size}, too large to check in the browser version ({max} at most): use the desktop app or evidence-vault verify.',
  'pack.verify.lead':
    'Every file is checked against its SHA-256 fingerprint, and the pack’s signature is checked. A valid signature shows only that the pack is unchanged since its key signed it, so you are told which key that was. No vault is needed, and nothing is changed.',
  'pack.verify.choose-zip': 'Choose a ZIP file…',
  'pack.verify.choose-folder': 'Choose a folder…',
  'pack.verify.zip': 'The case pack’s ZIP file',
  'pack.verify.folder': 'Or its folder (the one holding bagit.txt)',
  'pack.verify.made-here': 'Packs made in this session',
  'pack.verify.check': 'Check {id}',
  'pack.verify.checking': 'Checking…',
  'pack.verify.all-good': 'All good: {count} files match their fingerprints and the signature is valid.',
  'pack.verify.problems': 'This pack has {count, plural, one {# problem} other {# problems}}.',
  'pack.verify.unchanged': 'Nothing in it has changed since it was signed.',
  'pack.verify.changed':
    'It is not as it was when it was made: do not rely on it. Ask the person who made it for a fresh copy.',
  'pack.verify.made': 'made {date}',
  'pack.verify.signed-own': 'Signed by key <k>{fingerprint}</k>: this vault’s own key.',
  'pack.verify.signed-other':
    'Signed by key <k>{fingerprint}</k>, which is not this vault’s key; compare it with the producer’s key card.',
  'pack.verify.signed': 'Signed by key <k>{fingerprint}</k>; compare it with the producer’s key card.',
  'pack.verify.found': 'What the check found (for the officer)',
  'pack.keycard.heading': 'Next: compare the key with the producer’s key card',
  'pack.keycard.text':
    'Anyone can sign a pack with a key of their own, so check that this is the producer’s key. Their key card (given to the police at the first report) shows a fingerprint in large type and as a QR code. It should be exactly:',
  'pack.keycard.label': 'Fingerprint on the key card (type it or paste it; spaces are fine)',
  'pack.keycard.compare': 'Compare',
  'pack.keycard.match': 'It matches the key card: this pack was signed with the producer’s key.',
  'pack.keycard.differs':
    'It does not match the key card: this pack was not signed with the producer’s key. Do not rely on it; ask the producer for the pack again.',
  'pack.keycard.unreadable':
    'A fingerprint is 64 characters (0 to 9 and a to f), in 16 groups of four: check what you typed and compare again.',

  'pack.bin.restored': '{kind} “{label}” restored.',
  'pack.bin.lead':
    'What you delete stays here for {days} days and can be restored, then it is removed for good. The activity log keeps a note of every deletion and its reason, and of every restore. Times are UK time (GMT/BST).',
  'pack.bin.reading': 'Reading the bin…',
  'pack.bin.empty': 'The bin is empty.',
  'pack.bin.empty-more':
    'When you delete an incident, an exhibit, a person or a contact, it waits here for {days} days, so a mistake can be put right.',
  'pack.bin.items': 'Deleted items',
  'pack.bin.untitled': 'Untitled',
  'pack.bin.deleted': 'Deleted',
  'pack.bin.reason': 'Reason',
  'pack.bin.with-it': 'With it',
  'pack.bin.days-left': 'Days left',
  'pack.bin.left': '{count, plural, one {# day} other {# days}} (until {date})',
  'pack.bin.none-left': 'None: its {days} days have passed',
  'pack.bin.restore-label': 'Restore {kind} {label}',
  'pack.bin.restoring': 'Restoring…',
  'pack.bin.restore': 'Restore',

  'pack.history.heading': 'History of “{title}”',
  'pack.history.hint': 'Every saved version is kept, oldest first. Times are UK time (GMT/BST).',
  'pack.history.reading': 'Reading the saved versions…',
  'pack.history.list': 'Saved versions, oldest first',
  'pack.history.first': 'Version {version}: first written {when}',
  'pack.history.changed': 'Version {version}: changed {when}',
  'pack.history.entered-by': 'Entered by {name}',
  'pack.history.changed-fields': 'Changed: {fields}.',
  'pack.history.other': 'Other details',
  'pack.history.before': 'Before',
  'pack.history.after': 'After',
  'pack.history.saved-again': 'Saved again; which fields changed was not recorded, or nothing did.',

  'pack.activity.heading': 'Activity log',
  'pack.activity.lead':
    'Evidence Vault notes every time evidence is added, changed, viewed or exported. The log is locked like your record, and any change to it is detected. Times are UK time (GMT/BST).',
  'pack.activity.show': 'Show the activity log',
  'pack.activity.count': '{count, plural, one {# entry} other {# entries}}.',
  'pack.activity.count-latest': '{count, plural, one {# entry} other {# entries}}; the latest {shown} are shown.',
  'pack.activity.list': 'Activity log, newest first',
  'pack.activity.details': 'Details',
  'pack.activity.of-entry': 'of entry {seq}',
  'pack.activity.entry': 'Entry',
  'pack.activity.at': 'At (UTC)',
  'pack.activity.action': 'Action',
  'pack.activity.about': 'About',
  'pack.activity.noun.screenshot': 'screenshot',
  'pack.activity.noun.photo': 'photo',
  'pack.activity.noun.email': 'e-mail',
  'pack.activity.noun.scan': 'scan',
  'pack.activity.noun.recording': 'recording',

  'pack.kind.image': 'Picture',
  'pack.kind.email': 'E-mail',
  'pack.kind.pdf': 'PDF document',
  'pack.kind.text': 'Text',
  'pack.kind.other': 'File',
  'pack.format.instant': '{day} {month} {year} at {time} {zone}',
  'pack.format.in-your-zone': '{time} on {day} in your time zone',
} as const satisfies Record<string, string>;

export const cy: Record<keyof typeof en, string> = {
  'pack.next': 'Nesaf',
  'pack.back': 'Yn ôl',
  'pack.cancel': 'Canslo',
  'pack.close': 'Cau',
  'pack.done': 'Gorffen',
  'pack.exhibits-count': '{count, plural, one {# arddangosyn} other {# arddangosyn}}',
  'pack.counts':
    '{incidents, plural, one {# digwyddiad} other {# digwyddiad}}, {exhibits, plural, one {# arddangosyn} other {# arddangosyn}}',

  'pack.screen.lead':
    'Ffolder neu ffeil ZIP yw pecyn achos, y gallwch ei roi i’r heddlu neu i Wasanaeth Erlyn y Goron (CPS). Mae’n cynnwys pob ffeil arddangosyn beit am feit fel y’i mewnforiwyd gennych, cronoleg ddyddiedig o’r digwyddiadau, ac olion bysedd (SHA-256) fel y gall unrhyw un wirio na newidiwyd dim ar ôl gwneud y pecyn.',
  'pack.screen.make': 'Gwneud pecyn achos',
  'pack.screen.make-text': 'Dewiswch y digwyddiadau i’w cynnwys, yna cadwch y pecyn mewn ffolder neu ar ffon USB.',
  'pack.screen.check': 'Gwirio pecyn achos',
  'pack.screen.check-text': 'Gwiriwch fod pecyn yn gyflawn ac nad oes unrhyw ffeil ynddo wedi newid.',
  'pack.screen.opening': 'Yn agor…',
  'pack.screen.not-ready': 'Nid yw’r rhan hon o Evidence Vault yn barod eto.',
  'pack.start.given': 'Wedi cael pecyn achos?',

  'pack.format.both': 'Ffolder a’i ffeil ZIP, gyda’r un id pecyn (argymhellir)',
  'pack.format.zip': 'Un ffeil ZIP (hawsaf i’w hanfon neu ei chopïo i ffon USB)',
  'pack.format.folder': 'Ffolder',
  'pack.format.portal':
    'Ar gyfer porth uwchlwytho’r heddlu: rhannau o 16 ffeil ar y mwyaf, pob un â chapsiynau i’w gludo',
  'pack.wizard.need-incident': 'Dewiswch o leiaf un digwyddiad.',
  'pack.wizard.back-to-front': 'Mae’r dyddiadau o chwith: mae {from} ar ôl {to}.',
  'pack.wizard.need-initials':
    'Mae angen eich blaenlythrennau ar gyfer cyfeirnodau’r arddangosion: 1 i 5 llythyren, er enghraifft AB.',
  'pack.wizard.need-where': 'Dewiswch ble i gadw’r pecyn achos yn gyntaf.',
  'pack.wizard.starting': 'Yn dechrau…',
  'pack.wizard.ready': 'Mae’r pecyn achos yn barod.',

  'pack.choose.heading': 'Gwneud pecyn achos: pa ddigwyddiadau?',
  'pack.choose.lead': 'Mae popeth wedi’i gynnwys oni bai eich bod yn cyfyngu arno.',
  'pack.choose.from': 'O (dyddiad)',
  'pack.choose.to': 'Hyd at (dyddiad)',
  'pack.choose.person': 'Person',
  'pack.choose.categories': 'Categorïau (dim un wedi’i dicio: pob un)',
  'pack.choose.incidents': 'Digwyddiadau ({chosen} o {total} wedi’u dewis)',
  'pack.choose.none': 'Does dim digwyddiad yn cyfateb.',
  'pack.choose.checking': 'Yn gwirio’r ffeiliau…',

  'pack.about.heading': 'Gwneud pecyn achos: ar gyfer y crynodeb i’r heddlu',
  'pack.about.lead':
    'Mae’r dudalen gyntaf yn dweud wrth y swyddog pwy wnaeth y cofnod ac ar gyfer pwy y mae. Caiff unrhyw beth a adewch yn wag ei argraffu fel llinell i’w llenwi â llaw.',
  'pack.about.name': 'Eich enw',
  'pack.about.role': 'Eich rôl',
  'pack.about.role-hint': 'Er enghraifft “Ymgeisydd seneddol” neu “Asiant etholiad”.',
  'pack.about.keep': 'Cadw fy enw a’m rôl yn y gosodiadau ar gyfer y tro nesaf',
  'pack.about.recipient': 'Ar gyfer pwy y mae',
  'pack.about.recipient-hint': 'Y swyddog a’r heddlu, er enghraifft “PC 1234 Patel, Kent Police”.',
  'pack.about.crime-ref': 'Cyfeirnod trosedd neu ddigwyddiad',
  'pack.about.cases-hint':
    'Mae eich achosion gyda’r heddlu ar gyfer y digwyddiadau hyn eisoes wedi’u hargraffu ({cases}). Ychwanegwch gyfeirnod arall dim ond os rhoddodd yr heddlu un.',
  'pack.about.no-cases-hint': 'Y rhif a roddodd yr heddlu i chi, os ydynt wedi rhoi un.',
  'pack.about.language': 'Iaith dogfennau’r pecyn',
  'pack.about.language-hint':
    'Y crynodeb i’r heddlu, y gronoleg, y README a’r capsiynau. Mae’r ffeiliau data (JSON a CSV) yn aros yn Saesneg.',
  'pack.about.language-en': 'Saesneg (English)',
  'pack.about.language-cy': 'Cymraeg',

  'pack.details.heading': 'Gwneud pecyn achos: manylion',
  'pack.details.summary':
    '{incidents, plural, one {# digwyddiad} other {# digwyddiad}} {exhibits, plural, =8 {ac # arddangosyn} one {ac # arddangosyn} other {a # arddangosyn}} ({size}).',
  'pack.details.summary-dates':
    '{incidents, plural, one {# digwyddiad} other {# digwyddiad}} {exhibits, plural, =8 {ac # arddangosyn} one {ac # arddangosyn} other {a # arddangosyn}} ({size}), o {first} hyd at {last}.',
  'pack.details.language':
    '{language, select, cy {Bydd dogfennau’r pecyn yn Gymraeg.} other {Bydd dogfennau’r pecyn yn Saesneg (English).}}',
  'pack.details.initials': 'Eich blaenlythrennau',
  'pack.details.initials-hint': 'Caiff arddangosion eu rhifo â nhw, fel y mae’r heddlu’n ei wneud: AB/1, AB/2 …',
  'pack.details.privacy': 'Preifatrwydd',
  'pack.details.omit-notes': 'Gadael fy nodiadau preifat allan',
  'pack.details.omit-private': 'Gadael allan y manylion a’r bobl a nodais yn breifat',
  'pack.details.save-as': 'Cadw fel',
  'pack.details.where': 'Ble i gadw',
  'pack.details.choose-where': 'Dewis ble i gadw…',
  'pack.details.not-chosen': 'Heb ddewis eto',
  'pack.details.default-folder': 'Caiff y pecyn achos ei gadw yn y ffolder “{folder}” wrth ymyl eich claddgell.',
  'pack.details.defence':
    'Efallai y bydd yr amddiffyniad yn gweld yr hyn a anfonwch: efallai y bydd yn rhaid i’r heddlu rannu cynnwys y pecyn â’r amddiffyniad. Gadewch allan unrhyw beth nad ydych am iddynt ei weld, a dywedwch wrth y swyddog beth a adawsoch allan.',
  'pack.details.make': 'Gwneud y pecyn achos',

  'pack.working.heading': 'Yn gwneud y pecyn achos…',
  'pack.working.working': 'Wrthi’n gweithio…',
  'pack.progress.gps': 'Yn chwilio am safleoedd GPS mewn delweddau',
  'pack.progress.chronology': 'Yn ysgrifennu’r gronoleg',
  'pack.progress.parts': 'Yn ysgrifennu maniffest a llofnod pob rhan',
  'pack.progress.manifests': 'Yn ysgrifennu’r maniffestau a’r llofnod',
  'pack.progress.bundle': 'Yn llunio bwndel yr arddangosion {ref}',

  'pack.gps.legend': 'Lluniau sy’n dangos ble y’u tynnwyd',
  'pack.gps.text':
    '{count, plural, one {Mae’r llun hwn yn cynnwys} other {Mae’r lluniau hyn yn cynnwys}} safle GPS yn y ffeil. Gallai ddangos ble rydych yn byw neu ble roeddech chi. Ni chaiff y ffeiliau byth eu newid, felly chi sy’n penderfynu a yw pob un yn cael ei gynnwys.',
  'pack.gps.leave-out': 'Gadael {name} allan (safle {latitude}, {longitude})',

  'pack.receipt.heading': 'Mae eich pecyn achos yn barod',
  'pack.receipt.print-title': 'Evidence Vault: derbynneb y pecyn achos',
  'pack.receipt.hash-zip': 'SHA-256 y ffeil ZIP',
  'pack.receipt.hash-tag': 'SHA-256 maniffest tagiau’r pecyn',
  'pack.receipt.qr': 'Cod QR: {label}',
  'pack.receipt.is-at': 'Mae’r pecyn achos yn {location}.',
  'pack.receipt.copied':
    'Wedi’i gopïo i {location} a’i wirio: mae’r copi’n cyfateb i’r pecyn. Gallwch dynnu’r ffon USB allan yn ddiogel nawr.',
  'pack.receipt.copy-differs':
    'Nid yw’r copi yn {location} yn cyfateb i’r pecyn ({problem}). Dilëwch ef yno a chopïwch eto, neu rhowch gynnig ar ffon USB arall.',
  'pack.receipt.a-file-differs': 'mae ffeil yn wahanol',
  'pack.receipt.browser-saving':
    'Mae eich porwr yn cadw {name}. I’w roi ar ffon USB, dewiswch y ffon pan fydd y porwr yn gofyn ble i gadw, neu symudwch ef yno o’ch ffolder Downloads.',
  'pack.receipt.saved': 'Wedi’i gadw fel <b>{location}</b>',
  'pack.receipt.and-zip': 'a’i ZIP <b>{zip}</b>',
  'pack.receipt.in-parts': 'mewn {count, plural, one {# rhan} other {# rhan}} ar gyfer y porth',
  'pack.receipt.show': 'Dangos yn y ffolder',
  'pack.receipt.copying': 'Yn copïo ac yn gwirio…',
  'pack.receipt.copy': 'Copïo i ffon USB…',
  'pack.receipt.save-copy': 'Cadw copi (ar gyfer ffon USB)…',
  'pack.receipt.print': 'Argraffu’r dderbynneb',
  'pack.receipt.receipt': 'Derbynneb',
  'pack.receipt.pack-id': 'Id y pecyn',
  'pack.receipt.saved-as': 'Wedi’i gadw fel',
  'pack.receipt.made': 'Gwnaed',
  'pack.receipt.contents': 'Beth sydd ynddo',
  'pack.receipt.tag-hash': 'SHA-256 y maniffest tagiau',
  'pack.receipt.fingerprint': 'Ôl bys eich allwedd llofnodi',
  'pack.receipt.keep':
    'Cadwch y dderbynneb hon. Gall unrhyw un gyfrifo SHA-256 {what, select, zip {y ffeil ZIP} other {y maniffest tagiau}} (ar Windows: Get-FileHash yn PowerShell) a’i gymharu â’r un uchod: os ydynt yr un fath, nid yw’r pecyn wedi newid ers i chi ei wneud. Dylai ôl bys yr allwedd llofnodi gyfateb i’r cerdyn allwedd a roesoch i’r heddlu.',
  'pack.receipt.left-out': 'Wedi’u gadael allan',
  'pack.receipt.damaged': 'mae’r copi sydd wedi’i storio wedi’i ddifrodi',
  'pack.receipt.gps': 'mae’n dangos ble y’i tynnwyd',
  'pack.receipt.excluded': 'fe wnaethoch ei adael allan',
  'pack.receipt.handing': 'Ei roi i’r heddlu',
  'pack.receipt.hand-1':
    'Rhowch y pecyn i’ch cyswllt yn yr heddlu (eich SPOC os oes gennych un) ar ffon USB neu fel y maent yn gofyn.',
  'pack.receipt.hand-2':
    'Argraffwch y dderbynneb a’i chadw gyda’ch cofnodion: mae’n dangos yn nes ymlaen na chafodd y pecyn ei newid.',
  'pack.receipt.hand-3': 'Gall y swyddog agor data/README.txt yn y pecyn: mae’n esbonio sut i wirio pob ffeil.',
  'pack.receipt.hand-4': 'Cadwch eich claddgell: copi yw’r pecyn; mae’r rhai gwreiddiol yn aros yn ddiogel ynddi.',

  'pack.verify.too-large':
    'Mae’r pecyn achos hwn yn {size}, sy’n rhy fawr i’w wirio yn fersiwn y porwr ({max} ar y mwyaf): defnyddiwch yr ap bwrdd gwaith neu evidence-vault verify.',
  'pack.verify.lead':
    'Caiff pob ffeil ei gwirio yn erbyn ei hôl bys SHA-256, a chaiff llofnod y pecyn ei wirio. Nid yw llofnod dilys ond yn dangos nad yw’r pecyn wedi newid ers i’w allwedd ei lofnodi, felly dywedir wrthych pa allwedd oedd honno. Does dim angen claddgell, ac ni chaiff dim ei newid.',
  'pack.verify.choose-zip': 'Dewis ffeil ZIP…',
  'pack.verify.choose-folder': 'Dewis ffolder…',
  'pack.verify.zip': 'Ffeil ZIP y pecyn achos',
  'pack.verify.folder': 'Neu ei ffolder (yr un sy’n cynnwys bagit.txt)',
  'pack.verify.made-here': 'Pecynnau a wnaed yn y sesiwn hon',
  'pack.verify.check': 'Gwirio {id}',
  'pack.verify.checking': 'Yn gwirio…',
  'pack.verify.all-good': 'Popeth yn iawn: mae {count} ffeil yn cyfateb i’w holion bysedd ac mae’r llofnod yn ddilys.',
  'pack.verify.problems': 'Mae gan y pecyn hwn {count, plural, one {un broblem} two {# broblem} other {# problem}}.',
  'pack.verify.unchanged': 'Does dim ynddo wedi newid ers iddo gael ei lofnodi.',
  'pack.verify.changed':
    'Nid yw fel yr oedd pan gafodd ei wneud: peidiwch â dibynnu arno. Gofynnwch i’r person a’i gwnaeth am gopi newydd.',
  'pack.verify.made': 'gwnaed {date}',
  'pack.verify.signed-own': 'Wedi’i lofnodi ag allwedd <k>{fingerprint}</k>: allwedd y gladdgell hon ei hun.',
  'pack.verify.signed-other':
    'Wedi’i lofnodi ag allwedd <k>{fingerprint}</k>, nad yw’n allwedd y gladdgell hon; cymharwch hi â cherdyn allwedd y sawl a wnaeth y pecyn.',
  'pack.verify.signed':
    'Wedi’i lofnodi ag allwedd <k>{fingerprint}</k>; cymharwch hi â cherdyn allwedd y sawl a wnaeth y pecyn.',
  'pack.verify.found': 'Beth a ganfu’r gwiriad (i’r swyddog)',
  'pack.keycard.heading': 'Nesaf: cymharwch yr allwedd â cherdyn allwedd y sawl a wnaeth y pecyn',
  'pack.keycard.text':
    'Gall unrhyw un lofnodi pecyn ag allwedd ei hun, felly gwiriwch mai allwedd y sawl a wnaeth y pecyn yw hon. Mae ei gerdyn allwedd (a roddwyd i’r heddlu wrth roi gwybod y tro cyntaf) yn dangos ôl bys mewn teip mawr ac fel cod QR. Dylai fod yn union:',
  'pack.keycard.label': 'Yr ôl bys ar y cerdyn allwedd (teipiwch neu gludwch ef; mae bylchau’n iawn)',
  'pack.keycard.compare': 'Cymharu',
  'pack.keycard.match':
    'Mae’n cyfateb i’r cerdyn allwedd: cafodd y pecyn hwn ei lofnodi ag allwedd y sawl a’i gwnaeth.',
  'pack.keycard.differs':
    'Nid yw’n cyfateb i’r cerdyn allwedd: ni chafodd y pecyn hwn ei lofnodi ag allwedd y sawl a’i gwnaeth. Peidiwch â dibynnu arno; gofynnwch i’r sawl a’i gwnaeth am y pecyn eto.',
  'pack.keycard.unreadable':
    'Mae ôl bys yn 64 nod (0 i 9 ac a i f), mewn 16 grŵp o bedwar: gwiriwch yr hyn a deipiwyd gennych a chymharwch eto.',

  'pack.bin.restored': '{kind} “{label}” wedi’i adfer.',
  'pack.bin.lead':
    'Mae’r hyn a ddilëwch yn aros yma am {days} diwrnod a gellir ei adfer, yna caiff ei ddileu am byth. Mae’r log gweithgarwch yn cadw nodyn o bob dileu a’i reswm, ac o bob adfer. Mae’r amseroedd yn amser y DU (GMT/BST).',
  'pack.bin.reading': 'Yn darllen y bin…',
  'pack.bin.empty': 'Mae’r bin yn wag.',
  'pack.bin.empty-more':
    'Pan fyddwch yn dileu digwyddiad, arddangosyn, person neu gyswllt, mae’n aros yma am {days} diwrnod, fel y gellir cywiro camgymeriad.',
  'pack.bin.items': 'Eitemau wedi’u dileu',
  'pack.bin.untitled': 'Heb deitl',
  'pack.bin.deleted': 'Dilëwyd',
  'pack.bin.reason': 'Rheswm',
  'pack.bin.with-it': 'Gydag ef',
  'pack.bin.days-left': 'Diwrnodau ar ôl',
  'pack.bin.left': '{count, plural, one {# diwrnod} other {# diwrnod}} (tan {date})',
  'pack.bin.none-left': 'Dim: mae ei {days} diwrnod wedi mynd heibio',
  'pack.bin.restore-label': 'Adfer {kind} {label}',
  'pack.bin.restoring': 'Yn adfer…',
  'pack.bin.restore': 'Adfer',

  'pack.history.heading': 'Hanes “{title}”',
  'pack.history.hint':
    'Caiff pob fersiwn a gadwyd ei chadw, yr hynaf yn gyntaf. Mae’r amseroedd yn amser y DU (GMT/BST).',
  'pack.history.reading': 'Yn darllen y fersiynau a gadwyd…',
  'pack.history.list': 'Fersiynau a gadwyd, yr hynaf yn gyntaf',
  'pack.history.first': 'Fersiwn {version}: ysgrifennwyd gyntaf {when}',
  'pack.history.changed': 'Fersiwn {version}: newidiwyd {when}',
  'pack.history.entered-by': 'Cofnodwyd gan {name}',
  'pack.history.changed-fields': 'Newidiwyd: {fields}.',
  'pack.history.other': 'Manylion eraill',
  'pack.history.before': 'Cyn',
  'pack.history.after': 'Ar ôl',
  'pack.history.saved-again': 'Cadwyd eto; ni chofnodwyd pa feysydd a newidiodd, neu ni newidiodd dim.',

  'pack.activity.heading': 'Log gweithgarwch',
  'pack.activity.lead':
    'Mae Evidence Vault yn nodi bob tro y caiff tystiolaeth ei hychwanegu, ei newid, ei gweld neu ei hallforio. Mae’r log wedi’i gloi fel eich cofnod, a chaiff unrhyw newid iddo ei ganfod. Mae’r amseroedd yn amser y DU (GMT/BST).',
  'pack.activity.show': 'Dangos y log gweithgarwch',
  'pack.activity.count': '{count, plural, one {# cofnod} other {# cofnod}}.',
  'pack.activity.count-latest': '{count, plural, one {# cofnod} other {# cofnod}}; dangosir y {shown} diweddaraf.',
  'pack.activity.list': 'Log gweithgarwch, y diweddaraf yn gyntaf',
  'pack.activity.details': 'Manylion',
  'pack.activity.of-entry': 'cofnod {seq}',
  'pack.activity.entry': 'Cofnod',
  'pack.activity.at': 'Am (UTC)',
  'pack.activity.action': 'Gweithred',
  'pack.activity.about': 'Ynghylch',
  'pack.activity.noun.screenshot': 'sgrinlun',
  'pack.activity.noun.photo': 'llun',
  'pack.activity.noun.email': 'e-bost',
  'pack.activity.noun.scan': 'sgan',
  'pack.activity.noun.recording': 'recordiad',

  'pack.kind.image': 'Llun',
  'pack.kind.email': 'E-bost',
  'pack.kind.pdf': 'Dogfen PDF',
  'pack.kind.text': 'Testun',
  'pack.kind.other': 'Ffeil',
  'pack.format.instant': '{day} {month} {year} am {time} {zone}',
  'pack.format.in-your-zone': '{time}, {day}, yn eich cylchfa amser',
};
