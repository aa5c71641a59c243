/// <reference path="./oidc-provider-types.d.ts" />
/**
 * A real OpenID provider for tests (the `oidc-provider` library, a certified implementation) on
 * 127.0.0.1 and a free port, in this process. Accounts are programmable (`setAccount`: the
 * claims an account's ID token carries), sign-in uses the library's development interactions
 * (a login form, then a consent form), and `signIn` drives them over HTTP the way a browser
 * would: follow redirects, post each form, stop at the relying party's redirect URI.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cookieHeader, storeSetCookies } from './cookie-jar';

export interface OidcTestClient {
  clientId: string;
  /** Unset: a public client (PKCE, no client authentication). */
  clientSecret?: string;
  redirectUris: string[];
}

export interface OidcAccountClaims {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface OidcProviderServer {
  /** The issuer URL (http://127.0.0.1:<port>). */
  issuer: string;
  setAccount(accountId: string, claims: OidcAccountClaims): void;
  /**
   * Sends the next authorization request's `nonce` as this value instead (a misbehaving or
   * compromised issuer): the ID token then carries a nonce the relying party never chose.
   */
  overrideNextNonce(nonce: string): void;
  /**
   * Follows the authorization URL as `accountId` until the issuer redirects to a URL starting
   * with `stopAt` (the relying party's callback); returns that URL.
   */
  signIn(authorizationUrl: string, accountId: string, stopAt: string): Promise<URL>;
  stop(): Promise<void>;
}

export async function startOidcProvider(options: {
  clients: OidcTestClient[];
  port?: number;
}): Promise<OidcProviderServer> {
  const accounts = new Map<string, OidcAccountClaims>();
  let nextNonce: string | undefined;
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  // Loaded on use: every suite imports test-support, few need an OpenID provider.
  const { default: Provider } = await import('oidc-provider');
  const provider = new Provider(issuer, {
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      ...(client.clientSecret
        ? { client_secret: client.clientSecret, token_endpoint_auth_method: 'client_secret_post' }
        : { token_endpoint_auth_method: 'none' }),
      redirect_uris: client.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
    })),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Claims go into the ID token itself, as the relying party reads them there.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['habit-tracker test provider key'] },
    async findAccount(_ctx: unknown, sub: string) {
      const claims = accounts.get(sub);
      if (!claims) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...claims }) };
    },
  });
  provider.use(async (ctx, next) => {
    if (ctx.method === 'GET' && ctx.path === '/auth' && nextNonce !== undefined) {
      const params = new URLSearchParams(ctx.querystring);
      params.set('nonce', nextNonce);
      nextNonce = undefined;
      ctx.querystring = params.toString();
    }
    await next();
  });
  server.on('request', provider.callback());

  return {
    issuer,
    setAccount: (accountId, claims) => accounts.set(accountId, claims),
    overrideNextNonce: (nonce) => {
      nextNonce = nonce;
    },
    async signIn(authorizationUrl, accountId, stopAt) {
      const jar = new Map<string, string>();
      let url = new URL(authorizationUrl);
      let method = 'GET';
      let body: string | undefined;
      for (let step = 0; step < 20; step++) {
        if (url.href.startsWith(stopAt)) return url;
        const res = await fetch(url, {
          method,
          redirect: 'manual',
          headers: {
            cookie: cookieHeader(jar),
            ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          },
          body,
        });
        storeSetCookies(jar, res.headers.getSetCookie());
        const location = res.headers.get('location');
        if (location) {
          url = new URL(location, url);
          method = 'GET';
          body = undefined;
          await res.arrayBuffer();
          continue;
        }
        const html = await res.text();
        const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
        const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
        if (res.status !== 200 || !action || !prompt) {
          throw new Error(`The provider answered ${res.status}: ${html.slice(0, 500)}`);
        }
        url = new URL(action.replaceAll('&amp;', '&'), url);
        method = 'POST';
        body = new URLSearchParams(
          prompt === 'login' ? { prompt, login: accountId, password: 'any' } : { prompt },
        ).toString();
      }
      throw new Error('The provider never redirected back');
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
