import { useEffect, useId, useRef } from 'react';

/** The quick-exit keys, as this computer spells them. */
export function quickExitKeys(): { double: string; chord: string } {
  const mac = /mac/i.test(navigator.platform);
  return { double: 'Esc twice', chord: mac ? '⌘ Shift X' : 'Ctrl+Shift+X' };
}

/** Whether a key press happened where typing goes (then "?" is a question mark, not a command). */
export function typingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  }
  return false;
}

/** The keyboard shortcuts, opened with "?" (outside a text field) or from the navigation. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const mac = /mac/i.test(navigator.platform);
  const mod = mac ? '⌘' : 'Ctrl';
  const quick = quickExitKeys();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      closeButton.current?.focus();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  const rows: [keys: string[], what: string][] = [
    [
      ['Esc', 'Esc'],
      `Quick exit: hide Evidence Vault and lock it at once (press Esc twice quickly, or ${quick.chord})`,
    ],
    [['?'], 'Show this list of shortcuts (when you are not typing in a box)'],
    [[mod, 'N'], 'New incident'],
    [[mod, 'L'], 'Lock the vault'],
    [[mod, 'E'], 'Make a case pack'],
    [[mod, 'O'], 'Open another vault'],
    [['Tab'], 'Move to the next button or box (Shift+Tab goes back)'],
    [['Enter'], 'Press the button that has the focus, or save a form'],
    [['Space'], 'Tick or untick the box that has the focus'],
  ];

  return (
    <dialog
      ref={dialog}
      aria-labelledby={headingId}
      className="shortcuts-dialog"
      onClose={() => {
        if (open) onClose();
      }}
    >
      <h2 id={headingId}>Keyboard shortcuts</h2>
      <table className="table shortcuts">
        <caption className="visually-hidden">Keys and what they do</caption>
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([keys, what]) => (
            <tr key={what}>
              <td>
                {keys.map((k, i) => (
                  <span key={i}>
                    {i > 0 ? (keys[0] === 'Esc' ? ' ' : ' + ') : null}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">The {mod} shortcuts and the quick exit work in the Evidence Vault app, as in its menus.</p>
      <div className="btn-row">
        <button className="btn btn-primary" type="button" ref={closeButton} onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
