import { CallerIdConstants, type Activity, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { AuthenticationConstants, AuthenticationError, ClaimsIdentity, type AuthenticateRequestResult } from 'botframework-connector';
import type { ChannelTokenVerifier } from './channel-token';
import { DeadlineBotFrameworkAuthentication } from './connector-deadline';
import { SigningKeysUnavailableError } from './signing-keys';

/**
 * Bot Framework authentication whose inbound tokens are checked by `channel-token.ts` (bounded,
 * shared, cached key fetch) instead of botbuilder's ChannelValidation, whose key fetch has no
 * timeout. What it returns is what botbuilder's public-cloud authentication returns for a channel
 * token; skill and Emulator tokens are not accepted (their issuers are not the channel's).
 */
export class TokenCheckedBotFrameworkAuthentication extends DeadlineBotFrameworkAuthentication {
  constructor(
    options: ConfigurationBotFrameworkAuthenticationOptions,
    timeoutMs: number,
    private readonly channelTokens: ChannelTokenVerifier,
  ) {
    super(options, timeoutMs);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const checked = await this.channelTokens.check(authHeader, activity);
    if (!checked.ok) {
      if (checked.status === 503) throw new SigningKeysUnavailableError(checked.retryAfterSeconds);
      throw new AuthenticationError(`Unauthorized: ${checked.reason}`, 401);
    }
    const claimsIdentity = new ClaimsIdentity(
      Object.entries(checked.claims).map(([type, value]) => ({ type, value: value as string })),
      true,
    );
    return {
      audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
      callerId: CallerIdConstants.PublicAzureChannel,
      claimsIdentity,
      connectorFactory: this.createConnectorFactory(claimsIdentity),
    };
  }
}
