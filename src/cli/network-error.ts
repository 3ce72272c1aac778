/**
 * What went wrong reaching a server, in words a user can act on: fetch only says "fetch
 * failed"; the cause under it says refused, unknown host, TLS or timeout.
 */
interface Cause {
  code?: string;
  message?: string;
  cause?: unknown;
}

function causes(error: unknown): Cause[] {
  const out: Cause[] = [];
  for (let e: unknown = error; e && typeof e === 'object' && out.length < 5; e = (e as Cause).cause) out.push(e as Cause);
  return out;
}

export function explainNetworkError(error: unknown, url: string): string | null {
  const chain = causes(error);
  const codes = chain.map((c) => c.code ?? '');
  const text = chain.map((c) => c.message ?? '').join(' ');
  const host = (() => {
    try {
      return new URL(url).hostname;
    } catch {
      return url;
    }
  })();
  if (codes.includes('ECONNREFUSED')) return `cannot connect to ${url}: connection refused. Is Marquee running there (marquee serve), and is the port right?`;
  if (codes.includes('ENOTFOUND') || codes.includes('EAI_AGAIN')) return `cannot connect to ${url}: the host name ${host} does not resolve. Check the spelling of --url.`;
  if (codes.some((c) => c.startsWith('ERR_SSL') || c === 'EPROTO') || /SSL|TLS|wrong version number/i.test(text)) {
    return `cannot connect to ${url}: the TLS handshake failed. A local Marquee speaks plain http: try ${url.replace(/^https:/, 'http:')}`;
  }
  if (codes.includes('ETIMEDOUT') || codes.includes('UND_ERR_CONNECT_TIMEOUT') || chain.some((c) => (c as { name?: string }).name === 'TimeoutError')) {
    return `cannot connect to ${url}: the connection timed out. Check --url and any firewall in between.`;
  }
  if (codes.includes('ECONNRESET') || codes.includes('UND_ERR_SOCKET')) return `the connection to ${url} was closed before an answer arrived (${codes.filter(Boolean).join(', ')}).`;
  if (text.includes('fetch failed') || codes.some(Boolean)) return `cannot reach ${url}: ${codes.filter(Boolean).join(', ') || text}`;
  return null;
}
