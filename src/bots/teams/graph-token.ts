import { ClientSecretCredential } from '@azure/identity';
import type { GraphTokenProvider } from './graph-client';

/**
 * Application tokens for Graph as the bot's own Entra app, one credential per Entra tenant (a
 * multi-tenant bot installs itself in each school's tenant). The credential caches its token.
 */
export function clientSecretGraphTokens(options: { clientId: string; clientSecret: string; graphBaseUrl: string; authorityHost?: string }): GraphTokenProvider {
  const credentials = new Map<string, ClientSecretCredential>();
  const scope = `${new URL(options.graphBaseUrl).origin}/.default`;
  return async (aadTenantId) => {
    let credential = credentials.get(aadTenantId);
    if (!credential) {
      credential = new ClientSecretCredential(aadTenantId, options.clientId, options.clientSecret, options.authorityHost ? { authorityHost: options.authorityHost } : {});
      credentials.set(aadTenantId, credential);
    }
    const token = await credential.getToken(scope);
    return token.token;
  };
}
