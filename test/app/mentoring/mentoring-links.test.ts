import { ManualClock } from '../../../src/domain';
import { currentLinksOf, currentMenteesOf, earlyCareerTeachersOf, linksOf, setMentor } from '../../../src/app/mentoring';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';
import { staff, tenant } from '../../support/fixtures';

const T = 't1';

onBothStores('mentoring-links', (label, open, done) => {
  describe(`who supports whom (${label})`, () => {
    afterAll(done);
    let store: Store;
    const clock = new ManualClock('2026-09-07T09:00:00.000Z');
    const deps = () => ({ store, clock });

    beforeAll(async () => {
      store = await open(clock);
      await store.tenants.put(tenant(T));
      for (const id of ['ect-1', 'ect-2', 'mentor-a', 'mentor-b']) await store.staff.put(staff(T, id, id.startsWith('ect') ? { pathway: 'ect', schoolId: 'sch-1' } : {}));
      await store.staff.put(staff(T, 'ect-3', { pathway: 'ect', schoolId: 'sch-2' }));
      await store.staff.put(staff(T, 'ect-gone', { pathway: 'ect', schoolId: 'sch-1', active: false }));
    });

    it('sets a mentor once: the same mentor again writes nothing', async () => {
      expect(await setMentor(deps(), T, { menteeId: 'ect-1', role: 'subject-mentor', mentorId: 'mentor-a', onDate: '2026-09-01', source: 'roster' })).toEqual({ kind: 'start', mentorId: 'mentor-a' });
      const before = await store.mentoringLinks.find(T);
      expect(await setMentor(deps(), T, { menteeId: 'ect-1', role: 'subject-mentor', mentorId: 'mentor-a', onDate: '2026-09-07', source: 'roster' })).toEqual({ kind: 'unchanged' });
      const after = await store.mentoringLinks.find(T);
      expect(after.map((v) => v.version)).toEqual(before.map((v) => v.version));
      expect(await currentMenteesOf(deps(), T, 'mentor-a', '2026-09-07')).toEqual(['ect-1']);
    });

    it('a changed mentor ends the old link the day before and starts a new one', async () => {
      expect(await setMentor(deps(), T, { menteeId: 'ect-1', role: 'subject-mentor', mentorId: 'mentor-b', onDate: '2026-10-01', source: 'chat' })).toEqual({
        kind: 'replace',
        fromMentorId: 'mentor-a',
        mentorId: 'mentor-b',
      });
      const links = await linksOf(deps(), T, 'ect-1');
      expect(links.map((l) => [l.mentorId, l.startOn, l.endOn])).toEqual([
        ['mentor-a', '2026-09-01', '2026-09-30'],
        ['mentor-b', '2026-10-01', undefined],
      ]);
      expect(await currentMenteesOf(deps(), T, 'mentor-a', '2026-09-30')).toEqual(['ect-1']);
      expect(await currentMenteesOf(deps(), T, 'mentor-a', '2026-10-01')).toEqual([]);
      expect(await currentMenteesOf(deps(), T, 'mentor-b', '2026-10-01')).toEqual(['ect-1']);
      // On 2 October mentor-b is ect-1's subject mentor, and not their coach.
      const onSecond = (await currentLinksOf(deps(), T, 'ect-1', '2026-10-02')).filter((l) => l.mentorId === 'mentor-b');
      expect(onSecond.some((l) => l.role === 'subject-mentor')).toBe(true);
      expect(onSecond.some((l) => l.role === 'coach')).toBe(false);
    });

    it('a change on the day a link started replaces it; "none" ends it; ending nothing says so', async () => {
      await setMentor(deps(), T, { menteeId: 'ect-2', role: 'coach', mentorId: 'mentor-a', onDate: '2026-11-02', source: 'cli' });
      await setMentor(deps(), T, { menteeId: 'ect-2', role: 'coach', mentorId: 'mentor-b', onDate: '2026-11-02', source: 'cli' });
      expect((await linksOf(deps(), T, 'ect-2')).map((l) => [l.mentorId, l.startOn, l.endOn])).toEqual([['mentor-b', '2026-11-02', undefined]]);
      expect(await setMentor(deps(), T, { menteeId: 'ect-2', role: 'coach', mentorId: null, onDate: '2026-12-01', source: 'cli' })).toEqual({ kind: 'end', fromMentorId: 'mentor-b' });
      expect(await currentLinksOf(deps(), T, 'ect-2', '2026-12-01')).toEqual([]);
      expect((await currentLinksOf(deps(), T, 'ect-2', '2026-11-30')).map((l) => l.mentorId)).toEqual(['mentor-b']);
      expect(await setMentor(deps(), T, { menteeId: 'ect-2', role: 'coach', mentorId: null, onDate: '2026-12-02', source: 'cli' })).toEqual({ kind: 'nothing-to-end' });
    });

    it('refuses a person as their own mentor, writing nothing', async () => {
      await expect(setMentor(deps(), T, { menteeId: 'ect-3', role: 'coach', mentorId: 'ect-3', onDate: '2026-11-02', source: 'cli' })).rejects.toThrow(/cannot mentor themselves/);
      expect(await linksOf(deps(), T, 'ect-3')).toEqual([]);
    });

    it("lists a school's active early-career teachers, and the tenant's when no school is named", async () => {
      expect((await earlyCareerTeachersOf(deps(), T, 'sch-1')).map((s) => s.id)).toEqual(['ect-1', 'ect-2']);
      expect((await earlyCareerTeachersOf(deps(), T)).map((s) => s.id)).toEqual(['ect-1', 'ect-2', 'ect-3']);
    });

    it('keeps tenants apart', async () => {
      await store.tenants.put(tenant('t2'));
      expect(await currentMenteesOf(deps(), 't2', 'mentor-b', '2026-10-01')).toEqual([]);
    });
  });
});
