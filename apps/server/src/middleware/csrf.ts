/**
 * CSRF defence by origin checking (docs/api.md, "CSRF"). Browsers always send `Origin` on
 * POST/PUT/PATCH/DELETE and modern ones add `Sec-Fetch-Site`, and a page cannot forge either;
 * so a state-changing request is refused when either names a foreign site. A request with
 * neither header cannot come from a browser (curl, scripts, tests) and carries no ambient
 * cookie risk, so it passes. SameSite=Lax on the session cookie is the second layer.
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfProtection(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedOrigins);
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    if (c.req.header('sec-fetch-site') === 'cross-site') throw rejected();
    const origin = c.req.header('origin');
    if (origin !== undefined && !allowed.has(origin) && !isSameHost(origin, requestHost(c.req))) {
      throw rejected();
    }
    return next();
  };
}

/**
 * Compares hosts only, not schemes: behind Fly's TLS-terminating proxy the request reaches us as
 * http while the page's origin is https.
 */
function isSameHost(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false; // includes the opaque origin "null" (sandboxed frames, file://)
  }
}

function requestHost(req: { header(name: string): string | undefined; url: string }): string {
  return req.header('host') ?? new URL(req.url).host;
}

function rejected() {
  return new AppError('csrf_rejected', 'Cross-site request refused');
}
