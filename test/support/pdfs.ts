/** PDFs made for tests. */
import PDFDocument from 'pdfkit';

/** A PDF made by pdfkit with document information, encrypted with `passwords` when given. */
export function pdfkitPdf(passwords?: { userPassword?: string; ownerPassword: string }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      ...(passwords ? { ...passwords, pdfVersion: '1.7' as const } : {}),
      info: {
        Title: 'Sealed letter',
        CreationDate: new Date('2024-05-01T10:00:00Z'),
        ModDate: new Date('2024-05-02T11:00:00Z'),
      },
    });
    const parts: Buffer[] = [];
    doc.on('data', (c: Buffer) => parts.push(c));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.on('error', reject);
    doc.text('Keep away.');
    doc.end();
  });
}
