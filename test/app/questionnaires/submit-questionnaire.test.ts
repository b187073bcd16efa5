import { submitQuestionnaire } from '../../../src/app/questionnaires/submit-questionnaire';
import { participationId, receiptId } from '../../../src/domain';
import { reactionQuestionnaire, smallSchool } from '../../support/app-world';

async function attendedSchool(anonymous = false) {
  const w = await smallSchool('2026-11-24T18:00:00.000Z');
  await w.store.questionnaires.put(reactionQuestionnaire({ anonymous }));
  for (const who of ['ada', 'ben']) {
    await w.store.participations.put({ tenantId: 't1', id: participationId('ses-1', who), sessionId: 'ses-1', staffId: who, rsvp: 'yes', attended: true });
  }
  return w;
}

const good = { quality: '4', impact: '5', further_cpd: 'yes', further_cpd_topic: 'Questioning', comments: 'Useful.' };

describe('submitting a reaction questionnaire (embedded store)', () => {
  test('a good answer is stored once even when the submission arrives twice', async () => {
    const w = await attendedSchool();
    const first = await submitQuestionnaire(w.deps, w.actor('ada'), { questionnaireId: 'q-ses-1', raw: good });
    expect(first.ok).toBe(true);
    expect(first.view.kind).toBe('thank-you');
    const second = await submitQuestionnaire(w.deps, w.actor('ada'), { questionnaireId: 'q-ses-1', raw: { ...good, quality: '1' } });
    expect(second.ok).toBe(true);
    const responses = await w.store.responses.find('t1');
    expect(responses).toHaveLength(1);
    expect(responses[0]?.value.answers).toEqual({ quality: 4, impact: 5, further_cpd: true, further_cpd_topic: 'Questioning', comments: 'Useful.' });
    expect(await w.store.receipts.count('t1')).toBe(1);
  });

  test('two copies racing store one answer', async () => {
    const w = await attendedSchool();
    await Promise.all([
      submitQuestionnaire(w.deps, w.actor('ada'), { questionnaireId: 'q-ses-1', raw: good }),
      submitQuestionnaire(w.deps, w.actor('ada'), { questionnaireId: 'q-ses-1', raw: good }),
    ]);
    expect(await w.store.responses.count('t1')).toBe(1);
  });

  test.each([
    ['a rating of 9', { ...good, quality: '9' }, 'quality', /1 to 5/],
    ['a 10 kB comment', { ...good, comments: 'x'.repeat(10_000) }, 'comments', /2000 characters/],
    ['a missing required answer', { ...good, impact: '' }, 'impact', /answer this/],
  ])('%s comes back on the card with the error and the input kept, and nothing is written', async (_name, raw, field, message) => {
    const w = await attendedSchool();
    const result = await submitQuestionnaire(w.deps, w.actor('ada'), { questionnaireId: 'q-ses-1', raw });
    expect(result.ok).toBe(false);
    if (result.view.kind !== 'questionnaire') throw new Error('expected the questionnaire back');
    expect(result.view.errors?.[field]).toMatch(message);
    expect(result.view.values?.further_cpd_topic).toBe('Questioning');
    expect(result.view.state).toBe('open');
    expect(await w.store.responses.count('t1')).toBe(0);
    expect(await w.store.receipts.count('t1')).toBe(0);
  });

  test('unknown, closed, or not-sent-to-you questionnaires are refused clearly and write nothing', async () => {
    const w = await attendedSchool();
    const unknown = await submitQuestionnaire(w.deps, w.actor('ada'), { questionnaireId: 'q-nope', raw: good });
    expect(unknown.view.kind === 'notice' && unknown.view.notice.text).toMatch(/can't find/);
    const stranger = await submitQuestionnaire(w.deps, w.actor('manager'), { questionnaireId: 'q-ses-1', raw: good });
    expect(stranger.view.kind === 'notice' && stranger.view.notice.text).toMatch(/not sent to you/);
    w.clock.set('2026-12-02T09:00:00.000Z');
    const closed = await submitQuestionnaire(w.deps, w.actor('ada'), { questionnaireId: 'q-ses-1', raw: good });
    expect(closed.ok).toBe(false);
    expect(closed.view.kind === 'questionnaire' && closed.view.state).toBe('closed');
    expect(closed.view.kind === 'questionnaire' && closed.view.notice?.text).toMatch(/closed/);
    expect(await w.store.responses.count('t1')).toBe(0);
  });

  test('an anonymous answer holds no person and no time; only a bare receipt says that someone answered', async () => {
    const w = await attendedSchool(true);
    const result = await submitQuestionnaire(w.deps, w.actor('ada'), { questionnaireId: 'q-ses-1', raw: good });
    expect(result.ok).toBe(true);
    expect(result.view.kind === 'thank-you' && result.view.summary).toBeUndefined();
    const [answer] = await w.store.anonymousResponses.find('t1');
    expect(Object.keys(answer!.value).sort()).toEqual(['answers', 'id', 'questionnaireId', 'sessionId', 'submittedOn', 'tenantId']);
    expect(JSON.stringify(answer!.value)).not.toContain('ada');
    expect(answer!.value.id).not.toContain(receiptId('q-ses-1', 'ada'));
    expect(await w.store.responses.count('t1')).toBe(0);
    const receipt = await w.store.receipts.get('t1', receiptId('q-ses-1', 'ada'));
    expect(Object.keys(receipt!.value).sort()).toEqual(['id', 'questionnaireId', 'staffId', 'tenantId']);
    // A second submission is recognised by the receipt and adds no second answer.
    await submitQuestionnaire(w.deps, w.actor('ada'), { questionnaireId: 'q-ses-1', raw: good });
    expect(await w.store.anonymousResponses.count('t1')).toBe(1);
  });

  test('when the receipt cannot be written the answer is taken back, so nothing is half-written', async () => {
    const w = await attendedSchool();
    const failing = { ...w.store, receipts: { ...w.store.receipts, create: async () => Promise.reject(new Error('store down')) } };
    await expect(submitQuestionnaire({ ...w.deps, store: failing }, w.actor('ada'), { questionnaireId: 'q-ses-1', raw: good })).rejects.toThrow('store down');
    expect(await w.store.responses.count('t1')).toBe(0);
    expect(await w.store.receipts.count('t1')).toBe(0);
  });
});
