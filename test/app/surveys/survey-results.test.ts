import { runCommand } from '../../../src/app/commands';
import { submitQuestionnaire } from '../../../src/app/questionnaires/submit-questionnaire';
import { sendSurvey } from '../../../src/app/surveys/surveys';
import type { SurveyResultsView } from '../../../src/cards/views';
import { STAFF_AUDIT_TEMPLATE_ID, responseId, type Staff } from '../../../src/domain';
import { exportResponsesCsv } from '../../../src/exports/responses-csv';
import { loadSurveyResults } from '../../../src/app/surveys/load-survey-results';
import { buildSurveyResults } from '../../../src/app/surveys/survey-results';
import { smallSchool } from '../../support/app-world';
import { staff, tenant } from '../../support/fixtures';

const STATEMENTS = ['purpose_helps_pupils', 'performance_management', 'evidence_based', 'engage_in_research', 'connected_activities', 'rhythm_of_support', 'analyse_pupil_needs', 'critical_friend', 'coaching_mentoring', 'time_and_resources'];
const FORM = { templateId: STAFF_AUDIT_TEMPLATE_ID, audienceKind: 'trust', closesOn: '2026-12-04', anonymous: 'yes' };
const RESPONDERS = ['ada', 'ben', 'cy', 'di', 'ed'] as const;
/** Each person's answer to every statement, and their comment. */
const ANSWERS: Record<(typeof RESPONDERS)[number], [string, string]> = {
  ada: ['strongly-agree', 'We need more time to plan after twilights.'],
  ben: ['agree', 'More time to plan, please.'],
  cy: ['agree', 'Coaching helped me most.'],
  di: ['disagree', ''],
  ed: ['dont-know', 'Not sure what counts as research here.'],
};

/** A school of seven (lead, manager and five teachers), the staff audit sent to everyone. */
async function surveyed(anonymous: 'yes' | 'no') {
  const w = await smallSchool();
  const extra: Staff[] = ['cy', 'di', 'ed'].map((id) => staff('t1', id, { name: `Teacher ${id.toUpperCase()}` }));
  for (const s of extra) await w.store.staff.put(s);
  const people: Record<string, Staff> = { ...w.people, ...Object.fromEntries(extra.map((s) => [s.id, s])) };
  const sent = await sendSurvey(w.deps, w.actor('lead'), { ...FORM, anonymous });
  if (!sent.ok) throw new Error('not sent');
  const questionnaireId = sent.questionnaire.id;
  const answer = async (who: (typeof RESPONDERS)[number]) => {
    const [choice, comment] = ANSWERS[who];
    const raw = { ...Object.fromEntries(STATEMENTS.map((id) => [id, choice])), comments: comment };
    const result = await submitQuestionnaire(w.deps, { tenant: w.tenant, staff: people[who]! }, { questionnaireId, raw });
    if (!result.ok) throw new Error(`${who} could not answer`);
  };
  return { ...w, people, questionnaireId, answer };
}

async function results(w: Awaited<ReturnType<typeof surveyed>>): Promise<SurveyResultsView> {
  const loaded = await loadSurveyResults(w.deps, 't1', w.questionnaireId);
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.value;
}

describe('survey results', () => {
  it('counts each Likert choice per statement, the responses and the share who agree, with comment themes', async () => {
    const w = await surveyed('yes');
    for (const who of RESPONDERS) await w.answer(who);
    const view = await results(w);
    expect(view).toMatchObject({ kind: 'survey-results', title: 'Staff audit of CPD', audienceText: 'Everyone in the trust', anonymous: true, asked: 7, responses: 5, responseRate: 0.714 });
    expect(view.statusText).toBe('Open until Friday 4 December at 23:59');
    expect(view.withheld).toBeUndefined();
    expect(view.statements.map((s) => s.questionId)).toEqual(STATEMENTS);
    for (const s of view.statements) expect(s).toMatchObject({ count: 5, distribution: [1, 2, 1, 0, 1], agreeShare: 0.6 });
    expect(view.statements[0]).toMatchObject({ section: 'Improving pupil outcomes' });
    expect(view.statements[9]).toMatchObject({ section: 'Prioritised by school leadership' });
    expect(view.commentThemes[0]).toMatchObject({ theme: 'plan', count: 2 });
  });

  it('shows only the counts under the tenant minimum (named or anonymous), and the figures once it is reached', async () => {
    for (const anonymous of ['yes', 'no'] as const) {
      const w = await surveyed(anonymous);
      for (const who of RESPONDERS.slice(0, 4)) await w.answer(who);
      const view = await results(w);
      expect(view).toMatchObject({ responses: 4, asked: 7, statements: [], commentThemes: [], withheld: 'fewer than 5 responses' });
      expect(JSON.stringify(view)).not.toMatch(/time to plan|Coaching/);
      await w.answer('ed');
      expect((await results(w)).statements).toHaveLength(10);
    }
  });

  it('the minimum is the tenant’s setting', async () => {
    const w = await surveyed('no');
    for (const who of RESPONDERS.slice(0, 3)) await w.answer(who);
    const questionnaire = (await w.store.questionnaires.get('t1', w.questionnaireId))!.value;
    const answers = (await w.store.responses.find('t1', { where: { questionnaireId: w.questionnaireId } })).map((r) => r.value.answers);
    const strict = buildSurveyResults({ tenant: w.tenant, questionnaire, staff: Object.values(w.people), answers, now: w.clock.now() });
    const lenient = buildSurveyResults({ tenant: { ...w.tenant, settings: { ...w.tenant.settings, minAggregateCount: 3 } }, questionnaire, staff: Object.values(w.people), answers, now: w.clock.now() });
    expect(strict.withheld).toBe('fewer than 5 responses');
    expect(lenient.withheld).toBeUndefined();
    expect(lenient.statements[0]).toMatchObject({ count: 3, distribution: [1, 2, 0, 0, 0], agreeShare: 1 });
  });

  it('anonymous answers cannot be joined to a person: no person in the answer, no answer in the receipt, no person in the results', async () => {
    const w = await surveyed('yes');
    for (const who of RESPONDERS) await w.answer(who);
    const stored = await w.store.anonymousResponses.find('t1', { where: { questionnaireId: w.questionnaireId } });
    expect(stored).toHaveLength(5);
    const responderIds = RESPONDERS.map((id) => responseId(w.questionnaireId, id));
    for (const { value } of stored) {
      expect(Object.keys(value).sort()).toEqual(['answers', 'id', 'questionnaireId', 'submittedOn', 'tenantId']);
      expect(responderIds).not.toContain(value.id);
    }
    expect(await w.store.responses.count('t1')).toBe(0);
    const receipts = await w.store.receipts.find('t1', { where: { questionnaireId: w.questionnaireId } });
    expect(receipts.map((r) => Object.keys(r.value).sort())).toEqual(Array(5).fill(['id', 'questionnaireId', 'staffId', 'tenantId']));
    const shown = JSON.stringify(await runCommand(w.deps, w.actor('lead'), 'survey results audit'));
    expect(shown).toContain('We need more time to plan');
    for (const person of Object.values(w.people)) {
      expect(shown).not.toContain(person.name);
      expect(shown).not.toContain(person.email);
      expect(shown).not.toMatch(new RegExp(`"${person.id}"`));
    }
  });

  it('survey results finds the survey by words of its title (or the latest without any), and says so when there is none', async () => {
    const w = await surveyed('yes');
    expect(await runCommand(w.deps, w.actor('lead'), 'survey results staff AUDIT')).toMatchObject({ kind: 'survey-results', questionnaireId: w.questionnaireId });
    expect(await runCommand(w.deps, w.actor('lead'), 'results')).toMatchObject({ kind: 'survey-results', questionnaireId: w.questionnaireId });
    expect(await runCommand(w.deps, w.actor('lead'), 'survey results wellbeing')).toMatchObject({ kind: 'notice', notice: { text: 'I couldn\'t find a survey called "wellbeing".' } });
  });

  it('another tenant cannot load the results, even with the id', async () => {
    const w = await surveyed('yes');
    for (const who of RESPONDERS) await w.answer(who);
    await w.store.tenants.put(tenant('t2'));
    expect(await loadSurveyResults(w.deps, 't2', w.questionnaireId)).toEqual({ ok: false, message: 'There is no such survey.' });
    const otherLead = staff('t2', 'lead', { roles: ['cpd-lead'] });
    await w.store.staff.put(otherLead);
    expect(await runCommand(w.deps, { tenant: tenant('t2'), staff: otherLead }, 'survey results audit')).toMatchObject({ kind: 'notice' });
  });

  it('export responses writes anonymous survey answers in words, in the file with no person column', async () => {
    const w = await surveyed('yes');
    for (const who of RESPONDERS) await w.answer(who);
    const { named, anonymous } = await exportResponsesCsv(w.deps, 't1');
    expect(named.trim().split('\n')).toHaveLength(1);
    expect(anonymous).toContain('Staff audit of CPD');
    expect(anonymous).toContain('Strongly agree');
    expect(anonymous).not.toContain('strongly-agree');
    for (const person of Object.values(w.people)) expect(anonymous).not.toContain(person.email);
  });
});
