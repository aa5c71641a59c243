/**
 * The configured OpenID Connect issuers (OIDC_PROVIDERS) and their discovered metadata. Discovery
 * happens at first use, not at boot (an issuer being down must not stop the app starting), and
 * its result is kept; a failure is not, so the next sign-in tries again.
 */
import * as oidc from 'openid-client';
import type { Env, OidcProviderConfig } from '../../env';

/** How long discovery and token requests to an issuer may take (seconds). */
const ISSUER_TIMEOUT_SECONDS = 10;

export class OidcIssuers {
  private readonly configurations = new Map<string, Promise<oidc.Configuration>>();
  private readonly byId: Map<string, OidcProviderConfig>;

  constructor(private readonly env: Pick<Env, 'OIDC_PROVIDERS' | 'NODE_ENV'>) {
    this.byId = new Map(env.OIDC_PROVIDERS.map((p) => [p.id, p]));
  }

  list(): OidcProviderConfig[] {
    return this.env.OIDC_PROVIDERS;
  }

  find(id: string): OidcProviderConfig | undefined {
    return this.byId.get(id);
  }

  configuration(provider: OidcProviderConfig): Promise<oidc.Configuration> {
    let found = this.configurations.get(provider.id);
    if (!found) {
      found = this.discover(provider);
      this.configurations.set(provider.id, found);
      found.catch(() => this.configurations.delete(provider.id));
    }
    return found;
  }

  private discover(provider: OidcProviderConfig): Promise<oidc.Configuration> {
    // Plain-HTTP issuers exist only outside production (env.ts refuses them there): the test
    // suites' provider on 127.0.0.1.
    const execute = this.env.NODE_ENV === 'production' ? [] : [oidc.allowInsecureRequests];
    const options = { execute, timeout: ISSUER_TIMEOUT_SECONDS };
    const url = new URL(provider.issuer);
    return provider.clientSecret === undefined
      ? oidc.discovery(url, provider.clientId, undefined, oidc.None(), options)
      : oidc.discovery(url, provider.clientId, provider.clientSecret, undefined, options);
  }
}
