/**
 * The record options `add` takes (issue 12): --effect, --identifier, --believed, --signal,
 * --channel, --location. One block, so `incident edit` can take the same options: spread
 * RECORD_OPTIONS into its parseArgs config, then parseRecordOptions(values) into its input.
 */
import {
  CHANNEL_KINDS,
  ESCALATION_SIGNALS,
  ID_PATTERN,
  IDENTIFIER_KINDS,
  type Channel,
  type ChannelKind,
  type EscalationSignal,
  type IdentifierKind,
  type IncidentInput,
  type SeenIdentifier,
} from '../../shared/model.js';
import { fail } from './io.js';

export const RECORD_OPTIONS = {
  effect: { type: 'string' },
  identifier: { type: 'string', multiple: true },
  believed: { type: 'string', multiple: true },
  signal: { type: 'string', multiple: true },
  channel: { type: 'string' },
  location: { type: 'string' },
} as const;

/** The help lines for RECORD_OPTIONS (each command's help includes them). */
export const RECORD_OPTIONS_HELP = `  --effect TEXT         how it affected you, and what you changed because of it
  --identifier TEXT     an identifier used, as it appeared; repeat for several. KIND:VALUE with
                        KIND one of ${IDENTIFIER_KINDS.join(', ')}
                        (handle:@someone, phone:07700900123), or plain text (kind "other")
  --believed PERSON_ID  a person you believe is responsible (see "evidence-vault person list");
                        repeat for several
  --signal SIGNAL       an escalation signal; repeat for several. One of:
                        ${ESCALATION_SIGNALS.join(', ')}
  --channel KIND[:DETAIL]  how it reached you: ${CHANNEL_KINDS.join(', ')};
                        DETAIL the platform or app (social-media:X, messaging-app:WhatsApp)
  --location TEXT       where it happened`;

export interface RecordOptionValues {
  effect?: string;
  identifier?: string[];
  believed?: string[];
  signal?: string[];
  channel?: string;
  location?: string;
}

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

export function parseChannel(text: string): Channel {
  const at = text.indexOf(':');
  const kind = (at < 0 ? text : text.slice(0, at)).trim();
  const detail = at < 0 ? '' : text.slice(at + 1).trim();
  if (!isOneOf<ChannelKind>(CHANNEL_KINDS, kind)) {
    fail(
      `unknown channel "${kind}"; valid channels are: ${CHANNEL_KINDS.join(', ')} (optionally KIND:DETAIL, e.g. social-media:X)`,
    );
  }
  return detail === '' ? { kind } : { kind, detail };
}

export function parseSignals(values: readonly string[] | undefined): EscalationSignal[] {
  const out: EscalationSignal[] = [];
  for (const raw of values ?? []) {
    const v = raw.trim();
    if (!isOneOf<EscalationSignal>(ESCALATION_SIGNALS, v)) {
      fail(`unknown signal "${raw}"; valid signals are: ${ESCALATION_SIGNALS.join(', ')}`);
    }
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** "handle:@someone" → a handle; text whose part before ':' is not a kind ("https://…") stays whole, kind 'other'. */
export function parseSeenIdentifier(text: string, platform?: string): SeenIdentifier {
  const at = text.indexOf(':');
  const head = at < 0 ? '' : text.slice(0, at).trim().toLowerCase();
  const [kind, value]: [IdentifierKind, string] = isOneOf<IdentifierKind>(IDENTIFIER_KINDS, head)
    ? [head, text.slice(at + 1).trim()]
    : ['other', text.trim()];
  if (value === '') fail(`--identifier "${text}" has no text: give it as it appeared, e.g. handle:@someone`);
  return kind === 'handle' && platform ? { kind, value, platform } : { kind, value };
}

const LIST_COMMAND = { person: 'person list', incident: 'list', 'police case': 'case list' } as const;

/** Record ids from the command line (lower-cased, once each): a usage error names a malformed one. */
export function parseIds(
  values: readonly string[] | undefined,
  option: string,
  what: keyof typeof LIST_COMMAND,
): string[] {
  const out: string[] = [];
  for (const raw of values ?? []) {
    const v = raw.trim().toLowerCase();
    if (!ID_PATTERN.test(v)) {
      fail(
        `${option} "${raw}" is not ${what === 'incident' ? 'an' : 'a'} ${what} id (32 hexadecimal characters); see them with "evidence-vault ${LIST_COMMAND[what]} DIR"`,
      );
    }
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

export function parsePersonIds(values: readonly string[] | undefined, option = '--believed'): string[] {
  return parseIds(values, option, 'person');
}

/** The incident fields these options set (only those given). */
export function parseRecordOptions(values: RecordOptionValues): Partial<IncidentInput> {
  const out: Partial<IncidentInput> = {};
  const channel = values.channel === undefined ? undefined : parseChannel(values.channel);
  if (channel) out.channel = channel;
  if (values.effect !== undefined) out.effect = values.effect;
  if (values.location !== undefined) out.location = values.location;
  if (values.identifier !== undefined) {
    // A handle seen on a social-media or messaging channel was seen on that platform.
    const platform =
      channel && (channel.kind === 'social-media' || channel.kind === 'messaging-app') ? channel.detail : undefined;
    out.identifiers = values.identifier.map((t) => parseSeenIdentifier(t, platform));
  }
  if (values.believed !== undefined) out.perpetratorIds = parsePersonIds(values.believed);
  if (values.signal !== undefined) out.escalationSignals = parseSignals(values.signal);
  return out;
}
