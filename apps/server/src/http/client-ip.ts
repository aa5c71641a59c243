/**
 * The client's IP, for rate limiting. Behind Fly's proxy the socket peer is the proxy, so the
 * proxy's headers are used — but only when TRUST_PROXY says a proxy we trust sets them, since
 * anyone can send those headers straight to an exposed port.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const flyClientIp = c.req.header('fly-client-ip')?.trim();
    if (flyClientIp) return flyClientIp;
    // The rightmost entry is the one our proxy appended; those to its left are client-supplied.
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'unknown';
  }
}
