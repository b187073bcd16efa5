import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Staff, progressReviewId } from '../../../src/domain';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { onBothStores } from '../../support/both-stores';
import { FakeConnector } from '../../support/fake-connector';
import { LocalFileHost, TEST_FILE_LIMITS } from '../../support/file-host';
import { tenant } from '../../support/fixtures';
import { startTestScheduler } from '../../support/test-scheduler';
import { AAD_TENANT, cardActionActivity, cardElements, cardText, fileMessage, installActivity, invokeCard, JO, lastCardTo, LEAD, messageActivity, postActivity, startTeamsHarness, type TeamsHarness, type TeamsUser, TENANT } from './teams-harness';

type Json = Record<string, unknown>;
const SAM: TeamsUser = { userId: '29:sam', aadObjectId: 'aad-sam', name: 'Sam Lee', conversationId: 'a:personal-sam' };
const MORGAN: TeamsUser = { userId: '29:morgan', aadObjectId: 'aad-morgan', name: 'Morgan Reid', conversationId: 'a:personal-morgan' };

// The staff list as the MIS exports it: Jo is an ECT, Sam her subject mentor, Lee her induction tutor, Morgan her line manager.
const ROSTER = [
  'Email Address,Full Name,Career Stage,Line Manager,Subject Mentor,Induction Tutor',
  'lee.lead@school.example,Lee Lead,,,,',
  'morgan@school.example,Morgan Reid,,,,',
  'sam.lee@school.example,Sam Lee,,Morgan Reid,,',
  'jo.patel@school.example,Jo Patel,ECT,Morgan Reid,Sam Lee,lee.lead@school.example',
].join('\r\n');
const CALENDAR = [
  'Type,Name,Start,End',
  'Term,Autumn,2026-09-01,2026-12-18',
  'Holiday,October half term,2026-10-26,2026-10-30',
  'Holiday,Christmas,2026-12-21,2027-01-01',
  'Term,Spring,2027-01-04,2027-03-26',
  'Term,Summer,2027-04-12,2027-07-21',
].join('\r\n');
const FOCUS_1 = 'Settling in. Q&A. Support mechanisms. Reflection.';
const FOCUS_2 = 'Classroom climate and Behaviour for Learning. Experiences so far.';
const MENTORING_KINDS = ['mentoring-reminder', 'mentoring-record', 'mentoring-action-nudge', 'progress-review-prompt', 'progress-review-at-risk', 'mentoring-gap', 'induction-digest', 'mentoring-reflection'];

/** A card as a person reads it, for the transcript: text, facts, the fields to fill in and the buttons. */
function readCard(card: unknown): string {
  return cardElements(card)
    .flatMap((e) => {
      if (e.type === 'TextBlock') return [String(e.text)];
      if (e.type === 'FactSet') return (e.facts as { title: string; value: string }[]).map((f) => `${f.title}: ${f.value}`);
      if (String(e.type).startsWith('Input.')) return [`[${String(e.label ?? e.placeholder ?? e.id)}: ____]`];
      if (e.type === 'Action.Execute' || e.type === 'Action.ShowCard') return [`[button: ${String(e.title)}]`];
      return [];
    })
    .join('\n');
}


onBothStores('teams-mentoring-journey', (label, open, done) => {
  describe(`mentoring end to end (issue 30) in Teams (${label}; real botbuilder, fake connector, real scheduler, manual clock)`, () => {
    let h: TeamsHarness;
    let host: LocalFileHost;
    let scheduler: Scheduler;
    beforeAll(async () => {
      host = await new LocalFileHost().start();
      h = await startTeamsHarness({ files: TEST_FILE_LIMITS }, { openStore: open });
      h.clock.set('2026-09-01T09:00:00.000Z');
      await h.store.tenants.create({ ...tenant(TENANT), teamsTenantId: AAD_TENANT });
      const person = (id: string, user: TeamsUser, email: string, roles: string[]) =>
        h.store.staff.create(Staff.parse({ tenantId: TENANT, id, name: user.name, email, roles, teams: { aadObjectId: user.aadObjectId, userId: user.userId } }));
      await person('stf-lee', LEAD, 'lee.lead@school.example', ['staff', 'cpd-lead']);
      await person('stf-jo', JO, 'jo.patel@school.example', ['staff']);
      await person('stf-sam', SAM, 'sam.lee@school.example', ['staff']);
      await person('stf-morgan', MORGAN, 'morgan@school.example', ['staff', 'line-manager']);
      for (const user of [JO, SAM, LEAD, MORGAN]) await postActivity(h, installActivity(h, user));
      scheduler = startTestScheduler(h, [h.bot.sender]);
    });
    afterAll(async () => {
      // For the closing note: the cards Jo (the mentee) and Sam (her mentor) saw in the first three school weeks.
      if (process.env.TRANSCRIPT_DIR && label === 'embedded store') writeFileSync(join(process.env.TRANSCRIPT_DIR, 'teams-mentoring-first-weeks.txt'), firstWeeks.join('\n\n'));
      await scheduler.stop();
      await h.close();
      await host.stop();
      await done();
    });

    const say = async (user: TeamsUser, text: string) => {
      await postActivity(h, messageActivity(h, user, text));
      return cardText(lastCardTo(h, user));
    };
    const sendFile = async (name: string, body: string) => {
      await postActivity(h, fileMessage(h, LEAD, name, host.put(`/download/${name}`, body)));
      const preview = lastCardTo(h, LEAD);
      const button = cardElements(preview).find((e) => e.type === 'Action.Execute' && e.title === 'Import');
      return { preview: cardText(preview), importIt: async () => cardText(invokeCard((await postActivity(h, cardActionActivity(h, LEAD, String(button!.verb), button!.data as Json))).body).value) };
    };
    const cardsTo = (user: TeamsUser, text: string) => h.connector.sentTo(user.conversationId).map((a) => FakeConnector.card(a)).filter((c) => c && JSON.stringify(c).includes(text)) as Json[];
    const press = async (user: TeamsUser, verb: string, data: Json) => invokeCard((await postActivity(h, cardActionActivity(h, user, verb, data))).body).value as unknown as Json;
    const firstWeeks: string[] = [];
    const seen = new Map<string, number>();
    const tick = async (at: string) => {
      h.clock.set(at);
      await scheduler.runOnce();
      if (at >= '2026-09-21') return;
      for (const [who, user] of [['Jo (mentee)', JO], ['Sam (mentor)', SAM]] as const) {
        const cards = h.connector.sentTo(user.conversationId).map((a) => FakeConnector.card(a)).filter(Boolean);
        for (const card of cards.slice(seen.get(who) ?? 0)) firstWeeks.push(`${at.slice(0, 10)} to ${who}:\n    ${readCard(card).replace(/\n+/g, '\n    ')}`);
        seen.set(who, cards.length);
      }
    };
    const m1 = async () => (await h.store.mentoringMeetings.find(TENANT, { where: { menteeId: 'stf-jo' } })).map((v) => v.value).find((m) => m.itemKey === 'm1')!;

    it('the lead sends the staff list with Subject Mentor and Induction Tutor columns; Import makes the links', async () => {
      const roster = await sendFile('staff.csv', ROSTER);
      expect(roster.preview).toContain("would make Sam Lee Jo Patel's subject mentor");
      expect(roster.preview).toContain("would make Lee Lead Jo Patel's induction tutor");
      expect(await roster.importIt()).toContain("made Sam Lee Jo Patel's subject mentor");
      expect((await h.store.staff.get(TENANT, 'stf-jo'))?.value).toMatchObject({ pathway: 'ect', lineManagerId: 'stf-morgan' });
      expect(await h.store.mentoringLinks.count(TENANT, { menteeId: 'stf-jo' })).toBe(2);
    });

    it('the lead assigns seed 000 to Jo: refused until the calendar is imported, then her meetings are planned in school weeks', async () => {
      expect(await say(LEAD, 'programmes assign new teacher to Jo Patel')).toContain('the school calendar has no autumn term for 2026-27');
      const calendar = await sendFile('term-dates.csv', CALENDAR);
      expect(calendar.preview).toContain('Autumn');
      await calendar.importIt();
      expect(await say(LEAD, 'programmes assign new teacher to Jo Patel')).toContain('1 person assigned; 9 meetings planned.');
      expect(await m1()).toMatchObject({ weekStart: '2026-09-07', mentorId: 'stf-sam', status: 'planned', focus: FOCUS_1 });
    });

    it('school week 2: the scheduler reminds Jo and Sam with the focus; Morgan gets nothing', async () => {
      await tick('2026-09-04T10:00:00.000Z');
      expect(cardsTo(JO, FOCUS_1)).toEqual([]);
      await tick('2026-09-07T07:00:00.000Z'); // Monday of school week 2, 08:00 in London
      expect(cardText(cardsTo(JO, FOCUS_1).at(-1))).toContain('Meeting with your subject mentor, Sam Lee');
      expect(cardText(cardsTo(SAM, FOCUS_1).at(-1))).toContain('Meeting with Jo Patel (you are their subject mentor)');
      expect(cardsTo(MORGAN, FOCUS_1)).toEqual([]);
    });

    it('Sam records the meeting with an agreed action; Jo is sent the record and adds her reflection', async () => {
      const id = (await m1()).id;
      h.clock.set('2026-09-08T14:00:00.000Z');
      const form = await press(SAM, 'mentoring.record.open', { mentoringMeetingId: id });
      expect(cardElements(form).filter((e) => String(e.type).startsWith('Input.')).map((e) => e.id)).toContain('action1Due');
      firstWeeks.push(`2026-09-08 Sam presses Record the meeting:\n    ${readCard(form).replace(/\n+/g, '\n    ')}`);
      const saved = await press(SAM, 'mentoring.record.submit', { mentoringMeetingId: id, heldOn: '2026-09-08', focus: FOCUS_1, wentWell: 'Routines at the door; Year 9 settled faster.', action1: 'Observe a Year 8 lesson with Sam', action1Due: '2026-09-18', nextMeetingOn: '2026-09-15', minutes: '45' });
      expect(cardText(saved)).toContain('Jo Patel is sent the record');
      await tick('2026-09-08T14:05:00.000Z');
      const record = cardsTo(JO, 'Routines at the door').at(-1)!;
      expect(cardText(record)).toContain('Observe a Year 8 lesson with Sam');
      expect(cardElements(record).some((e) => e.id === 'reflection')).toBe(true);
      expect(cardText(await press(JO, 'mentoring.reflect.submit', { mentoringMeetingId: id, reflection: 'Seating plans first: the calmer start helped Year 9.' }))).toContain('Your mentor can read it');
      expect((await m1()).reflection?.text).toMatch(/^Seating plans first/);
    });

    it('Sam, who held the meeting, is told once that Jo reflected (not quoted) and opens the meeting to read it; saving again tells nobody again', async () => {
      await tick('2026-09-08T14:10:00.000Z');
      const notices = cardsTo(SAM, 'added a reflection');
      expect(notices).toHaveLength(1);
      expect(cardText(notices[0])).toContain('Jo Patel added a reflection to your meeting of Tuesday 8 September (Settling in. Q&A. Support mechanisms. Reflection).');
      expect(JSON.stringify(notices[0])).not.toContain('Seating plans first');
      const open = cardElements(notices[0]).find((e) => e.type === 'Action.Execute' && e.title === 'Open the meeting')!;
      const meeting = await press(SAM, String(open.verb), open.data as Json);
      expect(cardText(meeting)).toContain('Seating plans first: the calmer start helped Year 9.');
      expect(cardElements(meeting).some((e) => e.id === 'reflection')).toBe(false);
      expect(cardText(await press(JO, 'mentoring.reflect.submit', { mentoringMeetingId: (await m1()).id, reflection: 'Changed my mind.' }))).toContain('Already saved');
      await tick('2026-09-08T14:20:00.000Z');
      expect(cardsTo(SAM, 'added a reflection')).toHaveLength(1);
      expect(cardsTo(MORGAN, 'added a reflection')).toEqual([]);
    });

    it('school week 3: both are reminded of the second meeting, with its focus', async () => {
      await tick('2026-09-14T07:00:00.000Z');
      expect(cardText(cardsTo(JO, FOCUS_2).at(-1))).toContain('Meeting with your subject mentor, Sam Lee');
      expect(cardsTo(SAM, FOCUS_2)).toHaveLength(1);
      expect(cardsTo(MORGAN, FOCUS_2)).toEqual([]);
    });

    it('the agreed action is nudged to Jo on its due day', async () => {
      await tick('2026-09-18T07:00:00.000Z');
      const nudge = cardsTo(JO, 'Observe a Year 8 lesson with Sam').filter((c) => cardText(c).includes('Due now')).at(-1)!;
      expect(cardElements(nudge).filter((e) => e.type === 'Action.Execute').map((e) => e.verb)).toEqual(['mentoring.action.done']);
    });

    it('the termly review reaches Sam and Lee; marked at risk, Lee (the induction tutor) is told at once', async () => {
      await tick('2026-12-07T08:00:00.000Z');
      expect(cardText(cardsTo(SAM, 'Progress review: Jo Patel').at(-1))).toContain('Seating plans first');
      expect(cardsTo(LEAD, 'Progress review: Jo Patel')).toHaveLength(1);
      expect(cardsTo(JO, 'Progress review: Jo Patel')).toEqual([]);
      const recorded = await press(SAM, 'review.submit', { menteeId: 'stf-jo', reviewTerm: '2026-27:1', outcome: 'at-risk', summary: 'Behaviour management is not yet secure; a support plan is agreed.' });
      expect(cardText(recorded)).toContain('Lee Lead, the induction tutor, has been told.');
      expect((await h.store.progressReviews.get(TENANT, progressReviewId('stf-jo', '2026-27', 1)))?.value.outcome).toBe('at-risk');
      await tick('2026-12-07T08:01:00.000Z');
      expect(JSON.stringify(cardsTo(LEAD, 'At risk: Jo Patel').at(-1))).toContain('Behaviour management is not yet secure');
    });

    it('privacy: Morgan, her line manager, received none of it', async () => {
      const toMorgan = (await h.store.deliveries.find(TENANT, { where: { recipientId: 'stf-morgan' } })).map((d) => d.value.kind);
      expect(toMorgan.filter((k) => MENTORING_KINDS.includes(k))).toEqual([]);
      const seen = JSON.stringify(h.connector.sentTo(MORGAN.conversationId));
      for (const text of [FOCUS_1, FOCUS_2, 'Routines at the door', 'Seating plans first', 'Observe a Year 8 lesson', 'Progress review', 'At risk', 'Behaviour management']) expect(seen).not.toContain(text);
      // Jo's mentoring did reach the others: the assertion above is not vacuous.
      expect((await h.store.deliveries.find(TENANT, { where: { recipientId: 'stf-jo' } })).map((d) => d.value.kind)).toEqual(expect.arrayContaining(['mentoring-reminder', 'mentoring-record', 'mentoring-action-nudge']));
    });

    it("the induction tutor's fortnightly digest counts Jo's meetings and names the review's outcome, never its summary", async () => {
      await tick('2027-01-11T07:30:00.000Z'); // a Monday of an even ISO week, at the digest time
      const digest = cardText(cardsTo(LEAD, 'Your early-career teachers').at(-1));
      expect(digest).toContain('Jo Patel');
      expect(digest).toContain('Latest review: at risk (2026-27, term 1)');
      expect(digest).toMatch(/Meetings held 1 of \d+ so far/);
      expect(digest).not.toContain('Behaviour management');
      // Morgan's own digest, on the same Monday, gains nothing of it.
      expect(cardsTo(MORGAN, 'Your early-career teachers')).toEqual([]);
      const managerDigests = cardsTo(MORGAN, 'Your team’s CPD');
      expect(managerDigests.map((c) => cardText(c)).join('\n')).toContain('Jo Patel');
      for (const card of managerDigests) expect(JSON.stringify(card)).not.toMatch(/mentor|review|risk|Behaviour management|Meetings held/i);
    });
  });
});
