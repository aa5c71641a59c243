/**
 * Push subscriptions name a URL the server will POST to, so they are a request-forgery vector:
 * only the push services' own origins are accepted (PUSH_SERVICE_ORIGINS), https by default.
 */

/** True when `endpoint` is on one of `patterns` (`https://push.example`, `https://*.example`). */
export function isAllowedPushEndpoint(endpoint: string, patterns: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  return patterns.some((pattern) => {
    const match = /^(https?):\/\/(\*\.)?([^/:]+)(?::(\d+))?$/i.exec(pattern);
    if (!match) return false;
    const [, scheme, wildcard, host, port] = match;
    if (url.protocol !== `${scheme!.toLowerCase()}:`) return false;
    const defaultPort = scheme!.toLowerCase() === 'https' ? '443' : '80';
    if ((url.port || defaultPort) !== (port ?? defaultPort)) return false;
    const hostname = url.hostname.toLowerCase();
    const base = host!.toLowerCase();
    return wildcard ? hostname.endsWith(`.${base}`) : hostname === base;
  });
}
