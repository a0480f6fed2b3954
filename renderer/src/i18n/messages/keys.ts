/**
 * The keys screens' words, English and Welsh (merged into ../en.ts and ../cy.ts). Ids start
 * "keys." unless a word is shared.
 */

export const en = {
  'keys.brand': 'Evidence Vault',
  'keys.passphrase': 'Passphrase',
  'keys.recovery-key': 'Recovery key',
  'keys.keep-it': 'Keep it',
  'keys.cancel': 'Cancel',

  'keys.app.could-not-start': 'Evidence Vault could not start',
  'keys.app.opening': 'Opening Evidence Vault…',

  'keys.unlock.heading': 'Unlock your vault',
  'keys.unlock.use-recovery': 'Use my recovery key',
  'keys.unlock.type-passphrase': 'Type your passphrase.',
  'keys.unlock.type-recovery': 'Type your recovery key.',
  'keys.unlock.wrong-passphrase':
    'That passphrase is not right. Check that Caps Lock is off and try again. Nothing has been changed.',
  'keys.unlock.wrong-recovery': 'That recovery key is not right. Check each group of characters and try again.',
  'keys.unlock.folder': 'Vault folder: {location}',
  'keys.unlock.with': 'Unlock with',
  'keys.unlock.button': 'Unlock',
  'keys.unlock.busy': 'Unlocking…',
  'keys.unlock.status': 'Checking… this takes a moment.',
  'keys.unlock.locked-inactivity': 'Your vault was locked because it was not used for a while.',
  'keys.unlock.locked': 'Your vault is locked.',
  'keys.unlock.locked-reason': 'Your vault was locked ({reason}).',
  'keys.unlock.reason.sleep': 'the computer went to sleep',
  'keys.unlock.reason.screen': 'the screen was locked',
  'keys.unlock.reason.other-user': 'another user took over the computer',
  'keys.unlock.reason.shutdown': 'the computer is shutting down',
  'keys.unlock.reason.idle': 'nobody used Evidence Vault for a while',
  'keys.unlock.reason.quick-exit': 'quick exit',
  'keys.unlock.reason.window-stopped': 'the window stopped unexpectedly',
  'keys.unlock.reason.vault-stopped': 'the vault stopped unexpectedly',
  'keys.unlock.quick-exit':
    '<b>Quick exit:</b> press <kbd>Esc</kbd> twice quickly (or <kbd>{chord}</kbd>) to hide Evidence Vault and lock it at once.',

  'keys.create.heading': 'Create your vault',
  'keys.create.lead':
    'Evidence Vault keeps your record of what happened locked on this computer. Only someone with your passphrase can read it.',
  'keys.create.folder': 'The vault will be kept in the folder “{location}”.',
  'keys.create.again': 'Type the passphrase again',
  'keys.create.hint':
    'Nobody can reset this passphrase for you — not us, not the police. Next you will get a recovery key to keep somewhere safe in case you forget it.',
  'keys.create.button': 'Create vault',
  'keys.create.busy': 'Creating your vault…',
  'keys.create.status': 'Creating your vault. This takes a few seconds.',

  'keys.pass.choose': 'Choose a passphrase.',
  'keys.pass.short': 'Use at least {min} characters.',
  'keys.pass.weak': 'This passphrase is too easy to guess. Add another word or two.',
  'keys.pass.differ': 'The two passphrases are not the same.',

  'keys.recovery.heading': 'Your recovery key',
  'keys.recovery.lead':
    'If you ever forget your passphrase, this key is the only way to open your vault. It is shown <b>only once</b>.',
  'keys.recovery.keep':
    'Copy it, print it or save it, then keep it somewhere safe away from this computer — for example with a trusted friend.',
  'keys.recovery.saved': 'I have saved it — continue to my vault',
  'keys.recovery.how-to':
    "On the unlock screen choose 'Use my recovery key', type these groups, then choose a new passphrase.",
  'keys.recovery.where-folder': 'the vault in the folder “{location}”',
  'keys.recovery.where': 'your vault',
  'keys.recovery.copied': 'Copied. Paste it somewhere safe away from this computer, then clear it from the clipboard.',
  'keys.recovery.copy-failed': 'The key could not be copied ({error}). Select it and copy it by hand, or print it.',
  'keys.recovery.title': 'Evidence Vault recovery key',
  'keys.recovery.file-for': 'For {where}, made on {made}.',
  'keys.recovery.how-label': 'How to use it:',
  'keys.recovery.file-keep':
    'Keep it somewhere safe, away from this computer. Anyone with this key can open your vault.',
  'keys.recovery.sheet-for': 'For {where}. Made on {made}.',
  'keys.recovery.sheet-keep':
    'Keep this sheet somewhere safe, away from the computer. Anyone with this key can open your vault.',
  'keys.recovery.copy': 'Copy',
  'keys.recovery.print': 'Print the recovery key',
  'keys.recovery.save-text': 'Save as a text file',
  'keys.recovery.downloaded':
    'Saved to your downloads. Move it off this computer (for example to a USB stick you keep elsewhere) and delete it here.',
  'keys.recovery.check': 'Check you have it',
  'keys.recovery.check-hint':
    'Type these two groups from your saved copy. Each group is 4 letters and digits, counted from the left.',
  'keys.recovery.group': 'Group {n}',
  'keys.recovery.group-wrong':
    'Group {n} does not match your recovery key. Look at the key above or your saved copy and type group {n} again.',

  'keys.after-recovery.set': 'Your new passphrase is set',
  'keys.after-recovery.set-text': 'Use it next time you unlock. Your recovery key still works too: keep it safe.',
  'keys.after-recovery.go': 'Go to my vault',
  'keys.after-recovery.skip-heading': 'Skip the new passphrase?',
  'keys.after-recovery.skip-warning':
    'If you skip this, your old passphrase stays. If you have forgotten it, you will need your recovery key every time you unlock, and if you lose the key as well nobody can open your vault.',
  'keys.after-recovery.choose': 'Choose a new passphrase',
  'keys.after-recovery.skip-anyway': 'Skip anyway',
  'keys.after-recovery.lead':
    'You opened your vault with the recovery key. Choose a new passphrase now, so you can unlock with it next time.',
  'keys.after-recovery.submit': 'Set the new passphrase',
  'keys.after-recovery.skip': 'Skip for now',

  'keys.new-pass.wrong-current':
    'That is not your current passphrase. Check that Caps Lock is off and try again. Nothing has been changed.',
  'keys.new-pass.current-first': 'Type your current passphrase first.',
  'keys.new-pass.current': 'Current passphrase',
  'keys.new-pass.new': 'New passphrase',
  'keys.new-pass.again': 'Type it again',
  'keys.new-pass.busy': 'Changing…',

  'keys.drafts.heading': 'Unfinished writing',
  'keys.drafts.discarded': 'Draft discarded.',
  'keys.drafts.damaged': 'A draft could not be read: it may be damaged.',
  'keys.drafts.row': '{what}, not saved yet: draft kept at {when}.',
  'keys.drafts.on-day': '{time} on {date}',
  'keys.drafts.open': 'Open it',
  'keys.drafts.discard': 'Discard it',
  'keys.drafts.what.quick-add': 'A quick add',
  'keys.drafts.what.new-incident': 'A new incident',
  'keys.drafts.what.incident': 'Changes to “{title}”',
  'keys.drafts.what.person': 'Changes to the details of {name}',
  'keys.drafts.what.new-contact': 'A new contact',
  'keys.drafts.what.contact': 'Changes to the contact {name}',
  'keys.drafts.what.no-name': 'without a name',
  'keys.drafts.what.new-case': 'A new police case',
  'keys.drafts.what.case': 'Changes to police case {reference}',
  'keys.drafts.what.exhibit': 'Your account of exhibit {ref}',
  'keys.drafts.what.physical': 'A physical item for “{title}”',

  'keys.form-draft.not-kept': 'The draft could not be kept: {error}',
  'keys.form-draft.restored': 'Restored what you were writing at {when}.',
  'keys.form-draft.damaged':
    'A draft of this form could not be read: it may be damaged. Discard it, then write the form again.',

  'keys.leave.heading': 'Leave this form?',
  'keys.leave.text':
    'What you have written is not saved as an incident yet. You can keep it as a draft (it stays encrypted in your vault and comes back when you open this form again).',
  'keys.leave.keep': 'Keep this as a draft',
  'keys.leave.discard': 'Discard',
  'keys.leave.stay': 'Stay',

  'keys.confirm.reason': 'Why are you deleting it? (required: the activity log keeps the reason)',

  'keys.count.up-to': 'Up to {limit, number} characters.',
  'keys.count.over': '{over, plural, one {# character} other {# characters}} too many: the limit is {limit, number}.',
  'keys.count.left': 'You have {left, plural, one {# character} other {# characters}} left.',

  'keys.card.purpose': 'Hand this to your SPOC at the first report; every later pack can be checked against it.',
  'keys.card.qr': 'QR code of the fingerprint',
  'keys.card.heading': 'Your key card',
  'keys.card.hint':
    'Every case pack is signed with your vault’s key. Print this card and give it to the police at your first report: they can then check that each later pack came from you.',
  'keys.card.title': 'Signing key card',
  'keys.card.fp-label': 'Signing key fingerprint (SHA-256 of the public key)',
  'keys.card.ssh': 'The QR code holds the same 64 characters. As ssh-keygen shows the key: <code>{ssh}</code>',
  'keys.card.making': 'Making your key card…',
  'keys.card.print': 'Print key card',
  'keys.card.save': 'Save as a PDF',
  'keys.card.saved': 'Saved as {file}.',
  'keys.card.saved-beside': 'Saved as {file}, in the folder beside your vault.',

  'keys.slots.wrong-owner':
    "That is not the owner's current passphrase. Check that Caps Lock is off and try again. Nothing has been changed.",
  'keys.slots.removed': '{name}’s passphrase was removed: it no longer opens this vault.',
  'keys.slots.removed-announce': '{name}’s passphrase was removed.',
  'keys.slots.heading': 'Who can open this vault',
  'keys.slots.hint':
    'Your election agent (or someone else you trust) can have a passphrase of their own. It opens the same vault, and once there are two of you, every incident, exhibit and activity-log entry says who entered it.',
  'keys.slots.list': 'Passphrases that open this vault',
  'keys.slots.owner': 'The owner’s passphrase',
  'keys.slots.owner-default': 'Owner',
  'keys.slots.recovery': 'Opens the vault if a passphrase is forgotten',
  'keys.slots.person': 'Their own passphrase',
  'keys.slots.current': 'used to open the vault now',
  'keys.slots.remove-label': 'Remove {name}’s passphrase',
  'keys.slots.remove': 'Remove',
  'keys.slots.remove-heading': 'Remove {name}’s passphrase?',
  'keys.slots.remove-text':
    'They will no longer be able to open this vault. What they entered stays, with their name on it.',
  'keys.slots.remove-it': 'Remove it',
  'keys.slots.added': '{name} can now open this vault with their own passphrase.',
  'keys.slots.added-announce': 'Passphrase added for {name}.',
  'keys.slots.add': 'Add a passphrase for someone else…',
  'keys.slots.name-needed': 'Type the name of the person this passphrase is for, for example “Sam (agent)”.',
  'keys.slots.owner-needed': 'Type your own current passphrase to confirm it is you.',
  'keys.slots.add-form': 'Add a passphrase',
  'keys.slots.name': 'Their name, as entries will show it',
  'keys.slots.name-hint': 'For example “Sam Patel (agent)”.',
  'keys.slots.new': 'Their passphrase',
  'keys.slots.new2': 'Their passphrase again',
  'keys.slots.owner-pass': 'Your current passphrase',
  'keys.slots.adding': 'Adding…',
  'keys.slots.add-theirs': 'Add their passphrase',
} as const satisfies Record<string, string>;

export const cy: Record<keyof typeof en, string> = {
  'keys.brand': 'Evidence Vault',
  'keys.passphrase': 'Cyfrinymadrodd',
  'keys.recovery-key': 'Allwedd adfer',
  'keys.keep-it': 'Ei gadw',
  'keys.cancel': 'Canslo',

  'keys.app.could-not-start': 'Nid oedd modd cychwyn Evidence Vault',
  'keys.app.opening': 'Wrthi’n agor Evidence Vault…',

  'keys.unlock.heading': 'Datgloi eich claddgell',
  'keys.unlock.use-recovery': 'Defnyddio fy allwedd adfer',
  'keys.unlock.type-passphrase': 'Teipiwch eich cyfrinymadrodd.',
  'keys.unlock.type-recovery': 'Teipiwch eich allwedd adfer.',
  'keys.unlock.wrong-passphrase':
    'Nid yw’r cyfrinymadrodd hwnnw’n gywir. Gwiriwch nad yw Caps Lock ymlaen a rhowch gynnig arall arni. Nid oes dim wedi’i newid.',
  'keys.unlock.wrong-recovery':
    'Nid yw’r allwedd adfer honno’n gywir. Gwiriwch bob grŵp o nodau a rhowch gynnig arall arni.',
  'keys.unlock.folder': 'Ffolder y gladdgell: {location}',
  'keys.unlock.with': 'Datgloi gyda',
  'keys.unlock.button': 'Datgloi',
  'keys.unlock.busy': 'Wrthi’n datgloi…',
  'keys.unlock.status': 'Wrthi’n gwirio… mae hyn yn cymryd eiliad.',
  'keys.unlock.locked-inactivity': 'Cafodd eich claddgell ei chloi am nad oedd wedi cael ei defnyddio ers tro.',
  'keys.unlock.locked': 'Mae eich claddgell wedi’i chloi.',
  'keys.unlock.locked-reason': 'Cafodd eich claddgell ei chloi ({reason}).',
  'keys.unlock.reason.sleep': 'aeth y cyfrifiadur i gysgu',
  'keys.unlock.reason.screen': 'cafodd y sgrin ei chloi',
  'keys.unlock.reason.other-user': 'cymerodd defnyddiwr arall y cyfrifiadur drosodd',
  'keys.unlock.reason.shutdown': 'mae’r cyfrifiadur yn cau i lawr',
  'keys.unlock.reason.idle': 'ni ddefnyddiodd neb Evidence Vault ers tro',
  'keys.unlock.reason.quick-exit': 'gadael yn gyflym',
  'keys.unlock.reason.window-stopped': 'stopiodd y ffenestr yn annisgwyl',
  'keys.unlock.reason.vault-stopped': 'stopiodd y gladdgell yn annisgwyl',
  'keys.unlock.quick-exit':
    '<b>Gadael yn gyflym:</b> pwyswch <kbd>Esc</kbd> ddwywaith yn gyflym (neu <kbd>{chord}</kbd>) i guddio Evidence Vault a’i gloi ar unwaith.',

  'keys.create.heading': 'Creu eich claddgell',
  'keys.create.lead':
    'Mae Evidence Vault yn cadw eich cofnod o’r hyn a ddigwyddodd dan glo ar y cyfrifiadur hwn. Dim ond rhywun sydd â’ch cyfrinymadrodd all ei ddarllen.',
  'keys.create.folder': 'Bydd y gladdgell yn cael ei chadw yn y ffolder “{location}”.',
  'keys.create.again': 'Teipiwch y cyfrinymadrodd eto',
  'keys.create.hint':
    'Ni all neb ailosod y cyfrinymadrodd hwn ar eich rhan — nid ni, nid yr heddlu. Nesaf, byddwch yn cael allwedd adfer i’w chadw rywle diogel rhag ofn i chi ei anghofio.',
  'keys.create.button': 'Creu’r gladdgell',
  'keys.create.busy': 'Wrthi’n creu eich claddgell…',
  'keys.create.status': 'Wrthi’n creu eich claddgell. Mae hyn yn cymryd ychydig eiliadau.',

  'keys.pass.choose': 'Dewiswch gyfrinymadrodd.',
  'keys.pass.short': 'Defnyddiwch o leiaf {min} nod.',
  'keys.pass.weak': 'Mae’n rhy hawdd dyfalu’r cyfrinymadrodd hwn. Ychwanegwch air neu ddau arall.',
  'keys.pass.differ': 'Nid yw’r ddau gyfrinymadrodd yr un fath.',

  'keys.recovery.heading': 'Eich allwedd adfer',
  'keys.recovery.lead':
    'Os byddwch chi byth yn anghofio eich cyfrinymadrodd, yr allwedd hon yw’r unig ffordd o agor eich claddgell. Caiff ei dangos <b>unwaith yn unig</b>.',
  'keys.recovery.keep':
    'Copïwch hi, argraffwch hi neu cadwch hi mewn ffeil, yna rhowch hi rywle diogel i ffwrdd o’r cyfrifiadur hwn — er enghraifft gyda ffrind rydych chi’n ymddiried ynddo.',
  'keys.recovery.saved': 'Rwyf wedi’i chadw — ymlaen i fy nghladdgell',
  'keys.recovery.how-to':
    'Ar y sgrin datgloi dewiswch ‘Defnyddio fy allwedd adfer’, teipiwch y grwpiau hyn, yna dewiswch gyfrinymadrodd newydd.',
  'keys.recovery.where-folder': 'y gladdgell yn y ffolder “{location}”',
  'keys.recovery.where': 'eich claddgell',
  'keys.recovery.copied':
    'Wedi’i chopïo. Gludwch hi rywle diogel i ffwrdd o’r cyfrifiadur hwn, yna cliriwch hi o’r clipfwrdd.',
  'keys.recovery.copy-failed':
    'Nid oedd modd copïo’r allwedd ({error}). Dewiswch hi a’i chopïo â llaw, neu argraffwch hi.',
  'keys.recovery.title': 'Allwedd adfer Evidence Vault',
  'keys.recovery.file-for': 'Ar gyfer {where}, wedi’i gwneud ar {made}.',
  'keys.recovery.how-label': 'Sut i’w defnyddio:',
  'keys.recovery.file-keep':
    'Cadwch hi rywle diogel, i ffwrdd o’r cyfrifiadur hwn. Gall unrhyw un sydd â’r allwedd hon agor eich claddgell.',
  'keys.recovery.sheet-for': 'Ar gyfer {where}. Gwnaed ar {made}.',
  'keys.recovery.sheet-keep':
    'Cadwch y ddalen hon rywle diogel, i ffwrdd o’r cyfrifiadur. Gall unrhyw un sydd â’r allwedd hon agor eich claddgell.',
  'keys.recovery.copy': 'Copïo',
  'keys.recovery.print': 'Argraffu’r allwedd adfer',
  'keys.recovery.save-text': 'Cadw fel ffeil testun',
  'keys.recovery.downloaded':
    'Wedi’i chadw yn eich ffolder lawrlwythiadau. Symudwch hi oddi ar y cyfrifiadur hwn (er enghraifft i gof bach USB rydych chi’n ei gadw yn rhywle arall) a’i dileu yma.',
  'keys.recovery.check': 'Gwiriwch fod gennych hi',
  'keys.recovery.check-hint':
    'Teipiwch y ddau grŵp hyn o’ch copi wedi’i gadw. Mae gan bob grŵp 4 llythyren a digid, a chaiff y grwpiau eu cyfrif o’r chwith.',
  'keys.recovery.group': 'Grŵp {n}',
  'keys.recovery.group-wrong':
    'Nid yw grŵp {n} yn cyfateb i’ch allwedd adfer. Edrychwch ar yr allwedd uchod neu ar eich copi wedi’i gadw a theipiwch grŵp {n} eto.',

  'keys.after-recovery.set': 'Mae eich cyfrinymadrodd newydd wedi’i osod',
  'keys.after-recovery.set-text':
    'Defnyddiwch ef y tro nesaf y byddwch yn datgloi. Mae eich allwedd adfer yn dal i weithio hefyd: cadwch hi’n ddiogel.',
  'keys.after-recovery.go': 'Mynd i fy nghladdgell',
  'keys.after-recovery.skip-heading': 'Hepgor y cyfrinymadrodd newydd?',
  'keys.after-recovery.skip-warning':
    'Os byddwch yn hepgor hyn, bydd eich hen gyfrinymadrodd yn aros. Os ydych wedi’i anghofio, bydd angen eich allwedd adfer arnoch bob tro y byddwch yn datgloi, ac os byddwch yn colli’r allwedd hefyd ni all neb agor eich claddgell.',
  'keys.after-recovery.choose': 'Dewis cyfrinymadrodd newydd',
  'keys.after-recovery.skip-anyway': 'Hepgor beth bynnag',
  'keys.after-recovery.lead':
    'Fe agoroch chi eich claddgell gyda’r allwedd adfer. Dewiswch gyfrinymadrodd newydd nawr, er mwyn i chi allu datgloi gydag ef y tro nesaf.',
  'keys.after-recovery.submit': 'Gosod y cyfrinymadrodd newydd',
  'keys.after-recovery.skip': 'Hepgor am y tro',

  'keys.new-pass.wrong-current':
    'Nid hwnnw yw eich cyfrinymadrodd presennol. Gwiriwch nad yw Caps Lock ymlaen a rhowch gynnig arall arni. Nid oes dim wedi’i newid.',
  'keys.new-pass.current-first': 'Teipiwch eich cyfrinymadrodd presennol yn gyntaf.',
  'keys.new-pass.current': 'Cyfrinymadrodd presennol',
  'keys.new-pass.new': 'Cyfrinymadrodd newydd',
  'keys.new-pass.again': 'Teipiwch ef eto',
  'keys.new-pass.busy': 'Wrthi’n newid…',

  'keys.drafts.heading': 'Ysgrifennu heb ei orffen',
  'keys.drafts.discarded': 'Cafodd y drafft ei daflu.',
  'keys.drafts.damaged': 'Nid oedd modd darllen drafft: efallai ei fod wedi’i ddifrodi.',
  'keys.drafts.row': '{what}, heb ei gadw eto: drafft wedi’i gadw am {when}.',
  'keys.drafts.on-day': '{time} ar {date}',
  'keys.drafts.open': 'Ei agor',
  'keys.drafts.discard': 'Ei daflu',
  'keys.drafts.what.quick-add': 'Cofnod cyflym',
  'keys.drafts.what.new-incident': 'Digwyddiad newydd',
  'keys.drafts.what.incident': 'Newidiadau i “{title}”',
  'keys.drafts.what.person': 'Newidiadau i fanylion {name}',
  'keys.drafts.what.new-contact': 'Cyswllt newydd',
  'keys.drafts.what.contact': 'Newidiadau i’r cyswllt {name}',
  'keys.drafts.what.no-name': 'heb enw',
  'keys.drafts.what.new-case': 'Achos heddlu newydd',
  'keys.drafts.what.case': 'Newidiadau i achos heddlu {reference}',
  'keys.drafts.what.exhibit': 'Eich disgrifiad o arddangosyn {ref}',
  'keys.drafts.what.physical': 'Eitem ffisegol ar gyfer “{title}”',

  'keys.form-draft.not-kept': 'Nid oedd modd cadw’r drafft: {error}',
  'keys.form-draft.restored': 'Wedi adfer yr hyn roeddech chi’n ei ysgrifennu am {when}.',
  'keys.form-draft.damaged':
    'Nid oedd modd darllen drafft o’r ffurflen hon: efallai ei fod wedi’i ddifrodi. Taflwch ef, yna llenwch y ffurflen eto.',

  'keys.leave.heading': 'Gadael y ffurflen hon?',
  'keys.leave.text':
    'Nid yw’r hyn rydych wedi’i ysgrifennu wedi’i gadw fel digwyddiad eto. Gallwch ei gadw fel drafft (mae’n aros wedi’i amgryptio yn eich claddgell ac yn dod yn ôl pan fyddwch yn agor y ffurflen hon eto).',
  'keys.leave.keep': 'Cadw hwn fel drafft',
  'keys.leave.discard': 'Taflu',
  'keys.leave.stay': 'Aros',

  'keys.confirm.reason': 'Pam rydych chi’n ei ddileu? (rhaid rhoi rheswm: mae’r log gweithgarwch yn ei gadw)',

  'keys.count.up-to': 'Hyd at {limit, number} nod.',
  'keys.count.over': '{over, plural, other {# nod}} yn ormod: y terfyn yw {limit, number}.',
  'keys.count.left': 'Mae gennych {left, plural, other {# nod}} ar ôl.',

  'keys.card.purpose':
    'Rhowch hwn i’ch SPOC y tro cyntaf y byddwch yn rhoi gwybod i’r heddlu; gellir gwirio pob pecyn diweddarach yn ei erbyn.',
  'keys.card.qr': 'Cod QR yr ôl bys',
  'keys.card.heading': 'Eich cerdyn allwedd',
  'keys.card.hint':
    'Mae pob pecyn achos wedi’i lofnodi ag allwedd eich claddgell. Argraffwch y cerdyn hwn a’i roi i’r heddlu y tro cyntaf y byddwch yn rhoi gwybod iddynt: wedyn gallant wirio bod pob pecyn diweddarach wedi dod oddi wrthych chi.',
  'keys.card.title': 'Cerdyn yr allwedd lofnodi',
  'keys.card.fp-label': 'Ôl bys yr allwedd lofnodi (SHA-256 o’r allwedd gyhoeddus)',
  'keys.card.ssh': 'Mae’r cod QR yn dal yr un 64 nod. Fel y mae ssh-keygen yn dangos yr allwedd: <code>{ssh}</code>',
  'keys.card.making': 'Wrthi’n gwneud eich cerdyn allwedd…',
  'keys.card.print': 'Argraffu’r cerdyn allwedd',
  'keys.card.save': 'Cadw fel PDF',
  'keys.card.saved': 'Wedi’i gadw fel {file}.',
  'keys.card.saved-beside': 'Wedi’i gadw fel {file}, yn y ffolder wrth ymyl eich claddgell.',

  'keys.slots.wrong-owner':
    'Nid hwnnw yw cyfrinymadrodd presennol y perchennog. Gwiriwch nad yw Caps Lock ymlaen a rhowch gynnig arall arni. Nid oes dim wedi’i newid.',
  'keys.slots.removed': 'Cafodd cyfrinymadrodd {name} ei dynnu: nid yw’n agor y gladdgell hon mwyach.',
  'keys.slots.removed-announce': 'Cafodd cyfrinymadrodd {name} ei dynnu.',
  'keys.slots.heading': 'Pwy sy’n gallu agor y gladdgell hon',
  'keys.slots.hint':
    'Gall eich asiant etholiad (neu rywun arall rydych chi’n ymddiried ynddo) gael cyfrinymadrodd personol. Mae’n agor yr un gladdgell, ac unwaith y bydd dau ohonoch, mae pob digwyddiad, arddangosyn a chofnod yn y log gweithgarwch yn dweud pwy a’i rhoddodd i mewn.',
  'keys.slots.list': 'Cyfrinymadroddion sy’n agor y gladdgell hon',
  'keys.slots.owner': 'Cyfrinymadrodd y perchennog',
  'keys.slots.owner-default': 'Perchennog',
  'keys.slots.recovery': 'Yn agor y gladdgell os caiff cyfrinymadrodd ei anghofio',
  'keys.slots.person': 'Cyfrinymadrodd personol',
  'keys.slots.current': 'a ddefnyddiwyd i agor y gladdgell nawr',
  'keys.slots.remove-label': 'Tynnu cyfrinymadrodd {name}',
  'keys.slots.remove': 'Tynnu',
  'keys.slots.remove-heading': 'Tynnu cyfrinymadrodd {name}?',
  'keys.slots.remove-text':
    'Ni fyddant yn gallu agor y gladdgell hon mwyach. Mae’r hyn a roddon nhw i mewn yn aros, gyda’u henw arno.',
  'keys.slots.remove-it': 'Ei dynnu',
  'keys.slots.added': 'Gall {name} nawr agor y gladdgell hon gyda chyfrinymadrodd personol.',
  'keys.slots.added-announce': 'Cyfrinymadrodd wedi’i ychwanegu ar gyfer {name}.',
  'keys.slots.add': 'Ychwanegu cyfrinymadrodd i rywun arall…',
  'keys.slots.name-needed':
    'Teipiwch enw’r person y mae’r cyfrinymadrodd hwn ar ei gyfer, er enghraifft “Sam (asiant)”.',
  'keys.slots.owner-needed': 'Teipiwch eich cyfrinymadrodd presennol chi i gadarnhau mai chi sydd yma.',
  'keys.slots.add-form': 'Ychwanegu cyfrinymadrodd',
  'keys.slots.name': 'Eu henw, fel y bydd cofnodion yn ei ddangos',
  'keys.slots.name-hint': 'Er enghraifft “Sam Patel (asiant)”.',
  'keys.slots.new': 'Eu cyfrinymadrodd',
  'keys.slots.new2': 'Eu cyfrinymadrodd eto',
  'keys.slots.owner-pass': 'Eich cyfrinymadrodd presennol',
  'keys.slots.adding': 'Wrthi’n ychwanegu…',
  'keys.slots.add-theirs': 'Ychwanegu eu cyfrinymadrodd',
};
