import { attendeesAmong, type Participation, type Questionnaire, type Session, type Tenant } from '../../domain';
import type { LeadDigestAttention, LeadDigestComingSession } from '../../cards/views/lead-digest';
import { countOf, formatDay, formatInstant } from '../../cards/format';
import type { DigestWeek } from './digest-week';

/** How a questionnaire is doing: who it went to and how many answered (counts only). */
export interface QuestionnaireProgress {
  questionnaire: Questionnaire;
  session?: Session;
  asked: number;
  responses: number;
  open: boolean;
}

export interface AttentionInput {
  tenant: Tenant;
  week: DigestWeek;
  now: Date;
  /** Published sessions that have ended. */
  ended: readonly Session[];
  participationsOf: ReadonlyMap<string, readonly Participation[]>;
  questionnaires: readonly QuestionnaireProgress[];
  coming: readonly LeadDigestComingSession[];
  /** Messages due since the week began that expired unsent (their moment passed, e.g. while the bot was stopped). */
  expiredMessages?: number;
}

/** Below this share of answers a questionnaire is worth a word from the lead. */
export const LOW_RESPONSE_RATE = 0.5;

function lowResponses(input: AttentionInput): LeadDigestAttention[] {
  const zone = input.tenant.settings.timezone;
  // Only once the reminder has gone: before that a low figure is just early.
  const settledAfterMs = input.tenant.settings.questionnaireReminderAfterHours * 3600_000;
  return input.questionnaires
    .filter((p) => p.asked > 0 && p.responses / p.asked < LOW_RESPONSE_RATE)
    .filter((p) => input.now.getTime() - Date.parse(p.questionnaire.opensAt) >= settledAfterMs)
    .map((p) => {
      const name = p.session?.title ?? p.questionnaire.title;
      const state = p.open ? `it closes ${formatInstant(p.questionnaire.closesAt, zone)}` : 'it has closed';
      const percent = Math.round((p.responses / p.asked) * 100);
      const command = p.session && p.questionnaire.purpose === 'reaction' ? { command: `report ${p.session.title}` } : {};
      return { text: `${name}: ${p.responses} of ${p.asked} answered the questionnaire (${percent}%); ${state}.`, ...command };
    });
}

function unmarkedRegisters(input: AttentionInput): LeadDigestAttention[] {
  const zone = input.tenant.settings.timezone;
  return input.ended
    .filter((s) => s.startsAt >= input.week.start)
    .filter((s) => !(input.participationsOf.get(s.id) ?? []).some((p) => p.attended !== undefined))
    .map((s) => {
      // With no register the questionnaire goes to those who said yes (the planner's rule).
      const yes = attendeesAmong(input.participationsOf.get(s.id) ?? []).length;
      const effect = yes > 0 ? `its questionnaire went to the ${yes} who said yes` : 'nobody was asked for their reactions';
      return { text: `No register was taken for ${s.title} (${formatDay(s.startsAt, zone)}): ${effect}.` };
    });
}

function fullWithWaitlist(input: AttentionInput): LeadDigestAttention[] {
  return input.coming
    .filter((c) => c.capacity !== undefined && c.placesTaken >= c.capacity && c.waitlist > 0)
    .map((c) => ({ text: `${c.title} (${c.whenText}) is full, with ${c.waitlist} on the waiting list: a bigger room or a repeat?` }));
}

function expiredMessages(input: AttentionInput): LeadDigestAttention[] {
  const n = input.expiredMessages ?? 0;
  if (n === 0) return [];
  return [{ text: `${countOf(n, 'message')} expired unsent: the bot was not running, or could not send, before ${n === 1 ? 'its' : 'their'} moment passed (e.g. a reminder after the start).` }];
}

/** What the lead can act on this week: low response rates, missing registers, full sessions with a waiting list, messages that expired. */
export function leadDigestAttention(input: AttentionInput): LeadDigestAttention[] {
  return [...lowResponses(input), ...unmarkedRegisters(input), ...fullWithWaitlist(input), ...expiredMessages(input)];
}
