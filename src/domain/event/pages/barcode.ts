/** Ticket barcodes as Code 128 PNG images (bwip-js), for the barcode URL, ticket pages and PDFs. */
import bwipjs from 'bwip-js';

export function barcodePng(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({ bcid: 'code128', text, scale: 3, height: 14, includetext: true, textxalign: 'center' });
}
