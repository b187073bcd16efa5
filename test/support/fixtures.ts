import type { Delivery, GapTask, Questionnaire, SchoolCalendar, Session, Staff, Tenant } from '../../src/domain';
import { SchoolCalendar as SchoolCalendarSchema, DeliveryKind, Questionnaire as QuestionnaireSchema, defaultReactionTemplate, Session as SessionSchema, Staff as StaffSchema, Tenant as TenantSchema, deliveryId, gapTaskId, staffAuditTemplate } from '../../src/domain';

export function tenant(id: string, name = `Trust ${id}`): Tenant {
  return TenantSchema.parse({ tenantId: id, id, name, kind: 'trust', schools: [{ id: 'sch-1', name: 'Huntingdon Academy' }] });
}

export function staff(tenantId: string, id: string, extra: Partial<Staff> = {}): Staff {
  return StaffSchema.parse({ tenantId, id, name: `Person ${id}`, email: `${id}@school.example`, roles: ['staff'], ...extra });
}

export function session(tenantId: string, id: string, extra: Partial<Session> = {}): Session {
  return SessionSchema.parse({
    tenantId,
    id,
    title: `Twilight ${id}`,
    category: 'TL',
    kind: 'twilight',
    startsAt: '2026-11-24T16:00:00.000Z',
    endsAt: '2026-11-24T17:30:00.000Z',
    location: { place: 'Library' },
    audience: { kind: 'trust' },
    status: 'published',
    ...extra,
  });
}

export function gapTask(tenantId: string, sessionId: string, staffId: string, extra: Partial<GapTask> = {}): GapTask {
  return {
    tenantId,
    id: gapTaskId(sessionId, staffId),
    sessionId,
    staffId,
    intent: 'Retrieval practice in every lesson',
    task: 'Plan three low-stakes quizzes',
    dueAt: '2026-12-08T16:00:00.000Z',
    status: 'awaiting-plan',
    ...extra,
  };
}

export function delivery(tenantId: string, recipientId: string, extra: Partial<Delivery> = {}): Delivery {
  const kind = extra.kind ?? DeliveryKind.enum.invitation;
  return {
    tenantId,
    id: deliveryId(kind, recipientId, extra.subject?.sessionId ?? 'ses-1'),
    kind,
    recipientId,
    dueAt: '2026-11-23T09:00:00.000Z',
    status: 'pending',
    subject: { sessionId: 'ses-1' },
    attempts: 0,
    createdAt: '2026-11-23T08:00:00.000Z',
    ...extra,
  };
}

/** The reaction questionnaire both bot harnesses send for 'ses-1' (default questions, open for a week). */
export function twilightQuestionnaire(tenantId: string, id = 'qn-1'): Questionnaire {
  return QuestionnaireSchema.parse({
    tenantId,
    id,
    title: 'How was the twilight?',
    purpose: 'reaction',
    sessionId: 'ses-1',
    anonymous: false,
    questions: defaultReactionTemplate(tenantId).questions,
    opensAt: '2026-11-24T17:30:00.000Z',
    closesAt: '2026-12-01T17:00:00.000Z',
  });
}

/**
 * A calendar with no quiet hours, no quiet weekends and no holidays, for tests and benchmarks
 * that send on the wall clock: the dispatcher would otherwise hold everything back at night.
 */
export function alwaysOpenCalendar(tenantId: string): SchoolCalendar {
  return SchoolCalendarSchema.parse({ tenantId, quietHours: { start: '00:00', end: '00:00' }, quietWeekends: false });
}

/** The school year 2026-27 the mentoring tests plan meetings in: three terms and October half term. */
export function schoolYear2026Calendar(tenantId: string, autumnStarts = '2026-09-02'): SchoolCalendar {
  return SchoolCalendarSchema.parse({
    tenantId,
    terms: [
      { start: autumnStarts, end: '2026-12-18', name: 'Autumn' },
      { start: '2027-01-04', end: '2027-03-26', name: 'Spring' },
      { start: '2027-04-12', end: '2027-07-21', name: 'Summer' },
    ],
    holidays: [{ start: '2026-10-26', end: '2026-10-30', name: 'October half term' }],
  });
}

/** The staff audit to the Maths department, sent Monday 23 November 2026 at 19:00 (quiet hours), closing at the end of Friday 4 December. */
export function mathsAuditSurvey(tenantId: string, extra: Partial<Questionnaire> = {}): Questionnaire {
  const template = staffAuditTemplate(tenantId);
  return {
    tenantId,
    id: 'srv-audit',
    title: template.name,
    purpose: 'survey',
    templateId: template.id,
    anonymous: true,
    questions: template.questions,
    opensAt: '2026-11-23T19:00:00.000Z',
    closesAt: '2026-12-04T23:59:59.999Z',
    audience: { kind: 'department', department: 'Maths' },
    ...extra,
  };
}
