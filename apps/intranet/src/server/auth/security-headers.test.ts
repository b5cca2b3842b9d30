import { describe, expect, it } from 'vitest';
import { isPagePath, pageCsp, securityHeaders } from './security-headers';

describe('securityHeaders', () => {
  it('gives pages a nonce-based script policy, no framing and the base headers', () => {
    const h = securityHeaders('/inbox', 'abc123');
    const csp = h['Content-Security-Policy'] ?? '';
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(h['X-Frame-Options']).toBe('DENY');
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(h['Referrer-Policy']).toBe('same-origin');
    expect(h['Permissions-Policy']).toContain('camera=()');
    expect(isPagePath('/inbox')).toBe(true);
  });

  it('gives API routes and PDFs no document policy but still no framing', () => {
    for (const p of ['/api/trpc/x', '/api/blobs/k', '/incoming/c1/sheet/pdf']) {
      const h = securityHeaders(p, 'n');
      expect(h['Content-Security-Policy']).toBe("frame-ancestors 'none'");
      expect(h['X-Frame-Options']).toBe('DENY');
      expect(h['X-Content-Type-Options']).toBe('nosniff');
      expect(isPagePath(p)).toBe(false);
    }
  });

  it('lets only the app itself frame the 发文 preview', () => {
    const h = securityHeaders('/api/outgoing/case-1/preview', 'n');
    expect(h['Content-Security-Policy']).toBe("frame-ancestors 'self'");
    expect(h['X-Frame-Options']).toBe('SAMEORIGIN');
  });

  it("adds 'unsafe-eval' only for next dev", () => {
    expect(pageCsp('n', { dev: true })).toContain("'unsafe-eval'");
    expect(pageCsp('n')).not.toContain("'unsafe-eval'");
  });
});
