import type { AppDeps } from '../../app/deps';
import type { Logger } from '../../log';

/** What every Slack listener needs: the use cases' deps and the logger. */
export interface SlackBotContext {
  deps: AppDeps & { defaultTenantId?: string };
  logger: Logger;
}
