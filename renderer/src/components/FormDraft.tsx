/**
 * Drafts for every other form (a person's details, a contact, a police case, an exhibit's account,
 * a physical item), as the incident forms keep theirs: the form autosaves an encrypted draft in the
 * vault a moment after typing stops (through 'drafts.save' only: never plaintext on disk), saves it
 * before the vault locks and opens again after the unlock, brings it back when the form opens, names
 * a draft that cannot be read (never dropped silently), and asks before a changed form is left
 * (keep as a draft, the focused choice; discard; stay).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { BridgeError, call, errorMessage } from '../bridge.js';
import { DRAFT_DELAY_MS, decodeFormDraft, encodeFormDraft, registerForm, type OpenForm } from '../drafts.js';
import type { Route } from '../state.js';
import { savedAtLabel } from '../screens/DraftsNotice.js';
import { LeaveDialog } from './LeaveDialog.js';
import { useT } from '../i18n/index.js';

export interface FormDraft {
  /** "Restored what you were writing at 20:31" or the damaged draft's notice (null when neither). */
  notice: ReactNode;
  /** The leave dialog (render it once, anywhere in the form's tree). */
  dialog: ReactNode;
  /** Before saving the record: the draft first, so a lock in between loses nothing. */
  beforeSave(): Promise<void>;
  /** The record is saved: the draft goes (queued: the form need not wait), and the form no longer asks before it closes. */
  saved(): Promise<void>;
  /** Closing the form (Cancel): asks first when it has changes, then calls `close`. */
  close(close: () => void): void;
  /** A draft could not be kept or discarded: what to tell her (null when all is well). */
  error: string | null;
}

export function useFormDraft<T extends object>({
  draftKey,
  route,
  value,
  restore,
}: {
  draftKey: string;
  /** Where this form is: the screen that opens it again after an unlock. */
  route: Route;
  /** The form's state now (its first value is the form as it opened). */
  value: T;
  /** Put a restored draft into the form. */
  restore(form: T): void;
}): FormDraft {
  const t = useT();
  const initial = useRef<T>(value);
  const latest = useRef<T>(value);
  latest.current = value;
  const hasDraft = useRef(false);
  /** Saved as a record or discarded: no more drafts from this form. */
  const closed = useRef(false);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [loaded, setLoaded] = useState(false);
  const [note, setNote] = useState<{ kind: 'restored'; savedAt: string } | { kind: 'damaged' } | null>(null);
  const [leaveOpen, setLeaveOpen] = useState(false);
  const pendingLeave = useRef<(() => void) | null>(null);
  const [error, setError] = useState<string | null>(null);

  const enqueue = (op: () => Promise<void>): Promise<void> => {
    const next = queue.current.then(op);
    queue.current = next.catch(() => undefined);
    return next;
  };
  const changed = () => JSON.stringify(latest.current) !== JSON.stringify(initial.current);
  const saveNow = async () => {
    if (closed.current) return;
    if (!changed()) {
      if (hasDraft.current) {
        hasDraft.current = false;
        await call('drafts.discard', { key: draftKey });
      }
      return;
    }
    await call('drafts.save', { key: draftKey, text: encodeFormDraft(latest.current) });
    hasDraft.current = true;
  };
  const save = () => enqueue(saveNow);
  const discard = () =>
    enqueue(async () => {
      hasDraft.current = false;
      await call('drafts.discard', { key: draftKey });
    });

  // On opening: the saved draft comes back (or a damaged one is named).
  useEffect(() => {
    let live = true;
    call('drafts.get', { key: draftKey })
      .then((d) => {
        if (!live || !d) return;
        hasDraft.current = true;
        const got = decodeFormDraft(d.text, initial.current);
        // Typed before the draft arrived: what she typed wins (the next autosave replaces the draft).
        if (!got || changed() || JSON.stringify(got) === JSON.stringify(initial.current)) return;
        restore(got);
        setNote({ kind: 'restored', savedAt: d.savedAt });
      })
      .catch((e: unknown) => {
        if (live && e instanceof BridgeError && e.code === 'TAMPERED') setNote({ kind: 'damaged' });
      })
      .finally(() => {
        if (live) setLoaded(true);
      });
    return () => {
      live = false;
    };
    // Once, when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Autosave, a moment after typing stops.
  const text = JSON.stringify(value);
  useEffect(() => {
    if (!loaded) return;
    const timer = window.setTimeout(() => void save().catch(() => undefined), DRAFT_DELAY_MS);
    return () => window.clearTimeout(timer);
    // save reads the latest form itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, loaded]);

  // The shell asks this form before leaving it, and has it save its draft before locking.
  const unregister = useRef<(() => void) | null>(null);
  useEffect(() => {
    const me: OpenForm = {
      route,
      dirty: () => !closed.current && changed(),
      flush: () => save(),
      askToLeave: (leave) => {
        pendingLeave.current = leave;
        setLeaveOpen(true);
      },
    };
    unregister.current = registerForm(me);
    return () => {
      unregister.current?.();
      unregister.current = null;
      // Leaving some other way (the vault locked elsewhere): keep what was typed, if the vault still can.
      if (!closed.current && changed()) void save().catch(() => undefined);
    };
    // Once, when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function leave(keep: boolean) {
    setLeaveOpen(false);
    const go = pendingLeave.current;
    pendingLeave.current = null;
    void (async () => {
      try {
        if (keep) await save();
        else await discard();
      } catch (err) {
        setError(keep ? t('keys.form-draft.not-kept', { error: errorMessage(err) }) : errorMessage(err));
        return;
      }
      closed.current = true;
      unregister.current?.();
      go?.();
    })();
  }

  function discardNoted() {
    const wasRestored = note?.kind === 'restored';
    setNote(null);
    if (wasRestored) restore(initial.current);
    void discard().catch((err: unknown) => setError(errorMessage(err)));
  }

  const notice =
    note?.kind === 'restored' ? (
      <p className="notice" role="status">
        {t('keys.form-draft.restored', { when: savedAtLabel(note.savedAt, t) })}{' '}
        <button className="btn-link" type="button" onClick={discardNoted}>
          {t('keys.drafts.discard')}
        </button>
      </p>
    ) : note?.kind === 'damaged' ? (
      <p className="notice notice-error" role="alert">
        {t('keys.form-draft.damaged')}{' '}
        <button className="btn-link" type="button" onClick={discardNoted}>
          {t('keys.drafts.discard')}
        </button>
      </p>
    ) : error ? (
      <p className="notice notice-error" role="alert">
        {error}
      </p>
    ) : null;

  const dialog = (
    <LeaveDialog
      open={leaveOpen}
      onKeep={() => leave(true)}
      onDiscard={() => leave(false)}
      onStay={() => {
        setLeaveOpen(false);
        pendingLeave.current = null;
      }}
    />
  );

  return {
    notice,
    dialog,
    error,
    beforeSave: async () => {
      if (changed()) await save().catch(() => undefined);
    },
    saved: async () => {
      closed.current = true;
      unregister.current?.();
      await discard().catch(() => undefined);
    },
    close: (then) => {
      if (!closed.current && changed()) {
        pendingLeave.current = then;
        setLeaveOpen(true);
        return;
      }
      closed.current = true;
      unregister.current?.();
      // Back as it opened: a draft left from before goes (she chose to close the form).
      if (hasDraft.current) void discard().catch(() => undefined);
      then();
    },
  };
}

/** Which of `keys` have a draft in the vault (damaged ones are not listed by key): a page opens those forms. */
export function useDraftKeys(match: (key: string) => boolean): string[] | null {
  const [keys, setKeys] = useState<string[] | null>(null);
  useEffect(() => {
    let live = true;
    call('drafts.list', {})
      .then((all) => {
        if (live) setKeys(all.flatMap((d) => (d.damaged || !match(d.key) ? [] : [d.key])));
      })
      .catch(() => live && setKeys([]));
    return () => {
      live = false;
    };
    // Once, when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return keys;
}
