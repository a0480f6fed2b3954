/**
 * Drafts of the incident forms, on the window's side: which key a form's draft has, the draft's
 * JSON (through 'drafts.save' only: the core encrypts it, nothing is written in plaintext), and the
 * hooks the shell calls before it leaves a form or locks. No DOM.
 */
import type { Form } from './screens/incidentForm.js';
import type { Route } from './state.js';

/** How long after the last change a draft is saved. */
export const DRAFT_DELAY_MS = 800;

export const QUICK_ADD_KEY = 'quick-add';
export const NEW_INCIDENT_KEY = 'incident:new';

/** The draft key of a form: 'incident:new', 'incident:<id>' or 'quick-add'. */
export function draftKey(id: string | null, quick: boolean): string {
  if (id) return `incident:${id}`;
  return quick ? QUICK_ADD_KEY : NEW_INCIDENT_KEY;
}

/** The route that opens the form a draft key belongs to, or null for a key this window does not know. */
export function routeForKey(key: string): Route | null {
  if (key === QUICK_ADD_KEY) return { name: 'new', quick: true };
  if (key === NEW_INCIDENT_KEY) return { name: 'new', quick: false };
  const m = /^incident:([0-9a-f]{32})$/.exec(key);
  return m?.[1] ? { name: 'edit', id: m[1] } : null;
}

interface DraftBody {
  v: 1;
  form: Form;
  /** The time came from "Just now" (so another date clears it). */
  clockTime: boolean;
}

export function encodeDraft(form: Form, clockTime: boolean): string {
  const body: DraftBody = { v: 1, form, clockTime };
  return JSON.stringify(body);
}

/**
 * The form a draft holds, laid over `base` field by field: a field of another type than the base's
 * (an older or a damaged draft) keeps the base's value. Null when the text is not a draft at all.
 */
export function decodeDraft(text: string, base: Form): { form: Form; clockTime: boolean } | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null || !('form' in body)) return null;
  const saved = (body as { form: unknown }).form;
  if (typeof saved !== 'object' || saved === null) return null;
  const form: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(saved)) {
    if (!(k in base)) continue;
    const was = (base as unknown as Record<string, unknown>)[k];
    if (Array.isArray(was) ? Array.isArray(v) : typeof was === typeof v) form[k] = v;
  }
  const clockTime = (body as { clockTime?: unknown }).clockTime === true;
  return { form: form as unknown as Form, clockTime };
}

export function sameForm(a: Form, b: Form): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The open form, as the shell sees it: asked before leaving, flushed before locking. */
export interface OpenForm {
  /** The route that opens this form again. */
  route: Route;
  /** True when the form has changes that are not saved as a record. */
  dirty(): boolean;
  /** Save the draft now (before a lock): resolves when the vault has it. */
  flush(): Promise<void>;
  /** Ask before leaving: `leave` is called if she chooses to keep or discard the draft. */
  askToLeave(leave: () => void): void;
}

let open: OpenForm | null = null;

export function setOpenForm(form: OpenForm | null): void {
  open = form;
}

/** The other forms open at once (a contact and a police case on one page): each asks in turn. */
const others = new Set<OpenForm>();

/** Registers a form besides the incident form; the function returned takes it off again. */
export function registerForm(form: OpenForm): () => void {
  others.add(form);
  return () => {
    others.delete(form);
  };
}

/** The open form(s) as one: dirty if any is, flushed together, each with changes asked in turn. */
export function openForm(): OpenForm | null {
  const all = [...(open ? [open] : []), ...others];
  if (all.length <= 1) return all[0] ?? null;
  const dirty = () => all.filter((f) => f.dirty());
  return {
    get route() {
      return (dirty()[0] ?? all[0]!).route;
    },
    dirty: () => dirty().length > 0,
    flush: async () => {
      await Promise.all(all.map((f) => f.flush()));
    },
    askToLeave: (leave) => {
      const ask = (rest: OpenForm[]): void => {
        const [first, ...more] = rest;
        if (!first) return leave();
        first.askToLeave(() => ask(more.filter((f) => f.dirty())));
      };
      ask(dirty());
    },
  };
}

/** The form keys of the other forms: a person's details, a contact, a police case, an exhibit's account, a physical item, your details in Settings. */
export const formKeys = {
  person: (id: string) => `person:${id}`,
  contact: (id: string | null) => `contact:${id ?? 'new'}`,
  case: (id: string | null) => `case:${id ?? 'new'}`,
  exhibit: (id: string) => `exhibit:${id}`,
  physical: (incidentId: string) => `physical:${incidentId}`,
  settings: 'settings:details',
};

/**
 * The route of any form's draft key (the incident forms' and the others'), or null when the record
 * it belongs to is not there (deleted) or the key is unknown.
 */
export function routeForAnyKey(
  key: string,
  incidents: readonly { id: string; exhibits: readonly { id: string }[] }[],
): Route | null {
  const incident = routeForKey(key);
  if (incident) return incident;
  if (key === formKeys.settings) return { name: 'settings' };
  const m = /^(person|contact|case|exhibit|physical):([0-9a-f]{32}|new)$/.exec(key);
  if (!m) return null;
  const [, kind, id] = m;
  if (kind === 'person') return { name: 'conduct' };
  if (kind === 'contact' || kind === 'case') return { name: 'contacts' };
  if (kind === 'physical') return incidents.some((i) => i.id === id) ? { name: 'incident', id: id! } : null;
  const owner = incidents.find((i) => i.exhibits.some((x) => x.id === id));
  return owner ? { name: 'exhibit', incidentId: owner.id, exhibitId: id! } : null;
}

/** A form's draft, generic: its fields laid over `base` one by one, as decodeDraft does for incidents. */
export function encodeFormDraft<T extends object>(form: T): string {
  return JSON.stringify({ v: 1, form });
}

export function decodeFormDraft<T extends object>(text: string, base: T): T | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null || !('form' in body)) return null;
  const saved = (body as { form: unknown }).form;
  if (typeof saved !== 'object' || saved === null || Array.isArray(saved)) return null;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(saved)) {
    if (!(k in base)) continue;
    const was = (base as Record<string, unknown>)[k];
    if (Array.isArray(was) ? Array.isArray(v) : typeof was === typeof v && (v !== null || was === null)) out[k] = v;
  }
  return out as T;
}

/**
 * The form that was open when the vault locked: it opens again after the unlock (its text comes
 * back from the encrypted draft). Kept in memory only.
 */
let resume: Route | null = null;

export function setResumeRoute(route: Route | null): void {
  resume = route;
}

export function takeResumeRoute(): Route | null {
  const r = resume;
  resume = null;
  return r;
}

/** The full form opens with what she wrote in quick add ("Use the full form instead"). Memory only. */
let carried = false;

export function setCarriedFromQuickAdd(): void {
  carried = true;
}

export function takeCarriedFromQuickAdd(): boolean {
  const c = carried;
  carried = false;
  return c;
}
