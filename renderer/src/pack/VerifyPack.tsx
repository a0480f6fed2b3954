/** Check a case pack: a folder or ZIP chosen in a dialog (desktop), or one made in this session. */
import { plainPackProblem } from '../../../shared/plain-errors.js';
import { useEffect, useRef, useState } from 'react';
import type { PackVerifyReport } from '../../../shared/ipc-pack.js';
import { call, errorMessage } from '../bridge.js';
import { useVault } from '../state.js';
import { packsThisSession } from './session.js';
import { groupHex } from '../../../shared/format.js';
import './pack.css';

export function VerifyPack({ onClose }: { onClose(): void }) {
  const v = useVault();
  const [report, setReport] = useState<PackVerifyReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const made = packsThisSession();

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (report) resultRef.current?.focus();
  }, [report]);

  async function check(pack: { kind: 'grant'; grantId: string } | { kind: 'exported'; packId: string }) {
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      setReport(await call('pack.verify', { pack }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function choose(format: 'folder' | 'zip') {
    try {
      const g = await call('pack.chooseToVerify', { format });
      if (g) await check({ kind: 'grant', grantId: g.grantId });
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <div className="pack-verify">
      <h1 ref={headingRef} tabIndex={-1}>
        Check a case pack
      </h1>
      <p>
        Every file is checked against its SHA-256 fingerprint, and the pack’s signature is checked. A valid signature
        shows only that the pack is unchanged since its key signed it, so you are told which key that was.
      </p>
      {v.status.nativeDialogs ? (
        <div className="btn-row">
          <button className="btn btn-primary" type="button" disabled={busy} onClick={() => void choose('zip')}>
            Choose a ZIP file…
          </button>
          <button className="btn" type="button" disabled={busy} onClick={() => void choose('folder')}>
            Choose a folder…
          </button>
        </div>
      ) : null}
      {made.length > 0 ? (
        <section aria-labelledby="made-heading">
          <h2 id="made-heading">Packs made in this session</h2>
          <ul>
            {made.map((r) => (
              <li key={r.packId}>
                {r.location}{' '}
                <button
                  className="btn"
                  type="button"
                  disabled={busy}
                  onClick={() => void check({ kind: 'exported', packId: r.packId })}
                >
                  Check {r.packId}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : !v.status.nativeDialogs ? (
        <p>Make a case pack first; packs made in this session can be checked here.</p>
      ) : null}
      {busy ? (
        <p role="status" aria-live="polite">
          Checking…
        </p>
      ) : null}
      {error ? (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      ) : null}
      {report ? (
        <div
          ref={resultRef}
          tabIndex={-1}
          className={report.ok ? 'notice notice-ok' : 'notice notice-error'}
          role={report.ok ? 'status' : 'alert'}
        >
          <p>
            <strong>
              {report.ok
                ? `All good: ${report.filesChecked} files match their fingerprints and the signature is valid.`
                : `This pack has ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}.`}
            </strong>
          </p>
          <p>
            {report.location}
            {report.packId ? ` · ${report.packId}` : ''}
            {report.baggingDate ? ` · made ${report.baggingDate}` : ''}
          </p>
          {report.signingKeyFingerprint ? (
            <p>
              Signed by key <span className="hash">{groupHex(report.signingKeyFingerprint)}</span>
              {report.signingKeyIsThisVault === true
                ? ': this vault’s own key.'
                : report.signingKeyIsThisVault === false
                  ? ', which is not this vault’s key; compare it with the producer’s key card.'
                  : '; compare it with the producer’s key card.'}
            </p>
          ) : null}
          {report.problems.length > 0 ? (
            <ul>
              {report.problems.map((p, i) => (
                <li key={i}>
                  {plainPackProblem(p)}
                  <details className="problem-detail">
                    <summary>What the check found (for the officer)</summary>
                    <span className="hash">{p.message}</span>
                  </details>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="btn-row">
        <button className="btn" type="button" onClick={onClose}>
          Back
        </button>
      </div>
    </div>
  );
}
