/**
 * Check a case pack: a folder or ZIP chosen in a dialog (desktop), or sent from the window (the
 * browser version: a ZIP file or the pack's folder), or one made in this session. Needs no vault:
 * the start screen (Unlock, Create) opens it too. Plain-English results, then a step to compare
 * the signing key's fingerprint with the producer's key card.
 */
import { useContext, useEffect, useRef, useState } from 'react';
import type { RequestOf } from '../../../shared/ipc.js';
import { MAX_PACK_UPLOAD_BYTES, type PackVerifyReport } from '../../../shared/ipc-pack.js';
import { call, errorMessage } from '../bridge.js';
import { VaultContext } from '../state.js';
import { packsThisSession } from './session.js';
import { groupHex } from '../../../shared/format.js';
import { HashLines } from './HashLines.js';
import { Msg, useT } from '../i18n/index.js';
import { useWords } from '../i18n/words.js';
import './pack.css';

type PackToCheck = RequestOf<'pack.verify'>['pack'];

/** What was typed from the key card, as 64 hex digits; null when it is not a fingerprint. */
function fingerprintOf(text: string): string | null {
  const hex = text.replace(/[\s:-]+/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}

export function VerifyPack({ onClose, nativeDialogs }: { onClose(): void; nativeDialogs?: boolean }) {
  const v = useContext(VaultContext);
  const t = useT();
  const w = useWords();
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
      setError(t('pack.verify.too-large', { size: w.formatSize(total), max: w.formatSize(MAX_PACK_UPLOAD_BYTES) }));
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
        {t('pack.screen.check')}
      </h1>
      <p>{t('pack.verify.lead')}</p>
      {native ? (
        <div className="btn-row">
          <button className="btn btn-primary" type="button" disabled={busy} onClick={() => void choose('zip')}>
            {t('pack.verify.choose-zip')}
          </button>
          <button className="btn" type="button" disabled={busy} onClick={() => void choose('folder')}>
            {t('pack.verify.choose-folder')}
          </button>
        </div>
      ) : (
        <div className="row">
          <div className="field">
            <label htmlFor="verify-zip">{t('pack.verify.zip')}</label>
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
            <label htmlFor="verify-folder">{t('pack.verify.folder')}</label>
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
          <h2 id="made-heading">{t('pack.verify.made-here')}</h2>
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
                  {t('pack.verify.check', { id: r.packId })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {busy ? (
        <p role="status" aria-live="polite">
          {t('pack.verify.checking')}
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
                  ? t('pack.verify.all-good', { count: report.filesChecked })
                  : t('pack.verify.problems', { count: report.problems.length })}
              </strong>
            </p>
            <p>{report.ok ? t('pack.verify.unchanged') : t('pack.verify.changed')}</p>
            <p>
              {report.location}
              {report.packId ? ` · ${report.packId}` : ''}
              {report.baggingDate ? ` · ${t('pack.verify.made', { date: ukDay(report.baggingDate) })}` : ''}
            </p>
            {report.signingKeyFingerprint ? (
              <p>
                <Msg
                  id={
                    report.signingKeyIsThisVault === true
                      ? 'pack.verify.signed-own'
                      : report.signingKeyIsThisVault === false
                        ? 'pack.verify.signed-other'
                        : 'pack.verify.signed'
                  }
                  values={{
                    fingerprint: groupHex(report.signingKeyFingerprint),
                    k: (c) => <span className="hash">{c}</span>,
                  }}
                />
              </p>
            ) : null}
            {report.problems.length > 0 ? (
              <ul className="problems">
                {report.problems.map((p, i) => (
                  <li key={i}>
                    {w.plainPackProblem(p)}
                    <details className="problem-detail">
                      <summary>{t('pack.verify.found')}</summary>
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
          {t('pack.back')}
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
  const t = useT();
  const [typed, setTyped] = useState('');
  const [result, setResult] = useState<'match' | 'differs' | 'unreadable' | null>(null);
  function compare() {
    const fp = fingerprintOf(typed);
    setResult(fp === null ? 'unreadable' : fp === fingerprint ? 'match' : 'differs');
  }
  return (
    <section className="card keycard" aria-labelledby="keycard-heading">
      <h2 id="keycard-heading">{t('pack.keycard.heading')}</h2>
      <p>{t('pack.keycard.text')}</p>
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
          <label htmlFor="keycard-fingerprint">{t('pack.keycard.label')}</label>
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
            {t('pack.keycard.compare')}
          </button>
        </div>
      </form>
      {result === 'match' ? (
        <div className="notice notice-ok" role="status">
          {t('pack.keycard.match')}
        </div>
      ) : result === 'differs' ? (
        <div className="notice notice-error" role="alert">
          {t('pack.keycard.differs')}
        </div>
      ) : result === 'unreadable' ? (
        <div className="notice notice-error" role="alert">
          {t('pack.keycard.unreadable')}
        </div>
      ) : null}
    </section>
  );
}
