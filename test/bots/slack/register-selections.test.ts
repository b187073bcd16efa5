import { modalInputs } from '../../../src/bots/slack/modal-inputs';
import { renderBlockKitModal } from '../../../src/cards/blockkit';
import { CARD_STATE_SAMPLES } from '../../../src/dev/samples';
import type { RegisterView } from '../../../src/cards/views';

const view = CARD_STATE_SAMPLES['register-compulsory-inset'] as RegisterView;
const modal = renderBlockKitModal(view, '{}');
const checkboxes = (values: string[]) => ({ answer: { type: 'checkboxes', selected_options: values.map((value) => ({ value })) } });

describe('Slack register ticks → present:<staffId> inputs', () => {
  test('ticked people are true and every other person the modal listed is false, across blocks', () => {
    const inputs = modalInputs(
      { 'register:expected:0': checkboxes(['demo-aisha-khan']), 'register:expected:2': checkboxes(['demo-will-chen']), 'register:expected:1': checkboxes([]) },
      modal.blocks,
    );
    expect(Object.keys(inputs)).toHaveLength(view.expected.length);
    expect(inputs['present:demo-aisha-khan']).toBe('true');
    expect(inputs['present:demo-will-chen']).toBe('true');
    expect(inputs['present:demo-alex-turner']).toBe('false');
    expect(Object.values(inputs).filter((v) => v === 'true')).toHaveLength(2);
  });

  test('only blocks of the register count: other blocks, and ticks of options the modal never listed, add nothing', () => {
    const inputs = modalInputs(
      { 'register:expected:0': checkboxes(['demo-aisha-khan', 'stf-smuggled']), 'field:comments': { answer: { type: 'plain_text_input', value: 'hi' } } },
      [...modal.blocks, { block_id: 'register:forged', element: { options: 'nope' } }, { block_id: 'elsewhere:0', element: { options: [{ value: 'x' }] } }],
    );
    expect(inputs['present:stf-smuggled']).toBeUndefined();
    expect(inputs['present:x']).toBeUndefined();
    expect(inputs.comments).toBe('hi');
    expect(inputs['present:demo-aisha-khan']).toBe('true');
  });

  test('without the submitted blocks nothing is marked (no guessing from state alone)', () => {
    expect(modalInputs({ 'register:expected:0': checkboxes(['demo-aisha-khan']) })).toEqual({});
  });
});
