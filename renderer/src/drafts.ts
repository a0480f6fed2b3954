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

export function openForm(): OpenForm | null {
  return open;
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
