/**
 * A client's cookies kept the way a browser keeps them, for the HTTP clients of the lab and the
 * reliability suite (both speak node:http directly, so neither has fetch's cookie handling).
 */

/** Applies Set-Cookie lines to `jar`: a cookie with Max-Age=0 or an empty value is deleted. */
export function storeSetCookies(
  jar: Map<string, string>,
  setCookie: readonly string[] | undefined,
): void {
  for (const line of setCookie ?? []) {
    const [pair, ...attributes] = line.split(';');
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq).trim();
    const value = pair!.slice(eq + 1).trim();
    const expired = value === '' || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
    if (expired) jar.delete(name);
    else jar.set(name, value);
  }
}

/** The Cookie header for `jar` (empty when it holds none). */
export function cookieHeader(jar: ReadonlyMap<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}
