/** Small helpers for the HTML emails and pages Marquee renders. */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** The one escaper for stored values in every page, email and XML answer Marquee renders. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/** A complete, self-contained HTML document with inline styles (what mail clients render). */
export function htmlDocument(title: string, bodyHtml: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '</head>',
    '<body style="font-family: Helvetica, Arial, sans-serif; color: #222; max-width: 640px; margin: 0 auto; padding: 24px;">',
    bodyHtml,
    '<p style="color: #888; font-size: 12px; margin-top: 32px;">Sent by Marquee</p>',
    '</body></html>',
  ].join('\n');
}

/** A call-to-action link styled as a button. */
export function button(href: string, label: string, colour = '#1f6feb'): string {
  return `<a href="${escapeHtml(href)}" style="display: inline-block; padding: 10px 18px; margin: 4px 8px 4px 0; background: ${colour}; color: #fff; text-decoration: none; border-radius: 4px;">${escapeHtml(label)}</a>`;
}
