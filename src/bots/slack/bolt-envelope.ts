import { z } from 'zod';

/**
 * The envelope fields bolt dereferences in `App.processEvent` before any middleware or listener
 * runs (getTypeAndConversation, isBodyWithTypeEnterpriseInstall, buildSource, respond()). On a
 * correctly signed body without them bolt throws a TypeError outside its error handler, which
 * came back to Slack as a 500, and Slack retries a 5xx. Slack always sends these fields, so a
 * body without them can never succeed. Only what bolt itself reads is checked here; each
 * listener parses what the bot reads (slack-payloads.ts).
 */

/** A JSON object: not null, not an array (bolt reads properties of it, or uses `in` on it). */
const Obj = z.looseObject({});

/** block_actions, block_suggestion, shortcuts, view_submission / view_closed: bolt reads `user.id`, `team.id` or `user.team_id`, `channel.id`. */
const Interactive = z.looseObject({
  user: Obj,
  team: Obj.nullish(),
  enterprise: Obj.nullish(),
  channel: Obj.optional(),
  response_urls: z.array(Obj).optional(),
});
const ViewAction = Interactive.extend({ view: Obj });

/** Events API: bolt uses `in` on `event`, `event.channel` and `event.item`, and reads `event.user.id`, `event.subteam.created_by`, `authorizations[0].team_id`. */
const EventCallback = z.looseObject({
  event: Obj.and(
    z.looseObject({
      user: z.union([z.string(), Obj]).optional(),
      channel: z.union([z.string(), Obj]).optional(),
      item: Obj.optional(),
      subteam: Obj.optional(),
    }),
  ),
  authorizations: z.array(Obj).optional(),
});

/** Which of bolt's incoming types a body is, in bolt's own order (helpers.getTypeAndConversation). */
function envelopeFor(body: Record<string, unknown>): z.ZodType | undefined {
  if (body.event !== undefined) return EventCallback;
  if (body.command !== undefined) return undefined; // slash commands: flat form fields, read as given
  if (body.name !== undefined || body.type === 'block_suggestion') return Interactive;
  if (body.actions !== undefined || body.type === 'dialog_submission') return Interactive;
  if (body.type === 'shortcut' || body.type === 'message_action') return Interactive;
  if (body.type === 'view_submission' || body.type === 'view_closed') return ViewAction;
  return undefined; // bolt ignores a body of no type it knows
}

export type EnvelopeCheck = { ok: true } | { ok: false; reason: string };

/** Whether bolt can route this body without throwing. */
export function checkBoltEnvelope(body: Record<string, unknown>): EnvelopeCheck {
  // Not something bolt reads, but an event callback with nothing in it can never be handled either.
  if (body.type === 'event_callback' && body.event === undefined) return { ok: false, reason: 'event: missing' };
  const parsed = envelopeFor(body)?.safeParse(body);
  if (!parsed || parsed.success) return { ok: true };
  return { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') };
}
