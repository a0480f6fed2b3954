import { useEffect, useId, useRef } from 'react';
import { useT } from '../i18n/index.js';

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
  const t = useT();
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
    [['Esc', 'Esc'], t('shortcuts.quick-exit', { chord: quick.chord })],
    [['?'], t('shortcuts.help')],
    [[mod, 'N'], t('shortcuts.new-incident')],
    [[mod, 'L'], t('shortcuts.lock')],
    [[mod, 'E'], t('shortcuts.export')],
    [[mod, 'O'], t('shortcuts.open')],
    [['Tab'], t('shortcuts.tab')],
    [['Enter'], t('shortcuts.enter')],
    [['Space'], t('shortcuts.space')],
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
      <h2 id={headingId}>{t('shortcuts.heading')}</h2>
      <table className="table shortcuts">
        <caption className="visually-hidden">{t('shortcuts.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.keys')}</th>
            <th scope="col">{t('shortcuts.what')}</th>
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
      <p className="hint">{t('shortcuts.hint', { mod })}</p>
      <div className="btn-row">
        <button className="btn btn-primary" type="button" ref={closeButton} onClick={onClose}>
          {t('shortcuts.close')}
        </button>
      </div>
    </dialog>
  );
}
