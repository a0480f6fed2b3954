import { useEffect, useRef, useState } from 'react';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

const MAX_PAGES = 50;

/** A PDF exhibit rendered page by page to canvases with pdf.js (its worker bundled by Vite). */
export function PdfView({ bytes, name }: { bytes: Uint8Array; name: string }) {
  const holder = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ pages: number; shown: number; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

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
          canvas.setAttribute('aria-label', `Page ${n} of ${doc.numPages} of ${name}`);
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
        if (live) setError('This PDF could not be shown. The original file is kept unchanged.');
      }
    })();
    return () => {
      live = false;
      for (const c of canvases) c.remove();
    };
  }, [bytes, name]);

  return (
    <div data-testid="pdf-view">
      <h2>Document</h2>
      {error ? <p role="alert">{error}</p> : null}
      {!state && !error ? <p role="status">Opening the document…</p> : null}
      {state ? (
        <p className="hint">
          {state.pages} page{state.pages === 1 ? '' : 's'}
          {state.shown < state.pages ? ` (the first ${state.shown} are shown)` : ''}
        </p>
      ) : null}
      <div ref={holder} />
      {state?.text ? (
        <details>
          <summary>Text of the document</summary>
          <pre className="email-text" data-testid="pdf-text">
            {state.text}
          </pre>
        </details>
      ) : null}
    </div>
  );
}
