import { z } from 'zod';
import { CpdRequestSettings } from './cpd-request';
import { Id, Instant, LocalTime } from './ids';
import { DEFAULT_IMPACT_WEEKS } from './impact-follow-up';
import { DEFAULT_STATUTORY_REQUIREMENTS, StatutoryRequirement } from './statutory-requirement';

/** A day of the year, e.g. 10-01 for 1 October: a real day in every year (so never 02-29). */
export const MonthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a day of the year must be MM-DD')
  .refine((md) => {
    // 2027 has no 29 February; a day that rolls over (31 April → 1 May) reads back as another.
    const t = Date.parse(`2027-${md}T00:00:00Z`);
    return Number.isFinite(t) && new Date(t).toISOString().slice(5, 10) === md;
  }, 'not a day every year has');

export const School = z.object({ id: Id, name: z.string().trim().min(1).max(200) });
export type School = z.infer<typeof School>;

/** Per-tenant choices; every field has the default the product spec gives. */
export const TenantSettings = z.object({
  timezone: z.string().default('Europe/London'),
  /** Aggregates with fewer answers than this are withheld from line managers (the settings' range: 3–25). */
  minAggregateCount: z.number().int().min(3).max(25).default(5),
  reminderDayBeforeAt: LocalTime.default('15:00'),
  reminderMinutesBefore: z.number().int().min(0).max(24 * 60).default(60),
  questionnaireReminderAfterHours: z.number().int().min(1).max(24 * 14).default(24),
  questionnaireClosesAfterDays: z.number().int().min(1).max(60).default(7),
  /** Days before the gap-task due date on which a nudge is sent, largest first. */
  gapTaskNudgeDaysBefore: z.array(z.number().int().min(0).max(60)).default([7, 3, 1]),
  digestWeekday: z.number().int().min(1).max(7).default(1),
  digestAt: LocalTime.default('07:30'),
  /** The day of the week (1 Monday … 7 Sunday) of the induction tutors' fortnightly digest, in even ISO weeks at `digestAt` (docs/mentoring.md). */
  inductionDigestWeekday: z.number().int().min(1).max(7).default(1),
  /** School weeks after a marked session's last date that its impact follow-up is asked (a session may set its own). */
  impactFollowUpWeeks: z.number().int().min(1).max(26).default(DEFAULT_IMPACT_WEEKS),
  /** Weeks before statutory training lapses that the person and the CPD lead are told. */
  statutoryReminderWeeks: z.number().int().min(1).max(26).default(4),
  /** The statutory topics required, of everyone or of a staff group, and how often each is renewed (issue 26 item 2). */
  statutoryTopics: z.array(StatutoryRequirement).max(30).default([...DEFAULT_STATUTORY_REQUIREMENTS]),
  /** How long answers and records are kept; Cosmos TTL and the embedded purge use it. */
  retentionDays: z.number().int().min(30).max(3650).default(6 * 365),
  /** The day (MM-DD) the autumn performance-review window opens each year, or "off": staff are asked for their year-ahead review before it. */
  yearAheadReviewOn: z.union([MonthDay, z.literal('off')]).default('10-01'),
  /** Weeks before that day that the year-ahead review is asked for. */
  yearAheadPromptWeeks: z.number().int().min(1).max(8).default(2),
  /**
   * What an hour of a facilitator's time costs, in pence (issue 26 item 7): an in-house session's
   * cost is its facilitators' hours at this rate plus its own cost. Unset: facilitator time is not
   * costed, and the provider report says so (docs/evaluation.md, "Value for money").
   */
  facilitatorHourlyPence: z.number().int().min(0).max(100_000).optional(),
  /**
   * What a half-day of supply cover costs, in pence, one rate for the whole trust: a request's
   * cover half-days are shown in pounds beside them (the request card, the budget, the governors'
   * report, the requests export), not taken from the CPD budget. Unset: cover is not costed, and
   * the budget view says so (docs/requests.md, "Money and the budget").
   */
  supplyCoverHalfDayPence: z.number().int().min(0).max(100_000).optional(),
  /** CPD requests: approval chain, headteachers, who books (docs/requests.md). */
  cpdRequests: CpdRequestSettings.default(CpdRequestSettings.parse({})),
});
export type TenantSettings = z.infer<typeof TenantSettings>;

/** One change made through `settings` (chat or CLI): who, when, the setting, and its value before and after, in words. */
export const SettingChange = z.object({
  key: z.string().min(1).max(200),
  at: Instant,
  /** A staff id, or "cli" for the operator's shell. */
  by: z.string().min(1).max(200),
  byName: z.string().max(200).optional(),
  before: z.string().max(2000),
  after: z.string().max(2000),
});
export type SettingChange = z.infer<typeof SettingChange>;

/** The history kept on the tenant: the latest changes, oldest first. */
export const SETTINGS_HISTORY_LIMIT = 200;

/** A tenant is the isolation boundary: a trust (with its schools) or a stand-alone school. */
export const Tenant = z.object({
  tenantId: Id,
  id: Id,
  name: z.string().trim().min(1).max(200),
  kind: z.enum(['trust', 'school']),
  schools: z.array(School).default([]),
  settings: TenantSettings.default(TenantSettings.parse({})),
  /** Every settings change, kept with the settings so a change and its record are one write (docs/decisions.md). */
  settingsHistory: z.array(SettingChange).max(SETTINGS_HISTORY_LIMIT).optional(),
  teamsTenantId: z.string().optional(),
  slackTeamId: z.string().optional(),
  /** Further Slack workspaces of the same trust (each installed by OAuth); `tenant link slack T… --also`. */
  slackTeamIds: z.array(z.string()).optional(),
});
export type Tenant = z.infer<typeof Tenant>;
export type TenantInput = z.input<typeof Tenant>;

export function defaultTenantSettings(): TenantSettings {
  return TenantSettings.parse({});
}
