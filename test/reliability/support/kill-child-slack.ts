import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ActorCache } from '../../../src/app/people/actor-cache';
import { createSlackBot } from '../../../src/bots/slack/create-slack-bot';
import { keepFinishingSubmissions } from '../../../src/bots/slack/finish-kept-submissions';
import { CLAIM_LEASE_MS } from '../../../src/bots/slack/request-once';
import type { Clock } from '../../../src/domain/clock';
import { createHttpApp } from '../../../src/http/app';
import type { Logger } from '../../../src/log';
import type { CollectionName } from '../../../src/store/collections';
import type { Store } from '../../../src/store/store';

export interface SlackChildOptions {
  slackApiUrl: string;
  signingSecret: string;
  /** The first write to this collection never finishes (a slow store): the child says {hung} and waits to be killed. */
  hangFirstWriteTo?: CollectionName;
}

/** A store whose first write to one collection never completes, as a store that has stopped answering. */
function hangingFirstWrite(store: Store, collection: CollectionName): Store {
  const inner = store[collection] as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  let hung = false;
  const hang = (method: string) => (...args: unknown[]) => {
    if (hung) return inner[method]!(...args);
    hung = true;
    process.send!({ hung: collection });
    return new Promise<never>(() => undefined);
  };
  return { ...store, [collection]: { ...inner, create: hang('create'), put: hang('put') } } as Store;
}

/** The Slack bot as main.ts composes it, on its own port; says {port} when listening. */
export async function startKillableSlack(deps: { store: Store; opened: Store; clock: Clock; actors: ActorCache; logger: Logger }, options: SlackChildOptions): Promise<void> {
  const store = options.hangFirstWriteTo ? hangingFirstWrite(deps.store, options.hangFirstWriteTo) : deps.store;
  const slack = createSlackBot({ store, clock: deps.clock, logger: deps.logger, actors: deps.actors, config: { botToken: 'xoxb-kill', signingSecret: options.signingSecret, slackApiUrl: options.slackApiUrl } });
  const app = createHttpApp({ store, logger: deps.logger, routers: [slack.router] });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  // As main.ts does once listening.
  keepFinishingSubmissions(() => slack.finishKeptSubmissions(), CLAIM_LEASE_MS, (error) => deps.logger.error({ err: error }, 'finishing kept submissions failed'));
  process.send!({ port: (server.address() as AddressInfo).port });
}
