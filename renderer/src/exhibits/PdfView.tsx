import { useEffect, useRef, useState } from 'react';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useT } from '../i18n/index.js';

const MAX_PAGES = 50;

/** A PDF exhibit rendered page by page to canvases with pdf.js (its worker bundled by Vite). */
export function PdfView({ bytes, name }: { bytes: Uint8Array; name: string }) {
  const holder = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ pages: number; shown: number; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const t = useT();

  useEffect(() => {
    let live = true;
    const canvases: HTMLCanvasElement[] = [];
    void (async () => {
      try {
        const pdfjs = await import('pdfjs-dist');
        pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
        const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, enableXfa: false }).promise;
        const shown = Math.min(doc.numPages, MAX_PAGES);
        const texts: string[] = [];
        for (let n = 1; n <= shown && live; n++) {
          const page = await doc.getPage(n);
          const viewport = page.getViewport({ scale: 1.4 });
          const canvas = document.createElement('canvas');
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          canvas.className = 'pdf-page';
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', t('exhibits.pdf.page-label', { n, total: doc.numPages, name }));
          holder.current?.append(canvas);
          canvases.push(canvas);
          await page.render({ canvas, viewport }).promise;
          const content = await page.getTextContent();
          texts.push(
            content.items
              .map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : ''))
              .join('')
              .trim(),
          );
        }
        if (live) setState({ pages: doc.numPages, shown, text: texts.join('\n\n') });
        void doc.destroy();
      } catch {
        if (live) setError(t('exhibits.pdf.error'));
      }
    })();
    return () => {
      live = false;
      for (const c of canvases) c.remove();
    };
  }, [bytes, name, t]);

  return (
    <div data-testid="pdf-view">
      <h2>{t('exhibits.pdf.heading')}</h2>
      {error ? <p role="alert">{error}</p> : null}
      {!state && !error ? <p role="status">{t('exhibits.pdf.opening')}</p> : null}
      {state ? (
        <p className="hint">
          {t('exhibits.pdf.pages', { count: state.pages })}
          {state.shown < state.pages ? ` ${t('exhibits.pdf.first', { shown: state.shown })}` : ''}
        </p>
      ) : null}
      <div ref={holder} />
      {state?.text ? (
        <details>
          <summary>{t('exhibits.pdf.text')}</summary>
          <pre className="email-text" data-testid="pdf-text">
            {state.text}
          </pre>
        </details>
      ) : null}
    </div>
  );
}
