import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { ImportSource } from '../../../shared/ipc.js';
import { bridge, call, errorMessage, randomId } from '../bridge.js';
import { useVault } from '../state.js';
import { useT, type Translate } from '../i18n/index.js';
import { useWords } from '../i18n/words.js';
import './agent.css';

/** A file chosen in quick add, locked in the vault when the incident is saved. */
export interface PendingFile {
  key: string;
  name: string;
  size: number;
  source: ImportSource;
}

/** "pasted-image-20241118-203100.png": a pasted picture's name, from when it was pasted (this computer's clock). */
export function pastedName(type: string, when: Date, index: number, count: number): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${when.getFullYear()}${p(when.getMonth() + 1)}${p(when.getDate())}-${p(when.getHours())}${p(when.getMinutes())}${p(when.getSeconds())}`;
  const ext = type === 'image/jpeg' ? 'jpg' : (type.split('/')[1] ?? 'png').replace(/[^a-z0-9]/g, '') || 'png';
  return `pasted-image-${stamp}${count > 1 ? `-${index + 1}` : ''}.${ext}`;
}

async function toPending(files: File[]): Promise<PendingFile[]> {
  const out: PendingFile[] = [];
  for (const f of files) {
    // Electron gives a grant for a dropped file's real path; the browser sends its bytes.
    const grant = await bridge().grantForDroppedFile(f);
    out.push({
      key: randomId(16),
      name: f.name,
      size: f.size,
      source: grant
        ? { kind: 'grant', grantId: grant.grantId }
        : { kind: 'bytes', name: f.name, lastModified: f.lastModified, data: new Uint8Array(await f.arrayBuffer()) },
    });
  }
  return out;
}

/**
 * Quick add's files (issue 15, item 4): drop them, choose them, or paste a picture (Ctrl+V, also
 * while typing in "What happened", when the clipboard holds a picture and no text). A pasted
 * picture is kept exactly as the clipboard gives it (a PNG from a screenshot) under a name with
 * the time it was pasted. Nothing reaches the vault until the incident is saved (importFiles).
 */
export function QuickFiles({ files, onChange }: { files: PendingFile[]; onChange(files: PendingFile[]): void }) {
  const v = useVault();
  const t = useT();
  const words = useWords();
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const latest = useRef(files);
  latest.current = files;

  const add = async (picked: File[], how: 'pasted' | 'dropped' | 'chosen') => {
    setError(null);
    try {
      const more = await toPending(picked);
      onChange([...latest.current, ...more]);
      v.announce(t(`incident.files.added.${how}`, { count: more.length, names: more.map((f) => f.name).join(', ') }));
    } catch (e) {
      setError(t('incident.files.nothing-added', { error: errorMessage(e) }));
    }
  };

  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const data = e.clipboardData;
      const images = Array.from(data?.files ?? []).filter((f) => f.type.startsWith('image/'));
      if (images.length === 0) return;
      const target = e.target as HTMLElement | null;
      const inText = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA');
      // In a text field, text wins: a picture is taken only when there is no text to paste.
      if (inText && (data?.types ?? []).includes('text/plain')) return;
      e.preventDefault();
      const when = new Date();
      const named = images.map(
        (f, i) =>
          new File([f], pastedName(f.type, when, i, images.length), { type: f.type, lastModified: when.getTime() }),
      );
      void add(named, 'pasted');
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  });

  async function choose() {
    setError(null);
    if (v.status.nativeDialogs) {
      try {
        const grants = await call('dialog.openFiles', {});
        if (grants.length === 0) return;
        const more = grants.map((g): PendingFile => ({
          key: randomId(16),
          name: g.name,
          size: g.size,
          source: { kind: 'grant', grantId: g.grantId },
        }));
        onChange([...latest.current, ...more]);
        v.announce(t('incident.files.chosen', { names: more.map((f) => f.name).join(', ') }));
      } catch (e) {
        setError(errorMessage(e));
      }
      chooseButton.current?.focus();
    } else {
      fileInput.current?.click();
    }
  }

  function remove(key: string) {
    const i = files.findIndex((f) => f.key === key);
    const next = files.filter((f) => f.key !== key);
    onChange(next);
    // The focus goes to the next file's Remove button, or back to "Choose files…".
    requestAnimationFrame(() => {
      const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button');
      const to = buttons?.[Math.min(i, (buttons?.length ?? 1) - 1)];
      (to ?? chooseButton.current)?.focus();
    });
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    const dropped = Array.from(e.dataTransfer.files);
    if (dropped.length > 0) void add(dropped, 'dropped');
  }

  return (
    <fieldset className="quick-files">
      <legend>{t('incident.files.legend')}</legend>
      <div
        className={dragging ? 'dropzone dragging' : 'dropzone'}
        data-testid="quick-dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p id="quick-files-hint">{t('incident.files.hint')}</p>
        <button
          ref={chooseButton}
          className="btn"
          type="button"
          aria-describedby="quick-files-hint"
          onClick={() => void choose()}
        >
          {t('incident.files.choose')}
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          aria-label={t('incident.files.choose-label')}
          onChange={(e) => {
            const picked = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (picked.length > 0) void add(picked, 'chosen').then(() => chooseButton.current?.focus());
          }}
        />
      </div>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      {files.length > 0 ? (
        <ul ref={list} aria-label={t('incident.files.list')}>
          {files.map((f) => (
            <li key={f.key}>
              <bdi>{f.name}</bdi> <span className="hint">({words.formatSize(f.size)})</span>{' '}
              <button
                className="btn-link"
                type="button"
                aria-label={t('incident.remove-named', { name: f.name })}
                onClick={() => remove(f.key)}
              >
                {t('incident.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}

/**
 * Locks the chosen files in the vault as the saved incident's exhibits (one import: all or none).
 * Resolves to null when they were added, or the line to show on the incident page when not.
 */
export async function importFiles(incidentId: string, files: PendingFile[], t: Translate): Promise<string | null> {
  if (files.length === 0) return null;
  try {
    await call('exhibits.import', { incidentId, jobId: randomId(16), sources: files.map((f) => f.source) });
    return null;
  } catch (e) {
    // errorMessage: the core's words (which exhibit a duplicate repeats) in English, its code's in Welsh.
    return t('incident.files.not-added', { why: errorMessage(e) });
  }
}

/** A line for the incident page to show once (quick add's files that could not be added). */
let notice: { incidentId: string; text: string } | null = null;
export function setIncidentNotice(incidentId: string, text: string): void {
  notice = { incidentId, text };
}
export function takeIncidentNotice(incidentId: string): string | null {
  if (notice?.incidentId !== incidentId) return null;
  const text = notice.text;
  notice = null;
  return text;
}
