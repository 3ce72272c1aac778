/**
 * Ticket barcodes as Code 128 PNG images (bwip-js), for the barcode URL, ticket pages and PDFs.
 * bwip-js is imported on the first barcode: most servers never draw one, and it is large.
 */
export async function barcodePng(text: string): Promise<Buffer> {
  const { default: bwipjs } = await import('bwip-js');
  return bwipjs.toBuffer({ bcid: 'code128', text, scale: 3, height: 14, includetext: true, textxalign: 'center' });
}
