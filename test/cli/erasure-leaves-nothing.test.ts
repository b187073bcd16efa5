import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CosmosClient } from '@azure/cosmos';
import Database from 'better-sqlite3';
import { runCli } from '../../src/cli/run-cli';
import {
  cpdLogEntryId,
  ManualClock,
  needsReviewId,
  participationId,
  qualificationId,
  receiptId,
  responseId,
  statutoryReportId,
  statutoryTrainingId,
  Tenant,
  impactFollowUpId,
  deliveryId,
  mentoringLinkId,
  mentoringMeetingId,
  programmeAssignmentId,
  pathwayAssignmentId,
  progressReviewId,
} from '../../src/domain';
import { COLLECTION_NAMES } from '../../src/store/collections';
import { containerNames } from '../../src/store/cosmos/containers';
import { openCosmosStore } from '../../src/store/cosmos/cosmos-store';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import type { Store } from '../../src/store/store';
import { startLoopbackCosmos, type LoopbackCosmos } from '../support/cosmos-server';
import { cpdRequest } from '../support/cpd-request-fixtures';
import { delivery, gapTask, session, staff, tenant, twilightQuestionnaire } from '../support/fixtures';

const T = 't1';
const NAME = 'Quentin Zebrafish';
const EMAIL = 'quentin.zebrafish@school.example';
const ID = 'staff-qz7';
/** Text only Quentin typed, in each kind of record that is theirs. */
const TYPED = {
  comment: 'Quentin-comment-marmalade',
  impact: 'Quentin-impact-tangerine',
  logged: 'Quentin-logged-persimmon',
  needs: 'Quentin-needs-kumquat',
  qualification: 'Quentin-qualification-loquat',
  statutory: 'quentin-statutory-medlar',
  question: 'Quentin-question-quince',
  reflection: 'Quentin-reflection-damson',
  review: 'Quentin-review-greengage',
};
const NEEDLES = [NAME, EMAIL, ID, ...Object.values(TYPED)];

/** Quentin has left: they requested CPD, logged CPD, hold training and qualifications, approved and booked for others, ran a session. */
async function seed(store: Store) {
  await store.tenants.put(
    Tenant.parse({
      ...tenant(T),
      settings: { cpdRequests: { executiveLeadId: ID, bookerId: ID, headteacherBySchool: { 'sch-1': ID } } },
    }),
  );
  await store.staff.put(staff(T, ID, { name: NAME, email: EMAIL, roles: ['staff', 'line-manager'] }));
  await store.staff.put(staff(T, 's2', { lineManagerId: ID }));
  await store.sessions.put(session(T, 'ses-1', { facilitatorIds: [ID], createdBy: ID, audience: { kind: 'staff', staffIds: [ID, 's2'] } }));
  await store.questionnaires.put(twilightQuestionnaire(T, 'qn-1'));
  for (const id of [ID, 's2']) {
    await store.participations.put({ tenantId: T, id: participationId('ses-1', id), sessionId: 'ses-1', staffId: id, rsvp: 'yes', attended: true, attendanceMarkedBy: ID });
  }
  await store.responses.put({ tenantId: T, id: responseId('qn-1', ID), questionnaireId: 'qn-1', sessionId: 'ses-1', respondentId: ID, answers: { quality: 5, comments: TYPED.comment }, submittedAt: '2026-11-24T18:00:00.000Z' });
  await store.receipts.put({ tenantId: T, id: receiptId('qn-1', ID), questionnaireId: 'qn-1', staffId: ID });
  await store.gapTasks.put(gapTask(T, 'ses-1', ID));
  await store.gapTasks.put(gapTask(T, 'ses-1', 's2', { longTermImpact: { recordedBy: ID, impact: 'Better questioning', recordedAt: '2026-11-26T10:00:00.000Z' } }));
  await store.conversations.put({ tenantId: T, id: 'conv-qz', platform: 'teams', staffId: ID, scope: 'personal', conversationId: 'a:1', reference: {}, updatedAt: '2026-11-20T09:00:00.000Z' });
  await store.deliveries.put(delivery(T, ID));
  // Their own request (with a question someone asked them), and one of s2's that they approved and booked.
  const own = cpdRequest(T, 'req-qz', { requesterId: ID, questions: [{ by: 's2', at: '2026-11-23T10:00:00.000Z', text: TYPED.question }] });
  own.details.intendedImpact = TYPED.impact;
  await store.cpdRequests.put(own);
  // A course of theirs that was booked: the school's spending record.
  const booked = cpdRequest(T, 'req-qz-booked', {
    requesterId: ID,
    status: 'booked',
    steps: [{ role: 'line-manager', approverId: 's2', reachedAt: '2026-11-01T09:00:00.000Z', decision: { outcome: 'approved', by: 's2', at: '2026-11-02T09:00:00.000Z', reason: TYPED.question } }],
    questions: [{ by: 's2', at: '2026-11-01T10:00:00.000Z', text: TYPED.question }],
    booking: { by: 's2', at: '2026-11-03T10:00:00.000Z', actualCostPence: 31000, reference: 'BK-QZ', sessionId: 'ses-1' },
  });
  booked.details.intendedImpact = TYPED.impact;
  booked.details.purposeDetail = TYPED.impact;
  await store.cpdRequests.put(booked);
  await store.deliveries.put(delivery(T, 's2', { id: deliveryId('request-approval', 's2', 'req-qz'), kind: 'request-approval', subject: { requestId: 'req-qz' } }));
  await store.cpdRequests.put(
    cpdRequest(T, 'req-s2', {
      requesterId: 's2',
      status: 'booked',
      steps: [{ role: 'line-manager', approverId: ID, reachedAt: '2026-11-23T09:00:00.000Z', decision: { outcome: 'approved', by: ID, at: '2026-11-23T10:00:00.000Z' } }],
      booking: { by: ID, at: '2026-11-24T10:00:00.000Z', actualCostPence: 25000, reference: 'BK1', sessionId: 'ses-1' },
    }),
  );
  await store.cpdLog.put({ tenantId: T, id: cpdLogEntryId(ID, '2026-10-01', TYPED.logged), staffId: ID, what: TYPED.logged, on: '2026-10-01', hours: 2, type: 'reading', learned: TYPED.logged, loggedAt: '2026-10-01T18:00:00.000Z' });
  await store.qualifications.put({ tenantId: T, id: qualificationId(ID, 'other', TYPED.qualification), staffId: ID, kind: 'other', title: TYPED.qualification, recordedAt: '2026-10-01T18:00:00.000Z' });
  await store.statutoryTraining.put({ tenantId: T, id: statutoryTrainingId(ID, TYPED.statutory), staffId: ID, topic: TYPED.statutory, completedOn: '2026-09-01', expiresOn: '2027-09-01', recordedAt: '2026-10-01T18:00:00.000Z' });
  // Training they reported in chat, with its certificate, and one of s2's that they rejected.
  await store.statutoryReports.put({ tenantId: T, id: statutoryReportId(ID, 'Safeguarding', '2026-11-02'), staffId: ID, topic: 'Safeguarding', completedOn: '2026-11-02', status: 'reported', reportedAt: '2026-11-03T09:00:00.000Z', certificate: { fileName: `${TYPED.statutory}.pdf`, type: 'pdf', sha256: 'a'.repeat(64), content: Buffer.from(`%PDF ${TYPED.statutory}`).toString('base64'), attachedAt: '2026-11-03T09:05:00.000Z' } });
  await store.statutoryReports.put({ tenantId: T, id: statutoryReportId('s2', 'Prevent', '2026-11-02'), staffId: 's2', topic: 'Prevent', completedOn: '2026-11-02', status: 'rejected', reportedAt: '2026-11-03T09:00:00.000Z', decidedBy: ID, decidedAt: '2026-11-04T09:00:00.000Z', rejectedReason: 'Not the full course' });
  await store.needsReviews.put({ tenantId: T, id: needsReviewId(ID, '2026-27'), staffId: ID, year: '2026-27', strengths: TYPED.needs, aspirations: TYPED.needs, preferred: ['reading'], submittedAt: '2026-10-01T18:00:00.000Z' });
  await store.impactFollowUps.put({ tenantId: T, id: impactFollowUpId('ses-1', ID), sessionId: 'ses-1', staffId: ID, askedAt: '2026-11-25T09:00:00.000Z', status: 'asked' });
  await store.impactFollowUps.put({
    tenantId: T,
    id: impactFollowUpId('ses-1', 's2'),
    sessionId: 'ses-1',
    staffId: 's2',
    askedAt: '2026-11-25T09:00:00.000Z',
    status: 'reviewed',
    person: { applied: 'yes', how: 'Quizzes', pupilChange: 'Recall', evidence: ['pupil-voice'], submittedAt: '2026-11-26T09:00:00.000Z' },
    manager: { managerId: ID, view: 'Agreed', submittedAt: '2026-11-27T09:00:00.000Z' },
  });
  // Mentoring (issue 30): Quentin is an early-career teacher with a mentor, and mentors and reviews s2.
  const at = '2026-11-20T09:00:00.000Z';
  await store.staff.put(staff(T, 'm9', { name: 'Mina Mentor' }));
  await store.mentoringLinks.put({ tenantId: T, id: mentoringLinkId(ID, 'subject-mentor', '2026-09-01'), menteeId: ID, mentorId: 'm9', role: 'subject-mentor', startOn: '2026-09-01', source: 'roster', updatedAt: at });
  await store.mentoringLinks.put({ tenantId: T, id: mentoringLinkId('s2', 'coach', '2026-09-01'), menteeId: 's2', mentorId: ID, role: 'coach', startOn: '2026-09-01', source: 'chat', updatedAt: at });
  const ownAssignment = programmeAssignmentId(ID, 'builtin-ect-induction', '2026-27');
  const theirs = programmeAssignmentId('s2', 'builtin-new-teacher', '2026-27');
  await store.programmeAssignments.put({ tenantId: T, id: ownAssignment, menteeId: ID, programmeId: 'builtin-ect-induction', firstYear: '2026-27', assignedBy: 'm9', assignedAt: at });
  await store.programmeAssignments.put({ tenantId: T, id: theirs, menteeId: 's2', programmeId: 'builtin-new-teacher', firstYear: '2026-27', assignedBy: ID, assignedAt: at });
  const record = (by: string) => ({ heldOn: '2026-09-08', focus: 'Settling in', wentWell: 'Routines', actions: [], minutes: 45, recordedBy: by, recordedAt: at });
  await store.mentoringMeetings.put({ tenantId: T, id: mentoringMeetingId(ownAssignment, 'y1-w1'), assignmentId: ownAssignment, menteeId: ID, mentorId: 'm9', with: 'subject-mentor', itemKey: 'y1-w1', kind: 'meeting', focus: 'Weekly', weekStart: '2026-09-07', status: 'held', moves: [], record: record('m9'), reflection: { text: TYPED.reflection, at }, updatedAt: at });
  await store.mentoringMeetings.put({ tenantId: T, id: mentoringMeetingId(theirs, 'm1'), assignmentId: theirs, menteeId: 's2', mentorId: ID, with: 'coach', itemKey: 'm1', kind: 'meeting', focus: 'Settling in', weekStart: '2026-09-07', status: 'held', moves: [{ fromWeekStart: '2026-09-07', toWeekStart: '2026-09-14', reason: 'Trip', movedBy: ID, movedAt: at }], record: record(ID), updatedAt: at });
  await store.progressReviews.put({ tenantId: T, id: progressReviewId(ID, '2026-27', 1), menteeId: ID, year: '2026-27', term: 1, outcome: 'on-track', summary: TYPED.review, recordedBy: 'm9', recordedAt: at });
  // A programme they assigned to a pathway, and ended: it stands on without their id.
  await store.pathwayAssignments.put({ tenantId: T, id: pathwayAssignmentId('ect', 'builtin-ect-induction', '2026-27'), pathway: 'ect', programmeId: 'builtin-ect-induction', firstYear: '2026-27', lastYear: '2027-28', assignedBy: ID, assignedAt: at, endedAt: at, endedBy: ID });
  await store.progressReviews.put({ tenantId: T, id: progressReviewId('s2', '2026-27', 1), menteeId: 's2', year: '2026-27', term: 1, outcome: 'some-concerns', summary: 'Planning needs work', recordedBy: ID, recordedAt: at });
}

async function erase(store: Store, clock: ManualClock): Promise<string[]> {
  const lines: string[] = [];
  expect(await runCli(['staff', 'erase', EMAIL, '--confirm'], { store, clock, defaultTenantId: T, print: (t) => lines.push(t) })).toBe(0);
  return lines;
}

/** Which needles a text still holds, case-insensitively. */
function found(text: string): string[] {
  const lower = text.toLowerCase();
  return NEEDLES.filter((n) => lower.includes(n.toLowerCase()));
}

async function expectOthersKept(store: Store) {
  // What is other people's stays: s2's request, gap task and follow-up, and the attendance count.
  expect((await store.cpdRequests.get(T, 'req-s2'))?.value.status).toBe('booked');
  expect(await store.gapTasks.count(T, { staffId: 's2' })).toBe(1);
  expect(await store.impactFollowUps.count(T, { staffId: 's2' })).toBe(1);
  expect(await store.participations.count(T, { sessionId: 'ses-1', attended: true })).toBe(2);
  expect(await store.staff.count(T)).toBe(2);
  // s2's coaching meeting with them stays on s2's record, without them; s2's review stays too.
  const kept = (await store.mentoringMeetings.find(T, { where: { menteeId: 's2' } })).map((v) => v.value);
  expect(kept).toEqual([expect.objectContaining({ status: 'held', record: expect.objectContaining({ minutes: 45, recordedBy: expect.stringMatching(/^erased-/) }) })]);
  expect(kept[0]!.mentorId).toBeUndefined();
  expect(await store.progressReviews.count(T, { menteeId: 's2' })).toBe(1);
  expect(await store.programmeAssignments.count(T, { menteeId: 's2' })).toBe(1);
  expect((await store.pathwayAssignments.get(T, pathwayAssignmentId('ect', 'builtin-ect-induction', '2026-27')))?.value).toMatchObject({ assignedBy: expect.stringMatching(/^erased-/), endedBy: expect.stringMatching(/^erased-/) });
  expect(await store.mentoringLinks.count(T)).toBe(0);
  // Their booked course still counts in the budget, as nobody's: same cost, school and year.
  const spending = (await store.cpdRequests.find(T, { where: { status: 'booked' } })).map((r) => r.value).filter((r) => r.id !== 'req-s2');
  expect(spending).toEqual([expect.objectContaining({ requesterId: expect.stringMatching(/^erased-/), schoolId: 'sch-1', booking: expect.objectContaining({ actualCostPence: 31000 }) })]);
}

describe('staff erase leaves nothing of the person behind', () => {
  const clock = new ManualClock('2026-11-28T10:00:00.000Z');

  describe('embedded store: every table, and the bytes of the SQLite file and its WAL', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'erasure-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('no table row and no byte of the file or the WAL holds their name, e-mail, id or anything they typed', async () => {
      const path = join(dir, 'twilight.db');
      const store = openEmbeddedStore({ path, clock });
      await seed(store);
      // Page churn first, as a school's store has: the person's rows move around and leave copies in freed pages.
      for (let i = 0; i < 200; i++) await store.idempotencyKeys.put({ tenantId: T, id: `k${i}`, purpose: 'churn', createdAt: clock.now().toISOString(), result: 'x'.repeat(500) });
      await store.staff.put(staff(T, ID, { name: NAME, email: EMAIL, roles: ['staff', 'line-manager'] }));
      for (let i = 0; i < 200; i++) await store.idempotencyKeys.delete(T, `k${i}`);
      await erase(store, clock);

      const left: Record<string, string[]> = {};
      const raw = new Database(path, { readonly: true, fileMustExist: true });
      try {
        for (const name of COLLECTION_NAMES) {
          const rows = raw.prepare(`SELECT id, doc FROM "${name}"`).all() as { id: string; doc: string }[];
          const hits = rows.flatMap((r) => found(`${r.id} ${r.doc}`));
          if (hits.length > 0) left[name] = hits;
        }
      } finally {
        raw.close();
      }
      for (const file of [path, `${path}-wal`]) {
        if (!existsSync(file)) continue;
        const hits = found(readFileSync(file).toString('latin1'));
        if (hits.length > 0) left[file.endsWith('-wal') ? 'file: -wal' : 'file: main'] = hits;
      }
      expect(left).toEqual({});
      await expectOthersKept(store);
      await store.close();
      expect(found(readFileSync(path).toString('latin1'))).toEqual([]);
    });
  });

  describe('Cosmos (real @azure/cosmos against cosmosdb-server): every container read raw', () => {
    let cosmos: LoopbackCosmos;
    let client: CosmosClient;
    beforeAll(async () => {
      cosmos = await startLoopbackCosmos();
      client = cosmos.client();
    });
    afterAll(async () => cosmos.stop());

    it('no item in any container holds their name, e-mail, id or anything they typed', async () => {
      const store = await openCosmosStore({ client: cosmos.client(), databaseId: 'erasure-raw', createIfMissing: true });
      await seed(store);
      await erase(store, clock);
      const { resources: containers } = await client.database('erasure-raw').containers.readAll().fetchAll();
      expect(containers.map((c) => c.id).sort()).toEqual(containerNames().sort());
      const left: Record<string, string[]> = {};
      for (const c of containers) {
        const { resources } = await client.database('erasure-raw').container(c.id).items.query('SELECT * FROM c').fetchAll();
        const hits = resources.flatMap((r) => found(JSON.stringify(r)));
        if (hits.length > 0) left[c.id] = hits;
      }
      expect(left).toEqual({});
      await expectOthersKept(store);
      await store.close();
    });
  });
});
