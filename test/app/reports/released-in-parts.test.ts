import { releasedFollowUps, releasedReactionAnswers } from '../../../src/app/reports/released-in-blocks';
import type { Answers, ImpactFollowUp, Questionnaire } from '../../../src/domain';

const NOW = new Date('2027-01-01T00:00:00.000Z');
const q = (sessionId: string, closesAt: string) => ({ id: `q-${sessionId}`, sessionId, closesAt }) as Questionnaire;
const answers = (n: number, rating: number): Answers[] => Array.from({ length: n }, () => ({ quality: rating }));

describe('answers released in blocks per school (governors per school, issue 26 item 3)', () => {
  it("releases each school's answers in its own blocks, so the trust's released answers are the schools' added up", () => {
    // In closing order: North 3, South 2, North 2, South 4. One sequence would release the first two together.
    const questionnaires = [q('n1', '2026-10-01T20:00:00Z'), q('s1', '2026-10-02T20:00:00Z'), q('n2', '2026-10-03T20:00:00Z'), q('s2', '2026-10-04T20:00:00Z')];
    const bySession = new Map([['n1', answers(3, 5)], ['s1', answers(2, 1)], ['n2', answers(2, 4)], ['s2', answers(4, 2)]]);
    const school = (sessionId: string) => sessionId.slice(0, 1);
    expect(releasedReactionAnswers(questionnaires, bySession, NOW, 5)).toHaveLength(11);
    const byParts = releasedReactionAnswers(questionnaires, bySession, NOW, 5, school);
    // North's 3 + 2 make a block of 5; South's 2 + 4 one of 6.
    expect(byParts).toHaveLength(11);
    const northOnly = releasedReactionAnswers(questionnaires.slice(0, 3), bySession, NOW, 5, school);
    // Before South's second closes: North's block only; South's two are not in the trust's figures either.
    expect(northOnly).toEqual(answers(3, 5).concat(answers(2, 4)));
  });

  it('follow-ups too: a part with fewer answers than the minimum keeps them back', () => {
    const f = (id: string, sessionId: string, at: string): ImpactFollowUp => ({ id, sessionId, status: 'answered', person: { submittedAt: at } }) as unknown as ImpactFollowUp;
    const followUps = [...['a', 'b', 'c', 'd', 'e'].map((x, i) => f(`n-${x}`, 'n1', `2026-11-0${i + 1}T10:00:00Z`)), f('s-a', 's1', '2026-11-03T11:00:00Z')];
    const released = releasedFollowUps(followUps, 5, (sessionId) => sessionId.slice(0, 1));
    expect(released.filter((x) => x.person !== undefined).map((x) => x.id)).toEqual(['n-a', 'n-b', 'n-c', 'n-d', 'n-e']);
    // In one sequence South's single answer would have gone out in a block with four of North's.
    expect(releasedFollowUps(followUps, 5).filter((x) => x.person !== undefined).map((x) => x.id)).toEqual(['n-a', 'n-b', 'n-c', 'n-d', 's-a']);
  });
});
