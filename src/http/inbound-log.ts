import type { Logger } from '../log';

/** One inbound activity as the log tells it: what kind, never who or what they wrote. */
export interface InboundActivity {
  platform: 'teams' | 'slack';
  /** Teams activity type (message, invoke, conversationUpdate), Slack payload or event type. */
  activity: string;
  /** The invoke name, slash command, action or view id: names the code chose, not people. */
  name?: unknown;
  /** A card button's verb (Teams Action.Execute). */
  verb?: unknown;
  status: number;
  ms: number;
}

// Only short code-like names reach the log; anything else (free text) is dropped.
const CODE_NAME = /^[A-Za-z0-9_./:-]{1,60}$/;

const codeName = (value: unknown): string | undefined => (typeof value === 'string' && CODE_NAME.test(value) ? value : undefined);

export function logInbound(logger: Logger, entry: InboundActivity): void {
  const activity = codeName(entry.activity) ?? 'unknown';
  const name = codeName(entry.name);
  const verb = codeName(entry.verb);
  const what = [activity, name, verb].filter(Boolean).join(' ');
  logger.info({ platform: entry.platform, activity, ...(name ? { name } : {}), ...(verb ? { verb } : {}), status: entry.status, ms: entry.ms }, `inbound ${entry.platform} ${what} ${entry.status}`);
}
