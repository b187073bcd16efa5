import { renderAppHome, renderBlockKitMessage, renderBlockKitModal, renderCreateSessionModal, renderSurveyFormModal, isModalView, toSlackErrors } from '../../../src/cards/blockkit';
import { CARD_SAMPLES, CARD_STATE_SAMPLES } from '../../../src/dev/samples';
import type { CardView, MyRecordView, SessionListView } from '../../../src/cards/views';
import type { CardAction } from '../../../src/cards/actions';
import { CARD_VERBS } from '../../../src/cards/actions';
import { slackLimitBreaches } from './slack-limits';

const ALL: [string, CardView][] = [...Object.entries(CARD_SAMPLES), ...Object.entries(CARD_STATE_SAMPLES)];
const META = JSON.stringify({ channel: 'D0123', ts: '1700000000.000100', id: 'x'.repeat(200) });

function buttonsOf(blocks: { type: string }[]): { action_id: string; value?: string; url?: string }[] {
  return blocks.flatMap((b) => {
    const block = b as { type: string; elements?: { action_id: string }[]; accessory?: { action_id: string } };
    if (block.type === 'actions') return block.elements ?? [];
    if (block.type === 'section' && block.accessory) return [block.accessory];
    return [];
  });
}

describe('Block Kit message renderer', () => {
  test.each(ALL)('%s fits Slack message limits', (_name, view) => {
    const message = renderBlockKitMessage(view);
    expect(slackLimitBreaches(message, 'message')).toEqual([]);
    expect(message.text.length).toBeGreaterThan(0);
  });

  test.each(ALL)('%s buttons carry a CardVerb action_id and the CardAction JSON', (_name, view) => {
    for (const b of buttonsOf(renderBlockKitMessage(view).blocks)) {
      if (b.url) continue;
      const action = JSON.parse(b.value ?? '') as CardAction;
      expect(CARD_VERBS).toContain(action.verb);
      expect(b.action_id.split(':')[0]).toBe(action.verb);
      expect(Object.keys(action)).not.toContain('tenantId');
    }
  });

  test.each(ALL)('%s snapshot', (_name, view) => {
    expect(renderBlockKitMessage(view)).toMatchSnapshot();
  });

  test('a long session list stays within 50 blocks and says how many more', () => {
    const one = (CARD_SAMPLES['session-list'] as SessionListView).sessions[0]!;
    const sessions = Array.from({ length: 40 }, (_, i) => ({ ...one, sessionId: `ses-${i}`, title: `Session ${i} ${'x'.repeat(400)}` }));
    const message = renderBlockKitMessage({ kind: 'session-list', sessions, emptyText: '' });
    expect(message.blocks).toHaveLength(50);
    expect(slackLimitBreaches(message, 'message')).toEqual([]);
    expect(JSON.stringify(message.blocks.at(-1))).toContain('more blocks not shown');
  });

  test('huge texts are clipped to the section and header limits', () => {
    const message = renderBlockKitMessage({ kind: 'thank-you', title: 'T'.repeat(500), text: 'w'.repeat(5000), summary: [{ label: 'l'.repeat(100), value: 'v'.repeat(3000) }] });
    expect(slackLimitBreaches(message, 'message')).toEqual([]);
  });

  test('the plain-text fallback (notifications, screen readers) is escaped too: no mention or link smuggled in', () => {
    const message = renderBlockKitMessage({ kind: 'notice', notice: { tone: 'info', text: '<!channel> & <http://evil|click>' } });
    expect(message.text).toBe('&lt;!channel&gt; &amp; &lt;http://evil|click&gt;');
  });

  test.each(ALL)('%s carries a plain-text fallback with no markup', (_name, view) => {
    const { text } = renderBlockKitMessage(view);
    expect(text.trim()).not.toBe('');
    expect(text).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
  });

  test('mrkdwn control characters in user text are escaped', () => {
    const message = renderBlockKitMessage({ kind: 'notice', notice: { tone: 'info', text: '<!channel> & <http://evil|click>' } });
    expect(JSON.stringify(message.blocks)).not.toContain('<!channel>');
    expect(JSON.stringify(message.blocks)).toContain('&lt;!channel&gt; &amp;');
  });
});

describe('Block Kit modal renderer', () => {
  const modalViews = ALL.filter(([, v]) => isModalView(v));

  test('there is a modal sample for every form: questionnaire, both gap-task forms, new session, new survey, the register, the CPD request forms, log cpd, the impact forms, the year ahead, settings, the mentoring meeting forms, the progress review, and reporting statutory training and rejecting it', () => {
    expect(new Set(modalViews.map(([, v]) => v.kind))).toEqual(
      new Set(['questionnaire', 'gap-plan', 'gap-report', 'session-form', 'survey-form', 'register', 'cpd-request-form', 'cpd-request-reply', 'cpd-log-form', 'impact-follow-up', 'long-term-impact', 'needs-form', 'settings-form', 'mentoring-meeting', 'progress-review', 'statutory-report-form', 'statutory-reject-form']),
    );
  });

  test.each(modalViews)('%s fits Slack modal limits and snapshot', (_name, view) => {
    if (!isModalView(view)) throw new Error('not a modal view');
    const modal = renderBlockKitModal(view, META);
    expect(slackLimitBreaches(modal, 'modal')).toEqual([]);
    expect(modal).toMatchSnapshot();
  });

  test('ratings are radio buttons 1..5, free text is a multiline input with max_length, callback_id is the submit verb', () => {
    const view = CARD_SAMPLES.questionnaire;
    const modal = renderBlockKitModal(view, META);
    expect(modal.callback_id).toBe('questionnaire.submit');
    const quality = modal.blocks.find((b) => b.block_id === 'field:quality');
    expect(quality).toMatchObject({ type: 'input', element: { type: 'radio_buttons', action_id: 'answer' } });
    const options = quality?.type === 'input' && 'options' in quality.element ? (quality.element.options ?? []).map((o) => o.value) : [];
    expect(options).toEqual(['1', '2', '3', '4', '5']);
    expect(modal.blocks.find((b) => b.block_id === 'field:comments')).toMatchObject({
      element: { type: 'plain_text_input', multiline: true, max_length: 2000 },
      optional: true,
    });
  });

  test('kept values come back as initial values', () => {
    const view = CARD_STATE_SAMPLES['questionnaire-with-errors']!;
    if (!isModalView(view)) throw new Error('not a modal view');
    const modal = renderBlockKitModal(view, META);
    expect(modal.blocks.find((b) => b.block_id === 'field:impact')).toMatchObject({ element: { initial_option: { value: '4' } } });
    expect(modal.blocks.find((b) => b.block_id === 'field:comments')).toMatchObject({ element: { initial_value: 'Loved the quiz ideas.' } });
  });

  test('a multi question with up to 10 choices is checkboxes, more is a multi select', () => {
    const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ value: `c${i}`, label: `Choice ${i}` }));
    const base = { ...CARD_SAMPLES.questionnaire, values: { pick: ['c1'] } };
    const few = renderBlockKitModal({ ...base, questions: [{ id: 'pick', kind: 'multi', prompt: 'Pick', required: true, choices: choices(4) }] }, META);
    const many = renderBlockKitModal({ ...base, questions: [{ id: 'pick', kind: 'multi', prompt: 'Pick', required: true, choices: choices(15) }] }, META);
    expect(few.blocks.find((b) => b.block_id === 'field:pick')).toMatchObject({ element: { type: 'checkboxes', initial_options: [{ value: 'c1' }] } });
    expect(many.blocks.find((b) => b.block_id === 'field:pick')).toMatchObject({ element: { type: 'multi_static_select' } });
    expect(slackLimitBreaches(many, 'modal')).toEqual([]);
  });

  test('30 questions fit in one modal', () => {
    const questions = Array.from({ length: 30 }, (_, i) => ({ id: `q${i}`, kind: 'rating' as const, prompt: 'p'.repeat(300), required: true, lowLabel: 'Poor', highLabel: 'Excellent' }));
    const modal = renderBlockKitModal({ ...CARD_SAMPLES.questionnaire, questions }, META);
    expect(slackLimitBreaches(modal, 'modal')).toEqual([]);
  });

  test('a closed questionnaire modal has no submit button', () => {
    const view = CARD_STATE_SAMPLES['questionnaire-closed']!;
    if (!isModalView(view)) throw new Error('not a modal view');
    expect(renderBlockKitModal(view, META).submit).toBeUndefined();
  });

  test('private_metadata longer than 3000 characters is refused', () => {
    expect(() => renderBlockKitModal(CARD_SAMPLES.questionnaire, 'x'.repeat(3001))).toThrow(/private_metadata/);
  });

  test('the create-session modal fits the limits', () => {
    const modal = renderCreateSessionModal(META, { ...CARD_SAMPLES['session-form'], errors: { title: 'Give the session a title.' } });
    expect(modal.callback_id).toBe('session.create');
    expect(slackLimitBreaches(modal, 'modal')).toEqual([]);
    expect(modal).toMatchSnapshot();
  });
});

describe('field errors for response_action: errors', () => {
  test('errors map to the block ids of their fields; unknown fields go beside the first input', () => {
    const modal = renderBlockKitModal(CARD_SAMPLES.questionnaire, META);
    expect(toSlackErrors({ quality: 'Choose a rating from 1 to 5.', _form: 'This questionnaire is closed.' }, modal)).toEqual({
      response_action: 'errors',
      errors: { 'field:quality': 'Choose a rating from 1 to 5. This questionnaire is closed.' },
    });
  });
});

describe('App Home', () => {
  test('shows upcoming sessions with RSVP, open tasks and recent record within 100 blocks', () => {
    const home = renderAppHome(CARD_SAMPLES['my-record']);
    expect(home.type).toBe('home');
    expect(slackLimitBreaches(home, 'home')).toEqual([]);
    const verbs = buttonsOf(home.blocks).map((b) => b.action_id.split(':')[0]);
    expect(verbs).toEqual(expect.arrayContaining(['rsvp.yes', 'rsvp.no', 'gap.plan.open', 'gap.report.open']));
    expect(home).toMatchSnapshot();
  });

  test('a very long record is capped at 100 blocks', () => {
    const view: MyRecordView = CARD_SAMPLES['my-record'];
    const long = { ...view, upcoming: Array.from({ length: 60 }, (_, i) => ({ ...view.upcoming[0]!, sessionId: `s${i}` })) };
    const home = renderAppHome(long);
    expect(home.blocks.length).toBeLessThanOrEqual(100);
    expect(slackLimitBreaches(home, 'home')).toEqual([]);
  });
});

describe('survey form modal', () => {
  test('fits the limits, keeps the lead’s input as initial values and marks each error beside its field', () => {
    const view = CARD_STATE_SAMPLES['survey-form-with-errors']!;
    if (view.kind !== 'survey-form') throw new Error('not a survey form');
    const modal = renderSurveyFormModal(view, META);
    expect(modal.callback_id).toBe('survey.send');
    expect(slackLimitBreaches(modal, 'modal')).toEqual([]);
    expect(modal.blocks.find((b) => b.block_id === 'field:closesOn')).toMatchObject({ element: { type: 'datepicker', initial_date: '2026-11-20' }, hint: { text: '⚠ Choose a closing date after today.' } });
    expect(modal.blocks.find((b) => b.block_id === 'field:audienceKind')).toMatchObject({ element: { initial_option: { value: 'department' } } });
    expect(toSlackErrors(view.errors!, modal).errors).toEqual({ 'field:audienceValue': 'Nobody on the staff list is in that audience.', 'field:closesOn': 'Choose a closing date after today.' });
    expect(renderSurveyFormModal(CARD_SAMPLES['survey-form'], META)).toMatchSnapshot();
  });
});
