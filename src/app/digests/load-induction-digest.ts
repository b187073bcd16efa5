import { DateTime } from 'luxon';
import type { InductionDigestView } from '../../cards/views/induction-digest';
import { localDateOf } from '../../domain/school-time';
import { currentMenteeLinksOf, earlyCareerTeachersOf, linksOfMentees } from '../mentoring';
import { meetingsOfMentees, reviewsOfMentees, staffByIds } from '../mentoring-views';
import type { ReportDeps, ReportResult } from '../reports';
import { buildInductionDigest, tuteesOf } from './induction-digest';

/**
 * Loads one induction tutor's digest: their own 'induction-tutor' links (by mentorId), the people
 * those name, the tenant's early-career teachers (for those with no mentor), their links, and the
 * meetings and reviews of the tutor's own early-career teachers only.
 */
export async function loadInductionDigest(deps: ReportDeps, tenantId: string, tutorId: string, now: Date): Promise<ReportResult<InductionDigestView>> {
  const { store } = deps;
  const tenant = (await store.tenants.get(tenantId, tenantId))?.value;
  if (!tenant) return { ok: false, message: 'This school is not set up yet.' };
  const tutor = (await store.staff.get(tenantId, tutorId))?.value;
  if (!tutor) return { ok: false, message: 'We could not find you in the staff list.' };
  const zone = tenant.settings.timezone;
  const today = localDateOf(now, zone);

  const tutorLinks = await currentMenteeLinksOf(deps, tenantId, tutorId, today, 'induction-tutor');
  const [named, ects] = await Promise.all([staffByIds(store, tenantId, tutorLinks.map((l) => l.menteeId)), earlyCareerTeachersOf(deps, tenantId)]);
  const staff = [...new Map([...named, ...ects].map((s) => [s.id, s])).values()];
  const tuteeIds = tuteesOf(tutor, tutorLinks, staff, today).map((s) => s.id);
  const [links, meetings, reviews] = await Promise.all([
    linksOfMentees(deps, tenantId, staff.map((s) => s.id)),
    meetingsOfMentees(store, tenantId, tuteeIds),
    reviewsOfMentees(store, tenantId, tuteeIds),
  ]);
  const dateText = DateTime.fromJSDate(now, { zone }).toFormat('cccc d LLLL yyyy');
  return { ok: true, value: buildInductionDigest({ tenant, tutor, links, staff, meetings, reviews, today, dateText }) };
}
