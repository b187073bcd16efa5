import pino from 'pino';
import type { MessageSender, SendResult } from '../../src/app/outbound';
import { ManualClock, type Staff } from '../../src/domain';
import { Dispatcher, type ComposeFn } from '../../src/scheduler/send/dispatcher';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import { staff } from '../support/fixtures';

export const T = 't1';
const logger = pino({ level: 'silent' });

/** An in-process sender that answers from a script, then "sent". */
export class ScriptedSender implements MessageSender {
  readonly maxSendMs = 1000;
  sends: { recipientId: string; deliveryId: string; at: number }[] = [];
  constructor(
    readonly platform: 'teams' | 'slack',
    private readonly clock: ManualClock,
    private readonly script: SendResult[] = [],
  ) {}
  canReach(s: Staff) {
    return this.platform === 'teams' ? s.teams !== undefined : s.slack !== undefined;
  }
  async send(recipient: Staff, _message: unknown, delivery: { id: string }): Promise<SendResult> {
    this.sends.push({ recipientId: recipient.id, deliveryId: delivery.id, at: this.clock.now().getTime() });
    return this.script.shift() ?? { status: 'sent', messageId: `m-${this.sends.length}`, conversationId: `c-${recipient.id}` };
  }
  async update(): Promise<SendResult> {
    return { status: 'failed', transient: false, reason: 'not used' };
  }
}

/** An embedded store, a manual clock (Monday 23 November 2026, 09:00 GMT unless given), people s0…, a scripted Teams sender. */
export function world(script: SendResult[] = [], people = 1, start = '2026-11-23T09:00:00.000Z') {
  const clock = new ManualClock(start);
  const store = openEmbeddedStore({ path: ':memory:', clock });
  const staffById = new Map<string, Staff>();
  for (let i = 0; i < people; i++) staffById.set(`s${i}`, staff(T, `s${i}`, { teams: { aadObjectId: `aad-${i}` } }));
  const compose: ComposeFn = async (d) => {
    const recipient = staffById.get(d.recipientId);
    return recipient
      ? { ok: true, recipient, message: { text: 'hi', view: { kind: 'thank-you', title: 'x', text: 'y' } } }
      : { ok: false, reason: 'recipient gone' };
  };
  const teams = new ScriptedSender('teams', clock, script);
  const sleeps: number[] = [];
  // A virtual timer: wakes at call time + ms; concurrent sleepers do not add up.
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    const wake = clock.now().getTime() + ms;
    await Promise.resolve();
    if (clock.now().getTime() < wake) clock.set(new Date(wake));
  };
  const make = (instanceId: string, extra: Partial<ConstructorParameters<typeof Dispatcher>[0]> = {}) =>
    new Dispatcher({ store, clock, logger, senders: [teams], compose, instanceId, sleep, random: () => 0.5, ...extra });
  return { clock, store, teams, sleeps, make };
}
