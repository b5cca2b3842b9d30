/**
 * Cross-site request forgery checks, shared by `src/proxy.ts` (every state-changing request)
 * and the tRPC context (mutations). Pure functions of the request's method, URL and headers:
 * no database, no next-auth, so the proxy bundle can import them.
 *
 * The session cookie is SameSite=Lax, which a page on another port of the same host (same
 * site, different origin) gets sent along anyway; so a request that changes state must say it
 * comes from the intranet's own origin.
 */

/** Methods that never change state: not checked. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The refusal shown when a request comes from another origin. */
export const CROSS_ORIGIN_MESSAGE = '请求来源不被允许：已拒绝跨站提交';

/** The refusal shown when a tRPC mutation is not JSON. */
export const JSON_ONLY_MESSAGE = '请求格式不被支持：仅接受 application/json';

/** What the check needs to know about a request. */
export interface OriginCheckRequest {
  method: string;
  /** The URL the server received (its host may be an internal address behind a proxy). */
  url: string;
  headers: Headers;
}

/** Outcome: allowed, or refused with the reason (for logs and tests). */
export type OriginCheck = { ok: true } | { ok: false; reason: string };

function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * The origins this intranet answers on: the configured public URL (NEXTAUTH_URL — what the
 * browser sees behind a reverse proxy) and the origin the request itself was addressed to
 * (`X-Forwarded-Host`/`X-Forwarded-Proto` when a proxy sets them, else `Host` and the URL's
 * scheme). A browser cannot forge `Host` or add `X-Forwarded-*` to a cross-origin request
 * without a CORS preflight, which this app never grants, so the request's own origin is safe
 * to trust for this check. The port is part of the origin: another port is another origin.
 */
export function ownOrigins(req: OriginCheckRequest, publicUrl?: string | null): Set<string> {
  const out = new Set<string>();
  const configured = originOf(publicUrl);
  if (configured) out.add(configured);
  let scheme = 'http:';
  try {
    scheme = new URL(req.url).protocol;
  } catch {}
  const proto = req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  if (proto === 'http' || proto === 'https') scheme = `${proto}:`;
  const host =
    req.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || req.headers.get('host');
  const own = host ? originOf(`${scheme}//${host}`) : originOf(req.url);
  if (own) out.add(own);
  return out;
}

/**
 * Whether a request may change state: safe methods always; otherwise `Sec-Fetch-Site` (when
 * the browser sends it) must not be `cross-site` or `same-site`, and `Origin` (or, when a
 * browser sent none, `Referer`) must be one of {@link ownOrigins}. A request with neither
 * header — a script, not a browser — carries no ambient cookie risk and passes.
 */
export function checkRequestOrigin(
  req: OriginCheckRequest,
  publicUrl?: string | null,
): OriginCheck {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return { ok: true };
  const site = req.headers.get('sec-fetch-site')?.toLowerCase();
  if (site === 'cross-site' || site === 'same-site') {
    return { ok: false, reason: `Sec-Fetch-Site: ${site}` };
  }
  const allowed = ownOrigins(req, publicUrl);
  const origin = req.headers.get('origin');
  if (origin !== null) {
    // "null" (sandboxed frames, file: pages) is never the intranet.
    const o = originOf(origin);
    return o && allowed.has(o) ? { ok: true } : { ok: false, reason: `Origin: ${origin}` };
  }
  const referer = req.headers.get('referer');
  if (referer) {
    const o = originOf(referer);
    return o && allowed.has(o) ? { ok: true } : { ok: false, reason: `Referer: ${referer}` };
  }
  return { ok: true };
}

/** Whether a request body is declared as JSON (`application/json`, any parameters). */
export function isJsonRequest(headers: Headers): boolean {
  const type = headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}
