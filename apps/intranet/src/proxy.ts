import { type NextRequest, NextResponse } from 'next/server';
import { CROSS_ORIGIN_MESSAGE, checkRequestOrigin } from '~/server/auth/origin';
import { isPagePath, PATHNAME_HEADER, securityHeaders } from '~/server/auth/security-headers';

/**
 * Runs before every request (Next.js 16 `proxy`, formerly `middleware`):
 * - refuses a state-changing request (POST …) from another origin with 403 — the session
 *   cookie is SameSite=Lax, which another port of the same host still receives;
 * - gives every response the security headers (CSP with a fresh nonce for pages, no framing,
 *   nosniff, Referrer-Policy, Permissions-Policy) — see `server/auth/security-headers.ts`.
 */
export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const nonce = btoa(crypto.randomUUID());
  const headers = securityHeaders(pathname, nonce, {
    dev: process.env.NODE_ENV === 'development',
  });

  const origin = checkRequestOrigin(
    { method: request.method, url: request.url, headers: request.headers },
    process.env.NEXTAUTH_URL,
  );
  if (!origin.ok) {
    console.warn(`[gongwen] refused ${request.method} ${pathname}: ${origin.reason}`);
    return NextResponse.json(
      { code: 'FORBIDDEN', message: CROSS_ORIGIN_MESSAGE },
      { status: 403, headers },
    );
  }

  const forward = new Headers(request.headers);
  forward.set(PATHNAME_HEADER, pathname);
  if (isPagePath(pathname)) {
    // Next.js reads the nonce from the request's policy and puts it on its own scripts.
    forward.set('Content-Security-Policy', headers['Content-Security-Policy'] ?? '');
    forward.set('x-nonce', nonce);
  } else {
    forward.delete('x-nonce');
  }
  const response = NextResponse.next({ request: { headers: forward } });
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}

export const config = {
  // Everything but the build's static files (hashed, same-origin, no cookies needed).
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
