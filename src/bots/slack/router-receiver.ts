import express, { type Request, type Response, type Router } from 'express';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Clock } from '../../domain/clock';
import { logInbound } from '../../http/inbound-log';
import type { Logger } from '../../log';
import { MAX_BODY_BYTES } from '../../http/request-guards';
import { checkBoltEnvelope } from './bolt-envelope';
import { firstBlockError, isKept, STILL_SAVING } from './kept-submission';
import { lateAnswerText, SLACK_ACK_DEADLINE_MS, SORRY_FAILED, tellSenderLater } from './late-follow-up';
import { checkSlackSignature } from './request-signature';

export const SLACK_EVENTS_PATH = '/slack/events';

/** Slack sends JSON (Events API) or a form: slash commands as fields, interactivity as a `payload` field. */
function parseBody(rawBody: string, contentType: string | undefined): Record<string, unknown> | undefined {
  try {
    if (contentType?.includes('application/json')) return JSON.parse(rawBody) as Record<string, unknown>;
    const form = Object.fromEntries(new URLSearchParams(rawBody));
    return typeof form.payload === 'string' ? (JSON.parse(form.payload) as Record<string, unknown>) : form;
  } catch {
    return undefined;
  }
}

/** A slash command, an interaction (and its action or view id) or an event, for the request log. */
function kindOf(body: Record<string, unknown>): { activity: string; name?: unknown } {
  const first = (list: unknown) => (Array.isArray(list) ? (list[0] as Record<string, unknown> | undefined) : undefined);
  if (typeof body.command === 'string') return { activity: 'slash_command', name: body.command };
  if (body.type === 'event_callback') return { activity: 'event', name: (body.event as { type?: unknown } | undefined)?.type };
  if (body.type === 'block_actions') return { activity: 'block_actions', name: first(body.actions)?.action_id };
  if (body.type === 'view_submission' || body.type === 'view_closed') return { activity: body.type, name: (body.view as { callback_id?: unknown } | undefined)?.callback_id };
  return { activity: typeof body.type === 'string' ? body.type : 'unknown' };
}

/**
 * A bolt Receiver that is one express Router on the shared server. It verifies the signature
 * against the injected clock, answers Slack as soon as a listener acks (Slack's 3-second
 * deadline), and lets the listener's slower work carry on after the response.
 */
export class RouterReceiver implements Receiver {
  readonly router: Router = express.Router();
  private app: App | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: { signingSecret: string; clock: Clock; logger: Logger; ackDeadlineMs?: number }) {
    this.router.post(SLACK_EVENTS_PATH, express.raw({ type: () => true, limit: MAX_BODY_BYTES }), (req, res) => {
      const work = this.handle(req, res);
      this.inFlight.add(work);
      void work.finally(() => this.inFlight.delete(work));
    });
  }

  init(app: App): void {
    this.app = app;
  }

  // The shared express server owns listening; this receiver only routes.
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  /** Resolves when every request received so far, including work done after its ack, has finished. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Signed, so from Slack, but it can never be handled: a 4xx and no retry (the Events API
   * retries any non-2xx unless told not to). Answered before bolt, which would throw a 500.
   */
  private refuseUnreadable(res: Response, reason: string): void {
    this.options.logger.warn({ reason }, 'slack: refused a signed request with an unreadable envelope');
    res.status(400).set('X-Slack-No-Retry', '1').send('unreadable body');
  }

  private async handle(req: Request, res: Response): Promise<void> {
    const rawBody = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const check = checkSlackSignature({
      signingSecret: this.options.signingSecret,
      rawBody,
      timestamp: req.header('x-slack-request-timestamp'),
      signature: req.header('x-slack-signature'),
      clock: this.options.clock,
    });
    if (!check.ok) {
      this.options.logger.warn({ reason: check.reason }, 'slack: refused an unverified request');
      res.status(401).send('unverified');
      return;
    }
    const body = parseBody(rawBody, req.header('content-type'));
    if (!body) return this.refuseUnreadable(res, 'not JSON or a form');
    const envelope = checkBoltEnvelope(body);
    if (!envelope.ok) return this.refuseUnreadable(res, envelope.reason);
    const started = performance.now();
    // One info line per request, once answered: what kind it was, never who sent it or what they wrote.
    res.once('finish', () => logInbound(this.options.logger, { platform: 'slack', ...kindOf(body), status: res.statusCode, ms: Math.round(performance.now() - started) }));
    if (body.type === 'url_verification') {
      res.json({ challenge: body.challenge });
      return;
    }
    if (body.ssl_check) {
      res.send();
      return;
    }
    let acked = false;
    let late = false;
    const retryNum = Number(req.header('x-slack-retry-num'));
    const event: ReceiverEvent = {
      body,
      ...(Number.isInteger(retryNum) ? { retryNum, retryReason: req.header('x-slack-retry-reason') ?? '' } : {}),
      ack: async (response?: unknown) => {
        if (acked) {
          // Slack stopped waiting and was answered already: what the listener meant to show goes to the person instead.
          const text = late ? lateAnswerText(response) : undefined;
          if (text) await this.followUp(body, text);
          return;
        }
        acked = true;
        if (response === undefined || response === '') res.status(200).send();
        else if (typeof response === 'string') res.status(200).send(response);
        else res.status(200).json(response);
      },
    };
    // Slack gives up after 3 s (and retries, or shows an error): answer by the deadline whatever
    // the listener is waiting on (users.info, the store), and let it finish or apologise after.
    const deadline = setTimeout(() => {
      if (acked) return;
      acked = true;
      // An empty answer closes a modal as if saved: only when the submission is kept with its claim
      // (a restart finishes it). Otherwise the modal stays open, and a later press finds the claim.
      if (body.type === 'view_submission' && !isKept(body)) {
        this.options.logger.warn({ type: body.type }, 'slack: submission not yet claimed at the ack deadline; asked to press Submit again');
        res.status(200).json({ response_action: 'errors', errors: firstBlockError(body, STILL_SAVING) });
        return;
      }
      late = true;
      this.options.logger.warn({ type: body.type }, 'slack: listener still busy at the ack deadline; answered Slack, finishing after');
      res.status(200).send();
    }, this.options.ackDeadlineMs ?? SLACK_ACK_DEADLINE_MS);
    try {
      if (!this.app) throw new Error('receiver used before the bolt app was initialised');
      await this.app.processEvent(event);
      // Nothing listened (an event we do not subscribe to): answer anyway so Slack does not retry.
      if (!acked) await event.ack();
    } catch (error) {
      this.options.logger.error({ err: error }, 'slack: request failed');
      if (!acked) {
        acked = true;
        res.status(500).send();
      } else {
        // Slack has had its answer: the person would otherwise never hear that it did not work.
        await this.followUp(body, SORRY_FAILED);
      }
    } finally {
      clearTimeout(deadline);
    }
  }

  private async followUp(body: unknown, text: string): Promise<void> {
    try {
      if (this.app) await tellSenderLater(this.app.client, body, text);
    } catch (error) {
      this.options.logger.error({ err: error }, 'slack: could not tell the person after the ack');
    }
  }
}
