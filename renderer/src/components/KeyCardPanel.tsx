/**
 * Settings → "Your key card": the signing key's fingerprint in large type and as a QR code, to
 * print and hand to the police (your SPOC) at the first report, so that every later pack can be
 * checked against it. The same card as key-card.pdf in every pack ('pack.keyCard'); "Save as a
 * PDF" keeps that PDF in the exports folder beside the vault.
 */
import { useEffect, useState, type ReactElement } from 'react';
import type { KeyCard } from '../../../shared/ipc-pack.js';
import { DEFAULT_EXPORTS_FOLDER } from '../../../shared/ipc-pack.js';
import { groupHex } from '../../../shared/format.js';
import { call, errorMessage } from '../bridge.js';
import './key-card.css';

/** What the card says it is for (the PDF says the same). */
const PURPOSE = 'Hand this to your SPOC at the first report; every later pack can be checked against it.';

function QrCode({ rows, label }: { rows: string[]; label: string }) {
  const n = rows.length;
  const quiet = 4;
  const cells: ReactElement[] = [];
  rows.forEach((row, y) => {
    for (let x = 0; x < row.length; x++)
      if (row[x] === '1') cells.push(<rect key={`${x}-${y}`} x={x + quiet} y={y + quiet} width={1.02} height={1.02} />);
  });
  return (
    <svg
      className="key-card-qr"
      viewBox={`0 0 ${n + 2 * quiet} ${n + 2 * quiet}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect x={0} y={0} width={n + 2 * quiet} height={n + 2 * quiet} fill="#ffffff" />
      <g fill="#000000">{cells}</g>
    </svg>
  );
}

export function KeyCardPanel({ producerName }: { producerName: string }) {
  const [card, setCard] = useState<KeyCard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('pack.keyCard', {})
      .then((c) => live && setCard(c))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, []);

  async function save() {
    setError(null);
    try {
      const r = await call('pack.keyCard', { destination: { kind: 'default' } });
      setSaved(r.savedAs);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const groups = card ? groupHex(card.fingerprint).split(' ') : [];
  const lines = [0, 4, 8, 12].map((i) => groups.slice(i, i + 4).join(' '));
  return (
    <section className="card" aria-labelledby="keycard-heading">
      <h2 id="keycard-heading">Your key card</h2>
      <p className="hint no-print">
        Every case pack is signed with your vault’s key. Print this card and give it to the police at your first report:
        they can then check that each later pack came from you.
      </p>
      {card ? (
        <div className="printable key-card" data-testid="key-card">
          <p className="key-card-title">Signing key card{producerName ? ` — ${producerName}` : ''}</p>
          <p className="key-card-purpose">{PURPOSE}</p>
          <p className="key-card-label" id="keycard-fp-label">
            Signing key fingerprint (SHA-256 of the public key)
          </p>
          <p className="key-card-fingerprint" aria-labelledby="keycard-fp-label">
            {lines.map((l) => (
              <span key={l}>{l}</span>
            ))}
          </p>
          <div className="key-card-row">
            <QrCode rows={card.qr} label="QR code of the fingerprint" />
            <p className="key-card-ssh">
              The QR code holds the same 64 characters. As ssh-keygen shows the key: <code>{card.sshFingerprint}</code>
            </p>
          </div>
        </div>
      ) : error ? null : (
        <p className="hint">Making your key card…</p>
      )}
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="btn-row no-print">
        <button className="btn btn-primary" type="button" disabled={!card} onClick={() => window.print()}>
          Print key card
        </button>
        <button className="btn" type="button" disabled={!card} onClick={() => void save()}>
          Save as a PDF
        </button>
      </div>
      <div role="status" className="no-print">
        {saved ? (
          <p className="notice notice-ok">
            Saved as {saved}
            {saved.startsWith(DEFAULT_EXPORTS_FOLDER) ? ', in the folder beside your vault' : ''}.
          </p>
        ) : null}
      </div>
    </section>
  );
}
