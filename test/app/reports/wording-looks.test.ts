import { calendarCommand } from '../../../src/app/calendar/calendar-command';
import { hoursText } from '../../../src/cards/wording/my-record';
import { renderCertificate } from '../../../src/documents/certificate';
import { evaluationLevels } from '../../../src/app/reports/evaluation-levels';
import { sessionHours } from '../../../src/app/records/record-rows';
import { smallSchool } from '../../support/app-world';
import { gapTask, session, tenant } from '../../support/fixtures';

/** Issue 24 item 20: wording people read beside each other must agree, and say what they can do. */
describe('wording that must agree', () => {
  it('the certificate gives a 75-minute session as 1.25 hours, as the record does (one hours formatter)', () => {
    const twilight = session('t1', 'ses-75', { startsAt: '2026-11-24T16:00:00.000Z', endsAt: '2026-11-24T17:15:00.000Z' });
    const html = renderCertificate({ tenant: tenant('t1'), person: { name: 'Ada Teacher' }, session: twilight, issuedAt: new Date('2026-11-25T09:00:00.000Z'), reference: 'ref-1' });
    expect(hoursText(sessionHours(twilight))).toBe('1.25 hours');
    expect(html).toContain('(1.25 hours)');
    expect(html).not.toContain('1.3 hours');
  });

  it('"Evaluation by level" names each row as a level ("Level 4: …"), not as a list numbered 1, 2, 4', () => {
    const levels = evaluationLevels({
      attended: 6,
      responses: 6,
      qualityMean: 4.2,
      gapTasks: [gapTask('t1', 'ses-1', 'a', { status: 'reported', longTermImpact: { impact: 'Lasting', by: 'lead', at: '2027-03-01T00:00:00.000Z' } as never })],
      followUps: [],
      minimum: 5,
    });
    expect(levels.map((l) => l.level)).toEqual(['Level 1: Reaction', 'Level 2: Applied (gap task reports)', 'Level 4: Longer-term impact (senior leader)']);
  });

  it('a teacher typing "calendar" with no calendar imported is told to ask their CPD lead, not to run a command they cannot', async () => {
    const w = await smallSchool();
    const view = JSON.stringify(await calendarCommand(w.deps, w.actor('ada')));
    expect(view).not.toContain('npm run cli');
    expect(view).toContain('Ask your CPD lead');
  });

  it('a CPD lead typing "calendar" with no calendar imported is told to send the file in chat, not to ask themselves or run the CLI', async () => {
    const w = await smallSchool();
    const view = JSON.stringify(await calendarCommand(w.deps, w.actor('lead')));
    expect(view).not.toContain('npm run cli');
    expect(view).not.toContain('Ask your CPD lead');
    expect(view).toContain('Send me the term dates the school publishes here in chat');
  });
});
