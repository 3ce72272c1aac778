/**
 * Checks that rendered HTML and XML hold no markup of the data's own: a small tag scanner
 * (enough for Marquee's own templates, no parser dependency) and the raw SMTP header check.
 */
import assert from 'node:assert/strict';

/** The only elements and attributes Marquee's templates write. */
const HTML_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'body', 'h1', 'h2', 'p', 'div', 'span', 'strong', 'br', 'ul', 'li',
  'a', 'img', 'table', 'tr', 'th', 'td', 'form', 'label', 'input', 'button',
]);
const HTML_ATTRIBUTES = new Set(['lang', 'charset', 'style', 'href', 'src', 'alt', 'colspan', 'method', 'action', 'type', 'name', 'value', 'checked']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action']);

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9]*)([^<>]*)>/g;
const ATTRIBUTE = /\s+([A-Za-z:-]+)(?:="([^"]*)")?/y;

const count = (text: string, char: string): number => text.split(char).length - 1;

/**
 * Every `<` and `>` belongs to a well-formed tag of the template (so stored text added none),
 * every attribute is double-quoted (so none was broken out of), and, for HTML, tags and
 * attributes are the templates' own and links are http(s) or same-site paths.
 */
export function assertNoInjectedMarkup(document: string, where: string, kind: 'html' | 'xml'): void {
  assert.doesNotMatch(document, /<script/i, `${where}: a <script> element`);
  const text = document.replace(kind === 'html' ? /^<!DOCTYPE html>/ : /^<\?xml[^>]*\?>/, '');
  const tags = [...text.matchAll(TAG)];
  assert.equal(count(text, '<'), tags.length, `${where}: a '<' outside the template's tags`);
  assert.equal(count(text, '>'), tags.length, `${where}: a '>' outside the template's tags`);
  for (const [tag, closing, name, rest] of tags) {
    if (kind === 'html') assert.ok(HTML_TAGS.has(name!.toLowerCase()), `${where}: unexpected element ${tag}`);
    if (closing) {
      assert.equal(rest, '', `${where}: ${tag}`);
      continue;
    }
    ATTRIBUTE.lastIndex = 0;
    let end = 0;
    for (let m = ATTRIBUTE.exec(rest!); m; m = ATTRIBUTE.exec(rest!)) {
      end = ATTRIBUTE.lastIndex;
      const [, attribute, value] = m;
      if (kind === 'xml') continue;
      assert.ok(HTML_ATTRIBUTES.has(attribute!.toLowerCase()), `${where}: unexpected attribute ${attribute} in ${tag}`);
      if (URL_ATTRIBUTES.has(attribute!.toLowerCase())) {
        assert.match(value ?? '', /^(https?:\/\/|\/[^/])/, `${where}: ${attribute} is not an http(s) or same-site link in ${tag}`);
      }
    }
    assert.match(rest!.slice(end), /^\s*\/?$/, `${where}: an attribute that is not double-quoted in ${tag}`);
  }
}

/** Names of the headers of a raw RFC 5322 message (folded lines unfolded). */
export function headerNames(message: string): string[] {
  const head = message.split(/\r?\n\r?\n/, 1)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  return head.split(/\r?\n/).map((line) => line.slice(0, line.indexOf(':')).toLowerCase());
}
