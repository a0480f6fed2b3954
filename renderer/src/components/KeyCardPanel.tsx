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
import { Msg, useT } from '../i18n/index.js';
import './key-card.css';

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
  const t = useT();
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
      <h2 id="keycard-heading">{t('keys.card.heading')}</h2>
      <p className="hint no-print">{t('keys.card.hint')}</p>
      {card ? (
        <div className="printable key-card" data-testid="key-card">
          <p className="key-card-title">
            {t('keys.card.title')}
            {producerName ? ` — ${producerName}` : ''}
          </p>
          {/* What the card says it is for (the PDF says the same). */}
          <p className="key-card-purpose">{t('keys.card.purpose')}</p>
          <p className="key-card-label" id="keycard-fp-label">
            {t('keys.card.fp-label')}
          </p>
          <p className="key-card-fingerprint" aria-labelledby="keycard-fp-label">
            {lines.map((l) => (
              <span key={l}>{l}</span>
            ))}
          </p>
          <div className="key-card-row">
            <QrCode rows={card.qr} label={t('keys.card.qr')} />
            <p className="key-card-ssh">
              <Msg id="keys.card.ssh" values={{ code: (c) => <code>{c}</code>, ssh: card.sshFingerprint }} />
            </p>
          </div>
        </div>
      ) : error ? null : (
        <p className="hint">{t('keys.card.making')}</p>
      )}
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="btn-row no-print">
        <button className="btn btn-primary" type="button" disabled={!card} onClick={() => window.print()}>
          {t('keys.card.print')}
        </button>
        <button className="btn" type="button" disabled={!card} onClick={() => void save()}>
          {t('keys.card.save')}
        </button>
      </div>
      <div role="status" className="no-print">
        {saved ? (
          <p className="notice notice-ok">
            {t(saved.startsWith(DEFAULT_EXPORTS_FOLDER) ? 'keys.card.saved-beside' : 'keys.card.saved', {
              file: saved,
            })}
          </p>
        ) : null}
      </div>
    </section>
  );
}
