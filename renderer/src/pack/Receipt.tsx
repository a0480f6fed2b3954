/**
 * The receipt after an export: where the pack is, "Show in folder", "Copy to a USB stick…" (the
 * desktop app: a folder dialog, the copy checked after copying) or "Save a copy…" (the browser
 * version: the ZIP saved by the browser), and "Print receipt": the pack's SHA-256 in large type and
 * as a QR code, with the signing key's fingerprint to compare with the key card.
 */
import { useMemo, useState, type RefObject } from 'react';
import QRCode from 'qrcode';
import type { PackCopyResult, PackReceipt } from '../../../shared/ipc-pack.js';
import { groupHex } from '../../../shared/format.js';
import { call, errorMessage, randomId } from '../bridge.js';
import { formatInstantShort } from '../format.js';
import { useVault } from '../state.js';
import { HashLines } from './HashLines.js';
import { Msg, useT } from '../i18n/index.js';
import './pack.css';

/** A QR code as SVG squares (no image URL, nothing fetched); `text` is what a phone reads from it. */
export function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const rects = useMemo(() => {
    const m = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
    const out: { x: number; y: number }[] = [];
    for (let y = 0; y < m.size; y++) for (let x = 0; x < m.size; x++) if (m.get(y, x)) out.push({ x, y });
    return { size: m.size, out };
  }, [text]);
  const q = 4; // the quiet zone around the code, in modules
  const n = rects.size + q * 2;
  return (
    <svg
      className={className ?? 'qr-code'}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${n} ${n}`}
      shapeRendering="crispEdges"
      data-qr-text={text}
    >
      <rect x={0} y={0} width={n} height={n} fill="#ffffff" />
      {rects.out.map((r) => (
        <rect key={`${r.x}-${r.y}`} x={r.x + q} y={r.y + q} width={1} height={1} fill="#000000" />
      ))}
    </svg>
  );
}

type Message = { kind: 'ok' | 'error' | 'info'; text: string } | null;

export function Receipt({
  receipt: r,
  onClose,
  headingRef,
}: {
  receipt: PackReceipt;
  onClose(): void;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const v = useVault();
  const t = useT();
  const native = v.status.nativeDialogs;
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const [madeAt] = useState(() => formatInstantShort(new Date().toISOString()));
  const hash = r.packSha256 ?? r.tagManifestSha256;
  const hashLabel = r.packSha256 ? t('pack.receipt.hash-zip') : t('pack.receipt.hash-tag');

  async function showInFolder() {
    setMessage(null);
    try {
      const { shown } = await call('pack.showInFolder', { packId: r.packId });
      if (!shown) setMessage({ kind: 'info', text: t('pack.receipt.is-at', { location: r.location }) });
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  }

  async function copyToStick() {
    setMessage(null);
    setBusy(true);
    try {
      const c: PackCopyResult | null = await call('pack.copyToFolder', { packId: r.packId, jobId: randomId() });
      if (!c) return;
      setMessage(
        c.problems.length === 0
          ? {
              kind: 'ok',
              text: t('pack.receipt.copied', { location: c.location }),
            }
          : {
              kind: 'error',
              text: t('pack.receipt.copy-differs', {
                location: c.location,
                problem: c.problems[0]?.message ?? t('pack.receipt.a-file-differs'),
              }),
            },
      );
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  }

  async function saveCopy() {
    setMessage(null);
    setBusy(true);
    try {
      const { name, data } = await call('pack.download', { packId: r.packId });
      const url = URL.createObjectURL(new Blob([data as BlobPart], { type: 'application/zip' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setMessage({
        kind: 'info',
        text: t('pack.receipt.browser-saving', { name }),
      });
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="pack-wizard printable">
      <h1 ref={headingRef} tabIndex={-1} className="no-print">
        {t('pack.receipt.heading')}
      </h1>
      <p className="print-only receipt-title">{t('pack.receipt.print-title')}</p>
      <div className="notice notice-ok no-print" role="status">
        <Msg id="pack.receipt.saved" values={{ location: r.location, b: (c) => <strong>{c}</strong> }} />
        {r.zipName ? (
          <>
            {' '}
            <Msg id="pack.receipt.and-zip" values={{ zip: r.zipName, b: (c) => <strong>{c}</strong> }} />
          </>
        ) : null}
        {r.parts ? ` ${t('pack.receipt.in-parts', { count: r.parts.length })}` : null}:{' '}
        {t('pack.counts', { incidents: r.incidents, exhibits: r.exhibits })}.
      </div>
      <div className="btn-row no-print">
        {native ? (
          <>
            <button className="btn" type="button" onClick={() => void showInFolder()}>
              {t('pack.receipt.show')}
            </button>
            <button className="btn" type="button" disabled={busy} onClick={() => void copyToStick()}>
              {busy ? t('pack.receipt.copying') : t('pack.receipt.copy')}
            </button>
          </>
        ) : r.format === 'zip' ? (
          <button className="btn" type="button" disabled={busy} onClick={() => void saveCopy()}>
            {t('pack.receipt.save-copy')}
          </button>
        ) : null}
        <button className="btn" type="button" onClick={() => window.print()}>
          {t('pack.receipt.print')}
        </button>
      </div>
      {message ? (
        <div
          className={`notice no-print ${message.kind === 'error' ? 'notice-error' : message.kind === 'ok' ? 'notice-ok' : ''}`}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </div>
      ) : null}
      <section className="receipt-sheet pack-receipt" aria-labelledby="receipt-heading">
        <h2 id="receipt-heading">{t('pack.receipt.receipt')}</h2>
        <dl className="detail-grid">
          <dt>{t('pack.receipt.pack-id')}</dt>
          <dd>{r.packId}</dd>
          <dt>{t('pack.receipt.saved-as')}</dt>
          <dd>{r.name}</dd>
          <dt>{t('pack.receipt.made')}</dt>
          <dd>{madeAt}</dd>
          <dt>{t('pack.receipt.contents')}</dt>
          <dd>{t('pack.counts', { incidents: r.incidents, exhibits: r.exhibits })}</dd>
        </dl>
        <div className="receipt-hash-box">
          <div>
            <p className="receipt-hash-label">{hashLabel}</p>
            <HashLines hex={hash} testId="receipt-hash" />
          </div>
          <QrCode text={hash} label={t('pack.receipt.qr', { label: hashLabel })} />
        </div>
        <dl className="detail-grid">
          {r.packSha256 ? (
            <>
              <dt>{t('pack.receipt.tag-hash')}</dt>
              <dd className="hash">{groupHex(r.tagManifestSha256)}</dd>
            </>
          ) : null}
          <dt>{t('pack.receipt.fingerprint')}</dt>
          <dd className="hash">{groupHex(r.signingKeyFingerprint)}</dd>
        </dl>
        <p>{t('pack.receipt.keep', { what: r.packSha256 ? 'zip' : 'tag' })}</p>
      </section>
      {r.omitted.length > 0 ? (
        <>
          <h2>{t('pack.receipt.left-out')}</h2>
          <ul>
            {r.omitted.map((o) => (
              <li key={o.exhibitId}>
                {o.name}:{' '}
                {o.reason === 'damaged'
                  ? t('pack.receipt.damaged')
                  : o.reason === 'gps-position'
                    ? t('pack.receipt.gps')
                    : t('pack.receipt.excluded')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="no-print">
        <h2>{t('pack.receipt.handing')}</h2>
        <ul>
          <li>{t('pack.receipt.hand-1')}</li>
          <li>{t('pack.receipt.hand-2')}</li>
          <li>{t('pack.receipt.hand-3')}</li>
          <li>{t('pack.receipt.hand-4')}</li>
        </ul>
        <div className="btn-row">
          <button className="btn btn-primary" type="button" onClick={onClose}>
            {t('pack.done')}
          </button>
        </div>
      </div>
    </div>
  );
}
