import { commentThemes, keywords, stem } from '../../../src/app/reports/comment-themes';

describe('stem', () => {
  it('brings word forms together', () => {
    expect(new Set(['marking', 'marked', 'marks', 'mark'].map(stem))).toEqual(new Set(['mark']));
    expect(stem('planning')).toBe(stem('plans'));
    expect(stem('strategies')).toBe(stem('strategy'));
  });
});

describe('commentThemes', () => {
  it('groups comments that share a keyword and leaves the rest as "other"', () => {
    const themes = commentThemes([
      'More time to plan please',
      'We need time in departments',
      'Time was too short',
      'Behaviour examples would help',
      'Loved the behaviour strategies',
      'Great coffee',
    ]);
    expect(themes.map((t) => [t.theme, t.count])).toEqual([
      ['time', 3],
      ['behaviour', 2],
      ['other', 1],
    ]);
    expect(themes[0]!.examples).toHaveLength(3);
  });

  it('ignores stop words and returns nothing for no comments', () => {
    expect([...keywords('It was the best of the sessions and I would do it again, marking included').keys()]).toEqual(['best', 'mark', 'includ']);
    expect(commentThemes([])).toEqual([]);
  });
});
