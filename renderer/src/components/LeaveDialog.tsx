import { useEffect, useId, useRef } from 'react';
import { useT } from '../i18n/index.js';

/**
 * Asked before leaving a form with changes: keep them as a draft (the focused, safe choice: nothing
 * is lost), discard them, or stay. Escape stays.
 */
export function LeaveDialog({
  open,
  onKeep,
  onDiscard,
  onStay,
}: {
  open: boolean;
  onKeep(): void;
  onDiscard(): void;
  onStay(): void;
}) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const safe = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const textId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      safe.current?.focus();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={headingId}
      aria-describedby={textId}
      onClose={() => {
        if (open) onStay();
      }}
    >
      <h2 id={headingId}>{t('keys.leave.heading')}</h2>
      <p id={textId}>{t('keys.leave.text')}</p>
      <div className="btn-row">
        <button className="btn btn-primary" type="button" ref={safe} onClick={onKeep}>
          {t('keys.leave.keep')}
        </button>
        <button className="btn" type="button" onClick={onDiscard}>
          {t('keys.leave.discard')}
        </button>
        <button className="btn" type="button" onClick={onStay}>
          {t('keys.leave.stay')}
        </button>
      </div>
    </dialog>
  );
}
