/**
 * One outgoing POST (a notification or a batch callback). Only a 2xx answer counts as
 * delivered; redirects are not followed, as SNS does not follow them either.
 */

export interface PostOutcome {
  ok: boolean;
  /** HTTP status, or null when no response arrived. */
  status: number | null;
  /** Why it failed, for the delivery log. */
  error: string | null;
}

export async function postMessage(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<PostOutcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Read the body so the connection can be reused; its content does not matter.
    const text = await response.text().catch(() => '');
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status, error: null };
    const detail = text.trim().slice(0, 200);
    return { ok: false, status: response.status, error: `HTTP ${response.status}${detail ? `: ${detail}` : ''}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const message = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
    return { ok: false, status: null, error: message };
  }
}
