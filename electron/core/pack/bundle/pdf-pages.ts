/**
 * A PDF exhibit's pages inside the bundle: each page read with pdf-lib and copied into the
 * bundle's pdfkit document as a Form XObject (its content and the resources it names: fonts,
 * images, patterns), then drawn scaled under the bundle's header. Nothing in the exhibit runs:
 * scripts, actions, forms, links and annotations are not copied, only what a page draws.
 *
 * Read in two steps so that a hostile file can never leave the bundle half written: first every
 * object a page needs is collected and checked (count, size, kinds) from pdf-lib's parse, with
 * nothing written; only then are pdfkit objects made and each is finished at once.
 */
import { deflateSync } from 'node:zlib';
import {
  decodePDFRawStream,
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument as LibDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFObject,
  type PDFPage,
} from 'pdf-lib';
import { packText, type PackId } from '../words/index.js';

/** PDFs larger than this are not opened for the bundle (the page says so). */
export const PDF_RENDER_MAX_BYTES = 48 * 1024 * 1024;
/** At most this many pages of one PDF exhibit are drawn; the rest are named. */
export const PDF_MAX_PAGES = 200;
/** Objects one page may need (fonts, images, …); more is not a document but an attack. */
const MAX_OBJECTS_PER_PAGE = 20_000;

/** pdfkit's value model (PDFObject.convert): a JS string is a name, a String a text string. */
type KitValue =
  | string
  | number
  | boolean
  | null
  | Uint8Array
  | KitValue[]
  | { [key: string]: KitValue }
  | KitRef
  | InstanceType<typeof String>;

interface KitRef {
  end(chunk?: Uint8Array): void;
  data: Record<string, KitValue>;
}

interface KitDocument {
  ref(data?: Record<string, KitValue>): KitRef;
  page: { xobjects: Record<string, KitRef> };
}

/** Why a PDF (or a page) is not drawn: `id` words it in the pack's language (the message is the English). */
export class PdfUnreadable extends Error {
  constructor(readonly id: PackId) {
    super(packText('en')(id));
  }
}

export interface OpenedPdf {
  pages: PDFPage[];
  pageCount: number;
}

/** Open a PDF exhibit (no encryption, limits checked); throws PdfUnreadable with a plain reason. */
export async function openPdf(bytes: Uint8Array): Promise<OpenedPdf> {
  if (bytes.length > PDF_RENDER_MAX_BYTES) throw new PdfUnreadable('bundle.pdf.tooLarge');
  let lib: LibDocument;
  try {
    lib = await LibDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  } catch (e) {
    const name = (e as Error | null)?.name ?? '';
    if (/Encrypted/i.test(name) || /encrypted/i.test(String((e as Error | null)?.message)))
      throw new PdfUnreadable('bundle.pdf.encrypted');
    throw new PdfUnreadable('bundle.unreadable');
  }
  if (lib.isEncrypted) throw new PdfUnreadable('bundle.pdf.encrypted');
  let pages: PDFPage[];
  try {
    pages = lib.getPages();
  } catch {
    throw new PdfUnreadable('bundle.pdf.noPageList');
  }
  if (!pages.length) throw new PdfUnreadable('bundle.pdf.noPages');
  return { pages, pageCount: pages.length };
}

interface Collected {
  /** Indirect objects, each once, in the order found. */
  refs: Map<string, PDFObject>;
  /** The page's content, decoded and joined. */
  content: Uint8Array;
  resources: PDFObject | undefined;
  box: [number, number, number, number];
  rotate: number;
}

function numberArray(o: PDFObject | undefined, lib: PDFPage['doc']): number[] | null {
  const a = o instanceof PDFRef ? lib.context.lookup(o) : o;
  if (!(a instanceof PDFArray) || a.size() !== 4) return null;
  const n = a.asArray().map((x) => {
    const v = x instanceof PDFRef ? lib.context.lookup(x) : x;
    return v instanceof PDFNumber ? v.asNumber() : NaN;
  });
  return n.every(Number.isFinite) ? n : null;
}

/** Everything one page draws, checked; nothing is written. */
function collect(page: PDFPage): Collected {
  const lib = page.doc;
  const node = page.node;
  const refs = new Map<string, PDFObject>();
  const stack: PDFObject[] = [];
  const resources = node.Resources();
  if (resources) stack.push(resources);
  while (stack.length) {
    const o = stack.pop();
    if (o === undefined) continue;
    if (o instanceof PDFRef) {
      const key = o.toString();
      if (refs.has(key)) continue;
      const target = lib.context.lookup(o);
      if (target === undefined) continue;
      refs.set(key, target);
      if (refs.size > MAX_OBJECTS_PER_PAGE) throw new PdfUnreadable('bundle.pdf.tooManyObjects');
      stack.push(target);
    } else if (o instanceof PDFDict) {
      for (const [k, v] of o.entries()) if (k.asString() !== '/Parent') stack.push(v);
    } else if (o instanceof PDFArray) {
      stack.push(...o.asArray());
    } else if (o instanceof PDFStream) {
      for (const [k, v] of o.dict.entries()) if (k.asString() !== '/Parent') stack.push(v);
    }
  }
  const contents = node.Contents();
  const parts: Uint8Array[] = [];
  const streams = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  for (const s of streams) {
    const stream = s instanceof PDFRef ? lib.context.lookup(s) : s;
    if (!(stream instanceof PDFRawStream)) continue;
    try {
      parts.push(decodePDFRawStream(stream).decode(), new Uint8Array([10]));
    } catch {
      throw new PdfUnreadable('bundle.pdf.compression');
    }
  }
  const content = Buffer.concat(parts.length ? parts : [new Uint8Array([32])]);
  const box =
    numberArray(node.get(PDFName.of('CropBox')), lib) ??
    numberArray(node.MediaBox(), lib) ??
    ([0, 0, 612, 792] as number[]);
  const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = box;
  const rotateObj = node.Rotate();
  const rotate = (((rotateObj?.asNumber() ?? 0) % 360) + 360) % 360;
  return {
    refs,
    content,
    resources,
    box: [Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)],
    rotate: rotate === 90 || rotate === 180 || rotate === 270 ? rotate : 0,
  };
}

/**
 * Copy one page into the pdfkit document as a Form XObject and draw it in the box (x, y, width,
 * height: pdfkit's top-left coordinates), scaled to fit, centred across. Returns the height used.
 */
export function drawPdfPage(
  doc: PDFKit.PDFDocument,
  page: PDFPage,
  box: { x: number; y: number; width: number; height: number },
  name: string,
): number {
  const got = collect(page); // throws before anything is written
  const kit = doc as unknown as KitDocument;
  const made = new Map<string, KitRef>();
  // Every indirect object gets its pdfkit object first (references may go round in circles).
  const streams: { ref: KitRef; bytes: Uint8Array }[] = [];
  const plain: { ref: KitRef }[] = [];
  const convert = (o: PDFObject | undefined): KitValue => {
    if (o === undefined || o === PDFNull) return null;
    if (o instanceof PDFRef) return made.get(o.toString()) ?? null;
    if (o instanceof PDFName) return o.asString().slice(1);
    if (o instanceof PDFNumber) return o.asNumber();
    if (o instanceof PDFBool) return o.asBoolean();
    if (o instanceof PDFString || o instanceof PDFHexString) return o.asBytes();
    if (o instanceof PDFArray) return o.asArray().map(convert);
    if (o instanceof PDFDict) {
      const d: Record<string, KitValue> = {};
      for (const [k, v] of o.entries()) if (k.asString() !== '/Parent') d[k.asString().slice(1)] = convert(v);
      return d;
    }
    return null;
  };
  for (const [key, target] of got.refs) {
    if (target instanceof PDFRawStream) {
      const ref = kit.ref({ Filter: 'Placeholder' }); // a Filter now: pdfkit must not compress the raw bytes
      made.set(key, ref);
      streams.push({ ref, bytes: target.getContents() });
    } else {
      const ref = kit.ref({});
      made.set(key, ref);
      plain.push({ ref });
    }
  }
  // Fill them in (conversion cannot fail now), then finish each one.
  for (const [key, target] of got.refs) {
    const ref = made.get(key);
    if (!ref) continue;
    if (target instanceof PDFRawStream) {
      const value = convert(target.dict) as Record<string, KitValue>;
      delete value.Length;
      ref.data = value;
    } else {
      // pdfkit writes whatever the object holds: a dictionary, an array (a font's /Widths), a number.
      (ref as { data: unknown }).data = convert(target);
    }
  }
  for (const s of streams) {
    const bytes = s.bytes.length ? s.bytes : new Uint8Array([32]);
    if (s.ref.data.Filter === undefined) {
      s.ref.data.Filter = 'FlateDecode'; // stored without a filter: compressed here
      s.ref.end(deflateSync(bytes));
    } else s.ref.end(bytes);
  }
  for (const p of plain) p.ref.end();

  const [bx0, by0, bx1, by1] = got.box;
  const form = kit.ref({
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [bx0, by0, bx1, by1],
    Resources: convert(got.resources) ?? {},
  });
  form.end(got.content);
  kit.page.xobjects[name] = form;

  const w = bx1 - bx0;
  const h = by1 - by0;
  const turned = got.rotate === 90 || got.rotate === 270;
  const shownW = turned ? h : w;
  const shownH = turned ? w : h;
  const s = Math.min(box.width / shownW, box.height / shownH);
  const left = box.x + (box.width - shownW * s) / 2;
  const top = box.y;
  doc.save();
  // Into pdfkit's top-left space: a page point (px, py) goes to (left + (px-bx0)s, top + (by1-py)s),
  // after the page's own /Rotate (clockwise) is applied within its box.
  doc.transform(s, 0, 0, -s, left, top + shownH * s);
  if (got.rotate === 90) doc.transform(0, -1, 1, 0, 0, shownH);
  else if (got.rotate === 180) doc.transform(-1, 0, 0, -1, shownW, shownH);
  else if (got.rotate === 270) doc.transform(0, 1, -1, 0, shownW, 0);
  doc.transform(1, 0, 0, 1, -bx0, -by0);
  doc.addContent(`/${name} Do`);
  doc.restore();
  doc
    .lineWidth(0.5)
    .strokeColor('#000000')
    .rect(left, top, shownW * s, shownH * s)
    .stroke();
  return shownH * s;
}
