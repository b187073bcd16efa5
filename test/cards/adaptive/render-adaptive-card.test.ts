import { CARD_SAMPLES, CARD_STATE_SAMPLES } from '../../../src/dev/samples';
import { renderAdaptiveCard } from '../../../src/cards/adaptive/render-adaptive-card';
import { type CardView } from '../../../src/cards/views';
import { CARD_ACTION_TARGETS, CARD_VERBS } from '../../../src/cards/actions';
import { adaptiveCardProblems } from './validate-adaptive-card';

const ALL_SAMPLES: [string, CardView][] = [...Object.entries(CARD_SAMPLES), ...Object.entries(CARD_STATE_SAMPLES)];

type Json = Record<string, unknown>;

/** Every object in a card, depth first. */
function walk(node: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(node)) node.forEach((n) => walk(n, out));
  else if (node && typeof node === 'object') {
    out.push(node as Json);
    Object.values(node).forEach((v) => walk(v, out));
  }
  return out;
}

describe('renderAdaptiveCard', () => {
  it.each(ALL_SAMPLES)('%s parses and validates at 1.5 with no events', (_name, view) => {
    const card = renderAdaptiveCard(view, { userIds: ['29:user-a'] });
    expect(card.version).toBe('1.5');
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it.each(ALL_SAMPLES)('%s is accessible: speak text for screen readers and voice, altText on every image', (_name, view) => {
    const card = renderAdaptiveCard(view) as unknown as Json;
    expect(typeof card.speak).toBe('string');
    expect((card.speak as string).trim().length).toBeGreaterThan(0);
    expect(card.speak).toBe(card.fallbackText);
    for (const element of walk(card).filter((e) => e.type === 'Image')) expect(String(element.altText ?? '').trim()).not.toBe('');
  });

  it('the accessibility check does catch an image without altText', () => {
    const images = walk({ body: [{ type: 'Image', url: 'https://example.test/a.png' }] }).filter((e) => e.type === 'Image');
    expect(images.some((e) => String(e.altText ?? '').trim() === '')).toBe(true);
  });

  it.each(ALL_SAMPLES)('%s matches its snapshot', (_name, view) => {
    expect(renderAdaptiveCard(view, { userIds: ['29:user-a'] })).toMatchSnapshot();
  });

  // Teams reads `<…>` in card text as markup and drops it ("report <session title>" showed as "report ").
  const SHOWN_KEYS = ['text', 'title', 'label', 'placeholder', 'errorMessage', 'fallbackText', 'speak', 'altText'];
  it.each(ALL_SAMPLES)('%s shows no text that Teams would strip as markup', (_name, view) => {
    const card = renderAdaptiveCard(view, { userIds: ['29:user-a'] });
    const shown = walk(card).flatMap((node) => [
      ...SHOWN_KEYS.map((k) => node[k]).filter((v): v is string => typeof v === 'string'),
      ...(node.type === 'FactSet' ? (node.facts as Json[]).map((f) => String(f.value)) : []),
    ]);
    expect(shown.filter((t) => /<[^>]*>/.test(t))).toEqual([]);
  });

  it('a lead’s help and a title typed with <…> stay readable in Teams', () => {
    const help = renderAdaptiveCard(CARD_SAMPLES.help!);
    expect(JSON.stringify(help)).toContain('report ‹session›');
    const invitation = CARD_SAMPLES.invitation as Extract<CardView, { kind: 'invitation' }>;
    const titled = renderAdaptiveCard({ ...invitation, session: { ...invitation.session, title: 'Assessment <KS3> & marking' } });
    expect(JSON.stringify(titled)).toContain('Assessment ‹KS3› & marking');
  });

  it('the digests label the week they report on by its dates, and do not point back at themselves', () => {
    const lead = JSON.stringify(renderAdaptiveCard(CARD_SAMPLES['lead-digest']!));
    expect(lead).not.toContain('Held this week');
    expect(lead).toContain(`Held ${(CARD_SAMPLES['lead-digest'] as { weekText: string }).weekText}`);
    const manager = JSON.stringify(renderAdaptiveCard(CARD_SAMPLES['manager-digest']!));
    expect(manager).not.toMatch(/Type .digest. for more/);
  });

  it('the validator does catch a broken card (so an empty list above means something)', () => {
    const problems = adaptiveCardProblems({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'Input.Text', id: 'a' }, { type: 'Input.Text', id: 'a' }, { type: 'NoSuchThing' }],
    });
    expect(problems.length).toBeGreaterThan(0);
  });

  it('uses only Action.Execute verbs from CARD_VERBS, with no tenant id in any button', () => {
    for (const [, view] of ALL_SAMPLES) {
      for (const node of walk(renderAdaptiveCard(view))) {
        if (node.type !== 'Action.Execute') continue;
        expect(CARD_VERBS).toContain(node.verb);
        expect(Object.keys(node.data as Json).every((k) => (CARD_ACTION_TARGETS as readonly string[]).includes(k))).toBe(true);
      }
    }
  });

  it('wraps every text block, for phones', () => {
    for (const [, view] of ALL_SAMPLES) {
      const blocks = walk(renderAdaptiveCard(view)).filter((n) => n.type === 'TextBlock');
      expect(blocks.every((b) => b.wrap === true)).toBe(true);
    }
  });

  it('personal cards refresh through the refresh verb with the given user ids', () => {
    const card = renderAdaptiveCard(CARD_SAMPLES.questionnaire, { userIds: ['29:a', '29:b'] });
    expect(card.refresh).toEqual({
      action: { type: 'Action.Execute', title: 'Refresh', verb: 'refresh', data: { questionnaireId: 'qn-retrieval-1' } },
      userIds: ['29:a', '29:b'],
    });
    expect(renderAdaptiveCard(CARD_SAMPLES.help).refresh).toBeUndefined();
  });

  it('a questionnaire with errors keeps the person’s values and shows each error under its field', () => {
    const card = renderAdaptiveCard(CARD_STATE_SAMPLES['questionnaire-with-errors'] as CardView);
    const body = card.body;
    const quality = body.findIndex((e) => e.id === 'quality');
    expect(body[quality]).toMatchObject({ type: 'Input.ChoiceSet', value: '9' });
    expect(body[quality + 1]).toMatchObject({ type: 'TextBlock', text: 'Choose a rating from 1 to 5.', color: 'Attention' });
    expect(body.find((e) => e.id === 'comments')).toMatchObject({ value: 'Loved the quiz ideas.', isMultiline: true, maxLength: 2000 });
    expect(card.actions?.[0]).toMatchObject({ verb: 'questionnaire.submit', associatedInputs: 'auto' });
  });

  it('rating rows offer 1..5 with the end labels', () => {
    const quality = renderAdaptiveCard(CARD_SAMPLES.questionnaire).body.find((e) => e.id === 'quality');
    expect(quality && 'choices' in quality ? quality.choices : undefined).toEqual([
      { title: '1 · Poor', value: '1' },
      { title: '2', value: '2' },
      { title: '3', value: '3' },
      { title: '4', value: '4' },
      { title: '5 · Excellent', value: '5' },
    ]);
  });

  it('closed and answered questionnaires show no inputs and no submit button', () => {
    for (const key of ['questionnaire-closed', 'questionnaire-answered'] as const) {
      const card = renderAdaptiveCard(CARD_STATE_SAMPLES[key] as CardView);
      expect(walk(card).some((n) => String(n.type).startsWith('Input.'))).toBe(false);
      expect(card.actions).toBeUndefined();
    }
  });

  it('gap forms carry the seed 001 appendix 6 questions', () => {
    const plan = renderAdaptiveCard(CARD_SAMPLES['gap-plan']).body.map((e) => e.id).filter(Boolean);
    // Part 2 ends "Share with your SLT": the person's choice, off unless they turn it on.
    expect(plan).toEqual(['takeBack', 'intendedImpact', 'startingPoint', 'practiceChange', 'shareWithLeaders']);
    const report = renderAdaptiveCard(CARD_SAMPLES['gap-report']).body.map((e) => e.id).filter(Boolean);
    expect(report).toEqual(['whatDone', 'impactSoFar', 'sustain', 'successes', 'barriers', 'shareWithManager']);
  });

  it('the year-ahead form asks seed 001 appendix 3 in its order, then the choice to share with the line manager', () => {
    const form = renderAdaptiveCard(CARD_SAMPLES['needs-form']).body.map((e) => e.id).filter(Boolean);
    expect(form).toEqual(['strengths', 'strengthsEvidence', 'developmentAspect', 'developmentStrands', 'developmentEvidence', 'preferred', 'aspirations', 'planNextYear', 'planThreeYears', 'planFiveYears', 'supportWanted', 'shareWithManager']);
    expect(JSON.stringify(renderAdaptiveCard(CARD_SAMPLES['needs-form']))).toContain('Is this a skill, knowledge or attitude?');
  });

  it('nudges offer a snooze; a cancelled invitation offers no RSVP', () => {
    expect(renderAdaptiveCard(CARD_SAMPLES.nudge).actions?.map((a) => ('verb' in a ? a.verb : undefined))).toEqual(['gap.report.open', 'nudge.snooze']);
    const cancelled = renderAdaptiveCard(CARD_STATE_SAMPLES['invitation-cancelled'] as CardView);
    expect(walk(cancelled).some((n) => String(n.verb).startsWith('rsvp.'))).toBe(false);
  });
});
