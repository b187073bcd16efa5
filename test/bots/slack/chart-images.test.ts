import { Staff, participationId } from '../../../src/domain';
import { slashCommandBody } from '../../support/slack-signing';
import { LEAD, LINKS_ORIGIN, TENANT, postSigned, seedSchool, startSlackHarness, type SlackHarness } from './slack-harness';

type Json = Record<string, unknown>;
type ImageBlock = { type: 'image'; image_url: string; alt_text: string; block_id: string };

/**
 * `/cpd report …` through real bolt with signed requests: the answer carries the charts as image
 * blocks whose links the same server answers with a PNG; edited, expired or moved to another
 * tenant, the link is refused.
 */
describe('chart pictures in Slack (real bolt, fake Slack API, signed image links)', () => {
  let h: SlackHarness;
  const ratings = [5, 4, 4, 5, 3];
  beforeAll(async () => {
    h = await startSlackHarness({ links: true });
    await seedSchool(h);
    await h.bot.linkStaffByEmail(TENANT);
    for (let i = 0; i < 5; i++) {
      const id = `stf-${i}`;
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id, name: `Teacher ${i}`, email: `t${i}@school.example`, roles: ['staff'] }));
      await h.store.participations.create({ tenantId: TENANT, id: participationId('ses-1', id), sessionId: 'ses-1', staffId: id, rsvp: 'yes', attended: true });
      await h.store.responses.create({
        tenantId: TENANT,
        id: `resp-${i}`,
        questionnaireId: 'qn-1',
        sessionId: 'ses-1',
        respondentId: id,
        answers: { quality: ratings[i]!, impact: 4 },
        submittedAt: '2026-11-24T18:00:00.000Z',
      });
    }
    h.clock.set('2026-11-25T09:00:00.000Z');
  });
  afterAll(() => h.close());

  async function reportBlocks(): Promise<Json[]> {
    const trigger = `trg-${Math.random()}`;
    await postSigned(h, slashCommandBody({ command: '/cpd', text: 'report retrieval', user_id: LEAD.id, team_id: 'T0SCHOOL', channel_id: 'C1', trigger_id: trigger, response_url: `${h.api.url}/response/${trigger}` }));
    await h.bot.drain();
    return h.api.callsOf(`/response/${trigger}`)[0]!.args.blocks as Json[];
  }
  const openLocal = (url: string) => {
    const u = new URL(url);
    return fetch(`${h.baseUrl}${u.pathname}${u.search}`);
  };

  it('the report shows each chart as an image whose alt text states the figures, served as a PNG, never cached', async () => {
    const blocks = await reportBlocks();
    const images = blocks.filter((b) => b.type === 'image') as ImageBlock[];
    const quality = images.find((b) => b.block_id === 'chart-ratings-1')!;
    expect(quality.alt_text).toMatch(/: 1 0, 2 0, 3 1, 4 2, 5 2$/);
    expect(images.find((b) => b.block_id === 'chart-response-rate')!.alt_text).toBe('Response rate: 100%');
    expect(quality.image_url.startsWith(`${LINKS_ORIGIN}/links/chart/${TENANT}/stf-lead/`)).toBe(true);

    const res = await openLocal(quality.image_url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(640); // the SVG's width
  });

  it('a picture link edited to another tenant or reader, or used after it expires, is refused', async () => {
    const url = new URL(((await reportBlocks()).find((b) => b.type === 'image') as ImageBlock).image_url);
    const other = new URL(url);
    other.pathname = url.pathname.replace(`/${TENANT}/`, '/other-trust/');
    const reader = new URL(url);
    reader.pathname = url.pathname.replace('/stf-lead/', '/stf-jo/');
    for (const bad of [other, reader]) expect((await openLocal(bad.toString())).status).toBe(404);
    h.clock.advance(8 * 24 * 3600_000);
    expect((await openLocal(url.toString())).status).toBe(404);
    h.clock.set('2026-11-25T09:00:00.000Z');
  });

  it('the lead’s report has a "View full report" link to the signed report page', async () => {
    const text = JSON.stringify(await reportBlocks());
    expect(text).toContain('View full report');
    expect(text).toMatch(new RegExp(`"url":"${LINKS_ORIGIN}/links/report/${TENANT}/stf-lead\\?expires=\\d+&sig=`));
  });
});
