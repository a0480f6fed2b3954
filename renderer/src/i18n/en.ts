/**
 * The English catalogue: every string the window shows, by id, in ICU message syntax
 * (https://formatjs.github.io/docs/core-concepts/icu-syntax). The Welsh catalogue (cy.ts) must
 * hold the same ids, with the same {placeholders}: the type and test/i18n/catalogue.test.ts
 * enforce it. Ids are "screen.part"; keep them stable, since a renamed id loses its translation.
 */
import * as keys from './messages/keys.js';
import * as timeline from './messages/timeline.js';
import * as incident from './messages/incident.js';
import * as exhibits from './messages/exhibits.js';
import * as people from './messages/people.js';
import * as pack from './messages/pack.js';
const base = {
  'language.label': 'Language',
  'language.help': 'The words in this window. Case packs use the language chosen when you make them.',
  'language.en': 'English',
  'language.cy': 'Cymraeg (Welsh)',

  'guidance.heading': 'Staying safe',
  'guidance.lead':
    'Advice from the joint guidance for candidates by the police, the Electoral Commission and the CPS. It helps anyone facing harassment. Tick each one when you have done it; you can come back at any time.',
  'guidance.progress': '{done} of {total} done',
  'guidance.keep-records.title': 'Keep a record of everything',
  'guidance.keep-records.text':
    'Write down each incident as soon as you can: when, where, what was said or done, and who saw it. Keep screenshots, letters and e-mails — do not delete them, even if they upset you.',
  'guidance.do-not-canvass-alone.title': 'Do not canvass or campaign alone',
  'guidance.do-not-canvass-alone.text':
    'Go out with someone else when you can, and always let someone know where you are going and when you expect to be back.',
  'guidance.online-health-check.title': 'Do an online health check',
  'guidance.online-health-check.text':
    'Search for yourself online and see what personal information is public — your home address, family, routines. Ask sites to remove what you can, and tighten your privacy settings.',
  'guidance.report-to-platforms.title': 'Report abuse to the platforms',
  'guidance.report-to-platforms.text':
    'Use the reporting tools of the social media site or app, and note the reference they give you in the incident. Keep your own copy first: posts can disappear.',
  'guidance.tell-spoc.title': 'Tell your police single point of contact (SPOC)',
  'guidance.tell-spoc.text':
    'Candidates have a named police contact. Keep their details on the Contacts page and tell them about incidents, especially when things escalate.',
  'guidance.call-999.title': 'Call 999 in an emergency',
  'guidance.call-999.text':
    'If you are in danger, if violence is threatened, if someone seems fixated on you, or if private information about you is released, call 999.',

  'date.day': '{weekday} {day} {month} {year}',
  'date.month': '{month} {year}',
  'weekday.0': 'Sunday',
  'weekday.1': 'Monday',
  'weekday.2': 'Tuesday',
  'weekday.3': 'Wednesday',
  'weekday.4': 'Thursday',
  'weekday.5': 'Friday',
  'weekday.6': 'Saturday',
  'month.1': 'January',
  'month.2': 'February',
  'month.3': 'March',
  'month.4': 'April',
  'month.5': 'May',
  'month.6': 'June',
  'month.7': 'July',
  'month.8': 'August',
  'month.9': 'September',
  'month.10': 'October',
  'month.11': 'November',
  'month.12': 'December',
  'time.date-only': 'Date only, time not known',
  'time.about-date-only': 'About this date, time not known',
  'time.about': 'About {time}',

  'conduct.heading': 'Course of conduct',
  'conduct.lead':
    'Harassment and stalking are shown by a pattern of behaviour. Here are your incidents grouped by the person you believe responsible, oldest first. You can correct or remove the people you have recorded here.',
  'conduct.empty': 'No incidents recorded yet.',
  'conduct.empty-more':
    'When you record an incident and name the person you believe responsible, their incidents are gathered here, so the pattern shows.',
  'conduct.record': 'Record an incident',
  'conduct.not-named': 'Person not named',
  'conduct.also-known-as': 'Also known as: {names}',
  'conduct.basis': 'Why I believe these are the same person: {basis}',
  'conduct.count': '{count, plural, one {# incident} other {# incidents}}',
  'conduct.on': 'on {day}',
  'conduct.from-to': 'from {first} to {last}',
  'conduct.escalated': ', {count} with escalation signals',
  'conduct.item': '{day}, {time}: {title}',
  'conduct.show-all': 'Show all {count} incidents',
  'conduct.effects': 'How it affected me',
  'conduct.edit': 'Edit details',
  'conduct.edit-label': 'Edit details of {name}',
  'conduct.history': 'History',
  'conduct.history-label': 'History of {name}',
  'conduct.no-incidents': 'No incidents linked to this person yet.',
  'conduct.witness-only':
    'Not named as responsible for any incident; named as a witness in {count, plural, one {# incident} other {# incidents}}.',

  'strip.label': 'Safety',
  'strip.danger': 'In danger now? Call <phone>999</phone>',
  'strip.spoc': 'SPOC:',
  'strip.no-name': 'name not recorded',
  'strip.store-spoc': 'Store your SPOC’s number',

  'escalation.heading': 'This may be escalating',
  'escalation.recorded': 'You recorded: {signals}.',
  'escalation.signal.imminent-violence': 'Threat of imminent violence',
  'escalation.signal.fixated-ideas': 'Fixated ideas',
  'escalation.signal.personal-information-released': 'Release of personal information not already public',
  'escalation.advice':
    '<b>If you are in danger now, call 999.</b> Tell your police single point of contact (SPOC) about this incident as soon as you can.',
  'escalation.spoc-label': 'Your SPOC',
  'escalation.your-spoc': 'Your SPOC:',
  'escalation.no-name': 'Name not recorded',
  'escalation.phone': '— phone {phone}',
  'escalation.email': '— e-mail {email}',
  'escalation.no-spoc': 'You have not stored your SPOC’s details yet. <add>Add them on the Contacts page</add>.',

  'after.not-found': 'Incident not found',
  'after.my-spoc': 'My SPOC',
  'after.announce': 'Recorded that you told your SPOC.',
  'after.heading': 'What to do now',
  'after.lead': 'You saved “{title}” with {signals}. The joint guidance says to act on this now.',
  'after.step-999': '1. If you are in danger now, call 999',
  'after.call-999': 'Call 999',
  'after.step-spoc': '2. Tell your SPOC',
  'after.no-spoc-101': 'If you do not have a SPOC, call 101 (or 999 in an emergency).',
  'after.recorded': 'Recorded: you told your SPOC',
  'after.recorded-text': 'It is on the incident as a police report, and goes in the case pack.',
  'after.go-incident': 'Go to the incident',
  'after.record-here': 'Once you have told them, record it here.',
  'after.when': 'When you told them',
  'after.whom': 'Whom you told',
  'after.reference': 'Reference they gave (if any)',
  'after.saving': 'Saving…',
  'after.told': 'I’ve told my SPOC',
  'after.not-yet': 'Not yet: go to the incident',

  'reminder.heading': 'Check your recovery key still works',
  'reminder.text':
    'You saved your recovery key more than a week ago. It is the only way in if you forget your passphrase, so check now that you can still find it and that it works.',
  'reminder.check': 'Check my recovery key',
  'reminder.type':
    'Type the key from your printed sheet or saved copy. This only checks it: nothing is opened or changed.',
  'reminder.key': 'Recovery key',
  'reminder.test': 'Test my recovery key',
  'reminder.checking': 'Checking…',
  'reminder.lost': 'I have lost it: make a new one',
  'reminder.empty': 'Type your recovery key, from your printed sheet or saved copy.',
  'reminder.wrong':
    'That recovery key does not open this vault. Check each group and try again, or make a new key in Settings if you have lost it.',
  'reminder.works': 'Your recovery key works',
  'reminder.works-text': 'It opens this vault. Keep it where it is, safe and away from this computer.',
  'reminder.close': 'Close',

  'strength.label': 'Strength:',
  'strength.very-weak': 'Very weak',
  'strength.weak': 'Weak',
  'strength.fair': 'Fair',
  'strength.strong': 'Strong',
  'strength.very-strong': 'Very strong',
  'strength.tip': 'Tip: three or four unrelated words make a passphrase that is strong and easy to remember.',

  'screen.timeline': 'Timeline',
  'screen.conduct': 'Course of conduct',
  'screen.contacts': 'Contacts',
  'screen.guidance': 'Staying safe',
  'screen.pack': 'Case pack',
  'screen.bin': 'Bin',
  'screen.settings': 'Settings',
  'screen.incident': 'Incident',
  'screen.edit': 'Edit incident',
  'screen.exhibit': 'Exhibit',
  'shell.load-error': 'Your vault could not be read',
  'shell.lock-vault': 'Lock the vault',
  'shell.opening': 'Opening your record…',
  'shell.skip': 'Skip to main content',
  'shell.menu': 'Menu',
  'shell.quick-add': 'Quick add',
  'shell.new-incident': 'New incident',
  'shell.lock': 'Lock',
  'shell.nav': 'Main',
  'shell.shortcuts': 'Keyboard shortcuts',
  'shell.lock-soon':
    'Your vault will lock in 30 seconds because it has not been used. Move the mouse or press a key to keep it open.',
  'shell.notices': 'When your vault opened',
  'shell.weak-kdf':
    'Your passphrase is protected more weakly than it should be. Change it in Settings (you may type the same one again) and it is protected at full strength.',
  'shell.go-settings': 'Go to Settings',
  'shell.dismiss': 'Dismiss',

  'shortcuts.heading': 'Keyboard shortcuts',
  'shortcuts.caption': 'Keys and what they do',
  'shortcuts.keys': 'Keys',
  'shortcuts.what': 'What they do',
  'shortcuts.quick-exit': 'Quick exit: hide Evidence Vault and lock it at once (press Esc twice quickly, or {chord})',
  'shortcuts.help': 'Show this list of shortcuts (when you are not typing in a box)',
  'shortcuts.new-incident': 'New incident',
  'shortcuts.lock': 'Lock the vault',
  'shortcuts.export': 'Make a case pack',
  'shortcuts.open': 'Open another vault',
  'shortcuts.tab': 'Move to the next button or box (Shift+Tab goes back)',
  'shortcuts.enter': 'Press the button that has the focus, or save a form',
  'shortcuts.space': 'Tick or untick the box that has the focus',
  'shortcuts.hint': 'The {mod} shortcuts and the quick exit work in the Evidence Vault app, as in its menus.',
  'shortcuts.close': 'Close',
} as const;

/** Every area's words, in one catalogue (ids never repeat across areas: the test checks). */
export const en = {
  ...base,
  ...keys.en,
  ...timeline.en,
  ...incident.en,
  ...exhibits.en,
  ...people.en,
  ...pack.en,
};

/** The areas, for the catalogue test. */
export const AREAS = { keys, timeline, incident, exhibits, people, pack };

export type MessageId = keyof typeof en;
