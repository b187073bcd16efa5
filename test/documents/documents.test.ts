import { cpdLogEntryId, participationId } from '../../src/domain';
import { renderCertificate } from '../../src/documents/certificate';
import { loadCertificate } from '../../src/documents/load-certificate';
import { loadMyRecord } from '../../src/app/records/load-my-record';
import { loadProgrammeReport } from '../../src/app/reports/load-programme-report';
import { renderSessionIcs, sessionIcsUid } from '../../src/documents/session-ics';
import { session, staff, tenant } from '../support/fixtures';
import { NOW, T, reportWorld } from '../app/reports/report-world';

describe('renderSessionIcs', () => {
  const summer = session(T, 'ses-9', { startsAt: '2026-06-24T15:00:00.000Z', endsAt: '2026-06-24T16:30:00.000Z', location: { place: 'Hall; room 2' } });

  it('writes London local times with a VTIMEZONE and a UTC DTSTAMP', () => {
    const ics = renderSessionIcs(summer, tenant(T));
    expect(ics).toContain('DTSTART;TZID=Europe/London:20260624T160000');
    expect(ics).toContain('DTEND;TZID=Europe/London:20260624T173000');
    expect(ics).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/London/);
    expect(ics).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
    expect(ics).toContain('LOCATION:Hall\\; room 2');
    expect(ics).toContain('METHOD:PUBLISH');
  });

  it('keeps the UID across revisions, raises SEQUENCE, and cancels with METHOD:CANCEL', () => {
    const moved = renderSessionIcs({ ...summer, revision: 2 }, tenant(T));
    const cancelled = renderSessionIcs({ ...summer, revision: 2, status: 'cancelled', cancelledAt: '2026-06-20T09:00:00.000Z' }, tenant(T));
    expect(moved).toContain(`UID:${sessionIcsUid(summer)}`);
    expect(cancelled).toContain(`UID:${sessionIcsUid(summer)}`);
    expect(moved).toContain('SEQUENCE:2');
    expect(cancelled).toContain('SEQUENCE:3');
    expect(cancelled).toContain('METHOD:CANCEL');
    expect(cancelled).toContain('STATUS:CANCELLED');
  });
});

describe('certificates', () => {
  it('escapes every value', () => {
    const html = renderCertificate({
      tenant: tenant(T),
      person: { name: '<script>alert(1)</script> O\'Neill & Co' },
      session: session(T, 's', { title: 'Oracy "<b>"', externalFacilitator: '<img src=x>' }),
      issuedAt: NOW,
      reference: 'ABC',
    });
    expect(html).not.toMatch(/<script>|<b>|<img/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Neill &amp; Co');
    expect(html).toContain('Oracy &quot;&lt;b&gt;&quot;');
    expect(html).toContain('Tuesday 24 November 2026, 16:00–17:30 (1.5 hours)');
  });

  it('is given only for a session the register shows the person attended', async () => {
    const { store, clock } = await reportWorld();
    const ok = await loadCertificate({ store, clock }, T, 'a', 's1', NOW);
    expect(ok.ok && ok.value.html).toContain('Ada Report');
    expect(await loadCertificate({ store, clock }, T, 'c', 's1', NOW)).toEqual({
      ok: false,
      message: 'A certificate is available once the register shows you attended this session.',
    });
    expect((await loadCertificate({ store, clock }, 'other', 'x', 's0', NOW)).ok).toBe(false);
    expect(await store.participations.get(T, participationId('s1', 'c'))).toBeDefined();
    await store.close();
  });
});

describe('loadMyRecord', () => {
  it('lists month, CPD accessed and impact from the person’s own gap-task reports, plus open tasks', async () => {
    const { store, clock } = await reportWorld();
    // CPD logged elsewhere sits among the sessions by day, its academic year's hours added up; someone else's never shows.
    const logged = { tenantId: T, staffId: 'a', type: 'reading' as const, learned: 'Weekly reviews.', loggedAt: '2026-10-10T09:00:00.000Z' };
    await store.cpdLog.create({ ...logged, id: cpdLogEntryId('a', '2026-10-09', 'Rosenshine'), what: 'Rosenshine', on: '2026-10-09', hours: 4 });
    await store.cpdLog.create({ ...logged, id: cpdLogEntryId('a', '2026-07-01', 'Summer course'), what: 'Summer course', on: '2026-07-01', hours: 2.5, type: 'online' });
    await store.cpdLog.create({ ...logged, id: cpdLogEntryId('b', '2026-10-09', 'PRIVATE'), staffId: 'b', what: 'PRIVATE', on: '2026-10-09', hours: 1 });
    const result = await loadMyRecord({ store, clock }, T, 'a', NOW);
    if (!result.ok) throw new Error(result.message);
    expect(result.value.rows).toEqual([
      { logId: expect.any(String), year: '2025-26', month: 'July 2026', cpd: 'Summer course (Online learning, logged)', hours: 2.5, impact: 'Weekly reviews.' },
      { sessionId: 's0', year: '2026-27', month: 'September 2026', cpd: 'September INSET (Teaching & learning)', hours: 6, impact: 'Recall improved in 9X2' },
      { logId: expect.any(String), year: '2026-27', month: 'October 2026', cpd: 'Rosenshine (Reading, logged)', hours: 4, impact: 'Weekly reviews.' },
      { sessionId: 's1', year: '2026-27', month: 'November 2026', cpd: 'Retrieval practice (Teaching & learning)', hours: 1.5 },
    ]);
    expect(result.value.years).toEqual([
      { year: '2025-26', hours: 2.5, entries: 1 },
      { year: '2026-27', hours: 11.5, entries: 3 },
    ]);
    expect(result.value.openTasks).toEqual([{ gapTaskId: expect.any(String), sessionTitle: 'Retrieval practice', dueText: 'Due Tuesday 8 December', stage: 'report', overdue: false }]);
    expect(JSON.stringify(result.value)).not.toMatch(/Ben|PRIVATE/);
    await store.close();
  });
});

describe('loadProgrammeReport', () => {
  it('summarises the school year by month, gap-task completion and recurring barriers', async () => {
    const { store, clock } = await reportWorld({ namedResponses: 6 });
    for (const id of ['e', 'f', 'g']) {
      await store.staff.put(staff(T, id));
      await store.gapTasks.put({
        tenantId: T, id: `gap-${id}`, sessionId: 's1', staffId: id, intent: 'i', task: 't', dueAt: '2026-12-08T16:00:00.000Z', status: 'reported',
        report: { whatDone: 'x', impactSoFar: 'x', sustain: 'x', successes: 'x', barriers: `Not enough planning time (${id})`, shareWithManager: true, submittedAt: '2026-11-20T10:00:00.000Z' },
      });
    }
    const result = await loadProgrammeReport({ store, clock }, T, NOW);
    if (!result.ok) throw new Error(result.message);
    const r = result.value;
    expect(r.periodText).toBe('1 September 2026 – 31 August 2027');
    expect(r.months.map((m) => [m.label, m.sessions, m.attended, m.responses])).toEqual([
      ['September 2026', 1, 1, 0],
      ['November 2026', 1, 4, 6],
      // December's session is still to come: not held, so not counted (issue 24 item 13).
    ]);
    expect(r.gapTasks).toMatchObject({ total: 8, reported: 5, planned: 1, overdue: 2 });
    expect(r.recurringBarriers[0]).toMatchObject({ count: 5 });
    expect(['time', 'plan']).toContain(r.recurringBarriers[0]!.theme);
    await store.close();
  });
});
