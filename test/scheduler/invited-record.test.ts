import pino from 'pino';
import { participationId } from '../../src/domain';
import { exportLeadReportCsv } from '../../src/exports/lead-report-csv';
import { importStaffRoster } from '../../src/imports/import-staff';
import { loadLeadDigest } from '../../src/app/digests/load-lead-digest';
import { loadLeadSessionReport } from '../../src/app/reports/load-lead-session-report';
import type { ComposeFn } from '../../src/scheduler/send/dispatcher';
import { startScheduler } from '../../src/scheduler/scheduler';
import { session, staff, tenant } from '../support/fixtures';
import { virtualSleep } from '../support/test-scheduler';
import { T, world } from './dispatcher-world';

describe('"invited" is recorded when the invitation is sent (real scheduler, embedded store, manual clock)', () => {
  it('a roster import after a session does not change its invited count in report, programme digest or report.csv', async () => {
    const w = world([], 0, '2026-11-23T09:00:00.000Z');
    const t = tenant(T);
    await w.store.tenants.create(t);
    for (const id of ['s0', 's1', 's2']) await w.store.staff.create(staff(T, id, { teams: { aadObjectId: `aad-${id}` } }));
    await w.store.staff.create(staff(T, 'lead', { roles: ['cpd-lead'], teams: { aadObjectId: 'aad-lead' } }));
    // The whole trust: four people today.
    await w.store.sessions.create(session(T, 'ses-1', { publishedAt: '2026-11-23T09:00:00.000Z', audience: { kind: 'trust' } }));
    const compose: ComposeFn = async (d) => {
      const recipient = (await w.store.staff.get(T, d.recipientId))?.value;
      return recipient ? { ok: true, recipient, message: { text: 'hi', view: { kind: 'thank-you', title: 'x', text: 'y' } } } : { ok: false, reason: 'gone' };
    };
    const scheduler = startScheduler({ store: w.store, clock: w.clock, logger: pino({ level: 'silent' }), senders: [w.teams], compose, instanceId: 'i', sleep: virtualSleep(w.clock) });

    // Monday 09:00: the invitations go; each one sent is recorded on the person's participation.
    await scheduler.runOnce();
    expect(await w.store.deliveries.count(T, { kind: 'invitation', status: 'sent' })).toBe(4);
    expect((await w.store.participations.get(T, participationId('ses-1', 's1')))?.value.invitedAt).toBe('2026-11-23T09:00:00.000Z');

    // Wednesday, after the session: a roster import adds five people.
    w.clock.set('2026-11-25T10:00:00.000Z');
    const csv = ['Name,E-mail,Role', ...[1, 2, 3, 4, 5].map((i) => `New Person ${i},new${i}@school.example,Teacher`)].join('\n');
    const imported = await importStaffRoster({ store: w.store }, t, csv);
    expect(imported).toMatchObject({ ok: true });

    const report = await loadLeadSessionReport({ store: w.store, clock: w.clock }, T, 'ses-1');
    expect(report.ok && report.value.invited).toBe(4);
    const csvOut = await exportLeadReportCsv({ store: w.store, clock: w.clock }, T);
    expect(csvOut.split('\n')[1]).toMatch(/,4,0,0,0,/);
    // With the invitations recorded, neither the report nor report.csv reads the staff at all.
    const staffReads: unknown[] = [];
    const watched = { ...w.store, staff: { ...w.store.staff, find: (...args: Parameters<typeof w.store.staff.find>) => (staffReads.push(args[1]), w.store.staff.find(...args)) } };
    expect(await loadLeadSessionReport({ store: watched, clock: w.clock }, T, 'ses-1')).toMatchObject({ ok: true, value: { invited: 4 } });
    expect(await exportLeadReportCsv({ store: watched, clock: w.clock }, T)).toBe(csvOut);
    expect(staffReads).toEqual([]);
    const digest = await loadLeadDigest({ store: w.store, clock: w.clock }, T, 'lead', new Date('2026-11-30T07:30:00.000Z'));
    expect(digest.ok && digest.value.held.map((h) => h.invited)).toEqual([4]);
    await scheduler.stop();
    await w.store.close();
  });
});
