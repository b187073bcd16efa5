import { handleCardAction } from '../../../src/app/card-actions';
import { runCommand } from '../../../src/app/commands';
import { composeMessage } from '../../../src/app/compose-message';
import type { Actor } from '../../../src/app/people/actor';
import type { AppDeps } from '../../../src/app/deps';
import { ManualClock, NeedsReview, SchoolCalendar, deliveryId, needsReviewId, type Staff } from '../../../src/domain';
import { planTenant } from '../../../src/scheduler/plan/plan-tenant';
import { onBothStores } from '../../support/both-stores';
import { staff, tenant } from '../../support/fixtures';

/** Seed 001 appendix 3, every question answered. */
const REVIEW = {
  strengths: 'Questioning and behaviour routines',
  strengthsEvidence: 'Lesson feedback from two learning walks',
  developmentAspect: 'Adaptive teaching for pupils with SEND',
  developmentStrands: 'skill,knowledge',
  developmentEvidence: 'My Year 9 group data and pupil voice',
  preferred: 'coaching,observation',
  aspirations: 'Lead SEND practice in the department',
  planNextYear: 'Observe the SENCo, trial scaffolds in Year 9',
  planThreeYears: 'Second in department',
  planFiveYears: 'Head of department',
  supportWanted: 'Time to observe and a coach',
};

/** Issue 26 item 4: the year-ahead review, private unless shared, and then only with the person's own line manager. */
onBothStores('year-ahead', (label, open, done) => {
  describe(`the year-ahead review (seed 001 appendix 3) and who may read it (${label})`, () => {
    let deps: AppDeps;
    let clock: ManualClock;
    const t = tenant('t1');
    const people: Record<string, Staff> = {
      lead: staff('t1', 'lead', { name: 'Lena Lead', roles: ['staff', 'cpd-lead'] }),
      mo: staff('t1', 'mo', { name: 'Mo Manager', roles: ['staff', 'line-manager'] }),
      zoe: staff('t1', 'zoe', { name: 'Zoe Other', roles: ['staff', 'line-manager'] }),
      ada: staff('t1', 'ada', { name: 'Ada Teacher', lineManagerId: 'mo' }),
      ben: staff('t1', 'ben', { name: 'Ben Teacher', lineManagerId: 'mo' }),
      cy: staff('t1', 'cy', { name: 'Cy Teacher', lineManagerId: 'zoe' }),
      solo: staff('t1', 'solo', { name: 'Solo Teacher' }),
    };
    const actor = (who: string): Actor => ({ tenant: t, staff: people[who]! });
    beforeAll(async () => {
      // Monday 21 September 2026, in the week the reviews are written.
      clock = new ManualClock('2026-09-21T09:00:00.000Z');
      deps = { store: await open(clock), clock };
      await deps.store.tenants.put(t);
      for (const p of Object.values(people)) await deps.store.staff.put(p);
    });
    afterAll(async () => {
      await deps.store.close();
      await done();
    });

    it('asks the appendix-3 questions; a missing answer is marked beside its field and nothing is written', async () => {
      const form = await runCommand(deps, actor('ada'), 'year ahead');
      expect(form).toMatchObject({ kind: 'needs-form', year: '2026-27', lineManagerName: 'Mo Manager' });
      const bad = await handleCardAction(deps, actor('ada'), { verb: 'needs.submit' }, { strengths: 'Questioning', aspirations: '', preferred: '', developmentStrands: 'skill' });
      expect(bad.ok).toBe(false);
      expect(bad.view.kind === 'needs-form' && bad.view.errors).toEqual({ developmentAspect: 'Please fill this in.', aspirations: 'Please fill this in.', preferred: 'Choose at least one.' });
      expect(await deps.store.needsReviews.count('t1')).toBe(0);
    });

    it('with no line manager on the staff list, sharing is refused beside the toggle (fail closed) and nothing is written', async () => {
      const form = await runCommand(deps, actor('solo'), 'year ahead');
      expect(form.kind === 'needs-form' && form.lineManagerName).toBeUndefined();
      const refused = await handleCardAction(deps, actor('solo'), { verb: 'needs.submit' }, { ...REVIEW, shareWithManager: 'true' });
      expect(refused.ok).toBe(false);
      expect(refused.view.kind === 'needs-form' && refused.view.errors?.shareWithManager).toMatch(/no line manager on the staff list/);
      expect(await deps.store.needsReviews.count('t1')).toBe(0);
    });

    it("shared: Mo (Ada's line manager) reads every answer in `team reviews` and his digest; Zoe, another line manager, and the lead never see it", async () => {
      const sent = await handleCardAction(deps, actor('ada'), { verb: 'needs.submit' }, { ...REVIEW, shareWithManager: 'true' });
      expect(sent.ok).toBe(true);
      expect(JSON.stringify(sent.view)).toContain('Your line manager can read it');
      const stored = (await deps.store.needsReviews.get('t1', needsReviewId('ada', '2026-27')))!.value;
      expect(stored).toMatchObject({ developmentStrands: ['skill', 'knowledge'], supportWanted: 'Time to observe and a coach', sharedWithManagerId: 'mo' });
      // Ben keeps his private; Cy (Zoe's) shares with Zoe.
      expect((await handleCardAction(deps, actor('ben'), { verb: 'needs.submit' }, { ...REVIEW, developmentAspect: 'Ben private aspect', shareWithManager: 'false' })).ok).toBe(true);
      expect((await handleCardAction(deps, actor('cy'), { verb: 'needs.submit' }, { ...REVIEW, developmentAspect: 'Cy shared aspect', shareWithManager: 'true' })).ok).toBe(true);

      const mo = await runCommand(deps, actor('mo'), 'team reviews');
      if (mo.kind !== 'year-ahead-team') throw new Error(`expected the team view, got ${mo.kind}`);
      expect(mo.reviews.map((r) => r.name)).toEqual(['Ada Teacher']);
      expect(mo.reviews[0]!.answers).toEqual(
        expect.arrayContaining([
          { label: 'Aspect for development', value: 'Adaptive teaching for pupils with SEND' },
          { label: 'Skill, knowledge or attitude', value: 'A skill, Knowledge' },
          { label: 'In 3 years', value: 'Second in department' },
          { label: 'Support wanted', value: 'Time to observe and a coach' },
        ]),
      );
      expect(mo.notShared).toBe(1);
      expect(JSON.stringify(mo)).not.toMatch(/Ben private aspect|Cy shared aspect|Ben Teacher/);

      const zoe = await runCommand(deps, actor('zoe'), 'team reviews');
      expect(zoe.kind === 'year-ahead-team' && zoe.reviews.map((r) => r.name)).toEqual(['Cy Teacher']);
      expect(JSON.stringify(zoe)).not.toMatch(/Adaptive teaching|Ada Teacher|Ben private/);

      // Monday's digest covers the week before: the week she shared it in.
      clock.set('2026-09-28T09:00:00.000Z');
      const digest = await runCommand(deps, actor('mo'), 'digest');
      if (digest.kind !== 'manager-digest') throw new Error(`expected the digest, got ${digest.kind}`);
      const ada = digest.reports.find((r) => r.name === 'Ada Teacher')!;
      expect(ada.yearAhead).toMatch(/^Shared their year-ahead review \(2026-27\), to develop: Adaptive teaching for pupils with SEND \(a skill, knowledge\); support wanted: Time to observe and a coach/);
      expect(digest.reports.find((r) => r.name === 'Ben Teacher')!.yearAhead).toBeUndefined();
      expect(JSON.stringify(digest)).not.toMatch(/Cy shared aspect|Ben private aspect/);

      // Someone with nobody reporting to them has no team reviews to read.
      const ben = await runCommand(deps, actor('ben'), 'team reviews');
      expect(ben.kind).toBe('notice');
      expect(JSON.stringify(ben)).not.toMatch(/Adaptive teaching/);
    });

    it("the lead's needs: anonymous counts and themes only, never a name or a person's words, shared or not", async () => {
      for (const id of ['p1', 'p2', 'p3']) {
        people[id] = staff('t1', id, { name: `Person ${id}`, lineManagerId: 'mo' });
        await deps.store.staff.put(people[id]!);
        await handleCardAction(deps, actor(id), { verb: 'needs.submit' }, { ...REVIEW, developmentStrands: 'attitude', developmentAspect: `Behaviour routines with my class (${id})` });
      }
      const summary = await runCommand(deps, actor('lead'), 'needs');
      if (summary.kind !== 'needs-summary') throw new Error(`expected the summary, got ${summary.kind}`);
      expect(summary.responses).toBe(6);
      expect(summary.withheld).toBeUndefined();
      expect(summary.strands).toEqual([
        { label: 'A skill', count: 3 },
        { label: 'Knowledge', count: 3 },
        { label: 'An attitude', count: 3 },
      ]);
      const json = JSON.stringify(summary);
      for (const p of Object.values(people)) expect(json).not.toContain(p.name);
      expect(json).not.toMatch(/Time to observe|Second in department|Adaptive teaching for pupils|\(p1\)/);
    });

    it('a line manager who changes no longer reads the old review; the new one does not until it is shared with them again', async () => {
      people.ada = { ...people.ada!, lineManagerId: 'zoe' };
      await deps.store.staff.put(people.ada);
      const mo = await runCommand(deps, actor('mo'), 'team reviews');
      expect(JSON.stringify(mo)).not.toContain('Adaptive teaching');
      const zoe = await runCommand(deps, actor('zoe'), 'team reviews');
      expect(JSON.stringify(zoe)).not.toContain('Adaptive teaching');
      people.ada = { ...people.ada, lineManagerId: 'mo' };
      await deps.store.staff.put(people.ada);
    });

    it('a review stored before the appendix-3 form (strengths, aspirations, preferred only) still reads: in the form and the counts', async () => {
      const old = { tenantId: 't1', id: needsReviewId('solo', '2026-27'), staffId: 'solo', year: '2026-27', strengths: 'Old strengths', aspirations: 'Old aspirations', preferred: ['reading'], submittedAt: '2026-09-01T09:00:00.000Z' };
      expect(NeedsReview.safeParse(old).success).toBe(true);
      await deps.store.needsReviews.put(NeedsReview.parse(old));
      const form = await runCommand(deps, actor('solo'), 'year ahead');
      expect(form.kind === 'needs-form' && form.values).toMatchObject({ strengths: 'Old strengths', preferred: 'reading', shareWithManager: 'false' });
      const summary = await runCommand(deps, actor('lead'), 'needs');
      expect(summary.kind === 'needs-summary' && summary.responses).toBe(7);
    });

    it('before the autumn review window everyone is asked once (deterministic ids, 08:00, not in quiet hours, not while away); not once it opens or after they wrote theirs', async () => {
      // The window opens on 1 October (the default); asked two weeks before: Friday 17 September 2027, at 08:00,
      // here held by the school's quiet hours until 08:30. Cy is away then.
      await deps.store.calendars.put(SchoolCalendar.parse({ tenantId: 't1', quietHours: { start: '18:00', end: '08:30' } }));
      people.cy = { ...people.cy!, awayUntil: '2027-10-30', awayFrom: '2027-09-01' };
      await deps.store.staff.put(people.cy);
      // Wednesday 16 September 2027, 12:00 in London: the day before.
      clock.set('2027-09-16T11:00:00.000Z');
      await planTenant({ store: deps.store, clock }, 't1');
      expect(await deps.store.deliveries.count('t1', { kind: 'year-ahead-prompt' })).toBe(0);
      // Friday 17 September 2027, 08:00 in London: planned, due when the quiet hours end.
      clock.set('2027-09-17T07:00:00.000Z');
      await planTenant({ store: deps.store, clock }, 't1');
      const planned = (await deps.store.deliveries.find('t1', { where: { kind: 'year-ahead-prompt' } })).map((d) => d.value);
      expect(planned.map((d) => d.recipientId).sort()).toEqual(['ada', 'ben', 'lead', 'mo', 'p1', 'p2', 'p3', 'solo', 'zoe']);
      expect(planned.every((d) => d.dueAt === '2027-09-17T07:30:00.000Z' && d.expiresAt === '2027-10-01T07:00:00.000Z')).toBe(true);
      expect(planned.find((d) => d.recipientId === 'ada')!.id).toBe(deliveryId('year-ahead-prompt', 'ada', '2027-28'));
      // Planned again: nothing twice.
      clock.set('2027-09-17T10:30:00.000Z');
      expect((await planTenant({ store: deps.store, clock }, 't1')).created).toBe(0);

      const toAda = planned.find((d) => d.recipientId === 'ada')!;
      const message = await composeMessage(deps, toAda);
      if (!message.ok) throw new Error(message.reason);
      expect(message.message.text).toBe('Your year-ahead review, before performance reviews start on Friday 1 October');
      expect(message.message.view).toMatchObject({ kind: 'needs-form', year: '2027-28' });
      // Ada writes hers before the message goes: it is not sent.
      await handleCardAction(deps, actor('ada'), { verb: 'needs.submit' }, REVIEW);
      expect(await composeMessage(deps, toAda)).toEqual({ ok: false, reason: 'review already written' });
      expect(await deps.store.needsReviews.get('t1', needsReviewId('ada', '2027-28'))).toBeDefined();
      // Once the window has opened nothing more is asked (Cy, back from being away later, is not asked either).
      clock.set('2027-10-01T08:00:00.000Z');
      await planTenant({ store: deps.store, clock }, 't1');
      expect(await deps.store.deliveries.count('t1', { kind: 'year-ahead-prompt' })).toBe(9);
    });
  });
});
