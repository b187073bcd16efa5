import { Staff, gapTaskId, participationId } from '../../../src/domain';
import { gapTask } from '../../support/fixtures';
import { adaptiveCardProblems } from '../../cards/adaptive/validate-adaptive-card';
import { JO, LEAD, TENANT, cardActionActivity, cardElements, cardText, installActivity, invokeCard, lastCardTo, messageActivity, postActivity, seedSchool, startTeamsHarness, type TeamsHarness } from './teams-harness';

const REPORT = { whatDone: 'Quizzes', impactSoFar: 'Recall up in 8X.', sustain: 'Weekly', successes: 'Engagement', barriers: 'Time', shareWithManager: true, submittedAt: '2026-12-07T16:00:00.000Z' };

describe("gap-task part 4 via fake connector (real botbuilder): a senior leader records the longer-term impact", () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
    await seedSchool(h);
    await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-lee', name: LEAD.name, email: 'lee.lead@school.example', roles: ['staff', 'senior-leader'], teams: { aadObjectId: LEAD.aadObjectId } }));
    await h.store.gapTasks.create(gapTask(TENANT, 'ses-1', 'stf-jo', { status: 'reported', report: REPORT }));
    await h.store.gapTasks.create(gapTask(TENANT, 'ses-1', 'stf-sam', { status: 'planned' }));
    await h.store.participations.create({ tenantId: TENANT, id: participationId('ses-1', 'stf-jo'), sessionId: 'ses-1', staffId: 'stf-jo', rsvp: 'yes', attended: true });
    h.clock.set('2027-03-01T10:00:00.000Z');
  });
  afterAll(() => h.close());

  it('"impact <session>" gives a senior leader the reported tasks; a missing text is marked; saved under ETag; staff may not write on others\' tasks', async () => {
    await postActivity(h, installActivity(h, JO));
    await postActivity(h, installActivity(h, LEAD));
    const refused = invokeCard((await postActivity(h, cardActionActivity(h, JO, 'impact.long.submit', { sessionId: 'ses-1', reportedTaskId: gapTaskId('ses-1', 'stf-sam'), impact: 'x' }))).body).value!;
    expect(JSON.stringify(refused)).toContain('Only senior leaders');

    await postActivity(h, messageActivity(h, LEAD, 'impact retrieval'));
    const form = lastCardTo(h, LEAD)!;
    expect(cardText(form)).toContain('Jo Patel');
    expect(cardText(form)).not.toContain('Sam Lee'); // not reported yet
    expect(cardElements(form).map((e) => e.id).filter(Boolean)).toEqual(['reportedTaskId', 'impact']);

    // Opened again from the lead's report button: the same form.
    const fromReport = invokeCard((await postActivity(h, cardActionActivity(h, LEAD, 'impact.long.open', { sessionId: 'ses-1' }))).body).value!;
    expect(JSON.stringify(fromReport)).toContain('Recall up in 8X.');

    const missing = invokeCard((await postActivity(h, cardActionActivity(h, LEAD, 'impact.long.submit', { sessionId: 'ses-1', reportedTaskId: gapTaskId('ses-1', 'stf-jo'), impact: ' ' }))).body).value!;
    expect(JSON.stringify(missing)).toContain('Please fill this in.');
    const notReported = invokeCard((await postActivity(h, cardActionActivity(h, LEAD, 'impact.long.submit', { sessionId: 'ses-1', reportedTaskId: gapTaskId('ses-1', 'stf-sam'), impact: 'x' }))).body).value!;
    expect(JSON.stringify(notReported)).toContain('Choose someone who has reported');
    expect((await h.store.gapTasks.get(TENANT, gapTaskId('ses-1', 'stf-jo')))?.value.longTermImpact).toBeUndefined();

    const saved = invokeCard((await postActivity(h, cardActionActivity(h, LEAD, 'impact.long.submit', { sessionId: 'ses-1', reportedTaskId: gapTaskId('ses-1', 'stf-jo'), impact: 'Retrieval is now department practice.' }))).body).value!;
    expect(cardText(saved)).toContain('Longer term (Lee Lead): Retrieval is now department practice.');
    // The prompt names seed 001's evidence for part 4.
    expect(cardText(form) + JSON.stringify(form)).toContain('data, pupil discussion outcomes, work scrutiny outcomes, staff surveys');
    expect((await h.store.gapTasks.get(TENANT, gapTaskId('ses-1', 'stf-jo')))?.value.longTermImpact).toMatchObject({ recordedBy: 'stf-lee', impact: 'Retrieval is now department practice.' });
    for (const c of [form, fromReport, missing, saved]) expect(adaptiveCardProblems(c)).toEqual([]);
  });

  it("Jo adds her own part 4 to her reported gap task; the senior leader's stays, and each says who wrote it; both show in her record", async () => {
    await postActivity(h, messageActivity(h, JO, 'impact retrieval'));
    const own = lastCardTo(h, JO)!;
    expect(cardText(own)).toContain('Gap-task part 4 in your own words');
    expect(cardText(own)).toContain('Longer term (Lee Lead): Retrieval is now department practice.');
    expect(cardElements(own).find((e) => e.id === 'reportedTaskId')).toMatchObject({ value: gapTaskId('ses-1', 'stf-jo'), choices: [{ title: 'Jo Patel', value: gapTaskId('ses-1', 'stf-jo') }] });
    expect(adaptiveCardProblems(own)).toEqual([]);
    const missing = invokeCard((await postActivity(h, cardActionActivity(h, JO, 'impact.long.submit', { sessionId: 'ses-1', reportedTaskId: gapTaskId('ses-1', 'stf-jo'), impact: '' }))).body).value!;
    expect(JSON.stringify(missing)).toContain('Please fill this in.');
    const saved = invokeCard((await postActivity(h, cardActionActivity(h, JO, 'impact.long.submit', { sessionId: 'ses-1', reportedTaskId: gapTaskId('ses-1', 'stf-jo'), impact: 'Work scrutiny shows retrieval starters in every Year 8 book.' }))).body).value!;
    expect(cardText(saved)).toContain('Longer term (you): Work scrutiny shows retrieval starters in every Year 8 book.');
    expect(cardText(saved)).toContain('Longer term (Lee Lead): Retrieval is now department practice.');
    const task = (await h.store.gapTasks.get(TENANT, gapTaskId('ses-1', 'stf-jo')))!.value;
    expect(task.ownLongTermImpact).toMatchObject({ recordedBy: 'stf-jo', impact: 'Work scrutiny shows retrieval starters in every Year 8 book.' });
    expect(task.longTermImpact).toMatchObject({ recordedBy: 'stf-lee', impact: 'Retrieval is now department practice.' });
    // The senior leader's list shows her own view beside theirs.
    await postActivity(h, messageActivity(h, LEAD, 'impact retrieval'));
    expect(cardText(lastCardTo(h, LEAD))).toContain('Longer term (Jo Patel, their own view): Work scrutiny shows retrieval starters');
    await postActivity(h, messageActivity(h, JO, 'my cpd'));
    const record = cardText(lastCardTo(h, JO));
    expect(record).toContain('Longer term (senior leader): Retrieval is now department practice.');
    expect(record).toContain('Longer term (your own view): Work scrutiny shows retrieval starters');
  });
});
