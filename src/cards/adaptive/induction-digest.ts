import { countOf } from '../format';
import type { InductionDigestRow, InductionDigestView } from '../views/induction-digest';
import { inductionFigures, UNMENTORED_HELP, UNMENTORED_TITLE } from '../wording/mentoring';
import type { CardContent } from './card-content';
import { compact, heading, subheading, subtle, text, type AdaptiveElement } from './elements';

function ectBlock(row: InductionDigestRow): AdaptiveElement {
  const [first, ...rest] = inductionFigures(row);
  const warn = row.overdueMeetings + row.overdueActions > 0 || row.noMentor || row.latestReview?.atRisk === true;
  return {
    type: 'Container',
    separator: true,
    items: [
      text(row.name, { weight: 'Bolder' }),
      text(first!, { spacing: 'None' }),
      text(rest.join(' · '), { spacing: 'None', ...(warn ? { color: 'Attention' } : { isSubtle: true }) }),
    ],
  };
}

function unmentoredBox(view: InductionDigestView): AdaptiveElement | false {
  if (view.unmentored.length === 0 && !view.unmentoredNote) return false;
  return {
    type: 'Container',
    style: 'warning',
    bleed: true,
    items: compact([
      text(UNMENTORED_TITLE, { weight: 'Bolder' }),
      ...view.unmentored.map((p) => text(p.name, { spacing: 'Small' })),
      view.unmentored.length > 0 && text(UNMENTORED_HELP, { spacing: 'Small' }),
      view.unmentoredNote && text(view.unmentoredNote, { spacing: 'Small' }),
    ]),
  };
}

export function inductionDigestCard(view: InductionDigestView): CardContent {
  return {
    body: compact([
      heading('Your early-career teachers'),
      subtle(`${view.dateText} · for ${view.tutorName}`),
      unmentoredBox(view),
      subheading('Induction'),
      ...(view.ects.length > 0 ? view.ects.map(ectBlock) : [subtle('You are induction tutor for nobody at the moment.')]),
    ]),
    summary: `Your early-career teachers: ${countOf(view.ects.length, 'person', 'people')}, ${countOf(view.unmentored.length, 'without a mentor', 'without a mentor')}.`,
  };
}
