import fc from 'fast-check';
import { buildInductionDigest } from '../../../src/app/digests/induction-digest';
import { buildMentoringLines } from '../../../src/app/digests/lead-digest-mentoring';
import { buildMenteesView } from '../../../src/app/mentoring-views/mentees';
import { governorsMentoringRows } from '../../../src/app/records/governors-mentoring';
import { MentoringLink, MentoringMeeting, MentorRole, mentoringLinkId, mentoringMeetingId, type Staff } from '../../../src/domain';
import { staff } from '../../support/fixtures';
import { mentoringTenant } from '../../support/mentoring-world';

const T = 'trust-m';
const IDS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
const tenant = mentoringTenant(T);
const TODAY = '2026-11-23';

const person = fc.record({ tenantId: fc.constantFrom(T, 'trust-x'), id: fc.constantFrom(...IDS), schoolId: fc.constantFrom('sch-n', 'sch-s', undefined), ect: fc.boolean(), active: fc.boolean() });
const link = fc
  .record({
    tenantId: fc.constantFrom(T, 'trust-x'),
    mentorId: fc.constantFrom(...IDS),
    menteeId: fc.constantFrom(...IDS),
    role: fc.constantFrom(...MentorRole.options),
    startOn: fc.constantFrom('2026-09-01', '2026-12-01'),
    endOn: fc.constantFrom(undefined, '2026-10-31', '2027-07-31'),
  })
  .filter((l) => l.mentorId !== l.menteeId && (l.endOn === undefined || l.startOn <= l.endOn));
const meeting = fc.record({ tenantId: fc.constantFrom(T, 'trust-x'), menteeId: fc.constantFrom(...IDS), with: fc.constantFrom(...MentorRole.options), key: fc.constantFrom('a', 'b', 'c'), held: fc.boolean() });

function world() {
  return fc.record({ people: fc.array(person, { maxLength: 12 }), links: fc.array(link, { maxLength: 15 }), meetings: fc.array(meeting, { maxLength: 15 }) });
}

function records(w: { people: { tenantId: string; id: string; schoolId: string | undefined; ect: boolean; active: boolean }[]; links: { tenantId: string; mentorId: string; menteeId: string; role: MentorRole; startOn: string; endOn: string | undefined }[]; meetings: { tenantId: string; menteeId: string; with: MentorRole; key: string; held: boolean }[] }) {
  const people: Staff[] = [...new Map(w.people.map((p) => [`${p.tenantId}/${p.id}`, staff(p.tenantId, p.id, { name: `Name ${p.tenantId} ${p.id}`, ...(p.schoolId ? { schoolId: p.schoolId } : {}), ...(p.ect ? { pathway: 'ect' } : {}), active: p.active })])).values()];
  const links = w.links.map((l) => MentoringLink.parse({ ...l, id: mentoringLinkId(l.menteeId, l.role, l.startOn), source: 'roster', updatedAt: '2026-09-01T08:00:00.000Z', ...(l.endOn ? { endOn: l.endOn } : {}) }));
  const meetings = w.meetings.map((m) =>
    MentoringMeeting.parse({
      tenantId: m.tenantId,
      id: mentoringMeetingId(`as-${m.menteeId}`, m.key),
      assignmentId: `as-${m.menteeId}`,
      menteeId: m.menteeId,
      with: m.with,
      itemKey: m.key,
      kind: 'meeting',
      focus: 'Focus',
      weekStart: '2026-11-09',
      status: m.held ? 'held' : 'planned',
      ...(m.held ? { record: { heldOn: '2026-11-10', focus: 'SECRET', wentWell: 'SECRET', recordedBy: 'x', recordedAt: '2026-11-10T16:00:00.000Z' } } : {}),
      updatedAt: '2026-09-01T08:00:00.000Z',
    }),
  );
  return { people, links, meetings };
}

const holds = (l: MentoringLink) => l.startOn <= TODAY && (l.endOn === undefined || TODAY <= l.endOn);

describe('who sees what, for any records given (the builders keep only what the viewer may see)', () => {
  it("a mentor's `mentees` names only active people of their tenant they support today", () => {
    fc.assert(
      fc.property(world(), fc.constantFrom(...IDS), (w, me) => {
        const { people, links, meetings } = records(w);
        const mentor = staff(T, me, { name: `Name ${T} ${me}` });
        const view = buildMenteesView({ tenant, mentor, links, staff: people, meetings, today: TODAY });
        const allowed = new Set(links.filter((l) => l.tenantId === T && l.mentorId === me && holds(l)).map((l) => `Name ${T} ${l.menteeId}`));
        for (const row of view.mentees) expect(allowed.has(row.name)).toBe(true);
        expect(JSON.stringify(view)).not.toMatch(/trust-x|SECRET/);
      }),
    );
  });

  it("an induction tutor's digest names only their own current tutees and their own school's early-career teachers", () => {
    fc.assert(
      fc.property(world(), fc.constantFrom(...IDS), fc.constantFrom('sch-n', 'sch-s'), (w, me, school) => {
        const { people, links, meetings } = records(w);
        const tutor = staff(T, me, { name: 'The Tutor', schoolId: school });
        const view = buildInductionDigest({ tenant, tutor, links, staff: people, meetings, reviews: [], today: TODAY, dateText: 'today' });
        const tutees = new Set(links.filter((l) => l.tenantId === T && l.mentorId === me && l.role === 'induction-tutor' && holds(l)).map((l) => l.menteeId));
        for (const row of view.ects) expect(tutees.has(row.staffId)).toBe(true);
        const schoolEcts = new Set(people.filter((p) => p.tenantId === T && p.pathway === 'ect' && p.schoolId === school && p.active).map((p) => p.id));
        for (const p of view.unmentored) expect(schoolEcts.has(p.staffId)).toBe(true);
        expect(JSON.stringify(view)).not.toMatch(/trust-x|SECRET/);
      }),
    );
  });

  it("the lead's lines and the governors' rows never carry a name", () => {
    fc.assert(
      fc.property(world(), (w) => {
        const { people, links, meetings } = records(w);
        const lines = buildMentoringLines({ tenant, today: TODAY, meetings, staff: people, links });
        const rows = governorsMentoringRows({ tenant, term: { name: 'autumn-2026', from: '2026-09-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' }, links, meetings, mentees: people });
        expect(JSON.stringify([lines, rows])).not.toMatch(/Name |SECRET/);
        // A group's people are shown only when there are at least the minimum of them.
        for (const r of rows.filter((x) => x.measure === 'People supported')) expect(r.value === 'withheld (fewer than 5)' || Number(r.value) >= 5).toBe(true);
      }),
    );
  });
});
