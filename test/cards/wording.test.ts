import { renderAdaptiveCard } from '../../src/cards/adaptive/render-adaptive-card';
import { renderBlockKitMessage } from '../../src/cards/blockkit';
import { CARD_SAMPLES } from '../../src/dev/samples';
import type { CardView, GapTaskFormView, QuestionnaireView } from '../../src/cards/views';
import { importStaffRoster } from '../../src/imports/import-staff';
import { ManualClock } from '../../src/domain';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import { tenant } from '../support/fixtures';

type Json = Record<string, unknown>;

function walk(node: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(node)) node.forEach((n) => walk(n, out));
  else if (node && typeof node === 'object') {
    out.push(node as Json);
    Object.values(node).forEach((v) => walk(v, out));
  }
  return out;
}

const shownText = (card: unknown) =>
  walk(card)
    .flatMap((n) => [n.text, n.title, n.value].filter((v): v is string => typeof v === 'string'))
    .join('\n');

describe('wording people read: one plural helper, no doubled words, one banner', () => {
  const task = (CARD_SAMPLES['task-list'] as Extract<CardView, { kind: 'task-list' }>).tasks[0]!;

  it('says "1 open gap task", "1 upcoming CPD session", "1 question" (singular for one)', () => {
    expect(renderBlockKitMessage({ kind: 'task-list', tasks: [task], emptyText: '' }).text).toBe('1 open gap task');
    const list = CARD_SAMPLES['session-list'] as Extract<CardView, { kind: 'session-list' }>;
    expect(renderBlockKitMessage({ ...list, sessions: [list.sessions[0]!] }).text).toBe('1 upcoming CPD session');
    const questionnaire = CARD_SAMPLES.questionnaire as QuestionnaireView;
    const one = renderBlockKitMessage({ ...questionnaire, questions: [questionnaire.questions[0]!] });
    expect(JSON.stringify(one.blocks)).toMatch(/1 question,/);
  });

  it('refuses a file with one bad row as "1 problem to fix"', async () => {
    const store = openEmbeddedStore({ path: ':memory:', clock: new ManualClock('2026-11-23T09:00:00.000Z') });
    const t = tenant('t1');
    await store.tenants.create(t);
    const result = await importStaffRoster({ store }, t, 'Name,E-mail,Role\nJo Patel,not-an-email,Teacher\n');
    expect(result).toMatchObject({ ok: false, message: 'Nothing was imported: 1 problem to fix.' });
    await store.close();
  });

  it('the gap-task form says when it is due once ("Due Wednesday", never "Due Due Wednesday")', () => {
    const plan = { ...(CARD_SAMPLES['gap-plan'] as GapTaskFormView), dueText: 'Due Wednesday 9 December' };
    const text = shownText(renderAdaptiveCard(plan));
    expect(text).toContain('Due Wednesday 9 December');
    expect(text).not.toMatch(/Due\s+Due/);
    const facts = walk(renderAdaptiveCard(plan)).filter((n) => n.type === 'FactSet').flatMap((n) => n.facts as Json[]);
    expect(facts.some((f) => f.title === 'Due' && String(f.value).startsWith('Due'))).toBe(false);
  });

  it('a saved plan shows one green banner, not two near-identical ones (Teams and Slack)', () => {
    const saved: GapTaskFormView = { ...(CARD_SAMPLES['gap-plan'] as GapTaskFormView), state: 'done', notice: { tone: 'good', text: 'Plan saved. Share it with your line manager.' } };
    const card = renderAdaptiveCard(saved);
    expect(walk(card).filter((n) => n.type === 'Container' && n.style === 'good')).toHaveLength(1);
    const slack = JSON.stringify(renderBlockKitMessage(saved).blocks);
    expect(slack.match(/:white_check_mark:/g)).toHaveLength(1);
  });
});
