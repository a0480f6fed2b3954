import { useEffect, useId, useRef } from 'react';

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
      <h2 id={headingId}>Leave this form?</h2>
      <p id={textId}>
        What you have written is not saved as an incident yet. You can keep it as a draft (it stays encrypted in your
        vault and comes back when you open this form again).
      </p>
      <div className="btn-row">
        <button className="btn btn-primary" type="button" ref={safe} onClick={onKeep}>
          Keep this as a draft
        </button>
        <button className="btn" type="button" onClick={onDiscard}>
          Discard
        </button>
        <button className="btn" type="button" onClick={onStay}>
          Stay
        </button>
      </div>
    </dialog>
  );
}
