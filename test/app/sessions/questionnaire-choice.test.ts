import { createSession, editSession } from '../../../src/app/sessions/session-admin';
import { buildSessionFormView } from '../../../src/app/sessions/session-form-view';
import { sessionFormCard } from '../../../src/cards/adaptive/session-form';
import { DEFAULT_REACTION_TEMPLATE_ID, LEARNING_ACTIONS_TEMPLATE_ID } from '../../../src/domain';
import { smallSchool } from '../../support/app-world';

const form = {
  title: 'Adaptive teaching',
  category: 'TL',
  kind: 'twilight',
  date: '2026-12-02',
  start: '15:45',
  end: '17:00',
  place: 'Library',
  audienceKind: 'trust',
  compulsory: 'false',
};

describe('the reaction questionnaire chosen in the session form (embedded store)', () => {
  test('the form offers the tenant\'s reaction templates (default first); the choice is stored, checked, and kept by an edit without it', async () => {
    const w = await smallSchool();
    const view = await buildSessionFormView(w.deps, w.actor('lead'));
    expect(view.questionnaireTemplates?.map((t) => t.id)).toEqual([DEFAULT_REACTION_TEMPLATE_ID, LEARNING_ACTIONS_TEMPLATE_ID]);
    const card = JSON.stringify(sessionFormCard(view).body);
    expect(card).toContain('"id":"questionnaireTemplateId"');
    expect(card).toContain('Learning and actions');

    const refused = await createSession(w.deps, w.actor('lead'), { ...form, questionnaireTemplateId: 'tpl-nope' }, { publish: true });
    expect(refused).toEqual({ ok: false, message: 'Please check the fields marked.', errors: { questionnaireTemplateId: 'Choose one of the questionnaires offered.' } });
    const created = await createSession(w.deps, w.actor('lead'), { ...form, questionnaireTemplateId: LEARNING_ACTIONS_TEMPLATE_ID }, { publish: true });
    if (!created.ok) throw new Error(created.message);
    expect(created.session.questionnaireTemplateId).toBe(LEARNING_ACTIONS_TEMPLATE_ID);

    const edited = await editSession(w.deps, w.actor('lead'), created.session.id, { ...form, place: 'Hall' });
    expect(edited.ok && edited.session.questionnaireTemplateId).toBe(LEARNING_ACTIONS_TEMPLATE_ID);
    const editForm = await buildSessionFormView(w.deps, w.actor('lead'), { editing: (await w.store.sessions.get('t1', created.session.id))!.value });
    expect(editForm.values?.questionnaireTemplateId).toBe(LEARNING_ACTIONS_TEMPLATE_ID);
  });
});
