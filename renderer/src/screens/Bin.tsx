import { useCallback, useEffect, useRef, useState } from 'react';
import { BIN_DAYS, type BinItem } from '../../../shared/model.js';
import { call, errorMessage } from '../bridge.js';
import { useVault } from '../state.js';
import { BIN_KIND_LABELS, daysLeft, writtenLabel } from '../../../shared/history-labels.js';

/**
 * What was deleted, kept for 30 days: what it was, when and why it was deleted, the days left,
 * and "Restore". Restoring reloads the record (a restored person is linked again to the incidents
 * naming them); after its 30 days the core's plain error is shown and nothing changes.
 */
export function BinPage() {
  const v = useVault();
  const [items, setItems] = useState<BinItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  /** Where focus goes after a restore: the row that took the restored one's place, or the heading. */
  const focusAfter = useRef<number | null>(null);

  const load = useCallback(async () => {
    try {
      setItems(await call('bin.list', {}));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    const at = focusAfter.current;
    if (at === null || items === null) return;
    focusAfter.current = null;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button.bin-restore') ?? [];
    const target = buttons[Math.min(at, buttons.length - 1)];
    if (target) target.focus();
    else heading.current?.focus();
  }, [items]);

  async function restore(item: BinItem, index: number) {
    setBusy(item.id);
    setError(null);
    try {
      await call('bin.restore', { id: item.id });
      await v.refresh();
      focusAfter.current = index;
      await load();
      v.announce(`${BIN_KIND_LABELS[item.kind]} “${item.label}” restored.`);
    } catch (e) {
      setError(errorMessage(e));
      // What the bin holds now (its days left are counted again).
      await load();
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="page-narrow">
      <h1 ref={heading} tabIndex={-1}>
        Bin
      </h1>
      <p className="lead">
        What you delete stays here for {BIN_DAYS} days and can be restored, then it is removed for good. The activity
        log keeps a note of every deletion and its reason, and of every restore. Times are UK time (GMT/BST).
      </p>
      {error ? (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      ) : null}
      {items === null && !error ? <p role="status">Reading the bin…</p> : null}
      {items && items.length === 0 ? (
        <div className="empty">
          <p>The bin is empty.</p>
          <p>
            When you delete an incident, an exhibit, a person or a contact, it waits here for {BIN_DAYS} days, so a
            mistake can be put right.
          </p>
        </div>
      ) : null}
      {items && items.length > 0 ? (
        <ul ref={list} className="bin-list" aria-label="Deleted items">
          {items.map((item, i) => {
            const left = daysLeft(item.expiresAt);
            return (
              <li key={item.id} className="card bin-item">
                <h2 className="bin-title">
                  <span className="bin-kind">{BIN_KIND_LABELS[item.kind]}</span>{' '}
                  <span dir="auto">{item.label || 'Untitled'}</span>
                </h2>
                <dl className="detail-grid">
                  <dt>Deleted</dt>
                  <dd>{writtenLabel(item.deletedAt)}</dd>
                  <dt>Reason</dt>
                  <dd className="prose" dir="auto">
                    {item.reason}
                  </dd>
                  {item.exhibits ? (
                    <>
                      <dt>With it</dt>
                      <dd>
                        {item.exhibits} exhibit{item.exhibits === 1 ? '' : 's'}
                      </dd>
                    </>
                  ) : null}
                  <dt>Days left</dt>
                  <dd>
                    {left > 0
                      ? `${left} day${left === 1 ? '' : 's'} (until ${writtenLabel(item.expiresAt)})`
                      : `None: its ${BIN_DAYS} days have passed`}
                  </dd>
                </dl>
                <div className="btn-row">
                  <button
                    type="button"
                    className="btn bin-restore"
                    disabled={busy !== null}
                    aria-label={`Restore ${BIN_KIND_LABELS[item.kind].toLowerCase()} ${item.label || 'Untitled'}`}
                    onClick={() => void restore(item, i)}
                  >
                    {busy === item.id ? 'Restoring…' : 'Restore'}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
