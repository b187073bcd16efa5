import { formatPence, type Answers, type GapTask, type ImpactFollowUp, type Participation, type Question, type Session, type Tenant } from '../../domain';
import type { ProviderReportView, ProviderRow, ProviderSummaryView } from '../../cards/views/providers';
export type { ProviderReportView, ProviderRow, ProviderSummaryView } from '../../cards/views/providers';
import { commentThemes } from './comment-themes';
import { summariseRatings, textAnswers } from './reaction-stats';
import { dayText, withheldText } from './report-format';

/**
 * Providers and value for money (issue 26 item 7, docs/evaluation.md): the year's held sessions
 * grouped by who provided them, with their reactions, the impact reported and what they cost.
 * Pure: records and time are passed in; answers arrive without a person.
 */
export interface ProviderReportInput {
  tenant: Tenant;
  /** [from, to) as UTC instants. */
  from: string;
  to: string;
  now: Date;
  sessions: readonly Session[];
  /** Attended participations of those sessions. */
  participations: readonly Participation[];
  /** Reaction answers by session id, no person attached. */
  answersBySession: ReadonlyMap<string, readonly Answers[]>;
  /** Every question asked in those sessions' reaction questionnaires (ratings and free text). */
  questions: readonly Question[];
  gapTasks: readonly GapTask[];
  impactFollowUps: readonly ImpactFollowUp[];
  /** Facilitators' names by staff id: an in-house session with no provider is named after them. */
  facilitatorNames: ReadonlyMap<string, string>;
}

const MS_PER_HOUR = 3_600_000;

/** Who provided a session: its provider field, else its external facilitator, else its facilitators (in-house). */
export function providerOf(session: Pick<Session, 'provider' | 'externalFacilitator' | 'facilitatorIds'>, facilitatorNames: ReadonlyMap<string, string>): string {
  if (session.provider) return session.provider;
  if (session.externalFacilitator) return session.externalFacilitator;
  const names = session.facilitatorIds.map((id) => facilitatorNames.get(id)).filter((n): n is string => n !== undefined).sort();
  return names.length > 0 ? `In-house: ${names.join(', ')}` : 'In-house (no facilitator named)';
}

/** Booked courses, external sessions, and sessions an outside provider or facilitator ran with none of the trust's own facilitators. */
function isExternal(session: Session): boolean {
  const outside = session.externalFacilitator !== undefined || session.provider !== undefined;
  return session.externalCourse !== undefined || session.kind === 'external' || (outside && session.facilitatorIds.length === 0);
}

/** Sessions held in the period: published, not cancelled, and over. */
function heldSessions(input: ProviderReportInput): Session[] {
  const nowIso = input.now.toISOString();
  return input.sessions.filter((s) => s.tenantId === input.tenant.id && s.status === 'published' && input.from <= s.startsAt && s.startsAt < input.to && s.endsAt <= nowIso);
}

/** One session's cost: a booked course's fee, the session's own cost, and its facilitators' hours at the rate (when set). */
function sessionCost(session: Session, hourlyPence: number | undefined): { pence: number; uncostedHours: number } {
  const hours = (session.facilitatorIds.length * (Date.parse(session.endsAt) - Date.parse(session.startsAt))) / MS_PER_HOUR;
  const facilitatorPence = hourlyPence === undefined ? 0 : Math.round(hours * hourlyPence);
  return { pence: (session.externalCourse?.costPence ?? 0) + (session.costPence ?? 0) + facilitatorPence, uncostedHours: hourlyPence === undefined ? hours : 0 };
}

interface ProviderGroup {
  provider: string;
  sessions: Session[];
}

/** Where a session's provider name came from: a provider typed on it is the lead's own spelling, so it wins. */
function nameRank(session: Session): number {
  return session.provider ? 0 : session.externalFacilitator ? 1 : 2;
}

/**
 * Sessions by provider, matched case aside ("Fenland English Hub" and "fenland english hub" are one).
 * The group's name is the best-sourced spelling, then the commonest, then the first in code-point
 * order (capitals first): the same whatever order the store returns sessions in.
 */
function groupByProvider(sessions: readonly Session[], names: ReadonlyMap<string, string>): ProviderGroup[] {
  type Spellings = Map<string, { rank: number; count: number }>;
  const groups = new Map<string, { sessions: Session[]; spellings: Spellings }>();
  for (const s of sessions) {
    const provider = providerOf(s, names);
    const key = provider.trim().toLowerCase();
    const group = groups.get(key) ?? { sessions: [] as Session[], spellings: new Map() as Spellings };
    group.sessions.push(s);
    const seen = group.spellings.get(provider);
    group.spellings.set(provider, { rank: Math.min(seen?.rank ?? 2, nameRank(s)), count: (seen?.count ?? 0) + 1 });
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => {
    const [provider] = [...g.spellings.entries()].sort(([a, x], [b, y]) => x.rank - y.rank || y.count - x.count || (a < b ? -1 : a > b ? 1 : 0))[0]!;
    return { provider, sessions: g.sessions };
  });
}

/** What a group of sessions adds up to: attendance, answers, impact reports (gap-task reports and follow-ups saying it was applied). */
function groupFigures(input: ProviderReportInput, sessions: readonly Session[]) {
  const ids = new Set(sessions.map((s) => s.id));
  const attended = input.participations.filter((p) => p.tenantId === input.tenant.id && p.attended === true && ids.has(p.sessionId)).length;
  const answers = sessions.flatMap((s) => input.answersBySession.get(s.id) ?? []);
  const reported = input.gapTasks.filter((g) => g.tenantId === input.tenant.id && ids.has(g.sessionId) && g.status === 'reported').length;
  const applied = input.impactFollowUps.filter((f) => f.tenantId === input.tenant.id && ids.has(f.sessionId) && (f.person?.applied === 'yes' || f.person?.applied === 'partly')).length;
  return { attended, answers, impactReports: reported + applied };
}

function perUnit(pence: number, count: number): number | undefined {
  return count > 0 ? Math.round(pence / count) : undefined;
}

function periodText(input: Pick<ProviderReportInput, 'from' | 'to' | 'tenant'>): string {
  const zone = input.tenant.settings.timezone;
  return `${dayText(input.from, zone)} – ${dayText(new Date(Date.parse(input.to) - 1).toISOString(), zone)}`;
}

function row(input: ProviderReportInput, group: ProviderGroup): ProviderRow {
  const minimum = input.tenant.settings.minAggregateCount;
  const { attended, answers, impactReports } = groupFigures(input, group.sessions);
  const costs = group.sessions.map((s) => sessionCost(s, input.tenant.settings.facilitatorHourlyPence));
  const costPence = costs.reduce((n, c) => n + c.pence, 0);
  const uncostedHours = costs.reduce((n, c) => n + c.uncostedHours, 0);
  const external = group.sessions.filter(isExternal).length;
  const kindText = external === 0 ? 'In-house' : external === group.sessions.length ? 'External' : 'External and in-house';
  const costPerAttendeePence = perUnit(costPence, attended);
  const costPerImpactPence = perUnit(costPence, impactReports);
  return {
    provider: group.provider,
    kindText,
    sessions: group.sessions.length,
    attended,
    responses: answers.length,
    // A provider's answers are a group like any other: under the minimum, no average is shown.
    ...(answers.length >= minimum ? { ratings: summariseRatings(input.questions.filter((q) => q.kind === 'rating'), answers) } : { withheld: withheldText(minimum) }),
    impactReports,
    costPence,
    ...(costPerAttendeePence !== undefined ? { costPerAttendeePence } : {}),
    ...(costPerImpactPence !== undefined ? { costPerImpactPence } : {}),
    ...(uncostedHours > 0 ? { uncostedHours: Math.round(uncostedHours * 100) / 100 } : {}),
  };
}

/** `providers`: the year by provider, most attended first. */
export function buildProviderReport(input: ProviderReportInput): ProviderReportView {
  const rows = groupByProvider(heldSessions(input), input.facilitatorNames)
    .map((g) => row(input, g))
    .sort((a, b) => b.attended - a.attended || a.provider.localeCompare(b.provider));
  const rate = input.tenant.settings.facilitatorHourlyPence;
  const notes = [
    'Cost: course fees, each session’s own cost, and facilitator time' + (rate !== undefined ? ` at ${formatPence(rate)} an hour.` : '.'),
    'Impact: gap-task impact reports, and impact follow-ups saying the learning was applied (yes or partly).',
    ...(rows.some((r) => r.uncostedHours !== undefined)
      ? ['Facilitator time is not costed: no hourly rate is set. Set it with "settings evaluation" (A facilitator’s hour costs).']
      : []),
  ];
  return {
    kind: 'provider-report',
    periodText: periodText(input),
    rows,
    notes,
    moreCommands: [{ command: 'provider <name>', text: 'a feedback summary to send on to one provider: no names, small groups withheld' }],
  };
}

/** The providers whose name holds the words given (case aside): one is the summary's, several need a closer name. */
export function providersMatching(input: ProviderReportInput, wanted: string): string[] {
  const w = wanted.trim().toLowerCase();
  const names = [...new Set(groupByProvider(heldSessions(input), input.facilitatorNames).map((g) => g.provider))];
  const exact = names.filter((n) => n.toLowerCase() === w);
  return exact.length > 0 ? exact : names.filter((n) => n.toLowerCase().includes(w)).sort();
}

/**
 * `provider <name>`: what a lead may send on to a provider. No person is named and no comment
 * quoted (themes only); fewer answers than the minimum and only the counts of sessions and
 * attendance are given. Cost stays with the lead.
 */
export function buildProviderSummary(input: ProviderReportInput, provider: string): ProviderSummaryView {
  const zone = input.tenant.settings.timezone;
  const minimum = input.tenant.settings.minAggregateCount;
  const group = groupByProvider(heldSessions(input), input.facilitatorNames).find((g) => g.provider === provider) ?? { provider, sessions: [] };
  const sessions = [...group.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.title.localeCompare(b.title));
  const { attended, answers, impactReports } = groupFigures(input, sessions);
  const shown = answers.length >= minimum;
  const ratings = summariseRatings(input.questions.filter((q) => q.kind === 'rating'), answers).flatMap((r) => (r.mean !== undefined ? [{ prompt: r.prompt, mean: r.mean, count: r.count }] : []));
  // Themes shared by at least two comments, never the comments themselves: words can name a person.
  const themes = commentThemes(textAnswers(input.questions, answers)).filter((t) => t.theme !== 'other').map((t) => ({ theme: t.theme, count: t.count }));
  const view: Omit<ProviderSummaryView, 'forwardText'> = {
    kind: 'provider-summary',
    provider: group.provider,
    periodText: periodText(input),
    sessions: sessions.map((s) => ({ title: s.title, dateText: dayText(s.startsAt, zone) })),
    attended,
    responses: answers.length,
    ...(shown ? { ratings, themes } : { withheld: withheldText(minimum) }),
    // The impact count is a group too: with few answers it could point at the one person who reported.
    ...(shown && impactReports >= minimum ? { impactReports } : {}),
  };
  return { ...view, forwardText: providerSummaryMarkdown(view, input.tenant.name) };
}

/** The summary as Markdown, to paste into an e-mail to the provider (and `export provider --format md`). */
export function providerSummaryMarkdown(view: Omit<ProviderSummaryView, 'forwardText'>, from: string): string {
  const lines = [
    `# Feedback for ${view.provider}`,
    '',
    `From ${from}, ${view.periodText}. No names are given, and figures from fewer people than our minimum group size are withheld.`,
    '',
    `- Sessions: ${view.sessions.length}`,
    `- Attended: ${view.attended}`,
    `- Feedback answers: ${view.responses}`,
    ...(view.impactReports !== undefined ? [`- Colleagues reporting impact in their practice: ${view.impactReports}`] : []),
    '',
  ];
  if (view.withheld) return [...lines, `Ratings and comments: ${view.withheld}.`, ''].join('\n');
  return [
    ...lines,
    '## Ratings (1 to 5)',
    '',
    ...(view.ratings?.length ? view.ratings.map((r) => `- ${r.prompt}: ${r.mean.toFixed(1)} (${r.count} answers)`) : ['- No ratings given.']),
    '',
    '## What comments mentioned',
    '',
    ...(view.themes?.length ? view.themes.map((t) => `- ${t.theme} (${t.count})`) : ['- No theme shared by two or more comments.']),
    '',
  ].join('\n');
}
