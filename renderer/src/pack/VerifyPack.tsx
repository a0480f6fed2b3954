/**
 * Check a case pack: a folder or ZIP chosen in a dialog (desktop), or sent from the window (the
 * browser version: a ZIP file or the pack's folder), or one made in this session. Needs no vault:
 * the start screen (Unlock, Create) opens it too. Plain-English results, then a step to compare
 * the signing key's fingerprint with the producer's key card.
 */
import { useContext, useEffect, useRef, useState } from 'react';
import type { RequestOf } from '../../../shared/ipc.js';
import { MAX_PACK_UPLOAD_BYTES, type PackVerifyReport } from '../../../shared/ipc-pack.js';
import { plainPackProblem } from '../../../shared/plain-errors.js';
import { call, errorMessage } from '../bridge.js';
import { VaultContext } from '../state.js';
import { packsThisSession } from './session.js';
import { formatSize, groupHex } from '../../../shared/format.js';
import { HashLines } from './HashLines.js';
import './pack.css';

type PackToCheck = RequestOf<'pack.verify'>['pack'];

/** What was typed from the key card, as 64 hex digits; null when it is not a fingerprint. */
function fingerprintOf(text: string): string | null {
  const hex = text.replace(/[\s:-]+/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}

export function VerifyPack({ onClose, nativeDialogs }: { onClose(): void; nativeDialogs?: boolean }) {
  const v = useContext(VaultContext);
  const native = nativeDialogs ?? v?.status.nativeDialogs ?? false;
  const [report, setReport] = useState<PackVerifyReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const made = v ? packsThisSession() : [];

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (report) resultRef.current?.focus();
  }, [report]);

  async function check(pack: PackToCheck) {
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

  /** The browser version: the chosen ZIP or folder's files are sent to be checked. */
  async function upload(list: FileList | null) {
    const files = list ? Array.from(list) : [];
    if (files.length === 0) return;
    const total = files.reduce((n, f) => n + f.size, 0);
    setReport(null);
    if (total > MAX_PACK_UPLOAD_BYTES) {
      setError(
        `This case pack is ${formatSize(total)}, too large to check in the browser version (${formatSize(MAX_PACK_UPLOAD_BYTES)} at most): use the desktop app or evidence-vault verify.`,
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const sent = await Promise.all(
        files.map(async (f) => ({ path: f.webkitRelativePath || f.name, data: new Uint8Array(await f.arrayBuffer()) })),
      );
      await check({ kind: 'upload', files: sent });
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <div className="pack-verify">
      <h1 ref={headingRef} tabIndex={-1}>
        Check a case pack
      </h1>
      <p>
        Every file is checked against its SHA-256 fingerprint, and the pack’s signature is checked. A valid signature
        shows only that the pack is unchanged since its key signed it, so you are told which key that was. No vault is
        needed, and nothing is changed.
      </p>
      {native ? (
        <div className="btn-row">
          <button className="btn btn-primary" type="button" disabled={busy} onClick={() => void choose('zip')}>
            Choose a ZIP file…
          </button>
          <button className="btn" type="button" disabled={busy} onClick={() => void choose('folder')}>
            Choose a folder…
          </button>
        </div>
      ) : (
        <div className="row">
          <div className="field">
            <label htmlFor="verify-zip">The case pack’s ZIP file</label>
            <input
              id="verify-zip"
              type="file"
              accept=".zip,application/zip"
              disabled={busy}
              onChange={(e) => {
                void upload(e.target.files);
                e.target.value = '';
              }}
            />
          </div>
          <div className="field">
            <label htmlFor="verify-folder">Or its folder (the one holding bagit.txt)</label>
            <input
              id="verify-folder"
              type="file"
              multiple
              disabled={busy}
              ref={(el) => el?.setAttribute('webkitdirectory', '')}
              onChange={(e) => {
                void upload(e.target.files);
                e.target.value = '';
              }}
            />
          </div>
        </div>
      )}
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
        <>
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
              {report.ok
                ? 'Nothing in it has changed since it was signed.'
                : 'It is not as it was when it was made: do not rely on it. Ask the person who made it for a fresh copy.'}
            </p>
            <p>
              {report.location}
              {report.packId ? ` · ${report.packId}` : ''}
              {report.baggingDate ? ` · made ${ukDay(report.baggingDate)}` : ''}
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
              <ul className="problems">
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
          {report.signingKeyFingerprint ? (
            <KeyCardStep key={report.signingKeyFingerprint} fingerprint={report.signingKeyFingerprint} />
          ) : null}
        </>
      ) : null}
      <div className="btn-row">
        <button className="btn" type="button" onClick={onClose}>
          Back
        </button>
      </div>
    </div>
  );
}

/** "2024-05-03" → "03/05/2024" (bag-info's Bagging-Date). */
function ukDay(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

/** The next step: is the key that signed the pack the producer's? Compared with her key card. */
function KeyCardStep({ fingerprint }: { fingerprint: string }) {
  const [typed, setTyped] = useState('');
  const [result, setResult] = useState<'match' | 'differs' | 'unreadable' | null>(null);
  function compare() {
    const fp = fingerprintOf(typed);
    setResult(fp === null ? 'unreadable' : fp === fingerprint ? 'match' : 'differs');
  }
  return (
    <section className="card keycard" aria-labelledby="keycard-heading">
      <h2 id="keycard-heading">Next: compare the key with the producer’s key card</h2>
      <p>
        Anyone can sign a pack with a key of their own, so check that this is the producer’s key. Their key card (given
        to the police at the first report) shows a fingerprint in large type and as a QR code. It should be exactly:
      </p>
      <HashLines hex={fingerprint} testId="verify-fingerprint" />
      <form
        noValidate
        autoComplete="off"
        onSubmit={(e) => {
          e.preventDefault();
          compare();
        }}
      >
        <div className="field">
          <label htmlFor="keycard-fingerprint">
            Fingerprint on the key card (type it or paste it; spaces are fine)
          </label>
          <input
            id="keycard-fingerprint"
            type="text"
            spellCheck={false}
            autoComplete="off"
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value);
              setResult(null);
            }}
          />
        </div>
        <div className="btn-row">
          <button className="btn" type="submit">
            Compare
          </button>
        </div>
      </form>
      {result === 'match' ? (
        <div className="notice notice-ok" role="status">
          It matches the key card: this pack was signed with the producer’s key.
        </div>
      ) : result === 'differs' ? (
        <div className="notice notice-error" role="alert">
          It does not match the key card: this pack was not signed with the producer’s key. Do not rely on it; ask the
          producer for the pack again.
        </div>
      ) : result === 'unreadable' ? (
        <div className="notice notice-error" role="alert">
          A fingerprint is 64 characters (0 to 9 and a to f), in 16 groups of four: check what you typed and compare
          again.
        </div>
      ) : null}
    </section>
  );
}
