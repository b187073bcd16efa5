import type { Answers, Participation, Questionnaire, Session, Staff, Tenant } from '../../domain';
import type { LeadReportView } from '../../cards/views/lead-report';
import { isInAudience } from '../../domain/audience';
import { commentThemes } from './comment-themes';
import { countFurtherCpdRequests, roundTo, summariseRatings, textAnswers } from './reaction-stats';
import { toSessionSummary } from '../../cards/wording/session-summary';
import { withheldText } from './report-format';

/** Who is reading: the CPD lead sees named results in full; anyone else gets the minimum-count rule. */
export type ReportViewer = 'lead' | 'facilitator' | 'manager';

export interface LeadSessionReportInput {
  tenant: Tenant;
  session: Session;
  /** The tenant's staff, to count the audience. */
  staff: readonly Staff[];
  participations: readonly Participation[];
  questionnaire?: Questionnaire;
  /**
   * Answers only, named and anonymous mixed: the report never needs to know who said what,
   * so no person id ever reaches it.
   */
  answers: readonly Answers[];
  viewer?: ReportViewer;
}

/**
 * The per-session report. Small anonymous result sets are withheld from everyone (with the
 * receipts saying who answered, one anonymous answer out of one would name its author);
 * small named result sets are withheld from anyone but the lead.
 */
export function buildLeadSessionReport(input: LeadSessionReportInput): LeadReportView {
  const { tenant, session, questionnaire } = input;
  const participations = input.participations.filter((p) => p.tenantId === tenant.id && p.sessionId === session.id);
  // Invited = those an invitation was sent to (recorded then), and anyone who answered or was marked.
  // Only sessions from before invitations were recorded fall back to today's audience.
  const recorded = participations.some((p) => p.invitedAt !== undefined);
  const invited = new Set(recorded ? [] : input.staff.filter((s) => s.tenantId === tenant.id && isInAudience(session.audience, s)).map((s) => s.id));
  for (const p of participations) invited.add(p.staffId);
  const accepted = participations.filter((p) => p.rsvp === 'yes').length;
  const attended = participations.filter((p) => p.attended === true).length;
  const responses = input.answers.length;
  const minimum = tenant.settings.minAggregateCount;
  const viewer = input.viewer ?? 'lead';
  const withhold = responses < minimum && (questionnaire?.anonymous === true || viewer !== 'lead');
  const questions = questionnaire?.questions ?? [];

  return {
    kind: 'lead-report',
    session: toSessionSummary(session, tenant),
    invited: invited.size,
    accepted,
    attended,
    responses,
    ...(attended > 0 ? { responseRate: roundTo(Math.min(1, responses / attended), 3) } : {}),
    ratings: withhold ? [] : summariseRatings(questions, input.answers),
    furtherCpdRequests: withhold ? 0 : countFurtherCpdRequests(questions, input.answers),
    commentThemes: withhold ? [] : commentThemes(textAnswers(questions, input.answers)),
    ...(withhold ? { withheld: withheldText(minimum) } : {}),
  };
}
