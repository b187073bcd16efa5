import { renderBlockKitMessage } from '../../../src/cards/blockkit';
import { chartFromToken } from '../../../src/cards/charts/chart-token';
import { CARD_SAMPLES, CARD_STATE_SAMPLES } from '../../../src/dev/samples';
import type { LeadDigestView, ManagerDigestView } from '../../../src/cards/views';
import type { KnownBlock } from '@slack/types';

type ImageBlock = Extract<KnownBlock, { type: 'image' }> & { block_id: string; image_url: string };
const images = (name: string) => renderBlockKitMessage(CARD_STATE_SAMPLES[name]!).blocks.filter((b): b is ImageBlock => b.type === 'image');
const tokenOf = (url: string) => decodeURIComponent(new URL(url).pathname.split('/').at(-1)!.replace(/\.png$/, ''));

describe('charts in Slack messages', () => {
  it('session report: a picture per rating and the response rate, alt text stating the figures', () => {
    const blocks = images('lead-report-with-links');
    expect(blocks.map((b) => b.block_id)).toEqual(['chart-response-rate', 'chart-ratings-1', 'chart-ratings-2']);
    expect(blocks[0]!.alt_text).toBe('Response rate: 75%');
    expect(blocks[1]!.alt_text).toBe('Quality of the session: 1 0, 2 1, 3 2, 4 7, 5 11');
    // The picture link carries the same figures the text shows.
    expect(chartFromToken(tokenOf(blocks[1]!.image_url))?.series[0]?.values).toEqual([0, 1, 2, 7, 11]);
  });

  it('programme digest: attendance per session, the week’s rate and gap tasks by status', () => {
    const view = CARD_SAMPLES['lead-digest'] as LeadDigestView;
    const blocks = images('lead-digest-with-links');
    expect(blocks.map((b) => b.block_id)).toEqual(['chart-held-sessions', 'chart-week-response-rate', 'chart-gap-tasks']);
    expect(blocks[0]!.alt_text).toBe(
      `Attendance and responses this week. ${view.held.map((s) => `${s.title.length > 24 ? `${s.title.slice(0, 23)}…` : s.title}: Attended ${s.attended}, Responses ${s.responses}`).join('; ')}`,
    );
    expect(blocks[2]!.alt_text).toBe('Gap tasks by status: Overdue 4, Due in 7 days 11, Due later 22, Reported this week 9');
  });

  it('manager digest: team participation picture without names', () => {
    const [block] = images('manager-digest-with-links');
    expect(block!.alt_text).toMatch(/^How many of your team of \d+: Attended a session this week \d+ of \d+,/);
    const figures = JSON.stringify(chartFromToken(tokenOf(block!.image_url)));
    for (const r of (CARD_SAMPLES['manager-digest'] as ManagerDigestView).reports) expect(figures).not.toContain(r.name);
  });

  it('no picture link, no image block (the text carries the figures)', () => {
    for (const kind of ['lead-report', 'lead-digest', 'manager-digest'] as const) {
      expect(renderBlockKitMessage(CARD_SAMPLES[kind]).blocks.some((b) => b.type === 'image')).toBe(false);
    }
  });

  it('a "View full report" link button when the view has one', () => {
    const text = JSON.stringify(renderBlockKitMessage(CARD_STATE_SAMPLES['lead-report-with-links']!).blocks);
    expect(text).toContain('"url":"https://twilight.example.org/links/report/demo/demo-lead');
    expect(text).toContain('View full report');
  });
});
