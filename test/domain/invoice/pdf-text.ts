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

/**
 * The bytes of every stream, exactly as long as its dictionary's /Length says. Looking for the
 * `endstream` keyword instead misreads a compressed stream that happens to end in a CR byte
 * (the optional CR before the end-of-line marker swallows it), about one stream in 256.
 */
function streams(raw: string): string[] {
  const out: string[] = [];
  for (const m of raw.matchAll(/<<((?:(?!>>)[\s\S])*?)\/Length (\d+)([\s\S]*?)>>\s*stream\r?\n/g)) {
    const start = m.index + m[0].length;
    out.push(raw.slice(start, start + Number(m[2])));
  }
  return out;
}

/** The text shown on the pages, one string per text operator. */
export function pdfText(pdf: Buffer): string[] {
  const out: string[] = [];
  for (const stream of streams(pdf.toString('latin1'))) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(stream, 'latin1')).toString('latin1');
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
