import { mkdirSync, readFileSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createSignedLinks } from '../../src/app/signed-links';
import { CARD_SAMPLES } from '../../src/dev/samples';
import type { LeadReportView } from '../../src/cards/views';
import { SAMPLE_TENANT_ID, SAMPLE_YEAR_NOW, sampleYear } from '../../src/dev/sample-year';
import { ManualClock } from '../../src/domain/clock';
import { createHttpApp } from '../../src/http/app';
import { linkRoutes } from '../../src/http/link-routes';
import { createLogger } from '../../src/log';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import { launchChromium, startPreviewServer, type PreviewServer } from './preview-harness';
import { storeSampleYear } from './sample-year-store';

// Screenshots for people to look at (git-ignored); README's copies live in docs/images.
const SHOTS = join(__dirname, '..', '..', 'test-screenshots');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/** axe-core injected into the page; the violations a person using assistive technology would hit hardest. */
async function seriousViolations(page: Page, context = 'document'): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = (await page.evaluate(`axe.run(${context}, { resultTypes: ['violations'] })`)) as { violations: AxeViolation[] };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const cellText = (page: Page, selector: string) => page.locator(selector).allInnerTexts();

/** The report page via its signed link, from the real route and embedded store, in Debian chromium (playwright-core). */
describe('report page in chromium', () => {
  const year = sampleYear({ staff: 120, withWithheldSession: true });
  const clock = new ManualClock(SAMPLE_YEAR_NOW);
  const store = openEmbeddedStore({ path: ':memory:', clock });
  const links = createSignedLinks({ baseUrl: 'https://twilight.example.org', secret: 'z'.repeat(32), clock });
  let server: Server;
  let origin: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await storeSampleYear(store, year);
    const app = createHttpApp({ store, logger: createLogger('silent'), routers: [linkRoutes({ store, clock, links })] });
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    // The page allows no script (CSP); axe is the test's own, injected past it.
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const url = new URL(links.reportPageUrl(SAMPLE_TENANT_ID, 'stf-0'));
    const res = await page.goto(`${origin}${url.pathname}${url.search}`);
    expect(res?.status()).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await store.close();
  });

  test('the totals and every session’s figures match the data', async () => {
    const held = year.sessions.filter((s) => s.status === 'published');
    const answers = [...year.answersBySession.values()].reduce((n, a) => n + a.length, 0);
    const summary = Object.fromEntries(
      (await page.locator('dl.summary div').evaluateAll((divs) => divs.map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]))) as [string, string][],
    );
    expect(summary['Sessions held']).toBe(String(held.length));
    expect(summary['Attendances']).toBe(String(year.participations.length));
    expect(summary['Responses']).toBe(String(answers));
    expect(summary['Gap tasks completed']).toBe(`${year.gapTasks.filter((g) => g.status === 'reported').length} of ${year.gapTasks.length}`);

    const rows = await page.locator('table:has(#table-sessions) tbody tr').count();
    expect(rows).toBe(held.length);
    for (const [i, s] of held.entries()) {
      const cells = await cellText(page, `table:has(#table-sessions) tbody tr:nth-child(${i + 1}) > *`);
      expect(cells[0]).toContain(s.title);
      expect(cells[2]).toBe(String(year.participations.filter((p) => p.sessionId === s.id).length));
      expect(cells[3]).toBe(String(year.answersBySession.get(s.id)?.length ?? 0));
    }
    // The small anonymous session is withheld, as in chat.
    const withheld = held.findIndex((s) => s.id === 'ses-4');
    expect((await cellText(page, `table:has(#table-sessions) tbody tr:nth-child(${withheld + 1}) td`))[4]).toBe('Withheld: fewer than 5 responses');
  });

  test('each chart shows the figures of the table under it', async () => {
    const charts = await page.locator('figure[data-chart]').count();
    expect(charts).toBeGreaterThanOrEqual(7);
    expect(await page.locator('figure[data-chart] .table-wrap table').count()).toBe(charts);
    // The month chart's bar labels are the table's figures, in order.
    const month = page.locator('figure[data-chart="year-by-month"]');
    const table = (await month.locator('tbody td').allInnerTexts()).map(Number);
    const attendedPerMonth = table.filter((_, i) => i % 2 === 0);
    const svgNumbers = (await month.locator('svg text[font-size="12"]').allTextContents()).map(Number);
    expect(svgNumbers.filter((_, i) => i % 2 === 0)).toEqual(attendedPerMonth);
    expect(attendedPerMonth.reduce((a, b) => a + b, 0)).toBe(year.participations.length);
  });

  test('no serious accessibility violations (axe-core); one h1; works without script', async () => {
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('script').count()).toBe(1); // axe, injected by this test only
  });

  test('screenshots: desktop, phone width and A4 PDF', async () => {
    await page.screenshot({ path: join(SHOTS, 'report-page-desktop.png'), fullPage: true });
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, bypassCSP: true });
    try {
      await phone.goto(page.url());
      // Readable on a phone: nothing wider than the screen but the tables' own scroll areas.
      expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      expect(await seriousViolations(phone)).toEqual([]);
      await phone.screenshot({ path: join(SHOTS, 'report-page-phone.png'), fullPage: true });
    } finally {
      await phone.close();
    }
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: join(SHOTS, 'report-page.pdf'), format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    for (const file of ['report-page-desktop.png', 'report-page-phone.png', 'report-page.pdf']) expect(statSync(join(SHOTS, file)).size).toBeGreaterThan(20_000);
    expect(readFileSync(join(SHOTS, 'report-page.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

/** A card with charts on /dev: the charts Teams would draw, as SVG and as the PNG Slack shows. */
describe('chart cards on /dev in chromium', () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startPreviewServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.baseUrl}/dev`);
    await page.waitForSelector('body[data-cards-rendered]');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the session report card’s charts show its figures, the PNGs load, and the card shows the fallback text', async () => {
    const view = CARD_SAMPLES['lead-report'] as LeadReportView;
    const card = page.locator('[data-chart-card="lead-report"]');
    for (const [i, rating] of view.ratings.entries()) {
      const figure = card.locator(`figure[data-chart="ratings-${i + 1}"]`);
      const bars = (await figure.locator('svg text[font-size="12"]').allTextContents()).map(Number);
      expect(bars).toEqual([...rating.distribution]);
      const img = figure.locator('img');
      expect(await img.getAttribute('alt')).toBe(`${rating.prompt}: ${rating.distribution.map((n, k) => `${k + 1} ${n}`).join(', ')}`);
      const naturalWidth = await img.evaluate((el) => {
        const loaded = el as unknown as { decode(): Promise<void>; naturalWidth: number };
        return loaded.decode().then(() => loaded.naturalWidth);
      });
      expect(naturalWidth).toBe(640);
    }
    expect(await card.locator('figure[data-chart="response-rate"] svg').textContent()).toContain('75%');
    // The Teams card itself, in the adaptivecards renderer: the chart's fallback keeps the figures.
    expect(await page.locator('[data-card-host="lead-report"]').innerText()).toMatch(/1: 0\s+2: 1\s+3: 2\s+4: 7\s+5: 11/);
    expect(await page.evaluate('window.__cardWarnings')).toEqual([]);
    await card.screenshot({ path: join(SHOTS, 'chart-card.png') });
    await page.locator('[data-chart-card="lead-digest"]').screenshot({ path: join(SHOTS, 'chart-card-digest.png') });
  });

  test('no serious accessibility violations in the charts section (axe-core)', async () => {
    expect(await seriousViolations(page, "document.getElementById('charts')")).toEqual([]);
  });

  test('/dev links the report page with sample data', async () => {
    await page.click('a[href="/dev/report-page"]');
    await page.waitForSelector('h1');
    expect(await page.locator('h1').innerText()).toBe('CPD programme report: Riverside Academy Trust');
    expect(await page.locator('figure[data-chart]').count()).toBeGreaterThanOrEqual(7);
  });
});
