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
  const native = v.status.nativeDialogs;
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const [madeAt] = useState(() => formatInstantShort(new Date().toISOString()));
  const hash = r.packSha256 ?? r.tagManifestSha256;
  const hashLabel = r.packSha256 ? 'SHA-256 of the ZIP file' : 'SHA-256 of the pack’s tag manifest';

  async function showInFolder() {
    setMessage(null);
    try {
      const { shown } = await call('pack.showInFolder', { packId: r.packId });
      if (!shown) setMessage({ kind: 'info', text: `The case pack is ${r.location}.` });
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
              text: `Copied to ${c.location} and checked: the copy matches the pack. You can now remove the USB stick safely.`,
            }
          : {
              kind: 'error',
              text: `The copy in ${c.location} does not match the pack (${c.problems[0]?.message ?? 'a file differs'}). Delete it there and copy again, or try another USB stick.`,
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
        text: `Your browser is saving ${name}. To put it on a USB stick, choose the stick when the browser asks where to save, or move it there from your Downloads folder.`,
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
        Your case pack is ready
      </h1>
      <p className="print-only receipt-title">Evidence Vault: case pack receipt</p>
      <div className="notice notice-ok no-print" role="status">
        Saved as <strong>{r.location}</strong>
        {r.zipName ? (
          <>
            {' '}
            and its ZIP <strong>{r.zipName}</strong>
          </>
        ) : null}
        {r.parts ? ` in ${r.parts.length} part${r.parts.length === 1 ? '' : 's'} for the portal` : null}: {r.incidents}{' '}
        incident{r.incidents === 1 ? '' : 's'}, {r.exhibits} exhibit{r.exhibits === 1 ? '' : 's'}.
      </div>
      <div className="btn-row no-print">
        {native ? (
          <>
            <button className="btn" type="button" onClick={() => void showInFolder()}>
              Show in folder
            </button>
            <button className="btn" type="button" disabled={busy} onClick={() => void copyToStick()}>
              {busy ? 'Copying and checking…' : 'Copy to a USB stick…'}
            </button>
          </>
        ) : r.format === 'zip' ? (
          <button className="btn" type="button" disabled={busy} onClick={() => void saveCopy()}>
            Save a copy (for a USB stick)…
          </button>
        ) : null}
        <button className="btn" type="button" onClick={() => window.print()}>
          Print receipt
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
        <h2 id="receipt-heading">Receipt</h2>
        <dl className="detail-grid">
          <dt>Pack id</dt>
          <dd>{r.packId}</dd>
          <dt>Saved as</dt>
          <dd>{r.name}</dd>
          <dt>Made</dt>
          <dd>{madeAt}</dd>
          <dt>What is in it</dt>
          <dd>
            {r.incidents} incident{r.incidents === 1 ? '' : 's'}, {r.exhibits} exhibit{r.exhibits === 1 ? '' : 's'}
          </dd>
        </dl>
        <div className="receipt-hash-box">
          <div>
            <p className="receipt-hash-label">{hashLabel}</p>
            <HashLines hex={hash} testId="receipt-hash" />
          </div>
          <QrCode text={hash} label={`QR code of the ${hashLabel}`} />
        </div>
        <dl className="detail-grid">
          {r.packSha256 ? (
            <>
              <dt>Tag manifest SHA-256</dt>
              <dd className="hash">{groupHex(r.tagManifestSha256)}</dd>
            </>
          ) : null}
          <dt>Your signing key fingerprint</dt>
          <dd className="hash">{groupHex(r.signingKeyFingerprint)}</dd>
        </dl>
        <p>
          Keep this receipt. Anyone can work out the SHA-256 of the {r.packSha256 ? 'ZIP file' : 'tag manifest'} (on
          Windows: Get-FileHash in PowerShell) and compare it with the one above: if they match, the pack has not been
          changed since you made it. The signing key fingerprint should match the key card you gave the police.
        </p>
      </section>
      {r.omitted.length > 0 ? (
        <>
          <h2>Left out</h2>
          <ul>
            {r.omitted.map((o) => (
              <li key={o.exhibitId}>
                {o.name}:{' '}
                {o.reason === 'damaged'
                  ? 'its stored copy is damaged'
                  : o.reason === 'gps-position'
                    ? 'it shows where it was taken'
                    : 'you left it out'}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="no-print">
        <h2>Handing it over</h2>
        <ul>
          <li>Give the pack to your police contact (your SPOC if you have one) on a USB stick or as they ask.</li>
          <li>Print the receipt and keep it with your records: it shows later that the pack was not changed.</li>
          <li>The officer can open data/README.txt in the pack: it explains how to check every file.</li>
          <li>Keep your vault: the pack is a copy; the originals stay safe in it.</li>
        </ul>
        <div className="btn-row">
          <button className="btn btn-primary" type="button" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    </div>
  );
}
