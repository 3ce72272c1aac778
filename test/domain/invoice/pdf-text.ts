/**
 * Just enough PDF reading to check what pdfkit wrote: the file structure (header, xref,
 * trailer) and the text drawn on its pages (Flate streams, hex strings in TJ arrays).
 */
import { inflateSync } from 'node:zlib';

export function assertPdfStructure(pdf: Buffer): { pages: number } {
  const text = pdf.toString('latin1');
  if (!text.startsWith('%PDF-1.')) throw new Error('missing %PDF header');
  if (!/%%EOF\s*$/.test(text)) throw new Error('missing %%EOF trailer');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!startxref) throw new Error('missing startxref');
  if (text.slice(Number(startxref[1]), Number(startxref[1]) + 4) !== 'xref') throw new Error('startxref does not point at the xref table');
  const pages = (text.match(/\/Type \/Page\b/g) ?? []).length;
  if (pages === 0) throw new Error('no pages');
  return { pages };
}

/** The text shown on the pages, one string per text operator. */
export function pdfText(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const op of content.matchAll(/\[((?:<[0-9a-fA-F]*>|\s|-?[\d.]+)*)\]\s*TJ/g)) {
      const hex = [...op[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
      out.push(Buffer.from(hex, 'hex').toString('latin1'));
    }
  }
  return out;
}
