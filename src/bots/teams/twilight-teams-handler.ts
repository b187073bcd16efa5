import { TeamsActivityHandler, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type TurnContext } from 'botbuilder';
import { answerCardAction } from './card-action-invoke';
import { handleInstall, handleMembersAdded, type InstallDeps } from './installation';
import { handleMessage } from './personal-commands';
import { handleUninstall } from './uninstall';

/**
 * Routes Teams activities to the small handlers beside it; holds no rules of its own.
 * Install is handled on conversationUpdate (bot added), which Teams sends for personal, team
 * and group installs alike; removal on installationUpdate remove and on the bot leaving the members.
 */
export class TwilightTeamsHandler extends TeamsActivityHandler {
  constructor(private readonly deps: InstallDeps) {
    super();
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const added = context.activity.membersAdded ?? [];
      if (added.some((m) => m.id === botId)) await handleInstall(this.deps, context);
      else await handleMembersAdded(this.deps, context, added.map((m) => m.id));
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await handleUninstall(this.deps, context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersRemoved ?? []).some((m) => m.id === botId)) await handleUninstall(this.deps, context);
      await next();
    });
    this.onMessage(async (context, next) => {
      await handleMessage(this.deps, context);
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    return answerCardAction(this.deps, context, invokeValue, this.deps.defaultTenantId);
  }
}
