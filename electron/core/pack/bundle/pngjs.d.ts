/** The part of pngjs (a dependency of qrcode) that e-mail mode uses: synchronous decoding. */
declare module 'pngjs' {
  export const PNG: {
    sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } };
  };
}
