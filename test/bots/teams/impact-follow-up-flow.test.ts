import { SchoolCalendar, Staff, impactFollowUpId, participationId } from '../../../src/domain';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { FakeConnector } from '../../support/fake-connector';
import { startTestScheduler } from '../../support/test-scheduler';
import { session } from '../../support/fixtures';
import { adaptiveCardProblems } from '../../cards/adaptive/validate-adaptive-card';
import { JO, LEAD, TENANT, cardActionActivity, cardElements, cardText, installActivity, invokeCard, postActivity, seedSchool, startTeamsHarness, type TeamsHarness, type TeamsUser } from './teams-harness';

type Json = Record<string, unknown>;
const FOLLOW_UP = impactFollowUpId('ses-impact', 'stf-jo');
const SAM: TeamsUser = { userId: '29:sam', aadObjectId: 'aad-sam', name: 'Sam Lee', conversationId: 'a:personal-sam' };

describe('impact follow-up via fake connector (real botbuilder, real scheduler): the person, then their line manager', () => {
  let h: TeamsHarness;
  let scheduler: Scheduler;
  beforeAll(async () => {
    h = await startTeamsHarness();
    await seedSchool(h);
    // Lee is Jo's line manager; the session is marked for a follow-up six school weeks on; Christmas is a holiday.
    await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-lee', name: LEAD.name, email: 'lee.lead@school.example', roles: ['staff', 'line-manager'], teams: { aadObjectId: LEAD.aadObjectId } }));
    await h.store.staff.put(Staff.parse({ ...(await h.store.staff.get(TENANT, 'stf-jo'))!.value, lineManagerId: 'stf-lee' }));
    await h.store.staff.put(Staff.parse({ ...(await h.store.staff.get(TENANT, 'stf-sam'))!.value, teams: { aadObjectId: SAM.aadObjectId } }));
    await h.store.calendars.put(SchoolCalendar.parse({ tenantId: TENANT, id: 'calendar', holidays: [{ start: '2026-12-21', end: '2027-01-01', name: 'Christmas' }] }));
    await h.store.sessions.create(session(TENANT, 'ses-impact', { title: 'Questioning for all', impactFollowUp: { weeksAfter: 6 } }));
    await h.store.participations.create({ tenantId: TENANT, id: participationId('ses-impact', 'stf-jo'), sessionId: 'ses-impact', staffId: 'stf-jo', rsvp: 'yes', attended: true });
    scheduler = startTestScheduler(h, [h.bot.sender]);
  });
  afterAll(async () => {
    await scheduler.stop();
    await h.close();
  });

  const impactCards = (user: TeamsUser) => h.connector.sentTo(user.conversationId).map((a) => FakeConnector.card(a)).filter((c) => c && cardText(c).includes('Questioning for all')) as Json[];

  it('six school weeks after the session (Christmas skipped) Jo is asked; she answers; then Lee adds his view; nobody else can', async () => {
    await postActivity(h, installActivity(h, JO));
    await postActivity(h, installActivity(h, LEAD));
    await postActivity(h, installActivity(h, SAM));

    // Monday 11 January 2027: five school weeks and the holiday have passed, not six.
    h.clock.set('2027-01-11T10:00:00.000Z');
    await scheduler.runOnce();
    expect(await h.store.impactFollowUps.get(TENANT, FOLLOW_UP)).toBeUndefined();

    // Tuesday 12 January 2027.
    h.clock.set('2027-01-12T09:00:00.000Z');
    await scheduler.runOnce();
    const asked = impactCards(JO).at(-1)!;
    expect(cardText(asked)).toContain('What difference has it made?');
    expect(cardElements(asked).map((e) => e.id).filter(Boolean)).toEqual(['applied', 'how', 'pupilChange', 'evidence']);
    expect(impactCards(LEAD)).toEqual([]);

    // Sam is not Jo, nor her manager.
    const sam = invokeCard((await postActivity(h, cardActionActivity(h, SAM, 'impact.submit', { impactFollowUpId: FOLLOW_UP, applied: 'yes', how: 'x', pupilChange: 'y', evidence: 'pupil-voice' }))).body).value!;
    expect(JSON.stringify(sam)).toContain('not yours');

    const answer = { impactFollowUpId: FOLLOW_UP, applied: 'partly', how: 'Cold calling in Year 9 science.', pupilChange: 'More pupils answer.', evidence: '' };
    const refused = invokeCard((await postActivity(h, cardActionActivity(h, JO, 'impact.submit', answer))).body).value!;
    expect(JSON.stringify(refused)).toContain('Choose at least one kind of evidence.');
    expect((await h.store.impactFollowUps.get(TENANT, FOLLOW_UP))?.value.status).toBe('asked');

    const saved = invokeCard((await postActivity(h, cardActionActivity(h, JO, 'impact.submit', { ...answer, evidence: 'pupil-voice,lesson-feedback' }))).body).value!;
    expect(JSON.stringify(saved)).toContain('Your line manager will be asked');
    expect((await h.store.impactFollowUps.get(TENANT, FOLLOW_UP))?.value.person).toMatchObject({ applied: 'partly', evidence: ['pupil-voice', 'lesson-feedback'] });

    // The next tick asks Lee, with Jo's answer on the card.
    h.clock.set('2027-01-12T09:05:00.000Z');
    await scheduler.runOnce();
    const managerCard = impactCards(LEAD).at(-1)!;
    expect(cardText(managerCard)).toContain('Impact of CPD: Jo Patel');
    expect(JSON.stringify(managerCard)).toContain('Cold calling in Year 9 science.');
    expect(JSON.stringify(managerCard)).toContain('Pupil voice, Lesson feedback');

    const view = invokeCard((await postActivity(h, cardActionActivity(h, LEAD, 'impact.submit', { impactFollowUpId: FOLLOW_UP, view: 'I saw it in a learning walk: hands down, everyone thinking.' }))).body).value!;
    expect(JSON.stringify(view)).toContain('Your view is saved');
    expect((await h.store.impactFollowUps.get(TENANT, FOLLOW_UP))?.value).toMatchObject({ status: 'reviewed', manager: { managerId: 'stf-lee' } });
    // Pressed again: nothing overwritten.
    const again = invokeCard((await postActivity(h, cardActionActivity(h, LEAD, 'impact.submit', { impactFollowUpId: FOLLOW_UP, view: 'Changed my mind.' }))).body).value!;
    expect(JSON.stringify(again)).toContain('Already saved');
    expect((await h.store.impactFollowUps.get(TENANT, FOLLOW_UP))?.value.manager?.view).toMatch(/^I saw it/);

    for (const c of [asked, sam, refused, saved, managerCard, view]) expect(adaptiveCardProblems(c)).toEqual([]);
  });
});

