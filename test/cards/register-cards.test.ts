import { MAX_TEAMS_REGISTER_ROWS } from '../../src/cards/adaptive/register';
import { renderAdaptiveCard } from '../../src/cards/adaptive/render-adaptive-card';
import { renderBlockKitMessage, renderBlockKitModal, submitActionOf } from '../../src/cards/blockkit';
import type { KnownBlock as Block } from '../../src/cards/blockkit';
import { CARD_SAMPLES, CARD_STATE_SAMPLES } from '../../src/dev/samples';
import type { RegisterRow, RegisterView } from '../../src/cards/views';
import { adaptiveCardProblems } from './adaptive/validate-adaptive-card';
import { slackLimitBreaches } from './blockkit/slack-limits';

type Json = Record<string, unknown>;
const META = JSON.stringify({ action: { verb: 'register.submit', sessionId: 'ses-retrieval-1' } });

const register = CARD_SAMPLES.register;
const people = (n: number, extra: Partial<RegisterRow> = {}): RegisterRow[] =>
  Array.from({ length: n }, (_, i) => ({ staffId: `stf-${String(i).padStart(4, '0')}`, name: `Person ${String(i).padStart(4, '0')}`, present: i % 2 === 0, marked: false, ...extra }));

function walk(node: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(node)) node.forEach((n) => walk(n, out));
  else if (node && typeof node === 'object') {
    out.push(node as Json);
    Object.values(node).forEach((v) => walk(v, out));
  }
  return out;
}

const checkboxBlocks = (blocks: Block[]) => blocks.filter((b): b is Extract<Block, { type: 'input' }> => b.type === 'input' && b.element.type === 'checkboxes');

describe('register card (Teams)', () => {
  test('one toggle per person, id present:<staffId>, on for those expected to be there; one Save that sends every toggle', () => {
    const card = renderAdaptiveCard(register);
    const toggles = walk(card).filter((e) => e.type === 'Input.Toggle');
    expect(toggles.map((t) => [t.id, t.value])).toEqual([
      ['present:demo-amara', 'true'],
      ['present:demo-ben', 'true'],
      ['present:demo-chloe', 'true'],
      ['present:demo-dev', 'true'],
      ['present:demo-james', 'true'],
      ['present:demo-sam', 'false'],
    ]);
    expect(toggles.every((t) => t.valueOn === 'true' && t.valueOff === 'false')).toBe(true);
    expect(card.actions).toEqual([{ type: 'Action.Execute', title: 'Save register', verb: 'register.submit', data: { sessionId: 'ses-retrieval-1' }, associatedInputs: 'auto', style: 'positive' }]);
    // The facilitator's own view: no refresh (that would turn it into their invitation).
    expect(card.refresh).toBeUndefined();
  });

  test('a saved register says so, and marks who the saved register left out', () => {
    const saved = CARD_STATE_SAMPLES['register-compulsory-inset'] as RegisterView;
    const text = walk(renderAdaptiveCard(saved)).map((e) => String(e.text ?? e.title ?? '')).join('\n');
    expect(text).toContain('Taken: 16 present, 4 absent, 3 not marked yet.');
    expect(text).toContain('Beth Morgan (said no)');
    expect(text).toContain('Uma Das (not marked yet)');
  });

  test('a register of 500 shows the first 120, says the rest are left as they are, and stays under Teams’ 28 KB', () => {
    const card = renderAdaptiveCard({ ...register, expected: people(480), waitlist: people(20, { present: false }) });
    expect(walk(card).filter((e) => e.type === 'Input.Toggle')).toHaveLength(MAX_TEAMS_REGISTER_ROWS);
    expect(JSON.stringify(card)).toContain('380 more people are not shown here; saving leaves their attendance as it is.');
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024);
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  test('nobody expected: no toggles and no Save', () => {
    const card = renderAdaptiveCard(CARD_STATE_SAMPLES['register-empty'] as RegisterView);
    expect(walk(card).filter((e) => e.type === 'Input.Toggle')).toEqual([]);
    expect(card.actions).toBeUndefined();
  });
});

describe('register (Slack)', () => {
  test('the message carries an Open register button; the modal submits register.submit', () => {
    const message = renderBlockKitMessage(register);
    expect(JSON.stringify(message.blocks)).toContain('"action_id":"register.open"');
    expect(message.text).toBe('Register: Retrieval practice that sticks');
    expect(renderBlockKitMessage(CARD_STATE_SAMPLES['register-saved'] as RegisterView).text).toBe('Register saved: 5 present, 1 absent: Retrieval practice that sticks');
    expect(submitActionOf(register)).toEqual({ verb: 'register.submit', sessionId: 'ses-retrieval-1' });
    const modal = renderBlockKitModal(register, META);
    expect(modal).toMatchObject({ callback_id: 'register.submit', submit: { text: 'Save' }, private_metadata: META });
  });

  test('checkboxes ten at a time: 23 people are three blocks, ticked where present, values the staff ids', () => {
    const view = CARD_STATE_SAMPLES['register-compulsory-inset'] as RegisterView;
    const modal = renderBlockKitModal(view, META);
    const blocks = checkboxBlocks(modal.blocks);
    expect(blocks.map((b) => [b.block_id, b.label.text, 'options' in b.element ? b.element.options?.length : 0])).toEqual([
      ['register:expected:0', 'Expected 1–10 of 23', 10],
      ['register:expected:1', 'Expected 11–20 of 23', 10],
      ['register:expected:2', 'Expected 21–23 of 23', 3],
    ]);
    const ticked = blocks.flatMap((b) => (b.element.type === 'checkboxes' ? (b.element.initial_options ?? []).map((o) => o.value) : []));
    expect(ticked).toEqual(view.expected.filter((r) => r.present).map((r) => r.staffId));
    expect(blocks.every((b) => b.optional === true)).toBe(true);
    expect(slackLimitBreaches(modal, 'modal')).toEqual([]);
  });

  test('the waiting list is its own block; nobody ticked means no initial_options (Slack refuses an empty one)', () => {
    const modal = renderBlockKitModal({ ...register, expected: people(3, { present: false }) }, META);
    const blocks = checkboxBlocks(modal.blocks);
    expect(blocks.map((b) => b.block_id)).toEqual(['register:expected:0', 'register:waitlist:0']);
    expect(blocks.every((b) => b.element.type === 'checkboxes' && b.element.initial_options === undefined)).toBe(true);
  });

  test('a register of 1,200 fits in 100 blocks and says how many are not shown; a staff id too long for an option is left out', () => {
    const long = { staffId: `stf-${'x'.repeat(160)}`, name: 'Long Id', present: true, marked: false };
    const modal = renderBlockKitModal({ ...register, expected: [...people(1200), long], waitlist: [] }, META);
    expect(slackLimitBreaches(modal, 'modal')).toEqual([]);
    const listed = checkboxBlocks(modal.blocks).reduce((n, b) => n + ('options' in b.element ? (b.element.options?.length ?? 0) : 0), 0);
    expect(listed).toBeGreaterThan(900);
    expect(JSON.stringify(modal)).not.toContain(long.staffId);
    expect(JSON.stringify(modal.blocks.at(-1))).toContain(`${1201 - listed} more people are not shown here`);
  });

  test('nobody expected: the modal has no Save', () => {
    const modal = renderBlockKitModal(CARD_STATE_SAMPLES['register-empty'] as RegisterView, META);
    expect(modal.submit).toBeUndefined();
    expect(checkboxBlocks(modal.blocks)).toEqual([]);
    expect(JSON.stringify(renderBlockKitMessage(CARD_STATE_SAMPLES['register-empty'] as RegisterView))).not.toContain('register.open');
  });
});
