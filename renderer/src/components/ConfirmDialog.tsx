import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal question before something that cannot be undone (deleting an incident, removing an
 * exhibit or a person). The red button does it; the other keeps things as they are and has the
 * focus when the dialog opens, so Enter, Space and Escape are all safe.
 */
export function ConfirmDialog({
  open,
  heading,
  children,
  confirmLabel,
  cancelLabel = 'Keep it',
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
  onConfirm(): void;
  onCancel(): void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const safe = useRef<HTMLButtonElement>(null);
  const headingId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
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
      <div className="btn-row">
        <button className="btn btn-danger-solid" type="button" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button className="btn" type="button" ref={safe} onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
