import { runCommand } from '../../../src/app/commands';
import type { LeadDigestView } from '../../../src/cards/views';
import { participationId } from '../../../src/domain';
import { buildDigestWeeks } from '../../../src/app/digests/digest-weeks';
import { reactionQuestionnaire, smallSchool } from '../../support/app-world';
import { session } from '../../support/fixtures';

describe('the programme digest’s weeks (embedded store)', () => {
  test('"programme" carries six weeks, this week last, with attendances and the response rate', async () => {
    const school = await smallSchool('2026-11-30T08:00:00.000Z');
    try {
      await school.store.questionnaires.put(reactionQuestionnaire());
      for (const who of ['ada', 'ben']) {
        await school.store.participations.put({ tenantId: 't1', id: participationId('ses-1', who), sessionId: 'ses-1', staffId: who, rsvp: 'yes', attended: true });
      }
      await school.store.responses.put({ tenantId: 't1', id: 'r-ada', questionnaireId: 'q-ses-1', sessionId: 'ses-1', respondentId: 'ada', answers: { quality: 4 }, submittedAt: '2026-11-24T18:00:00.000Z' });
      // Two weeks earlier: a session nobody was marked at (no register), and a cancelled one.
      await school.store.sessions.put(session('t1', 'ses-old', { startsAt: '2026-11-10T16:00:00.000Z', endsAt: '2026-11-10T17:00:00.000Z' }));
      await school.store.sessions.put(session('t1', 'ses-off', { startsAt: '2026-11-11T16:00:00.000Z', endsAt: '2026-11-11T17:00:00.000Z', status: 'cancelled' }));

      const view = (await runCommand(school.deps, school.actor('lead'), 'programme')) as LeadDigestView;
      expect(view.weeks).toEqual([
        { label: '19 Oct', sessions: 0, attended: 0 },
        { label: '26 Oct', sessions: 0, attended: 0 },
        { label: '2 Nov', sessions: 0, attended: 0 },
        { label: '9 Nov', sessions: 1, attended: 0 },
        { label: '16 Nov', sessions: 0, attended: 0 },
        { label: '23 Nov', sessions: 1, attended: 2, responseRate: 0.5 },
      ]);
    } finally {
      await school.store.close();
    }
  });

  test('weeks follow local Mondays across the end of summer time', () => {
    const weeks = buildDigestWeeks({
      lastWeekStart: '2026-11-02T00:00:00.000Z',
      zone: 'Europe/London',
      weeks: 2,
      // Sunday 1 November 23:30 local is still the week of 26 October.
      sessions: [session('t1', 'a', { startsAt: '2026-11-01T23:30:00.000Z', endsAt: '2026-11-02T00:30:00.000Z' })],
      attended: [{ sessionId: 'a' }],
      responsesBySession: new Map([['a', 3]]),
    });
    expect(weeks).toEqual([
      { label: '26 Oct', sessions: 1, attended: 1, responseRate: 1 },
      { label: '2 Nov', sessions: 0, attended: 0 },
    ]);
  });
});
