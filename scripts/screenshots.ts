/**
 * `npm run screenshots`: README images from the /dev preview page, in the same chromium the
 * browser tests use. Cards are shot in the page's 400 px card column: what a teacher sees on a phone.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { demoStaffId } from '../src/app/demo/seed-demo';
import { launchChromium, startPreviewServer } from '../test/dev/preview-harness';

const hannah = demoStaffId('hannah.okafor@riverside.example');

const OUT = join(__dirname, '..', 'docs', 'images');
const CARDS = [
  ['questionnaire', 'questionnaire-card.png'],
  ['manager-digest', 'manager-digest-card.png'],
] as const;

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startPreviewServer();
  const browser = await launchChromium();
  try {
    // 2x pixels so text stays crisp in the README on high-density screens.
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 2 });
    await page.goto(`${server.baseUrl}/dev`);
    await page.waitForSelector('body[data-cards-rendered]');
    const warnings = await page.evaluate('window.__cardWarnings');
    if (!Array.isArray(warnings) || warnings.length > 0) throw new Error(`adaptivecards warnings: ${JSON.stringify(warnings)}`);
    for (const [name, file] of CARDS) {
      await page.locator(`[data-sample="${name}"] .card-column`).screenshot({ path: join(OUT, file) });
      console.log(`wrote docs/images/${file}`);
    }
    // The page as a developer first sees it after "act as": live cards at the top. One screen,
    // not the full ~13,000 px catalogue, so the image stays small enough for the repository.
    const whole = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await whole.goto(`${server.baseUrl}/dev`);
    await whole.waitForSelector('body[data-staff-loaded="0"]');
    await whole.click('#seed-button');
    await whole.waitForSelector(`#staff-select option[value="${hannah}"]`, { state: 'attached' });
    await whole.selectOption('#staff-select', hannah);
    await whole.click('#act-as-button');
    await whole.waitForSelector(`body[data-acting-as="${hannah}"] .live-card .ac-adaptiveCard`);
    await whole.screenshot({ path: join(OUT, 'dev-preview-page.png') });
    console.log('wrote docs/images/dev-preview-page.png');
    // Issue 18: the lead's report page (first screen) and a chart card's charts as Slack and the page draw them.
    const report = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
    await report.goto(`${server.baseUrl}/dev/report-page`);
    await report.screenshot({ path: join(OUT, 'report-page.png') });
    console.log('wrote docs/images/report-page.png');
    const charts = await browser.newPage({ viewport: { width: 900, height: 900 } });
    await charts.goto(`${server.baseUrl}/dev`);
    await charts.waitForSelector('[data-chart-card="lead-digest"] img');
    await charts.locator('[data-chart-card="lead-digest"] figure[data-chart="held-sessions"] .chart-svg').screenshot({ path: join(OUT, 'chart-held-sessions.png') });
    await charts.locator('[data-chart-card="lead-digest"] figure[data-chart="gap-tasks"] .chart-svg').screenshot({ path: join(OUT, 'chart-gap-tasks.png') });
    console.log('wrote docs/images/chart-held-sessions.png, chart-gap-tasks.png');
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
