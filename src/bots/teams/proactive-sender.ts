import { TurnContext, type Activity, type CloudAdapter, type ConversationParameters, type ConversationReference } from 'botbuilder';
import { findConversation, saveConversation } from '../../app/identity';
import type { AppDeps } from '../../app/deps';
import type { MessageSender, OutboundMessage, SendResult } from '../../app/outbound';
import { conversationRefId, type ConversationRef, type Delivery, type Staff } from '../../domain';
import type { TeamsAppInstaller } from './app-installer';
import { cardActivity } from './card-activity';
import { parseStoredReference } from './conversation-reference';
import type { InstallWaits } from './install-waits';
import { sendResultFromError } from './send-result';

/** The Bot Framework token audience for calls to the Teams channel. */
const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';

export interface ProactiveSenderDeps extends AppDeps {
  adapter: CloudAdapter;
  /** Empty in dev mode (no app id). */
  appId: string;
  /** The deadline on each connector call (see connector-deadline.ts). */
  requestTimeoutMs: number;
  /** Present when the deployment may install the app for people through Graph (see install-for-user.ts). */
  install?: { installer: TeamsAppInstaller; waits: InstallWaits; graphTimeoutMs: number; waitMs: number };
}

type Outcome = { result?: SendResult };

const REMOVED = 'the bot was removed from this Teams chat (uninstalled)';

/**
 * Sends through stored conversation references. `continueConversationAsync` routes a failed send
 * to `onTurnError` instead of throwing, so each send catches inside the turn and reports an
 * honest SendResult from the connector's status code.
 */
export class TeamsProactiveSender implements MessageSender {
  readonly platform = 'teams' as const;
  /** At most two connector calls (open a 1:1 chat, then post), each bounded by the deadline. */
  readonly maxSendMs: number;

  constructor(private readonly deps: ProactiveSenderDeps) {
    const install = deps.install;
    // Installing: the wait for our turn and our two Graph calls, the wait for Teams, and the send.
    this.maxSendMs = Math.max(2 * deps.requestTimeoutMs, install ? 4 * install.graphTimeoutMs + install.waitMs + deps.requestTimeoutMs : 0);
  }

  canReach(recipient: Staff): boolean {
    return Boolean(recipient.teams?.aadObjectId || recipient.teams?.userId);
  }

  async send(recipient: Staff, message: OutboundMessage, _delivery: Delivery): Promise<SendResult> {
    const stored = await findConversation(this.deps, recipient.tenantId, recipient.id, 'teams');
    // They removed the bot from their chat: not reopened behind their back, and no point retrying.
    if (stored?.removedAt) return { status: 'unreachable', reason: REMOVED };
    const activity = this.activityFor(recipient, message);
    if (stored) return this.sendThrough(stored, (context) => context.sendActivity(activity));
    return this.openChatAndSend(recipient, activity);
  }

  async update(recipient: Staff, platformMessage: { messageId: string; conversationId: string }, message: OutboundMessage): Promise<SendResult> {
    const stored = await this.deps.store.conversations.get(recipient.tenantId, conversationRefId('teams', platformMessage.conversationId));
    if (!stored) return { status: 'unreachable', reason: 'no stored conversation for that message' };
    if (stored.value.removedAt) return { status: 'unreachable', reason: REMOVED };
    const activity = { ...this.activityFor(recipient, message), id: platformMessage.messageId };
    return this.sendThrough(stored.value, async (context) => {
      await context.updateActivity({ ...activity, conversation: context.activity.conversation });
      return { id: platformMessage.messageId };
    });
  }

  private activityFor(recipient: Staff, message: OutboundMessage): Partial<Activity> {
    return cardActivity(message.view, message.text, recipient.teams?.userId ? [recipient.teams.userId] : []);
  }

  private async sendThrough(stored: ConversationRef, write: (context: TurnContext) => Promise<{ id: string } | undefined>): Promise<SendResult> {
    const reference = parseStoredReference(stored.reference);
    if (!reference.ok) return { status: 'unreachable', reason: reference.reason };
    const outcome: Outcome = {};
    await this.deps.adapter.continueConversationAsync(this.deps.appId, reference.reference, async (context) => {
      outcome.result = await this.attempt(context, write);
    });
    return outcome.result ?? { status: 'failed', transient: true, reason: 'the turn ended without sending' };
  }

  private async attempt(context: TurnContext, write: (context: TurnContext) => Promise<{ id: string } | undefined>): Promise<SendResult> {
    try {
      const response = await write(context);
      if (!response?.id) return { status: 'failed', transient: true, reason: 'the connector returned no message id' };
      return { status: 'sent', messageId: response.id, conversationId: context.activity.conversation.id };
    } catch (error) {
      return sendResultFromError(error, this.deps.clock.now());
    }
  }

  /**
   * For a roster member who never opened the bot: open a 1:1 chat through the service URL of a
   * team the bot is installed in, keep its reference, then send.
   */
  /**
   * No chat and no team to open one from: install the app for them through Graph (when granted),
   * wait for Teams' installation event to store their chat, and send through it.
   */
  private async installAndSend(recipient: Staff, activity: Partial<Activity>, withoutInstall: string): Promise<SendResult> {
    const install = this.deps.install;
    if (!install) return { status: 'unreachable', reason: withoutInstall };
    const userAadId = recipient.teams?.aadObjectId;
    const tenant = await this.deps.store.tenants.get(recipient.tenantId, recipient.tenantId);
    const aadTenantId = tenant?.value.teamsTenantId;
    if (!userAadId || !aadTenantId) return { status: 'unreachable', reason: "no personal chat, and the app cannot be installed for them: their Entra id or the tenant's Teams tenant id is unknown" };
    // Our turn must come soon enough for our own two Graph calls to end within 4 of their deadlines.
    const outcome = await install.installer.install(aadTenantId, userAadId, 2 * install.graphTimeoutMs);
    if (outcome.kind === 'permission-missing') return { status: 'unreachable', reason: outcome.reason };
    if (outcome.kind === 'throttled') return { status: 'throttled', retryAfterMs: outcome.retryAfterMs };
    if (outcome.kind === 'failed') return { status: 'failed', transient: outcome.transient, reason: outcome.reason };
    await install.waits.wait(recipient.tenantId, recipient.id, install.waitMs);
    const stored = await findConversation(this.deps, recipient.tenantId, recipient.id, 'teams');
    if (!stored || stored.removedAt) {
      return { status: 'failed', transient: true, reason: `installing the app: ${outcome.kind === 'already' ? 'it was already installed' : 'installed'} for them, but Teams has not yet told the bot their chat`, installedFor: true };
    }
    const result = await this.sendThrough(stored, (context) => context.sendActivity(activity));
    return { ...result, installedFor: true };
  }

  private async openChatAndSend(recipient: Staff, activity: Partial<Activity>): Promise<SendResult> {
    const userId = recipient.teams?.userId;
    if (!userId) return this.installAndSend(recipient, activity, 'no Teams user id: the person has not been seen in Teams yet');
    const [team] = await this.deps.store.conversations.find(recipient.tenantId, {
      where: { platform: 'teams', scope: 'team', removedAt: { exists: false } },
      limit: 1,
    });
    const teamReference = team ? parseStoredReference(team.value.reference) : undefined;
    if (!teamReference?.ok) return this.installAndSend(recipient, activity, 'no personal chat and no team install to open one from');
    const ref = teamReference.reference as ConversationReference;
    const aadTenantId = ref.conversation.tenantId;
    const parameters = {
      isGroup: false,
      bot: ref.bot,
      members: [{ id: userId, name: recipient.name }],
      ...(aadTenantId ? { tenantId: aadTenantId, channelData: { tenant: { id: aadTenantId } } } : {}),
    } as ConversationParameters;
    const outcome: Outcome = {};
    try {
      await this.deps.adapter.createConversationAsync(this.deps.appId, ref.channelId, ref.serviceUrl, BOT_FRAMEWORK_AUDIENCE, parameters, async (context) => {
        const reference = TurnContext.getConversationReference(context.activity);
        await saveConversation(this.deps, {
          tenantId: recipient.tenantId,
          id: conversationRefId('teams', context.activity.conversation.id),
          platform: 'teams',
          staffId: recipient.id,
          scope: 'personal',
          conversationId: context.activity.conversation.id,
          reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
          updatedAt: this.deps.clock.now().toISOString(),
        });
        outcome.result = await this.attempt(context, (c) => c.sendActivity(activity));
      });
    } catch (error) {
      // Creating the chat failed (e.g. 403: the app is not installed for that person).
      return sendResultFromError(error, this.deps.clock.now());
    }
    return outcome.result ?? { status: 'failed', transient: true, reason: 'the new chat was not opened' };
  }
}
