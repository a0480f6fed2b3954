import { useCallback, useEffect, useRef, useState } from 'react';
import { BIN_DAYS, type BinItem } from '../../../shared/model.js';
import { call, errorMessage } from '../bridge.js';
import { useVault } from '../state.js';
import { daysLeft } from '../../../shared/history-labels.js';
import { useT } from '../i18n/index.js';
import { useWords } from '../i18n/words.js';

/**
 * What was deleted, kept for 30 days: what it was, when and why it was deleted, the days left,
 * and "Restore". Restoring reloads the record (a restored person is linked again to the incidents
 * naming them); after its 30 days the core's plain error is shown and nothing changes.
 */
export function BinPage() {
  const v = useVault();
  const t = useT();
  const w = useWords();
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
      v.announce(t('pack.bin.restored', { kind: w.binKind[item.kind], label: item.label }));
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
        {t('screen.bin')}
      </h1>
      <p className="lead">{t('pack.bin.lead', { days: BIN_DAYS })}</p>
      {error ? (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      ) : null}
      {items === null && !error ? <p role="status">{t('pack.bin.reading')}</p> : null}
      {items && items.length === 0 ? (
        <div className="empty">
          <p>{t('pack.bin.empty')}</p>
          <p>{t('pack.bin.empty-more', { days: BIN_DAYS })}</p>
        </div>
      ) : null}
      {items && items.length > 0 ? (
        <ul ref={list} className="bin-list" aria-label={t('pack.bin.items')}>
          {items.map((item, i) => {
            const left = daysLeft(item.expiresAt);
            return (
              <li key={item.id} className="card bin-item">
                <h2 className="bin-title">
                  <span className="bin-kind">{w.binKind[item.kind]}</span>{' '}
                  <span dir="auto">{item.label || t('pack.bin.untitled')}</span>
                </h2>
                <dl className="detail-grid">
                  <dt>{t('pack.bin.deleted')}</dt>
                  <dd>{w.writtenLabel(item.deletedAt)}</dd>
                  <dt>{t('pack.bin.reason')}</dt>
                  <dd className="prose" dir="auto">
                    {item.reason}
                  </dd>
                  {item.exhibits ? (
                    <>
                      <dt>{t('pack.bin.with-it')}</dt>
                      <dd>{t('pack.exhibits-count', { count: item.exhibits })}</dd>
                    </>
                  ) : null}
                  <dt>{t('pack.bin.days-left')}</dt>
                  <dd>
                    {left > 0
                      ? t('pack.bin.left', { count: left, date: w.writtenLabel(item.expiresAt) })
                      : t('pack.bin.none-left', { days: BIN_DAYS })}
                  </dd>
                </dl>
                <div className="btn-row">
                  <button
                    type="button"
                    className="btn bin-restore"
                    disabled={busy !== null}
                    aria-label={t('pack.bin.restore-label', {
                      kind: w.binKind[item.kind].toLowerCase(),
                      label: item.label || t('pack.bin.untitled'),
                    })}
                    onClick={() => void restore(item, i)}
                  >
                    {busy === item.id ? t('pack.bin.restoring') : t('pack.bin.restore')}
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
