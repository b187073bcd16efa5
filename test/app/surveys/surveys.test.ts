import { handleCardAction } from '../../../src/app/card-actions';
import { runCommand } from '../../../src/app/commands';
import { submitQuestionnaire } from '../../../src/app/questionnaires/submit-questionnaire';
import { sendSurvey } from '../../../src/app/surveys/surveys';
import { STAFF_AUDIT_TEMPLATE_ID, surveyQuestionnaireId, type Staff } from '../../../src/domain';
import { smallSchool } from '../../support/app-world';
import { staff, tenant } from '../../support/fixtures';

// Monday 23 November 2026, 10:00 GMT.
const FORM = { templateId: STAFF_AUDIT_TEMPLATE_ID, audienceKind: 'department', audienceValue: 'Maths', closesOn: '2026-12-04', anonymous: 'yes' };
const AGREE_ALL = Object.fromEntries(
  ['purpose_helps_pupils', 'performance_management', 'evidence_based', 'engage_in_research', 'connected_activities', 'rhythm_of_support', 'analyse_pupil_needs', 'critical_friend', 'coaching_mentoring', 'time_and_resources'].map((id) => [id, 'agree']),
);

describe('sendSurvey (embedded store)', () => {
  it('a lead sends the staff audit to a department: one questionnaire with the seed statements, the audience and the closing day', async () => {
    const w = await smallSchool();
    const result = await sendSurvey(w.deps, w.actor('lead'), FORM);
    expect(result).toMatchObject({ ok: true, created: true, asked: 1 });
    if (!result.ok) throw new Error('not sent');
    const q = result.questionnaire;
    expect(q).toMatchObject({
      purpose: 'survey',
      title: 'Staff audit of CPD',
      templateId: STAFF_AUDIT_TEMPLATE_ID,
      anonymous: true,
      audience: { kind: 'department', department: 'Maths' },
      opensAt: '2026-11-23T10:00:00.000Z',
      // The end of Friday 4 December in London (GMT in December).
      closesAt: '2026-12-04T23:59:59.999Z',
    });
    expect(q.questions.filter((x) => x.kind === 'likert')).toHaveLength(10);
    expect(q.questions[0]).toMatchObject({ section: 'Improving pupil outcomes', prompt: expect.stringMatching(/^I believe that the main purpose of CPD is to help me help pupils\./) });
    expect(q.questions.at(-1)).toMatchObject({ id: 'comments', kind: 'text', required: false });
    expect((await w.store.questionnaires.get('t1', q.id))?.value.id).toBe(q.id);
  });

  it('sending the same survey again (another casing, a retried press) writes nothing new', async () => {
    const w = await smallSchool();
    const first = await sendSurvey(w.deps, w.actor('lead'), FORM);
    w.clock.set('2026-11-23T10:05:00.000Z');
    const again = await sendSurvey(w.deps, w.actor('lead'), { ...FORM, audienceValue: 'maths', anonymous: 'no' });
    expect(again).toMatchObject({ ok: true, created: false });
    if (!first.ok || !again.ok) throw new Error('not sent');
    expect(again.questionnaire).toEqual(first.questionnaire);
    expect(await w.store.questionnaires.count('t1')).toBe(1);
    const card = await handleCardAction(w.deps, w.actor('lead'), { verb: 'survey.send' }, FORM);
    expect(card.view).toMatchObject({ kind: 'notice', title: 'Survey already sent' });
    expect(await w.store.questionnaires.count('t1')).toBe(1);
  });

  it('a member of staff who is not a lead is refused, by the command, the button and the use case, and nothing is written', async () => {
    const w = await smallSchool();
    expect(await runCommand(w.deps, w.actor('ada'), 'new survey')).toMatchObject({ kind: 'notice', notice: { text: expect.stringMatching(/Only CPD leads can do that/) } });
    expect(await runCommand(w.deps, w.actor('ada'), 'survey results')).toMatchObject({ kind: 'notice', notice: { text: expect.stringMatching(/Only CPD leads/) } });
    const pressed = await handleCardAction(w.deps, w.actor('ada'), { verb: 'survey.send' }, FORM);
    expect(pressed).toMatchObject({ ok: false, view: { kind: 'notice', notice: { text: expect.stringMatching(/Only CPD leads/) } } });
    expect(await sendSurvey(w.deps, w.actor('manager'), FORM)).toMatchObject({ ok: false });
    expect(await w.store.questionnaires.count('t1')).toBe(0);
  });

  it.each([
    ['no closing date', { closesOn: '' }, 'closesOn', /Choose the day the survey closes/],
    ['a closing date today', { closesOn: '2026-11-23' }, 'closesOn', /after today/],
    ['a closing date a year away', { closesOn: '2027-11-23' }, 'closesOn', /within 90 days/],
    ['a department nobody is in', { audienceValue: 'Geography' }, 'audienceValue', /Nobody/],
    ['a department not named', { audienceValue: '' }, 'audienceValue', /Say which/],
    ['an unknown school', { audienceKind: 'school', audienceValue: 'Hogwarts' }, 'audienceValue', /no school "Hogwarts"/],
    ['unknown people', { audienceKind: 'staff', audienceValue: 'ada, nobody@school.example' }, 'audienceValue', /don't know nobody@school.example/],
    ['an unknown template', { templateId: 'tpl-reaction-default' }, 'templateId', /Choose one of the surveys/],
    ['an unreadable anonymity', { anonymous: 'perhaps' }, 'anonymous', /yes or no/],
    ['an unknown audience kind', { audienceKind: 'galaxy' }, 'audienceKind', /Choose who is asked/],
  ])('refuses %s with a message beside the field and writes nothing', async (_name, change, field, message) => {
    const w = await smallSchool();
    const result = await sendSurvey(w.deps, w.actor('lead'), { ...FORM, ...change });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors?.[field]).toMatch(message);
    expect(await w.store.questionnaires.count('t1')).toBe(0);
    expect(await w.store.deliveries.count('t1')).toBe(0);
  });

  it('a refused form comes back as the form, with the lead’s input kept and each reason beside its field', async () => {
    const w = await smallSchool();
    const pressed = await handleCardAction(w.deps, w.actor('lead'), { verb: 'survey.send' }, { ...FORM, audienceValue: 'Geography', closesOn: '2026-11-01' });
    expect(pressed.ok).toBe(false);
    expect(pressed.view).toMatchObject({
      kind: 'survey-form',
      values: { audienceKind: 'department', audienceValue: 'Geography', closesOn: '2026-11-01' },
      errors: { audienceValue: expect.stringMatching(/Nobody/), closesOn: expect.stringMatching(/after today/) },
      notice: { tone: 'attention' },
    });
  });

  it('every field is checked at once: an unreadable closing day does not hide an unknown survey or person', async () => {
    const w = await smallSchool();
    const pressed = await handleCardAction(w.deps, w.actor('lead'), { verb: 'survey.send' }, { ...FORM, templateId: 'no-such-survey', audienceKind: 'staff', audienceValue: 'nobody@school.example', closesOn: 'next week' });
    expect(pressed.ok).toBe(false);
    expect(pressed.view).toMatchObject({
      kind: 'survey-form',
      errors: { templateId: 'Choose one of the surveys offered.', audienceValue: expect.stringContaining('nobody@school.example'), closesOn: 'Choose the day the survey closes.' },
    });
  });

  it('names a school by name and people by e-mail, and counts only active staff', async () => {
    const w = await smallSchool();
    await w.store.staff.put(staff('t1', 'cy', { schoolId: 'sch-1' }));
    await w.store.staff.put(staff('t1', 'gone', { schoolId: 'sch-1', active: false }));
    const school = await sendSurvey(w.deps, w.actor('lead'), { ...FORM, audienceKind: 'school', audienceValue: 'huntingdon academy' });
    expect(school).toMatchObject({ ok: true, asked: 1, questionnaire: { audience: { kind: 'school', schoolId: 'sch-1' } } });
    const named = await sendSurvey(w.deps, w.actor('lead'), { ...FORM, audienceKind: 'staff', audienceValue: 'ada@school.example; ben' });
    expect(named).toMatchObject({ ok: true, asked: 2, questionnaire: { audience: { kind: 'staff', staffIds: ['ada', 'ben'] } } });
  });

  it('new survey gives a lead the form, and help lists the survey commands for leads only', async () => {
    const w = await smallSchool();
    expect(await runCommand(w.deps, w.actor('lead'), 'New  Survey')).toMatchObject({
      kind: 'survey-form',
      templates: [{ id: STAFF_AUDIT_TEMPLATE_ID, name: 'Staff audit of CPD', questionCount: 11 }],
      closesOn: '2026-12-07',
      earliestClosesOn: '2026-11-24',
      latestClosesOn: '2027-02-21',
    });
    const leadHelp = await runCommand(w.deps, w.actor('lead'), 'help');
    const staffHelp = await runCommand(w.deps, w.actor('ada'), 'help');
    expect(leadHelp.kind === 'help' && leadHelp.commands.map((c) => c.command)).toEqual(expect.arrayContaining(['new survey', 'survey results <title>']));
    expect(staffHelp.kind === 'help' && staffHelp.commands.map((c) => c.command).join()).not.toMatch(/survey/);
  });

  it('the audience may answer; someone outside it may not', async () => {
    const w = await smallSchool();
    const sent = await sendSurvey(w.deps, w.actor('lead'), FORM);
    if (!sent.ok) throw new Error('not sent');
    const questionnaireId = sent.questionnaire.id;
    expect(await submitQuestionnaire(w.deps, w.actor('ben'), { questionnaireId, raw: AGREE_ALL })).toMatchObject({ ok: false, view: { notice: { text: expect.stringMatching(/not sent to you/) } } });
    expect(await submitQuestionnaire(w.deps, w.actor('ada'), { questionnaireId, raw: AGREE_ALL })).toMatchObject({ ok: true, view: { kind: 'thank-you' } });
    expect(await w.store.anonymousResponses.count('t1', { questionnaireId })).toBe(1);
  });

  it('tenants never see each other’s surveys: same form, separate documents; one lead cannot find or read the other’s', async () => {
    const w = await smallSchool();
    const t2 = tenant('t2');
    await w.store.tenants.put(t2);
    const otherLead: Staff = staff('t2', 'lead', { roles: ['staff', 'cpd-lead'] });
    const otherMaths: Staff = staff('t2', 'zed', { department: 'Maths' });
    await w.store.staff.put(otherLead);
    await w.store.staff.put(otherMaths);
    const other = { tenant: t2, staff: otherLead };

    const mine = await sendSurvey(w.deps, w.actor('lead'), FORM);
    if (!mine.ok) throw new Error('not sent');
    expect(await w.store.questionnaires.count('t2')).toBe(0);
    expect(await runCommand(w.deps, other, 'survey results')).toMatchObject({ kind: 'notice', notice: { text: expect.stringMatching(/No surveys/) } });
    // t1's people cannot be named in t2's audience.
    expect(await sendSurvey(w.deps, other, { ...FORM, audienceKind: 'staff', audienceValue: 'ada' })).toMatchObject({ ok: false, errors: { audienceValue: expect.stringMatching(/don't know ada/) } });

    const theirs = await sendSurvey(w.deps, other, FORM);
    expect(theirs).toMatchObject({ ok: true, created: true, asked: 1 });
    expect(surveyQuestionnaireId(STAFF_AUDIT_TEMPLATE_ID, { kind: 'department', department: 'Maths' }, '2026-12-04')).toBe(mine.questionnaire.id);
    expect((await w.store.questionnaires.get('t1', mine.questionnaire.id))?.value.tenantId).toBe('t1');
    expect((await w.store.questionnaires.get('t2', mine.questionnaire.id))?.value.tenantId).toBe('t2');
    // The same id answered in t2 lands in t2's survey: t1's stays untouched.
    const wrongTenant = { tenant: t2, staff: otherMaths };
    await submitQuestionnaire(w.deps, wrongTenant, { questionnaireId: mine.questionnaire.id, raw: AGREE_ALL });
    expect(await w.store.anonymousResponses.count('t1')).toBe(0);
    expect(await w.store.receipts.count('t1')).toBe(0);
  });
});
