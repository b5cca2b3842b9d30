/**
 * The security headers of every response, set by `src/proxy.ts`. Pure functions (no Node or
 * Next imports), so the proxy bundle and unit tests can use them.
 *
 * The pages' Content-Security-Policy allows scripts only with the request's nonce (Next.js puts
 * it on its own scripts when the request carries the policy; every page here is rendered per
 * request, behind sign-in or `force-dynamic`), and whatever those scripts load
 * ('strict-dynamic'). Styles need 'unsafe-inline': Ant Design's CSS-in-JS writes `<style>`
 * elements in the browser at run time without a nonce (the server-rendered ones could carry
 * one, the client-inserted ones only through a nonce handed to every ConfigProvider), and its
 * components render `style="…"` attributes, which a nonce cannot allow at all. Inline styles
 * cannot run code, so scripts stay strict.
 */

/** The request header (set by the proxy) that tells server components which path renders. */
export const PATHNAME_HEADER = 'x-gongwen-pathname';

/** Headers every response gets. */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  // Full URLs (case ids in paths) never leave the intranet; other sites see nothing.
  'Referrer-Policy': 'same-origin',
  // Nothing here uses the camera, microphone, location, payment, USB or sensors.
  'Permissions-Policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), ' +
    'midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), ' +
    'browsing-topics=(), interest-cohort=()',
};

/** The pages' policy for a request's nonce (`dev` adds what `next dev` needs). */
export function pageCsp(nonce: string, opts: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${opts.dev ? ' ws: wss:' : ''}`,
    // The 发文 preview frames the intranet's own PDF route.
    "frame-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Paths whose answers are files or JSON rather than pages (API routes, the 处理笺 PDF): no
 * document policy (it would only get in the way of the browser's PDF viewer), just no framing.
 * The 发文 preview is framed by the case page itself, so it may be framed by the same origin.
 */
function fileKind(pathname: string): 'page' | 'file' | 'framedFile' {
  if (/^\/api\/outgoing\/[^/]+\/preview\/?$/.test(pathname)) return 'framedFile';
  if (pathname.startsWith('/api/') || pathname.endsWith('/pdf')) return 'file';
  return 'page';
}

/** The security headers of the response to `pathname` (`nonce` for pages). */
export function securityHeaders(
  pathname: string,
  nonce: string,
  opts: { dev?: boolean } = {},
): Record<string, string> {
  const kind = fileKind(pathname);
  return {
    ...BASE_SECURITY_HEADERS,
    'Content-Security-Policy':
      kind === 'page'
        ? pageCsp(nonce, opts)
        : kind === 'framedFile'
          ? "frame-ancestors 'self'"
          : "frame-ancestors 'none'",
    'X-Frame-Options': kind === 'framedFile' ? 'SAMEORIGIN' : 'DENY',
  };
}

/** Whether the path renders a page (and so needs the nonce passed to the renderer). */
export function isPagePath(pathname: string): boolean {
  return fileKind(pathname) === 'page';
}
