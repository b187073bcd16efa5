import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startPreviewServer, type PreviewServer } from './preview-harness';

// Screenshots for people to look at (git-ignored), as the report-page browser tests write them.
const SHOTS = join(__dirname, '..', '..', 'test-screenshots');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const PHONE = { width: 390, height: 844 };

async function contrastViolations(page: Page, selector: string): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = (await page.evaluate(`axe.run(document.querySelector(${JSON.stringify(selector)}), { runOnly: ['color-contrast'], resultTypes: ['violations'] })`)) as {
    violations: { nodes: { target: string[]; any: { message: string }[] }[] }[];
  };
  return result.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.any.map((a) => a.message).join('; ')}`));
}

/** Issue 24 item 20: what people saw on a phone and in cards, in Debian chromium (playwright-core) with axe-core. */
describe('looks on a phone and in cards (chromium, axe-core)', () => {
  let server: PreviewServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startPreviewServer();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('/dev at 390 px wide does not scroll sideways, before and after acting as someone', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${server.baseUrl}/dev`);
    await page.waitForSelector('body[data-cards-rendered]');
    await page.waitForSelector('body[data-staff-loaded]');
    await page.click('#seed-button');
    await page.waitForSelector('#staff-select option[value]', { state: 'attached' });
    const someone = await page.locator('#staff-select').inputValue();
    await page.click('#act-as-button');
    await page.waitForSelector(`body[data-acting-as="${someone}"]`);
    await page.locator('.live-card .ac-adaptiveCard').first().waitFor();
    // Run in the page (a string: the test compiles without the DOM's types); names what sticks out.
    const wide = (await page.evaluate(`(() => {
      const doc = document.documentElement;
      const culprits = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 1)
        .slice(0, 5)
        .map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '.' + [...el.classList].join('.'));
      return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, culprits };
    })()`)) as { scrollWidth: number; clientWidth: number; culprits: string[] };
    await page.screenshot({ path: join(SHOTS, 'dev-390.png'), fullPage: true });
    expect(wide).toEqual({ scrollWidth: wide.clientWidth, clientWidth: wide.clientWidth, culprits: [] });
    await page.close();
  }, 60_000);

  test('the digest’s "Needs attention" meets WCAG AA (4.5:1) in the card renderer', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.baseUrl}/dev`);
    await page.waitForSelector('body[data-cards-rendered]');
    const host = '[data-card-host="lead-digest"]';
    await page.locator(host).getByText('Needs attention').first().waitFor();
    await page.locator(host).screenshot({ path: join(SHOTS, 'lead-digest-card.png') });
    expect(await contrastViolations(page, host)).toEqual([]);
    await page.close();
  }, 60_000);

  test('report page on a phone: chart labels at least 11 px, and the wide sessions table says it scrolls sideways', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${server.baseUrl}/dev/report-page`);
    await page.waitForSelector('figure[data-chart]');
    // The size a label is drawn at: its font size times the chart's scale on screen.
    const smallest = (await page.evaluate(`(() => {
      let min = Infinity;
      for (const svg of document.querySelectorAll('figure svg')) {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        for (const t of svg.querySelectorAll('text')) min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * scale);
      }
      return Math.round(min * 10) / 10;
    })()`)) as number;
    expect(smallest).toBeGreaterThanOrEqual(11);
    const region = page.locator('.table-wrap:has(#table-sessions)');
    const hintId = await region.getAttribute('aria-describedby');
    expect(hintId).toBeTruthy();
    const hint = page.locator(`[id="${hintId}"]`);
    expect(await hint.isVisible()).toBe(true);
    expect(await hint.innerText()).toMatch(/scroll sideways/i);
    expect(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'report-page-390.png'), fullPage: true });
    await page.locator('figure[data-chart]').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'report-page-390-chart.png') });
    await page.close();
  }, 60_000);
});
