/**
 * The case pack's own words in English (British), by id: PDFs, README.txt, the viewer, portal
 * captions, the key card. {name} is a placeholder; ./cy.ts has the same ids and placeholders.
 * This English is the pack's wording word for word: change it only to change the pack.
 */
export const en = {
  'when.daysShort': 'Sun|Mon|Tue|Wed|Thu|Fri|Sat',
  'when.daysLong': 'Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday',
  'when.daysOn': 'Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday',
  'when.dateOnly': '{day} (date only)',
  'when.about': 'About {when}',
  'when.onDay': 'On {day}',
  'when.atAboutOn': 'At about {time} on {day}',
  'when.cameraClock': '(the camera’s clock, zone not given)',
  'pdf.person.unknown': '(unknown person)',
  'pdf.person.withheld': '(person withheld at the producer’s request)',
  'pdf.person.noName': '(no name)',
  'pdf.report.ref': 'ref {ref}',
  'pdf.report.officer': 'officer {officer}',
  'pdf.report.outcome': 'outcome: {outcome}',
  'pdf.exhibit.physicalWith': '{ref} ({name}; physical item, kept at {keptAt})',
  'pdf.info.title': 'Chronology of incidents — case pack {packId}',
  'pdf.info.author': 'Evidence Vault user',
  'pdf.footer': 'Case pack {packId} — Page {page} of {pages}',
  'pdf.summary.title': 'Summary for police',
  'pdf.summary.intro':
    'Case pack {packId}, made {made} with {software}. Everything in this pack is the producer’s own record and description, not a finding of fact or law.',
  'pdf.summary.who': 'Who made this record',
  'pdf.label.name': 'Name',
  'pdf.label.role': 'Role',
  'pdf.summary.election': 'Election',
  'pdf.label.safeContact': 'Safe way to make contact',
  'pdf.label.phone': 'Phone',
  'pdf.label.email': 'E-mail',
  'pdf.summary.timesToAvoid': 'Times to avoid',
  'pdf.summary.preparedFor': 'Prepared for',
  'pdf.summary.policeCases': 'Police cases',
  'pdf.summary.crimeRef': 'Crime or incident reference',
  'pdf.summary.crimeRefGiven': 'Crime reference given for this pack',
  'pdf.summary.collar': 'collar number {collar}',
  'pdf.summary.caseForce': '{force}, reference {reference}',
  'pdf.summary.caseOfficer': 'officer in the case {officer}',
  'pdf.summary.caseSpoc': 'single point of contact {spoc}',
  'pdf.summary.caseFirst': 'first reported {day}',
  'pdf.summary.caseIncidents': 'incidents {numbers}',
  'pdf.summary.reportedTo': 'Incident {n} reported to {force}',
  'pdf.summary.thePolice': 'the police',
  'pdf.summary.reference': 'reference {reference}',
  'pdf.summary.inBrief': 'The case in brief',
  'pdf.summary.period': 'Period',
  'pdf.summary.periodValue': '{from} to {to}',
  'pdf.summary.byType': 'By type (the producer’s description)',
  'pdf.summary.escalation': 'Escalation:',
  'pdf.summary.escalationLine': '{when} (incident {n}): {signals}',
  'pdf.summary.responsible': 'Believed responsible (the producer’s belief):',
  'pdf.summary.personIncidents': '{person}: incidents {numbers}',
  'pdf.summary.witnesses': 'Witnesses:',
  'pdf.summary.inAndOut': 'What is in this pack and what was left out',
  'pdf.label.incidents': 'Incidents',
  'pdf.summary.incidentsOf': '{n} of the {all} in the record',
  'pdf.label.exhibits': 'Exhibits',
  'pdf.summary.exhibitsValue': '{n}{physical}, {size} of files',
  'pdf.summary.physicalOnes': ' ({n} of them physical items, listed only)',
  'pdf.summary.leftOut': 'Left out',
  'pdf.summary.nothing': 'nothing',
  'pdf.label.packId': 'Pack id',
  'pdf.label.fingerprint': 'Signing key fingerprint (SHA-256 of the Ed25519 public key)',
  'pdf.label.listHash': 'SHA-256 of the exhibit list ({file})',
  'pdf.summary.exhibitBox': 'This chronology is exhibit  ____________ / ________  (officer to complete)',
  'pdf.bytes': '{size} ({n} bytes)',
  'pdf.conduct.yes': 'yes',
  'pdf.conduct.police': 'Police: {who}',
  'pdf.conduct.policeNo': 'Police: no',
  'pdf.conduct.platform': 'Platform: {who}',
  'pdf.conduct.title': 'Course of conduct',
  'pdf.conduct.intro':
    'One line per incident, oldest first. The numbers match the chronology that follows; P1, P2 … are the people the producer believes responsible (see “People”).',
  'pdf.noIncidents': 'No incidents were selected.',
  'pdf.conduct.about': '(about)',
  'pdf.conduct.noTime': 'no time',
  'pdf.conduct.no': 'No',
  'pdf.conduct.date': 'Date',
  'pdf.conduct.time': 'Time',
  'pdf.conduct.what': 'What (in a few words)',
  'pdf.conduct.channel': 'Channel',
  'pdf.conduct.identifier': 'Identifier used',
  'pdf.conduct.responsible': 'Believed responsible',
  'pdf.conduct.told': 'Told police / platform',
  'pdf.conduct.escalation': 'Escalation',
  'pdf.chronology.title': 'Chronology of incidents',
  'pdf.chronology.intro':
    'Oldest first, in the producer’s words. Times are as the producer entered them: GMT or BST is UK time; “About” marks an approximate time; “date only” means no time was recorded.',
  'pdf.chronology.type': 'Type of incident (the producer’s description)',
  'pdf.chronology.place': 'Place',
  'pdf.chronology.howReached': 'How it reached me',
  'pdf.chronology.what': 'What happened',
  'pdf.chronology.identifier': 'Identifier used (as seen)',
  'pdf.chronology.why': '. Why: {basis}',
  'pdf.chronology.witness': 'Witness',
  'pdf.chronology.knows': ' (knows they are named)',
  'pdf.chronology.doesNotKnow': ' (does not know they are named)',
  'pdf.chronology.effect': 'Effect on me, and what I did or changed',
  'pdf.chronology.reportedPolice': 'Reported to police',
  'pdf.chronology.policeCase': 'Police case',
  'pdf.chronology.reportedPlatform': 'Reported to platform',
  'pdf.chronology.notes': 'Notes',
  'pdf.chronology.leftOut': 'Left out at the producer’s request',
  'pdf.chronology.changed': ' · changed {when}{fields}',
  'pdf.chronology.neverChanged': ' · never changed',
  'pdf.chronology.earlier': ' · earlier wordings in the annex',
  'pdf.chronology.written': 'First written {when}',
  'pdf.chronology.recordId': 'Record id',
  'pdf.people.title': 'People',
  'pdf.people.intro':
    'A sheet for each person the producer believes responsible (P1, P2 …) and each witness (W1, W2 …). Who is believed responsible, and why, is the producer’s belief, not a finding.',
  'pdf.people.none': 'No people are named in the incidents of this pack.',
  'pdf.people.withheldWitness': '{n}: witness, withheld at the producer’s request',
  'pdf.people.withheldResponsible': '{n}: believed responsible, withheld at the producer’s request',
  'pdf.people.headingWitness': '{n}: {name} (witness)',
  'pdf.people.headingResponsible': '{n}: {name} (believed responsible)',
  'pdf.people.noName': '(no name given)',
  'pdf.people.private': 'The producer marked this person private and chose to leave private details out of this pack.',
  'pdf.people.handles': 'Other names and handles',
  'pdf.label.description': 'Description',
  'pdf.people.contact': 'Contact',
  'pdf.people.saw': 'What they saw or heard',
  'pdf.people.knows': 'Knows they are named in this record',
  'pdf.yes': 'Yes',
  'pdf.no': 'No',
  'pdf.people.platform': 'Platform',
  'pdf.people.handle': 'Handle',
  'pdf.people.accountId': 'Account id',
  'pdf.people.firstSeen': 'First seen',
  'pdf.people.lastSeen': 'Last seen',
  'pdf.people.basis': 'Why the producer links these identifiers to this person',
  'pdf.exhibits.other': 'Other',
  'pdf.source.platform': 'platform {v}',
  'pdf.source.account': 'account {v}',
  'pdf.source.accountId': 'account id {v}',
  'pdf.source.phone': 'phone {v}',
  'pdf.source.email': 'e-mail {v}',
  'pdf.capture.time': 'Capture time the file gives',
  'pdf.capture.software': 'software {v}',
  'pdf.capture.device': 'Device the file names',
  'pdf.capture.gps': 'GPS position in the file (SENSITIVE: it can show where the producer lives or was)',
  'pdf.capture.emailDate': 'E-mail Date header',
  'pdf.capture.emailFrom': 'E-mail From',
  'pdf.capture.emailId': 'E-mail Message-ID',
  'pdf.capture.received': 'First Received header',
  'pdf.capture.pdfTitle': 'title {v}',
  'pdf.capture.pdfAuthor': 'author {v}',
  'pdf.capture.pdfMade': 'made {v}',
  'pdf.capture.pdfSays': 'The PDF says',
  'pdf.capture.proof': 'Capture proof present (not checked)',
  'pdf.capture.c2pa': 'C2PA content credentials',
  'pdf.capture.proofMode': 'ProofMode bundle',
  'pdf.capture.unreadable': 'Could not be read',
  'pdf.exhibits.title': 'Exhibit list',
  'pdf.exhibits.intro':
    'MG12-style. References are permanent: each names one item for good, in every pack; a reference not in this pack is listed where it would be, with why. Each exhibit file is byte-for-byte the file imported on the date shown; screenshots, scans and exports are copies the producer made.',
  'pdf.noExhibits': 'No exhibits.',
  'pdf.exhibits.theProducer': 'the producer',
  'pdf.exhibits.item': 'Item',
  'pdf.exhibits.type': 'Type',
  'pdf.exhibits.physicalType': 'physical item (not in this pack)',
  'pdf.exhibits.keptAt': 'Physical item, kept at',
  'pdf.exhibits.handledBy': 'Handled by',
  'pdf.exhibits.producedBy': 'Produced by',
  'pdf.exhibits.whenHow': 'When and how obtained',
  'pdf.exhibits.added': 'Added to the record',
  'pdf.exhibits.incident': 'Incident',
  'pdf.exhibits.digitalType': 'digital file ({type})',
  'pdf.exhibits.typeUnknown': 'type not known',
  'pdf.exhibits.whenObtained': 'When obtained',
  'pdf.exhibits.howObtained': 'How obtained',
  'pdf.exhibits.source': 'Source',
  'pdf.exhibits.originalNow': 'Where the original is now',
  'pdf.exhibits.originalName': 'Original name',
  'pdf.exhibits.fileInPack': 'File in pack',
  'pdf.exhibits.size': 'Size',
  'pdf.exhibits.imported': 'Imported into Evidence Vault',
  'pdf.exhibits.modified': 'Last modified on the computer it came from',
  'pdf.exhibits.note': 'Note',
  'pdf.exhibits.gpsNote': 'the image’s metadata holds a GPS position (sensitive)',
  'pdf.exhibits.changedByMe': 'Changed by me (cropped, redacted …)',
  'pdf.exhibits.noChange': 'No change recorded',
  'pdf.exhibits.attachment': 'Attachment {ref}',
  'pdf.exhibits.attachmentHash': 'SHA-256 of {ref}',
  'pdf.exhibits.attachments': 'Attachments',
  'pdf.exhibits.heading': 'Exhibit {ref}',
  'pack.withheldNote': 'withheld by the producer',
  'pack.damagedNote': 'left out: its stored copy failed its SHA-256 check',
  'pack.refRange': '{first} to {last}',
  'pdf.statement.doing.screenshot': 'I took a screenshot on my computer of',
  'pdf.statement.doing.phonePhoto': 'I took a photo or screenshot on my phone of',
  'pdf.statement.doing.appExport': 'I exported',
  'pdf.statement.doing.savedEmail': 'I saved',
  'pdf.statement.doing.paperScan': 'I scanned or photographed',
  'pdf.statement.doing.recording': 'I made a recording of',
  'pdf.statement.doing.other': 'I made a copy of',
  'pdf.statement.doing.otherWith': 'I made a copy ({how}) of',
  'pdf.statement.doing.by': '{by} made a copy for me of',
  'pdf.statement.kept': 'I have kept {what} at {keptAt}.',
  'pdf.statement.handled': ' It has been handled by {by}.',
  'pdf.statement.produce': ' I produce it as exhibit {ref}.',
  'pdf.statement.whenBlank': 'At about [time] on [day and date]',
  'pdf.statement.theFile': 'the file “{name}”',
  'pdf.statement.sentence': '{when} {doing} {what}{source}.',
  'pdf.statement.changed': ' I changed the copy: {how}.',
  'pdf.statement.original': ' The original is {where}.',
  'pdf.statement.hash': ' The file’s SHA-256 is {sha256}.',
  'pdf.statement.title': 'Statement aid (not a statement)',
  'pdf.statement.box': 'This is not a signed section 9 statement',
  'pdf.statement.notAStatement':
    'This is not a signed section 9 statement (MG11) and must not be used as one. It is an aid for the officer taking the producer’s statement: every sentence is drafted by the software from the record and must be checked, corrected and put in the producer’s own words.',
  'pdf.statement.sentences': 'Exhibit sentences the officer can adapt',
  'pdf.vps.title': 'Victim Personal Statement: prompts',
  'pdf.vps.intro':
    'For the producer and the officer when a Victim Personal Statement is made. These are the producer’s own notes on each incident’s effect, as recorded; they are prompts, not the statement.',
  'pdf.vps.questions': 'Questions to think about:',
  'pdf.vps.q1': 'How have these incidents affected you, your family and the people who work with you?',
  'pdf.vps.q2':
    'What have you changed: your routine, your home, your travel, your campaigning, your use of social media?',
  'pdf.vps.q3': 'Have you felt afraid for your safety or that of others? When, and why?',
  'pdf.vps.q4': 'What has it cost you, in money, time, health or work?',
  'pdf.vps.q5': 'Is there anything you want the court to know before sentence?',
  'pdf.vps.none': 'No effect on the producer is recorded for these incidents.',
  'pdf.mg11.title': 'For the back of the MG11',
  'pdf.mg11.avoid': 'Dates and times to avoid',
  'pdf.mg11.electionDay': 'election day {day}',
  'pdf.mg11.needs': 'Special measures, interpreter or other needs',
  'pdf.mg11.address': 'Home address (give the officer separately; not in this pack)',
  'pdf.activity.title': 'Activity log kept by the producer’s own software',
  'pdf.activity.intro':
    'Evidence Vault writes an entry each time an item is written, imported, changed, deleted, restored or exported. It is kept by the producer’s own software on the producer’s own computer: it is not an independent record, and it is not a chain of custody. Deleted items are listed even when they are not in this pack, with the reason given and a SHA-256 hash, never their words. The full log of this pack’s items is data/custody/custody-log.json and .csv.',
  'pdf.activity.views': 'The items of this pack were opened for viewing {n} times (each view is in data/custody/).',
  'pdf.activity.none': 'No entries.',
  'pdf.activity.when': 'When (UK time)',
  'pdf.activity.what': 'What',
  'pdf.activity.details': 'Details',
  'pdf.activity.earlier': 'Case packs made before this one',
  'pdf.activity.first': 'None: this is the first case pack made from this record.',
  'pdf.activity.made': 'Made (UK time)',
  'pdf.activity.format': 'Format',
  'pdf.activity.tagHash': 'SHA-256 of its tag manifest',
  'pdf.activity.incident': 'Incident {n}',
  'pdf.activity.notIn.incident': 'an incident not in this pack',
  'pdf.activity.notIn.exhibit': 'an exhibit not in this pack',
  'pdf.activity.notIn.person': 'a person not in this pack',
  'pdf.activity.notIn.contact': 'a contact not in this pack',
  'pdf.activity.notIn.other': '{kind} not in this pack',
  'pdf.activity.packMade': 'Case pack made',
  'pdf.activity.tagHashColon': 'SHA-256 of its tag manifest:',
  'pdf.activity.deleted': 'Deleted (to the bin)',
  'pdf.activity.reason': 'Reason given: “{why}”. {hash}',
  'pdf.activity.notRecorded': 'not recorded',
  'pdf.activity.fileHash': 'SHA-256 of the file:',
  'pdf.activity.recordHash': 'SHA-256 of the record as deleted:',
  'pdf.activity.purged': 'Removed for good',
  'pdf.activity.purgedDetails': 'Its bin time had passed. SHA-256 of the record as deleted:',
  'pdf.activity.restored': 'Restored from the bin',
  'pdf.activity.created': 'First written',
  'pdf.activity.imported': 'File imported',
  'pdf.activity.importBytes': '{n} bytes; ',
  'pdf.activity.importHash': 'SHA-256 at import:',
  'pdf.activity.changed': 'Changed',
  'pdf.activity.read': 'Read by the app',
  'pdf.activity.readDetails': 'What the file says about itself: read from it and kept',
  'pdf.activity.fieldsChanged': 'Fields changed: {fields}',
  'pdf.field.description': 'description',
  'pdf.field.obtainedHow': 'how obtained',
  'pdf.field.obtainedBy': 'who obtained it',
  'pdf.field.obtainedAt': 'when obtained',
  'pdf.field.source': 'source',
  'pdf.field.originalLocation': 'where the original is',
  'pdf.field.changedByMe': 'changed by me',
  'pdf.field.keptAt': 'where it is kept',
  'pdf.field.handledBy': 'who handled it',
  'pdf.field.other': 'other details',
  'pdf.out.notSelected.one': '{n} incident not selected for this pack',
  'pdf.out.notSelected.other': '{n} incidents not selected for this pack',
  'pdf.out.excluded': '{n} exhibit(s) left out by the producer',
  'pdf.out.gps': '{n} image(s) left out because they hold a GPS position',
  'pdf.out.damaged': '{n} exhibit(s) whose stored copy failed its SHA-256 check',
  'pdf.out.references': '{n} exhibit reference(s) not in this pack',
  'pdf.out.field.one': '{field} marked private ({n} incident)',
  'pdf.out.field.other': '{field} marked private ({n} incidents)',
  'pdf.out.people.one': '{n} person marked private',
  'pdf.out.people.other': '{n} persons marked private',
  'pdf.out.notes': 'the producer’s notes on every incident',
  'pdf.out.deletions': '{n} deletion(s) in the record (listed in the activity log)',
  'pdf.disclosure.title': 'Disclosure note for the officer',
  'pdf.disclosure.intro':
    'This pack is a selection from the producer’s record, made by the producer. The full record exists: it is kept in the producer’s Evidence Vault, with every earlier version of each entry and a log of deletions, and the producer can show it or export it again on request.',
  'pdf.disclosure.leftOut': 'What was left out of this pack',
  'pdf.disclosure.nothing': 'Nothing: every incident and exhibit of the record is in this pack, with every field.',
  'pdf.disclosure.omitted': 'Exhibit {ref} “{name}” is not included: {why}.',
  'pdf.disclosure.noRef': '(no reference)',
  'pdf.disclosure.why.damaged': 'its stored copy failed its SHA-256 check',
  'pdf.disclosure.why.gps': 'left out by the producer (the image holds a GPS position)',
  'pdf.disclosure.why.user': 'left out by the producer',
  'pdf.disclosure.private': 'Fields and people the producer marked private were left out.',
  'pdf.disclosure.words':
    'Words such as “harassment” or “threatening behaviour” are the producer’s own description of each incident, chosen from a list in the software; they are not legal findings. The producer was told when making this pack that what is sent to the police may be seen by the defence.',
  'pdf.annex.title': 'Annex: earlier wordings',
  'pdf.annex.intro':
    'Every saved version of an entry is kept. Where an entry was changed, the words it had before each change are shown here (fields the producer chose to leave out are not).',
  'pdf.annex.version': 'Version {version}, written {written}, replaced {replaced}:',
  'pdf.check.title': 'Checking this pack',
  'pdf.check.p1':
    'Each exhibit file is byte-for-byte the file imported into Evidence Vault on the date shown. Screenshots, scans and exports are copies the producer made; the original posts, messages, letters and devices are not in this pack.',
  'pdf.check.p2':
    'Every file of this pack is listed with its SHA-256 hash in manifest-sha256.txt; that file is listed in tagmanifest-sha256.txt, which is signed ({signature}) with the key in {publicKey}, whose fingerprint is above.',
  'pdf.check.p3':
    'What the signature shows: that no file of the pack has changed since it was signed with that key. What it does not show: by itself, who made the pack or when, or that what the files show is true. Compare the fingerprint with the one the producer gave the police by another route (for example the key card handed over at the first report).',
  'pdf.check.p4':
    'This PDF is one of the listed files, so it cannot show the tag manifest’s own hash; it shows the hash of the exhibit list, made before this PDF. data/README.txt explains how to check everything with sha256sum, PowerShell or a BagIt validator.',
  'pdf.check.p5': 'The activity log is kept by the producer’s own software, not by an independent body.',
  'readme.title': 'CASE PACK {packId}',
  'readme.who': 'the person who keeps this record',
  'readme.omitted.damaged': 'left out because the stored copy failed its SHA-256 check (damaged)',
  'readme.omitted.gps': 'left out by the producer because the image holds a GPS position',
  'readme.none': '(none)',
  'readme.privacy.notes': 'the producer’s private notes were left out',
  'readme.privacy.fields': 'fields and people the producer marked private were left out',
  'readme.privacy': "At the producer's request {list}.",
  'readme.physicalItem': '{ref} "{name}": physical item, kept at {keptAt}',
  'readme.physicalHeading': 'Physical items (listed here, with no file in the pack: ask the producer to see them):',
  'readme.notIncluded': 'Exhibits not included:',
  'readme.refsNotIn': 'References not in this pack:',
  'readme.what': `What this is
------------
A record of incidents kept by {who} with Evidence Vault, exported on {when}
for the police or the Crown Prosecution Service. It holds {incidents} incident(s) and
{exhibits} exhibit(s) ({size} of evidence files).

It is a BagIt 1.0 bag (RFC 8493): every file under data/ is listed with its SHA-256 hash in
manifest-sha256.txt, and the bag's own files are listed in tagmanifest-sha256.txt.

  data/chronology.pdf   for printing: the summary for police, the course-of-conduct table, the
                        incidents oldest first, the people, the exhibit list with SHA-256 hashes,
                        a statement aid (not a statement), the activity log and a disclosure note
  data/exhibit-bundle.pdf
                        each exhibit drawn on its own labelled pages for reading and printing
                        (a copy rendered for reading: the files in data/exhibits/ are the evidence)
  data/chronology.csv   the same incidents, one row per incident, for a spreadsheet
  data/case.json        the same, machine-readable (schema: evidence-vault-case-pack v1)
  data/exhibits/        the exhibits, each named by its exhibit reference (AB-01-... is exhibit
                        AB/1). Each exhibit file is byte-for-byte the file imported into Evidence
                        Vault on the date shown in chronology.pdf. Screenshots, scans and exports
                        are copies the producer made; the original posts, messages, letters and
                        devices are not in this pack.
  data/custody/         the Evidence Vault activity log of this pack's incidents and exhibits:
                        kept by the producer's own software, not an independent record. It lists
                        imports (under which original name, with the hash at import), views,
                        edits, deletions and exports
  data/viewer.html      an offline viewer: open it in any web browser (it uses no network),
                        then choose this pack's folder to see the timeline and check every hash
  data/key-card.pdf     the producer's key card: the signing key's fingerprint in large type and as a QR code
  {exhibitList}
                        the exhibits and custody files with their hashes (see below)

Exhibit references are the producer's initials and a number ({initials}/1, {initials}/2, ...), given once
when each exhibit was added and never reused: the same reference names the same item in every
pack. An e-mail's attachments are listed under it as sub-exhibits ({initials}/5/1 is the first
attachment of e-mail {initials}/5), with their SHA-256; they stay inside the e-mail's file.
File names were made safe for Windows; the original file names are in case.json,
chronology.pdf and the activity log.

Types of incident ("Harassment", "Threatening behaviour" ...) and who is "believed responsible"
are the producer's own description and belief, not legal findings.

`,
  'readme.check': `How to check that nothing has changed
-------------------------------------
Open a terminal in the pack's folder (the one holding bagit.txt).

Linux or macOS:
    sha256sum -c manifest-sha256.txt
    sha256sum -c tagmanifest-sha256.txt
  (on older macOS use "shasum -a 256 -c" instead of "sha256sum -c"). Every line must say OK.

Windows (PowerShell; -Encoding UTF8 reads the manifest's file names as they are written):
    Get-Content -Encoding UTF8 manifest-sha256.txt | ForEach-Object {
      $hash, $file = $_ -split ' +', 2
      if ((Get-FileHash -Algorithm SHA256 -LiteralPath $file).Hash -ne $hash.ToUpper()) { "CHANGED: $file" }
    }
  No output means every file matches. For one file: Get-FileHash -Algorithm SHA256 <file>

Any BagIt validator, for example the Library of Congress bagit-python:
    bagit.py --validate <pack folder>

Evidence Vault itself:
    evidence-vault verify <pack folder or .zip>

The signature
-------------
tagmanifest-sha256.txt is signed with the producer's Evidence Vault signing key (Ed25519).
The signature is {signature} and the public key is {publicKey}.
Signing key fingerprint (SHA-256 of the 32-byte public key):
    {fingerprint}
Ask the producer to read this fingerprint to you by another route if you need to be sure the
pack came from them. To check the signature with OpenSSL 3:
    openssl pkeyutl -verify -pubin -inkey {publicKey} -rawin \\
      -in tagmanifest-sha256.txt -sigfile {signature}
Because tagmanifest-sha256.txt lists manifest-sha256.txt with its hash, and manifest-sha256.txt
lists every file under data/, one valid signature covers every file of the pack.
{ssh}
A valid signature shows the pack is unchanged since it was signed with the key whose fingerprint is
    {fingerprint}
It does not by itself show who made the pack or when, nor that what the exhibits show is true.
data/key-card.pdf is a copy of the producer's key card; compare the fingerprint with the card
the producer handed to the police at the first report, or with one given by another route.

Why the PDF shows the exhibit list's hash and not the tag manifest's
--------------------------------------------------------------------
The chronology PDF is itself one of the files listed in manifest-sha256.txt, which is listed
in tagmanifest-sha256.txt. A file cannot contain the hash of a file that depends on its own
hash, so the pack is made in this order: (1) the exhibits and activity log; (2) the list of
their hashes, {exhibitListName}, whose SHA-256 is printed on the PDF's cover
page; (3) the PDF, CSV, case.json, this README and the viewer; (4) manifest-sha256.txt
over all of data/; (5) bagit.txt, bag-info.txt and tagmanifest-sha256.txt; (6) the signature.
The SHA-256 of this pack's exhibit list is:
    {exhibitListSha256}
To check it:  cd data && sha256sum -c {exhibitListName}
The SHA-256 of tagmanifest-sha256.txt and, for a ZIP, of the whole ZIP file were shown to the
producer as a receipt when the pack was made; a ZIP's own SHA-256 is also written beside it
in <name>.zip.sha256 (check with: sha256sum -c <name>.zip.sha256).
`,
  'readme.ssh': `
The same signature in SSH form is {sshSignature} (namespace {namespace}), with the
key in OpenSSH form in {sshPublicKey}. ssh-keygen, which Windows 10/11, macOS and Linux
have, checks it. Save this one line as a file named allowed_signers in the pack's folder:
    {allowedSigners}
then run:
    ssh-keygen -Y verify -f allowed_signers -I {principal} -n {namespace} -s {sshSignature} < tagmanifest-sha256.txt
  (in PowerShell, which has no "<", put the same command in: cmd /c "...")
It must say: Good "{namespace}" signature for {principal} with ED25519 key {sshFingerprint}
`,
  'portal.where': 'case pack {packId}, part {n} of {of}',
  'portal.caption.exhibit':
    'Exhibit {ref}: "{name}"{incident}. Byte-for-byte the file imported on {day}. SHA-256 {sha256}. ({where})',
  'portal.caption.incident': ', incident: {incident}',
  'portal.caption.pdf':
    'Summary for police, chronology and exhibit list of {incidents} incident(s) and {exhibits} exhibit(s). ({where})',
  'portal.caption.list': 'SHA-256 of every exhibit file of the case pack (all parts). ({where})',
  'portal.caption.captions': 'The caption to paste for each file of this part. ({where})',
  'portal.caption.readme': 'What this part holds and how to check it. ({where})',
  'portal.caption.signers': "The producer's signing key, for ssh-keygen -Y verify. ({where})",
  'portal.caption.signature': "Signature over this part's manifest. ({where})",
  'portal.caption.manifest': 'SHA-256 of every other file of this part. ({where})',
  'portal.captions.title': 'CASE PACK {packId}: PART {n} OF {of}, CAPTIONS TO PASTE',
  'portal.captions.intro': `Upload every file of this folder ({files} files) in one submission. For each file,
paste the line under its name into the portal's caption or description box.`,
  'portal.readme.heading': 'CASE PACK {packId}: PART {n} OF {of}',
  'portal.readme.body': `This is part {n} of {of} of a case pack made by {who} with Evidence Vault on
{day}, split for a police upload portal (at most 16 files in each part).
Part 1 holds the summary for police, the chronology and the exhibit list ({pdf});
every exhibit is its own file, named by its exhibit reference (AB-01-... is exhibit AB/1).
The whole pack holds {incidents} incident(s) and {exhibits} exhibit(s) in {of} part(s).

This part holds {files} files:
{list}
  and this README, {captions} (what to paste as each file's caption),
  {allowedSigners} (the signing key, for ssh-keygen),
  {manifest} (the SHA-256 of every other file of this part)
  and {signature} (its signature).

How to check this part on its own
---------------------------------
Put the part's files in one folder and open a terminal there.

Linux or macOS:
    sha256sum -c {manifest}
  (on older macOS: shasum -a 256 -c {manifest}). Every line must say OK.

Windows (PowerShell; the manifest is read as UTF-8):
    Get-Content -Encoding UTF8 {manifest} | ForEach-Object {
      $hash, $file = $_ -split ' +', 2
      if ((Get-FileHash -Algorithm SHA256 -LiteralPath $file).Hash -ne $hash.ToUpper()) { "CHANGED: $file" }
    }
  No output means every file matches.

The signature (Windows 10/11, macOS and Linux have ssh-keygen):
    ssh-keygen -Y verify -f {allowedSigners} -I {principal} -n {namespace} -s {signature} < {manifest}
  It must say: Good "{namespace}" signature for {principal} with ED25519 key {sshFingerprint}
  (in PowerShell, which has no "<", put the same command in: cmd /c "...")
  {allowedSigners} holds this line:
    {signersLine}

Evidence Vault itself: evidence-vault verify <this part's folder>

The signing key travels with the pack, so a good signature shows that this part is unchanged
since that key signed it, not who made it. Compare the key with the producer's key card:
    Signing key fingerprint (SHA-256 of the 32-byte key): {fingerprint}
    As ssh-keygen prints it: {sshFingerprint}
`,
  'viewer.js.unknownPerson': '(unknown person)',
  'viewer.js.withheldPerson': '(person withheld at the producer’s request)',
  'viewer.js.noName': '(no name)',
  'viewer.js.title': 'Case pack {packId}',
  'viewer.js.summary': '{who} · made {made} · {incidents}, {exhibits}',
  'viewer.js.noProducer': 'Producer not named',
  'viewer.js.incidents.one': '{n} incident',
  'viewer.js.incidents.other': '{n} incidents',
  'viewer.js.exhibits.one': '{n} exhibit',
  'viewer.js.exhibits.other': '{n} exhibits',
  'viewer.js.signedBy': 'Signed by key {key}; compare it with the producer’s key card.',
  'viewer.js.validShows': 'A valid signature shows only that the pack is unchanged since that key signed it.',
  'viewer.js.type': 'Type of incident (my description)',
  'viewer.js.howReached': 'How it reached me',
  'viewer.js.place': 'Place',
  'viewer.js.responsible': 'Believed responsible',
  'viewer.js.witnesses': 'Witness(es)',
  'viewer.js.what': 'What happened',
  'viewer.js.effect': 'Effect on me',
  'viewer.js.escalation': 'Escalation',
  'viewer.js.reportedPolice': 'Reported to police',
  'viewer.js.reportedPlatform': 'Reported to platform',
  'viewer.js.ref': 'ref {ref}',
  'viewer.js.notes': 'Notes',
  'viewer.js.exhibitNote': 'Exhibit {ref}: {note}',
  'viewer.js.exhibitHeading': 'Exhibit {ref} — {name}',
  'viewer.js.physical': 'Physical item, kept at {keptAt} (no file in this pack)',
  'viewer.js.handledBy': 'Handled by {who}',
  'viewer.js.fileLine': '{kind}, {size}, imported {imported}',
  'viewer.js.bytes': '{n} bytes',
  'viewer.js.fileInPack': 'File in the pack: {path}',
  'viewer.js.openFile': 'Open the file',
  'viewer.js.notChecked': 'Not checked yet: choose the pack folder above.',
  'viewer.js.refsNotIn': 'References not in this pack',
  'viewer.js.noText': '(no text in this e-mail)',
  'viewer.js.attachments': 'Attachments (in the original file):',
  'viewer.js.shownAsText':
    'Shown as text. Pictures and links in the e-mail are not loaded; the original file is {path}.',
  'viewer.js.attachmentOk': ' · SHA-256 matches the one this page was made with',
  'viewer.js.attachmentBad': ' · SHA-256 DIFFERS from the one this page was made with',
  'viewer.js.saveCopy': 'Save a copy',
  'viewer.js.exhibitLabel': 'Exhibit {ref}: {name}',
  'viewer.js.first2mb': 'Only the first 2 MiB are shown here; open the file to read it all.',
  'viewer.js.pdfHint': 'A PDF: “Open the checked copy” shows it in this browser’s PDF viewer.',
  'viewer.js.notShown': 'This kind of file is not shown in the page: open it or save a copy.',
  'viewer.js.openCopy': 'Open the checked copy',
  'viewer.js.noManifest':
    'manifest-sha256.txt was not found in the folder you chose. Choose the pack folder: the one holding bagit.txt. If the pack is a ZIP file, extract it first (right-click it, then Extract All).',
  'viewer.js.noCrypto':
    'This browser cannot work out SHA-256 fingerprints on this page, so nothing was checked. Open the page in a current Chrome, Edge, Firefox or Safari, or use evidence-vault verify.',
  'viewer.js.lineNotUnderstood': '{file} line {n} is not understood',
  'viewer.js.checking': 'Checking {n} of {of}: {path}',
  'viewer.js.missing': 'MISSING: {path} is listed in {file} but is not in the folder',
  'viewer.js.missingStatus': 'MISSING from the folder you chose',
  'viewer.js.changed': 'CHANGED: {path} (its SHA-256 differs from {file})',
  'viewer.js.changedStatus': 'CHANGED: its SHA-256 differs from the manifest',
  'viewer.js.changedBoth':
    'CHANGED: {path} and its line in manifest-sha256.txt (their SHA-256 differs from the one this page was made with: {sha256})',
  'viewer.js.changedBothStatus':
    'CHANGED: the file and its manifest line differ from the SHA-256 this page was made with',
  'viewer.js.checked': 'Checked: its SHA-256 matches the manifest and the one this page was made with.',
  'viewer.js.cannotShow': 'It could not be shown here: open the file.',
  'viewer.js.notListed': 'NOT LISTED: {path} is not in manifest-sha256.txt',
  'viewer.js.notListedStatus': 'NOT LISTED in the manifest',
  'viewer.js.extra': 'EXTRA: {path} is not in the manifest',
  'viewer.js.checkingTags': 'Checking tagmanifest-sha256.txt and the signature',
  'viewer.js.allMatchExhibits':
    'All {n} files match the lists in this pack, and every exhibit matches the SHA-256 this page was made with.',
  'viewer.js.allMatch': 'All {n} files match the lists in this pack.',
  'viewer.js.problems.one': '{n} problem found: this pack is not as it was made.',
  'viewer.js.problems.other': '{n} problems found: this pack is not as it was made.',
  'viewer.js.filesMatch.one': '{n} file match.',
  'viewer.js.filesMatch.other': '{n} files match.',
  'viewer.js.sigFileMissing': 'SIGNATURE: {file} is missing from the folder, so the signature cannot be checked',
  'viewer.js.sigNotCheckedMissing': 'Signature: not checked ({file} is missing).',
  'viewer.js.notCovering': 'CHANGED: tagmanifest-sha256.txt does not list manifest-sha256.txt',
  'viewer.js.notEd': 'SIGNATURE: signing-key.pem is not an Ed25519 public key',
  'viewer.js.notEdResult': 'Signature: NOT VALID (signing-key.pem is not an Ed25519 public key).',
  'viewer.js.otherKey': 'SIGNING KEY: signing-key.pem is key {key}, not key {named} that this page names',
  'viewer.js.sigInvalid': 'SIGNATURE: the signature over tagmanifest-sha256.txt is not valid for signing-key.pem',
  'viewer.js.noEd':
    'This browser cannot check Ed25519 signatures, so the signature was not checked here; evidence-vault verify or ssh-keygen -Y verify can (see README.txt).',
  'viewer.js.sigUnchecked':
    'Signature: not checked. This browser cannot check Ed25519 signatures; use evidence-vault verify or ssh-keygen -Y verify (see README.txt).',
  'viewer.js.sigValid': 'Signature: valid, by key {key}. Compare that key with the producer’s key card.',
  'viewer.js.sigOtherKey': 'Signature: made by a different key from the one this page names.',
  'viewer.js.sigNotValid': 'Signature: NOT VALID.',
  'viewer.js.couldNotCheck': 'Could not check the pack: {why}. Choose the pack folder again.',
  'viewer.js.kind.image': 'Picture',
  'viewer.js.kind.pdf': 'PDF document',
  'viewer.js.kind.email': 'E-mail',
  'viewer.js.kind.audio': 'Sound recording',
  'viewer.js.kind.video': 'Video',
  'viewer.js.kind.text': 'Text (for example a chat export)',
  'viewer.js.kind.other': 'File',
  'viewer.js.mail.from': 'From',
  'viewer.js.mail.to': 'To',
  'viewer.js.mail.cc': 'Cc',
  'viewer.js.mail.date': 'Date (as the e-mail gives it)',
  'viewer.js.mail.subject': 'Subject',
  'viewer.js.mail.message-id': 'Message-ID',
  'viewer.js.note.withheld': 'withheld by the producer',
  'viewer.js.note.damaged': 'left out: its stored copy failed its SHA-256 check',
  'viewer.html.title': 'Case pack viewer',
  'viewer.html.zipHeading': 'Extract the ZIP first',
  'viewer.html.zipBody':
    'This page cannot read the other files of the case pack, so it cannot show the exhibits or check them.\nIt looks as if it was opened from inside a ZIP file that has not been extracted.',
  'viewer.html.zipWhat':
    '{what} close this page, right-click the ZIP file and choose {extractAll}\n(on a Mac, double-click the ZIP file), then open {path} in the folder that was made.',
  'viewer.html.whatToDo': 'What to do:',
  'viewer.html.extractAll': 'Extract All…',
  'viewer.html.heading': 'Case pack',
  'viewer.html.checkHeading': 'Check this pack.',
  'viewer.html.checkBody':
    'Choose the pack’s folder (the one holding bagit.txt). Every file listed in\nmanifest-sha256.txt and tagmanifest-sha256.txt is checked on this computer, each exhibit also against the\nSHA-256 this page was made with, and the signature is checked where this browser can. Nothing is sent anywhere.',
  'viewer.html.folder': 'Pack folder: ',
  'viewer.html.notChecked': 'Not checked yet.',
  'viewer.html.print': 'Print this page',
  'viewer.html.timeline': 'Incidents, oldest first',
  'bundle.info.title': '{title}: case pack {packId}',
  'bundle.title': 'Exhibit bundle',
  'bundle.footer': 'Case pack {packId} · exhibit bundle · {exhibit}bundle page {page}',
  'bundle.footer.exhibit': 'exhibit {ref}, page {page} · ',
  'bundle.noHash': 'none (a physical item: no file in this pack)',
  'bundle.copyNotice': 'Copy rendered for reading; the original file is {path}',
  'bundle.physicalNotice': 'A description of a physical item; the item itself is not in this pack.',
  'bundle.cover':
    'Each exhibit of this pack on its own pages, in the order of its reference, so it can be read and printed in one place. Every page here is a copy rendered for reading: the exhibit files in data/exhibits/ are the evidence, byte-for-byte the files imported on the dates shown, and each page gives the SHA-256 of its file so it can be matched with manifest-sha256.txt. Nothing in an exhibit was run or fetched to draw it.',
  'bundle.made': 'Made ',
  'bundle.by': 'By ',
  'bundle.inThis': 'Exhibits in this bundle',
  'bundle.noExhibits': 'This pack holds no exhibits.',
  'bundle.file': 'File: ',
  'bundle.unknownType': 'unknown type',
  'bundle.imported': 'Imported: ',
  'bundle.notRendered': 'Not rendered here: a file of this kind ({type}) cannot be shown on paper.',
  'bundle.openWithProgram': 'Open the original, {path}, with a program that plays or shows it; its SHA-256 is above.',
  'bundle.physical': 'Physical item: ',
  'bundle.keptAt': 'Kept at: ',
  'bundle.handledBy': 'Handled by: ',
  'bundle.description': 'Description: ',
  'bundle.added': 'Added to the record: ',
  'bundle.noFile':
    'There is no file for a physical item in this pack: the item is kept where it says above. Ask the producer for it.',
  'bundle.kind.physical': 'physical item',
  'bundle.kind.image': 'image',
  'bundle.kind.imageNot': 'image, not drawn',
  'bundle.kind.email': 'e-mail',
  'bundle.kind.pdf': 'PDF',
  'bundle.kind.text': 'text',
  'bundle.kind.video': 'video, not drawn',
  'bundle.kind.audio': 'audio, not drawn',
  'bundle.kind.file': 'file, not drawn',
  'bundle.pixels': "{w} × {h} pixels, shown at the page's width{note}.",
  'bundle.continues': 'The image continues on the next page.',
  'keycard.info.title': 'Evidence Vault signing key card',
  'keycard.title': 'Signing key card',
  'keycard.packsBy': 'Evidence Vault case packs made by {who}',
  'keycard.packs': 'Evidence Vault case packs',
  'keycard.printed': 'Printed on {day}',
  'keycard.purpose': 'Hand this to your SPOC at the first report; every later pack can be checked against it.',
  'keycard.qr': 'The QR code holds the same 64 characters.',
  'keycard.ssh': 'As ssh-keygen -Y verify prints the key:',
  'keycard.how': 'How to check a case pack against this card',
  'keycard.step1':
    'Every pack’s README.txt and the Evidence Vault check show the key that signed it: its fingerprint must be the one on this card, every character.',
  'keycard.step2': 'With Evidence Vault: evidence-vault verify <pack> --expect-fingerprint <the 64 characters above>.',
  'keycard.step3':
    'With ssh-keygen (Windows 10/11, macOS, Linux): the README’s command must end "with ED25519 key {ssh}".',
  'keycard.step4':
    'A different fingerprint means the pack was not signed with this producer’s key: ask them by another route before relying on it.',
  'keycard.notSecret':
    'This card is not secret: it cannot open the vault or sign anything. It shows which key signs this producer’s packs; the signature shows a pack is unchanged since that key signed it.',
  'email.leftOut': 'Left out of this e-mail PDF: {reason}. The original is {path} in the full case pack.',
  'email.title': 'Case pack {packId} for e-mail',
  'email.hashes.title': 'The original files and their SHA-256',
  'email.hashes.intro':
    'This PDF is case pack {packId} made to be sent by e-mail: it holds no original files, no HTML and no script. Each exhibit below is a file the producer holds, byte-for-byte as imported into Evidence Vault; its SHA-256 lets the file be checked when it arrives by portal, USB or in the full case pack. The pages after this one are copies rendered for reading; a picture may be a smaller copy, to fit the e-mail, and then says so.',
  'email.shown.physical': 'a physical item: described in the pages that follow',
  'email.shown.leftOut': 'not drawn in this PDF: {reason}',
  'email.shown.notDrawn': 'not drawn: its page says why',
  'email.shown.smaller': 'drawn as a smaller copy',
  'email.shown.full': 'drawn in full',
  'email.rendered': 'Rendered exhibits',
  'bundle.tooLarge.image': 'Not drawn here: the image is {size}, too large to draw in this bundle.',
  'bundle.tooLarge.email': 'Not drawn here: the e-mail is {size}, too large to read in this bundle.',
  'bundle.tooLarge.text': 'Not drawn here: the text is {size}, too long for this bundle.',
  'bundle.tooLarge.pdf': 'Not drawn here: the PDF is {size}, too large to draw in this bundle.',
  'bundle.open': 'Open the original, {path}.',
  'bundle.originalHash': 'The original, {path}, has the SHA-256 above.',
  'bundle.imageFailed': 'This image could not be drawn: {why}.',
  'bundle.openToSee': 'Open the original, {path}, to see it.',
  'bundle.openMail': 'Open the original, {path}, in an e-mail program.',
  'bundle.mailFailed': 'This e-mail could not be read: {why}.',
  'bundle.htmlOnly': '(The e-mail has only an HTML part: shown here as its text, without pictures or links fetched.)',
  'bundle.attachments': 'Attachments (inside the e-mail file; not drawn here)',
  'bundle.noText': '(no text)',
  'bundle.textGoesOn': 'The text goes on for {n} more characters: read the rest in the original, {path}.',
  'bundle.transcriptGoesOn': 'The transcript goes on: read the rest in the original, {path}.',
  'bundle.lineGoesOn': '(this line goes on for {n} more characters in the original)',
  'bundle.fileNoText': '(the file holds no text)',
  'bundle.pdfFailed': 'This PDF could not be drawn: {why}.',
  'bundle.openToRead': 'Open the original, {path}, to read it.',
  'bundle.pdfPage': 'Page {n} of {of} of the PDF',
  'bundle.pageFailed': 'Page {n} could not be drawn: {why}.',
  'bundle.pdfFirst':
    'The PDF has {pages} pages; the first {count} are drawn here. Read the rest in the original, {path}.',
  'bundle.mail.from': 'From',
  'bundle.mail.sender': 'Sender',
  'bundle.mail.to': 'To',
  'bundle.mail.cc': 'Cc',
  'bundle.mail.bcc': 'Bcc',
  'bundle.mail.replyTo': 'Reply-To',
  'bundle.mail.date': 'Date',
  'bundle.mail.subject': 'Subject',
  'bundle.mail.messageId': 'Message-ID',
  'bundle.mail.inReplyTo': 'In-Reply-To',
  'bundle.mail.receivedLast': 'Received (last hop)',
  'bundle.mail.received': 'Received',
  'bundle.mail.receivedMore': '{n} more in the original',
  'bundle.mail.noName': '(no name)',
  'bundle.mail.pictureNotLoaded': '[picture not loaded]',
  'bundle.mail.tooLarge': 'it is too large to read here',
  'bundle.unreadable': 'its structure could not be read (damaged or unusually built)',
  'bundle.shownAs': 'Shown as {kind}.',
  'bundle.chat.json': 'a chat export (JSON), one line per message',
  'bundle.chat.whatsapp': 'a WhatsApp chat export',
  'bundle.chat.noText': '(no text: media or service message)',
  'bundle.image.damaged': 'the file is damaged or not an image this bundle can read',
  'bundle.image.tooManyPixels': 'at {w} × {h} pixels with transparency it is too large to draw here',
  'bundle.pdf.tooLarge': 'it is too large to draw here',
  'bundle.pdf.encrypted': 'it is encrypted (password-protected), so its pages cannot be drawn here',
  'bundle.pdf.noPageList': 'its page list could not be read',
  'bundle.pdf.noPages': 'it has no pages',
  'bundle.pdf.tooManyObjects': 'a page names too many objects',
  'bundle.pdf.compression': 'a page’s content uses a compression this bundle cannot read',
  'bundle.pdf.unread': 'it could not be read',
  'bundle.pdf.pageUnread': 'the page could not be read',
  'email.fit.asIs': 'the file as it is',
  'email.fit.smaller':
    'a smaller copy made to fit the e-mail ({w} × {h} pixels, JPEG quality {quality}; the original is {size})',
  'email.fit.failed': 'a smaller copy could not be made',
  'email.fit.cannotDecode': 'the image could not be decoded to make a smaller copy',
  'email.fit.tooSmall': 'even a small copy would not fit in the size limit',
  'email.damaged': 'its stored copy failed its SHA-256 check (the hash listed is the one recorded at import)',
  'email.pdfRoom': 'its pages would take the room the other exhibits need',
  'email.originalWhere': ' in the full case pack (not attached to this PDF)',
} as const satisfies Record<string, string>;

export type PackId = keyof typeof en;
