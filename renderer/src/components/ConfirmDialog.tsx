import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { CharCount } from './CharCount.js';
import { useT } from '../i18n/index.js';

/**
 * A modal question before a deletion (an incident, an exhibit, a person, a contact). It asks why
 * (required: the activity log keeps the reason, and the red button stays disabled until one is
 * given) and hands the reason to onConfirm. The other button keeps things as they are and has the
 * focus when the dialog opens, so Enter, Space and Escape are all safe.
 */
export function ConfirmDialog({
  open,
  heading,
  children,
  confirmLabel,
  cancelLabel,
  busy = false,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  heading: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  busy?: boolean;
  onConfirm(reason: string): void;
  onCancel(): void;
}) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const safe = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const reasonId = useId();
  const [reason, setReason] = useState('');

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      setReason('');
      d.showModal();
      // showModal() would focus the first button, the red one; the safe choice gets it instead.
      safe.current?.focus();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={headingId}
      onClose={() => {
        // Escape closes the dialog itself: tell the owner, so its state agrees.
        if (open) onCancel();
      }}
    >
      <h2 id={headingId}>{heading}</h2>
      {children}
      <div className="field">
        <label htmlFor={reasonId}>{t('keys.confirm.reason')}</label>
        <textarea
          dir="auto"
          id={reasonId}
          rows={2}
          maxLength={2000}
          required
          autoComplete="off"
          spellCheck={false}
          value={reason}
          aria-describedby={`${reasonId}-count`}
          onChange={(e) => setReason(e.target.value)}
        />
        <CharCount id={`${reasonId}-count`} value={reason} max={2000} />
      </div>
      <div className="btn-row">
        <button
          className="btn btn-danger-solid"
          type="button"
          disabled={busy || reason.trim() === ''}
          onClick={() => onConfirm(reason.trim())}
        >
          {confirmLabel}
        </button>
        <button className="btn" type="button" ref={safe} onClick={onCancel}>
          {cancelLabel ?? t('keys.keep-it')}
        </button>
      </div>
    </dialog>
  );
}
