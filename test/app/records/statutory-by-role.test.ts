import { composeMessage } from '../../../src/app/compose-message';
import { handleCardAction } from '../../../src/app/card-actions';
import { runCommand } from '../../../src/app/commands';
import type { AppDeps } from '../../../src/app/deps';
import type { Actor } from '../../../src/app/people/actor';
import { markAttendance } from '../../../src/app/register/mark-attendance';
import { loadStatutoryCertificate } from '../../../src/app/records';
import { runCli } from '../../../src/cli/run-cli';
import type { CardView } from '../../../src/cards/views';
import { deliveryId, ManualClock, statutoryReportId, StatutoryTraining, statutoryTrainingId, Tenant as TenantSchema, type Staff, type Tenant } from '../../../src/domain';
import { planTenant } from '../../../src/scheduler/plan/plan-tenant';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';
import { session, staff } from '../../support/fixtures';

const compliance = (view: CardView) => {
  if (view.kind !== 'statutory-compliance') throw new Error(`expected the compliance list, got ${view.kind}: ${JSON.stringify(view)}`);
  return view;
};
const neverRows = (view: CardView) => compliance(view).schools.flatMap((s) => s.never.map((r) => `${s.name}: ${r.name}, ${r.topic}`));

/** Issue 26 item 2: statutory training required by role, never-recorded people due, reported training confirmed by a lead, statutory sessions renewing the record. */
onBothStores('statutory-by-role', (label, open, done) => {
  describe(`statutory training by role and people never trained (${label})`, () => {
    // Monday 23 November 2026, 10:00.
    const clock = new ManualClock('2026-11-23T10:00:00.000Z');
    let store: Store;
    let deps: AppDeps;
    const people: Record<string, Staff> = {};
    const tenantNow = async (): Promise<Tenant> => (await store.tenants.get('t1', 't1'))!.value;
    const actor = async (id: string): Promise<Actor> => ({ tenant: await tenantNow(), staff: (await store.staff.get('t1', id))!.value });
    const lines: string[] = [];
    const cli = (...argv: string[]) => runCli(argv, { store, clock, defaultTenantId: 't1', print: (t) => lines.push(t) });

    beforeAll(async () => {
      store = await open(clock);
      deps = { store, clock };
      await store.tenants.put(
        TenantSchema.parse({
          tenantId: 't1',
          id: 't1',
          name: 'Fen Trust',
          kind: 'trust',
          schools: [
            { id: 'sch-1', name: 'Huntingdon Academy' },
            { id: 'sch-2', name: 'Ely Primary' },
          ],
          settings: { cpdRequests: { cpdLeadBySchool: { 'sch-1': 'lee' } } },
        }),
      );
      Object.assign(people, {
        trust: staff('t1', 'trust', { name: 'Tara Trustlead', roles: ['staff', 'cpd-lead'], schoolId: 'sch-1' }),
        lee: staff('t1', 'lee', { name: 'Lee Schoollead', schoolId: 'sch-1' }),
        ada: staff('t1', 'ada', { name: 'Ada Teacher', schoolId: 'sch-1', lineManagerId: 'lm' }),
        eve: staff('t1', 'eve', { name: 'Eve Teacher', schoolId: 'sch-2', lineManagerId: 'lm' }),
        lm: staff('t1', 'lm', { name: 'Mo Manager', roles: ['staff', 'line-manager'], schoolId: 'sch-2' }),
      });
      for (const p of Object.values(people)) await store.staff.put(p);
    });
    afterAll(async () => {
      await store.close();
      await done();
    });

    it('the topics and who is in each group are settings: set on the command line and in chat, refused whole on bad input', async () => {
      // The defaults the policies name.
      expect((await tenantNow()).settings.statutoryTopics.map((t) => `${t.topic}/${t.group ?? 'everyone'}/${t.renewalMonths}`)).toEqual([
        'Safeguarding/everyone/12',
        'Prevent/everyone/24',
        'Fire safety/everyone/12',
        'DSL/DSL/24',
        'First aid/First aiders/36',
      ]);
      expect(await cli('settings', 'set', 'statutory-topics', 'Safeguarding: everyone, 12 months; Fire: everyone')).not.toBe(0);
      expect(lines.join('\n')).toContain('"Fire: everyone" is not understood: write each topic as "Topic: who, N months"');
      expect(await cli('settings', 'set', 'statutory-topics', 'Safeguarding: everyone, 1 year; DSL: DSL, 2 years; First aid: First aiders, 36 months')).toBe(0);
      const topics = (await tenantNow()).settings.statutoryTopics;
      expect(topics).toEqual([
        { topic: 'Safeguarding', renewalMonths: 12 },
        { topic: 'DSL', group: 'DSL', renewalMonths: 24 },
        { topic: 'First aid', group: 'First aiders', renewalMonths: 36 },
      ]);
      // A group the topics name has its own setting: by e-mail or name, on the staff records.
      lines.length = 0;
      expect(await cli('settings', 'set', 'statutory-group.dsl', 'ada@school.example, nobody@school.example')).not.toBe(0);
      expect(lines.join('\n')).toContain('Nobody on the staff list is "nobody@school.example"');
      expect((await store.staff.get('t1', 'ada'))!.value.statutoryGroups).toBeUndefined();
      expect(await cli('settings', 'set', 'statutory-group.dsl', 'ada@school.example')).toBe(0);
      expect((await store.staff.get('t1', 'ada'))!.value.statutoryGroups).toEqual(['dsl']);
      // In chat: the statutory section of settings, saved by a lead.
      const opened = await handleCardAction(deps, await actor('trust'), { verb: 'settings.open', settingsSection: 'statutory' });
      if (opened.view.kind !== 'settings-form') throw new Error(`expected the settings form, got ${opened.view.kind}`);
      expect(opened.view.fields.map((f) => [f.key, f.value])).toEqual([
        ['statutory-topics', 'Safeguarding: everyone, 12 months; DSL: DSL, 24 months; First aid: First aiders, 36 months'],
        ['statutory-group.dsl', 'ada@school.example'],
        ['statutory-group.first-aiders', ''],
      ]);
      const inputs = Object.fromEntries(opened.view.fields.map((f) => [f.key, f.value]));
      const saved = await handleCardAction(deps, await actor('trust'), { verb: 'settings.save', settingsSection: 'statutory' }, { ...inputs, 'statutory-group.first-aiders': 'Eve Teacher' });
      expect(saved.ok).toBe(true);
      expect((await store.staff.get('t1', 'eve'))!.value.statutoryGroups).toEqual(['first-aiders']);
      expect((await tenantNow()).settingsHistory?.map((h) => h.key)).toEqual(['statutory-topics', 'statutory-group.dsl', 'statutory-group.first-aiders']);
      // Ordinary staff cannot open it.
      expect((await handleCardAction(deps, await actor('ada'), { verb: 'settings.open', settingsSection: 'statutory' })).ok).toBe(false);
    });

    it('statutory lists people never recorded as due, to the trust lead for all and a school lead for their school only; not to a line manager or a teacher', async () => {
      const everyone = await runCommand(deps, await actor('trust'), 'statutory');
      expect(neverRows(everyone)).toEqual([
        'Ely Primary: Eve Teacher, Safeguarding',
        'Ely Primary: Eve Teacher, First aid',
        'Ely Primary: Mo Manager, Safeguarding',
        'Huntingdon Academy: Ada Teacher, Safeguarding',
        'Huntingdon Academy: Ada Teacher, DSL',
        'Huntingdon Academy: Lee Schoollead, Safeguarding',
        'Huntingdon Academy: Tara Trustlead, Safeguarding',
      ]);
      // Nothing is recorded at all yet: the lead is told why nobody is reminded.
      expect(compliance(everyone).warnings).toEqual([expect.stringMatching(/^No statutory training is recorded yet, so everyone shows as never recorded, and nobody is reminded/)]);
      const school = await runCommand(deps, await actor('lee'), 'statutory');
      expect(neverRows(school).every((row) => row.startsWith('Huntingdon Academy: '))).toBe(true);
      expect(JSON.stringify(school)).not.toContain('Eve Teacher');
      for (const who of ['lm', 'ada']) {
        const refused = await runCommand(deps, await actor(who), 'statutory');
        expect(refused.kind === 'notice' && refused.notice.text).toMatch(/Only CPD leads can do that/);
      }
    });

    it('a never-recorded topic is reminded once a reminder period, once some training is recorded; recorded since, it says nothing', async () => {
      await planTenant(deps, 't1');
      expect(await store.deliveries.count('t1', { kind: 'statutory-due' })).toBe(0);
      await store.statutoryTraining.put({ tenantId: 't1', id: statutoryTrainingId('trust', 'Safeguarding'), staffId: 'trust', topic: 'Safeguarding', completedOn: '2026-09-01', expiresOn: '2027-09-01', recordedAt: '2026-09-01T16:00:00.000Z' });
      await planTenant(deps, 't1');
      const due = (await store.deliveries.find('t1', { where: { kind: 'statutory-due' } })).map((d) => d.value);
      expect(due.map((d) => `${d.recipientId}: ${d.subject.statutoryTopic}`).sort()).toEqual(['ada: DSL', 'ada: Safeguarding', 'eve: First aid', 'eve: Safeguarding', 'lee: Safeguarding', 'lm: Safeguarding']);
      // The period (four reminder weeks counted from Monday 1 January 2024) began on Monday 2 November 2026: the id names it.
      const toAda = due.find((d) => d.recipientId === 'ada' && d.subject.statutoryTopic === 'DSL')!;
      expect(toAda.id).toBe(deliveryId('statutory-due', 'ada', 'ada:dsl', '2026-11-02'));
      expect(toAda.expiresAt).toBe('2026-11-30T08:00:00.000Z');
      const message = await composeMessage(deps, toAda);
      expect(message.ok && message.message.text).toBe(
        'Your DSL training is due: none is on your record (it is renewed every 24 months). Once you have done it, say "report training" to tell your CPD lead, and send the certificate.',
      );
      // Planned again later in the period: nothing twice.
      clock.set('2026-11-27T09:00:00.000Z');
      expect((await planTenant(deps, 't1')).created).toBe(0);
      // The next period: reminded again.
      clock.set('2026-11-30T09:00:00.000Z');
      await planTenant(deps, 't1');
      expect(await store.deliveries.count('t1', { kind: 'statutory-due', recipientId: 'ada' })).toBe(4);
      // Recorded since it was planned: the pending message says nothing.
      await store.statutoryTraining.put({ tenantId: 't1', id: statutoryTrainingId('ada', 'dsl'), staffId: 'ada', topic: 'dsl', completedOn: '2026-12-01', expiresOn: '2028-12-01', recordedAt: '2026-11-30T09:30:00.000Z' });
      expect(await composeMessage(deps, toAda)).toEqual({ ok: false, reason: 'training recorded since' });
      clock.set('2026-11-23T10:00:00.000Z');
    });

    it('a person reports training: a future day or unknown topic comes back beside its field with nothing written; a report goes to the trust lead and their school lead', async () => {
      const form = await runCommand(deps, await actor('ada'), 'report training');
      if (form.kind !== 'statutory-report-form') throw new Error(`expected the form, got ${form.kind}`);
      // Their own topics first.
      expect(form.topics.map((t) => t.value)).toEqual(['Safeguarding', 'DSL', 'First aid']);
      const future = await handleCardAction(deps, await actor('ada'), { verb: 'statutory.report.submit' }, { topic: 'Safeguarding', completedOn: '2026-11-24' });
      expect(future.ok).toBe(false);
      expect(future.view.kind === 'statutory-report-form' && future.view.errors).toEqual({ completedOn: 'Report training once it is done: choose today or an earlier day.' });
      expect(future.view.kind === 'statutory-report-form' && future.view.values).toEqual({ topic: 'Safeguarding', completedOn: '2026-11-24' });
      const unknown = await handleCardAction(deps, await actor('ada'), { verb: 'statutory.report.submit' }, { topic: 'Juggling', completedOn: '2026-11-20' });
      expect(unknown.view.kind === 'statutory-report-form' && unknown.view.errors).toEqual({ topic: '"Juggling" is not one of the statutory topics: choose one from the list.' });
      const badDay = await handleCardAction(deps, await actor('ada'), { verb: 'statutory.report.submit' }, { topic: 'Safeguarding', completedOn: '2026-02-30' });
      expect(badDay.view.kind === 'statutory-report-form' && badDay.view.errors).toEqual({ completedOn: '2026-02-30 is not a date: choose the day.' });
      expect(await store.statutoryReports.count('t1')).toBe(0);
      expect(await store.deliveries.count('t1', { kind: 'statutory-report' })).toBe(0);

      const sent = await handleCardAction(deps, await actor('ada'), { verb: 'statutory.report.submit' }, { topic: 'safeguarding', completedOn: '2026-11-20' });
      expect(sent.ok).toBe(true);
      expect(sent.view.kind === 'notice' && sent.view.notice.text).toMatch(/^Safeguarding on Friday 20 November 2026 is reported\. It goes on your record once your CPD lead confirms it\./);
      const again = await handleCardAction(deps, await actor('ada'), { verb: 'statutory.report.submit' }, { topic: 'Safeguarding', completedOn: '2026-11-20' });
      expect(again.view.kind === 'notice' && again.view.notice.text).toMatch(/already reported/);
      expect(await store.statutoryReports.count('t1')).toBe(1);
      const toLeads = (await store.deliveries.find('t1', { where: { kind: 'statutory-report' } })).map((d) => d.value.recipientId).sort();
      expect(toLeads).toEqual(['lee', 'trust']);
      // Only confirmed training counts: not on the record yet, and shown as waiting.
      expect((await store.statutoryTraining.find('t1', { where: { staffId: 'ada' } })).map((t) => t.value.topic)).toEqual(['dsl']);
      expect(JSON.stringify(await runCommand(deps, await actor('trust'), 'statutory'))).toContain('Never recorded; reported done on Friday 20 November 2026, waiting for a lead to confirm');
    });

    it("a lead confirms it from the card: on the record, the person told; another school's lead, a line manager or the person cannot", async () => {
      const reportId = statutoryReportId('ada', 'Safeguarding', '2026-11-20');
      const card = await composeMessage(deps, (await store.deliveries.get('t1', deliveryId('statutory-report', 'lee', reportId, '2026-11-23T10:00:00.000Z')))!.value);
      if (!card.ok || card.message.view.kind !== 'statutory-report-review') throw new Error('expected the review card');
      expect(card.message.view).toMatchObject({ personName: 'Ada Teacher', schoolName: 'Huntingdon Academy', topic: 'Safeguarding', expiresText: 'Lapses Saturday 20 November 2027 (renewed every 12 months)', certificateText: 'None sent', status: 'reported' });
      // Eve's school has no lead of its own; make Mo its lead: still not Ada's.
      await store.tenants.put({ ...(await tenantNow()), settings: { ...(await tenantNow()).settings, cpdRequests: { ...(await tenantNow()).settings.cpdRequests, cpdLeadBySchool: { 'sch-1': 'lee', 'sch-2': 'lm' } } } });
      for (const who of ['lm', 'ada']) {
        const refused = await handleCardAction(deps, await actor(who), { verb: 'statutory.report.confirm', statutoryReportId: reportId });
        expect(refused.ok).toBe(false);
        expect(refused.view.kind === 'notice' && refused.view.notice.text).toBe("Only a CPD lead for this person's school can confirm their training.");
      }
      expect(await store.statutoryTraining.get('t1', statutoryTrainingId('ada', 'Safeguarding'))).toBeUndefined();

      const confirmed = await handleCardAction(deps, await actor('lee'), { verb: 'statutory.report.confirm', statutoryReportId: reportId });
      expect(confirmed.ok).toBe(true);
      expect(confirmed.view.kind === 'statutory-report-review' && confirmed.view.outcomeText).toBe('Confirmed by Lee Schoollead: it is on the record.');
      const record = (await store.statutoryTraining.get('t1', statutoryTrainingId('ada', 'Safeguarding')))!.value;
      expect(record).toMatchObject({ topic: 'Safeguarding', completedOn: '2026-11-20', expiresOn: '2027-11-20' });
      // Pressed again by the other lead: says so, writes nothing new.
      const twice = await handleCardAction(deps, await actor('trust'), { verb: 'statutory.report.confirm', statutoryReportId: reportId });
      expect(twice.view.kind === 'statutory-report-review' && twice.view.notice?.text).toBe('This report was already confirmed.');
      expect((await store.statutoryTraining.get('t1', statutoryTrainingId('ada', 'Safeguarding')))!.value.recordedAt).toBe(record.recordedAt);
      const told = (await store.deliveries.get('t1', deliveryId('statutory-report-decided', 'ada', reportId, 'confirmed-2026-11-23T10:00:00.000Z')))!.value;
      const toldText = await composeMessage(deps, told);
      expect(toldText.ok && toldText.message.text).toBe('Your Safeguarding training of Friday 20 November 2026 is confirmed and on your record. Say "my cpd" to see it.');
      // The certificate's link serves it to the person and the leads who may decide it, never another school's lead or a colleague.
      await store.statutoryReports.put({ ...(await store.statutoryReports.get('t1', reportId))!.value, certificate: { fileName: 'sg.pdf', type: 'pdf', sha256: 'b'.repeat(64), content: Buffer.from('%PDF-1.7').toString('base64'), attachedAt: '2026-11-23T10:00:00.000Z' } });
      const opens = async (viewer: string) => (await loadStatutoryCertificate(deps, 't1', reportId, viewer)) !== undefined;
      expect({ ada: await opens('ada'), lee: await opens('lee'), trust: await opens('trust'), lm: await opens('lm'), eve: await opens('eve') }).toEqual({ ada: true, lee: true, trust: true, lm: false, eve: false });
      // The other lead's card, not yet sent, is no longer sent.
      expect(await composeMessage(deps, (await store.deliveries.get('t1', deliveryId('statutory-report', 'trust', reportId, '2026-11-23T10:00:00.000Z')))!.value)).toEqual({ ok: false, reason: 'report already decided' });
    });

    it('a lead rejects with a reason (refused without one): nothing reaches the record and the person hears why', async () => {
      await handleCardAction(deps, await actor('eve'), { verb: 'statutory.report.submit' }, { topic: 'First aid', completedOn: '2026-11-02' });
      const reportId = statutoryReportId('eve', 'First aid', '2026-11-02');
      const open = await handleCardAction(deps, await actor('trust'), { verb: 'statutory.report.reject.open', statutoryReportId: reportId });
      expect(open.view.kind).toBe('statutory-reject-form');
      const empty = await handleCardAction(deps, await actor('trust'), { verb: 'statutory.report.reject', statutoryReportId: reportId }, { reason: '   ' });
      expect(empty.ok).toBe(false);
      expect(empty.view.kind === 'statutory-reject-form' && empty.view.errors).toEqual({ reason: 'Give a reason: the person is told it.' });
      expect((await store.statutoryReports.get('t1', reportId))!.value.status).toBe('reported');
      const rejected = await handleCardAction(deps, await actor('trust'), { verb: 'statutory.report.reject', statutoryReportId: reportId }, { reason: 'That was the half-day refresher, not the full certificate.' });
      expect(rejected.ok).toBe(true);
      expect((await store.statutoryReports.get('t1', reportId))!.value).toMatchObject({ status: 'rejected', decidedBy: 'trust', rejectedReason: 'That was the half-day refresher, not the full certificate.' });
      expect(await store.statutoryTraining.count('t1', { staffId: 'eve' })).toBe(0);
      // Confirming after a rejection changes nothing.
      expect((await handleCardAction(deps, await actor('trust'), { verb: 'statutory.report.confirm', statutoryReportId: reportId })).ok).toBe(false);
      expect(await store.statutoryTraining.count('t1', { staffId: 'eve' })).toBe(0);
      const told = await composeMessage(deps, (await store.deliveries.get('t1', deliveryId('statutory-report-decided', 'eve', reportId, 'rejected-2026-11-23T10:00:00.000Z')))!.value);
      expect(told.ok && told.message.text).toBe('Your First aid training of Monday 2 November 2026 was not confirmed: "That was the half-day refresher, not the full certificate". Report it again with "report training" once it is put right.');

      // Reported again (the same day, now with the full course): waiting again, without the old decision, and sent to the lead again.
      clock.set('2026-11-23T11:00:00.000Z');
      const again = await handleCardAction(deps, await actor('eve'), { verb: 'statutory.report.submit' }, { topic: 'First aid', completedOn: '2026-11-02' });
      expect(again.view.kind === 'notice' && again.view.notice.text).toMatch(/is reported\./);
      const reopened = (await store.statutoryReports.get('t1', reportId))!.value;
      expect(reopened).toMatchObject({ status: 'reported', reportedAt: '2026-11-23T11:00:00.000Z' });
      expect(reopened.rejectedReason).toBeUndefined();
      expect(reopened.decidedBy).toBeUndefined();
      expect(await store.deliveries.get('t1', deliveryId('statutory-report', 'trust', reportId, '2026-11-23T11:00:00.000Z'))).toBeDefined();
      clock.set('2026-11-23T10:00:00.000Z');
    });

    it('attendance marked at a session that covers a statutory topic renews the record of those present, once', async () => {
      await store.sessions.put(session('t1', 'ses-sg', { title: 'Safeguarding update', startsAt: '2026-11-23T15:30:00.000Z', endsAt: '2026-11-23T17:00:00.000Z', statutoryTopic: 'Safeguarding' }));
      for (const id of ['lee', 'eve', 'lm']) await store.participations.put({ tenantId: 't1', id: `part-ses-sg-${id}`, sessionId: 'ses-sg', staffId: id, rsvp: 'yes' });
      clock.set('2026-11-23T15:00:00.000Z');
      const marks = [
        { staffId: 'lee', present: true },
        { staffId: 'eve', present: true },
        { staffId: 'lm', present: false },
      ];
      const first = await markAttendance(deps, await actor('trust'), { sessionId: 'ses-sg', marks });
      expect(first).toMatchObject({ ok: true, present: 2, statutory: "Safeguarding renewed on 2 people's records" });
      expect((await store.statutoryTraining.get('t1', statutoryTrainingId('eve', 'Safeguarding')))!.value).toMatchObject({ completedOn: '2026-11-23', expiresOn: '2027-11-23' });
      expect(await store.statutoryTraining.count('t1', { staffId: 'lm' })).toBe(0);
      const written = await store.statutoryTraining.count('t1');
      const second = await markAttendance(deps, await actor('trust'), { sessionId: 'ses-sg', marks });
      expect(second).toMatchObject({ ok: true, statutory: "Safeguarding renewed on 0 people's records, 2 already up to date from this session or later" });
      expect(await store.statutoryTraining.count('t1')).toBe(written);
      clock.set('2026-11-23T10:00:00.000Z');
    });

    it('someone ticked on a statutory register by mistake, then unticked, has their record put back as before the session, or none if there was none', async () => {
      await store.sessions.put(session('t1', 'ses-sg2', { title: 'Safeguarding catch-up', startsAt: '2026-11-24T15:30:00.000Z', endsAt: '2026-11-24T16:30:00.000Z', statutoryTopic: 'Safeguarding' }));
      for (const id of ['lee', 'eve', 'lm']) await store.participations.put({ tenantId: 't1', id: `part-ses-sg2-${id}`, sessionId: 'ses-sg2', staffId: id, rsvp: 'yes' });
      // Lee's safeguarding was last done a year before (an import's spelling); the line manager has none.
      const leeId = statutoryTrainingId('lee', 'Safeguarding');
      await store.statutoryTraining.put(StatutoryTraining.parse({ tenantId: 't1', id: leeId, staffId: 'lee', topic: 'safeguarding', completedOn: '2025-11-20', expiresOn: '2026-11-20', recordedAt: '2025-11-20T12:00:00.000Z' }));
      clock.set('2026-11-24T15:00:00.000Z');
      const all = await markAttendance(deps, await actor('trust'), { sessionId: 'ses-sg2', marks: ['lee', 'eve', 'lm'].map((staffId) => ({ staffId, present: true })) });
      // Eve's safeguarding of the day before (the register above) is renewed too.
      expect(all).toMatchObject({ ok: true, statutory: "Safeguarding renewed on 3 people's records" });
      expect((await store.statutoryTraining.get('t1', leeId))!.value).toMatchObject({ completedOn: '2026-11-24', fromSession: { sessionId: 'ses-sg2', before: { completedOn: '2025-11-20', expiresOn: '2026-11-20' } } });

      // Eve's record moves on afterwards from elsewhere (a confirmed report of a later course): unticking leaves it.
      const eveId = statutoryTrainingId('eve', 'Safeguarding');
      await store.statutoryTraining.put(StatutoryTraining.parse({ tenantId: 't1', id: eveId, staffId: 'eve', topic: 'Safeguarding', completedOn: '2026-11-25', expiresOn: '2027-11-25', recordedAt: '2026-11-25T09:00:00.000Z' }));
      const corrected = await markAttendance(deps, await actor('trust'), { sessionId: 'ses-sg2', marks: ['lee', 'eve', 'lm'].map((staffId) => ({ staffId, present: false })) });
      expect(corrected).toMatchObject({ ok: true, present: 0, absent: 3, statutory: "Safeguarding renewed on 0 people's records; 2 marked absent have their records put back as before this session" });
      expect((await store.statutoryTraining.get('t1', leeId))!.value).toMatchObject({ topic: 'safeguarding', completedOn: '2025-11-20', expiresOn: '2026-11-20' });
      expect((await store.statutoryTraining.get('t1', leeId))!.value.fromSession).toBeUndefined();
      expect(await store.statutoryTraining.get('t1', statutoryTrainingId('lm', 'Safeguarding'))).toBeUndefined();
      expect((await store.statutoryTraining.get('t1', eveId))!.value.completedOn).toBe('2026-11-25');

      // Saving the corrected register again changes nothing more.
      const again = await markAttendance(deps, await actor('trust'), { sessionId: 'ses-sg2', marks: ['lee', 'eve', 'lm'].map((staffId) => ({ staffId, present: false })) });
      expect(again).toMatchObject({ ok: true, statutory: "Safeguarding renewed on 0 people's records" });
      expect((await store.statutoryTraining.get('t1', leeId))!.value.completedOn).toBe('2025-11-20');
      clock.set('2026-11-23T10:00:00.000Z');
    });
  });
});
