import { parse } from 'csv-parse/sync';
import { setMentor } from '../../../src/app/mentoring';
import { loadMyRecord } from '../../../src/app/records';
import { ManualClock, mentoringMeetingId, MentoringMeeting } from '../../../src/domain';
import { exportRecordsCsv } from '../../../src/exports/records-csv';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';
import { staff, tenant } from '../../support/fixtures';

const T = 't1';
const NOW = '2026-10-20T09:00:00.000Z';

function meeting(key: string, extra: Partial<MentoringMeeting>): MentoringMeeting {
  return MentoringMeeting.parse({
    tenantId: T,
    id: mentoringMeetingId('assign-1', key),
    assignmentId: 'assign-1',
    menteeId: 'ect-1',
    mentorId: 'mentor-a',
    with: 'subject-mentor',
    itemKey: key,
    kind: 'meeting',
    focus: 'Behaviour routines',
    weekStart: '2026-09-14',
    status: 'planned',
    updatedAt: NOW,
    ...extra,
  });
}

onBothStores('mentoring-records', (label, open, done) => {
  describe(`held mentoring meetings on the CPD record (${label})`, () => {
    afterAll(done);
    let store: Store;
    const clock = new ManualClock(NOW);

    beforeAll(async () => {
      store = await open(clock);
      await store.tenants.put(tenant(T));
      await store.staff.put(staff(T, 'ect-1', { name: 'Jo Adeyemi', pathway: 'ect' }));
      await store.staff.put(staff(T, 'ect-2', { name: 'Kai Lowe', pathway: 'ect' }));
      await store.staff.put(staff(T, 'mentor-a', { name: 'Sam Patel' }));
      await store.staff.put(staff(T, 'coach-b', { name: 'Rachel Green' }));
      const deps = { store, clock };
      await setMentor(deps, T, { menteeId: 'ect-1', role: 'subject-mentor', mentorId: 'mentor-a', onDate: '2026-09-01', source: 'roster' });
      await setMentor(deps, T, { menteeId: 'ect-2', role: 'coach', mentorId: 'coach-b', onDate: '2026-09-01', source: 'roster' });
      const record = { heldOn: '2026-09-15', focus: 'Behaviour routines', wentWell: 'Calm starts to lessons', minutes: 50, actions: [], recordedBy: 'mentor-a', recordedAt: NOW };
      await store.mentoringMeetings.put(meeting('m1', { status: 'held', record }));
      await store.mentoringMeetings.put(meeting('m2', { weekStart: '2026-09-21', focus: 'Planning' }));
      await store.mentoringMeetings.put(meeting('c1', { menteeId: 'ect-2', mentorId: 'coach-b', with: 'coach', status: 'held', record: { ...record, heldOn: '2026-10-01', focus: 'Questioning', minutes: 30, recordedBy: 'coach-b' } }));
    });

    it("`my cpd` counts a held meeting as mentoring with its time; a planned one is not on it", async () => {
      const result = await loadMyRecord({ store, clock }, T, 'ect-1', clock.now());
      if (!result.ok) throw new Error(result.message);
      const rows = result.value.rows.filter((r) => r.meetingId);
      expect(rows).toEqual([
        { meetingId: mentoringMeetingId('assign-1', 'm1'), year: '2026-27', month: 'September 2026', cpd: 'Mentoring with Sam Patel: Behaviour routines (subject mentor)', hours: 0.75 },
      ]);
      expect(result.value.years).toEqual([{ year: '2026-27', hours: 0.75, entries: 1 }]);
    });

    it("`my cpd` names the person's own supporters, never someone else's", async () => {
      const jo = await loadMyRecord({ store, clock }, T, 'ect-1', clock.now());
      const kai = await loadMyRecord({ store, clock }, T, 'ect-2', clock.now());
      const mentor = await loadMyRecord({ store, clock }, T, 'mentor-a', clock.now());
      expect(jo.ok && jo.value.supporters).toEqual([{ roleLabel: 'subject mentor', name: 'Sam Patel' }]);
      expect(kai.ok && kai.value.supporters).toEqual([{ roleLabel: 'coach', name: 'Rachel Green' }]);
      expect(mentor.ok && mentor.value.supporters).toBeUndefined();
      // Kai's coaching stays on Kai's record only.
      expect(jo.ok && jo.value.rows.some((r) => r.cpd.includes('Questioning'))).toBe(false);
      expect(kai.ok && kai.value.rows.map((r) => r.cpd)).toEqual(['Coaching with Rachel Green: Questioning (coach)']);
    });

    it("the records export has each held meeting on its mentee's rows, with hours, and none of the meeting's notes", async () => {
      const rows = parse(await exportRecordsCsv({ store, clock }, T, clock.now()), { columns: true, bom: true }) as Record<string, string>[];
      const meetings = rows.filter((r) => /^(Mentoring|Coaching)/.test(r.cpd_accessed!));
      expect(meetings.map((r) => [r.name, r.cpd_accessed, r.hours, r.impact])).toEqual([
        ['Jo Adeyemi', 'Mentoring with Sam Patel: Behaviour routines (subject mentor)', '0.75', ''],
        ['Kai Lowe', 'Coaching with Rachel Green: Questioning (coach)', '0.5', ''],
      ]);
      // What went well is between mentor and mentee: the lead's export of everyone never carries it.
      expect(JSON.stringify(rows)).not.toContain('Calm starts to lessons');
    });
  });
});
