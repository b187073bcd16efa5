import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CARD_SAMPLES, CARD_STATE_SAMPLES } from '../../src/dev/samples';
import { participationId, reactionQuestionnaireId } from '../../src/domain';
import { launchChromium, startPreviewServer, type PreviewServer } from './preview-harness';
import { demoStaffId } from '../../src/app/demo/seed-demo';

const hannah = demoStaffId('hannah.okafor@riverside.example');

// The page's globals are read with string expressions: the project's TypeScript has no DOM lib.

/** Against Debian chromium (playwright-core) and the real app: Teams bot at /api/messages, embedded store, dev pages. */
describe('the /dev preview page in chromium', () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  const shots = mkdtempSync(join(tmpdir(), 'twilight-shots-'));
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startPreviewServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.baseUrl}/dev`);
    await page.waitForSelector('body[data-cards-rendered]');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(shots, { recursive: true, force: true });
  });

  test('renders every card kind with Adaptive Card content and no adaptivecards warnings', async () => {
    const names = [...Object.keys(CARD_SAMPLES), ...Object.keys(CARD_STATE_SAMPLES)];
    for (const name of names) {
      const host = page.locator(`[data-card-host="${name}"]`);
      await expect(host.getAttribute('data-rendered')).resolves.toBe('true');
      // The renderer's own root element, holding text a person can read.
      expect(await host.locator('.ac-adaptiveCard').count()).toBe(1);
      expect((await host.innerText()).trim().length).toBeGreaterThan(0);
    }
    expect(await page.locator('[data-card-host]').count()).toBe(names.length);
    expect(await page.evaluate('window.__cardWarnings')).toEqual([]);
    // Text is shown as Teams shows it: `<…>` is dropped as markup (the cards themselves avoid it).
    expect(await page.evaluate("window.__teamsMarkdown('report <session title> & more')")).toBe('<p>report  &amp; more</p>');
    expect(await page.locator('#warning-list li').count()).toBe(0);
    // Block Kit JSON sits beside each card, collapsed until opened.
    const blockKit = page.locator('[data-sample="questionnaire"] details.block-kit');
    expect(await blockKit.evaluate((d) => d.hasAttribute('open'))).toBe(false);
    expect(JSON.parse(await blockKit.locator('pre').textContent() ?? '')).toHaveProperty('blocks');
    await page.screenshot({ path: join(shots, 'catalog.png'), fullPage: true });
    expect(statSync(join(shots, 'catalog.png')).size).toBeGreaterThan(10_000);
    expect(pageErrors).toEqual([]);
  });

  test('acting as a member of staff, answers the reaction questionnaire end to end through /api/messages', async () => {
    // An empty tenant offers the demo seed.
    await page.waitForSelector('body[data-staff-loaded="0"]');
    await page.click('#seed-button');
    await page.waitForSelector(`#staff-select option[value="${hannah}"]`, { state: 'attached' });
    // Nothing to say to the bot until someone is chosen.
    expect(await page.locator('#say-form').isVisible()).toBe(false);
    // The picker starts on someone with something to do, and roles read as words.
    expect(await page.locator('#staff-select').inputValue()).toBe(hannah);
    const options = await page.locator('#staff-select option').allTextContents();
    expect(options).toContain('Alex Morgan (CPD lead, facilitator, Leadership)');
    expect(options.join(' ')).not.toMatch(/cpd-lead|line-manager/);

    // Hannah attended last week's twilight and has not answered its questionnaire yet.
    await page.selectOption('#staff-select', hannah);
    await page.click('#act-as-button');
    await page.waitForSelector(`body[data-acting-as="${hannah}"]`);
    expect(await page.locator('#say-form').isVisible()).toBe(true);
    const card = page.locator('.live-card[data-view-kind="questionnaire"]');
    await card.locator('.ac-adaptiveCard').waitFor();
    expect(await card.locator('h3').textContent()).toContain('Reaction: Retrieval practice: part 1');
    expect(await page.locator('.live-card[data-view-kind="invitation"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.live-card[data-view-kind="gap-plan"]').count()).toBe(1);

    await card.locator('[id="quality"] input[type="radio"][value="4"]').check();
    await card.locator('[id="impact"] input[type="radio"][value="5"]').check();
    await card.locator('[id="further_cpd"] input[type="radio"][value="yes"]').check();
    await card.locator('[id="further_cpd_topic"] input').fill('Questioning in maths');
    await card.screenshot({ path: join(shots, 'questionnaire-filled.png') });
    await card.locator('button.ac-pushButton', { hasText: /send|submit/i }).click();

    await card.locator('[data-rendered="true"]').filter({ hasText: 'Thank you' }).waitFor();
    expect(await card.getAttribute('data-updates')).toBe('1');
    expect(await page.evaluate('window.__invokes')).toEqual([
      { verb: 'questionnaire.submit', status: 'card', httpStatus: 200 },
    ]);
    await card.screenshot({ path: join(shots, 'thank-you.png') });

    const mine = await server.store.responses.find('demo', { where: { questionnaireId: reactionQuestionnaireId('demo-ses-retrieval-1'), respondentId: hannah } });
    expect(mine).toHaveLength(1);
    expect(mine[0]!.value.answers).toMatchObject({ quality: 4, impact: 5, further_cpd: true, further_cpd_topic: 'Questioning in maths' });
    expect(await page.evaluate('window.__cardWarnings')).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test('a typed command is answered through the dev connector, and an RSVP on that reply is recorded', async () => {
    // Still acting as Hannah from the test above.
    await page.fill('#say-text', 'sessions');
    await page.click('#say-form button');
    const reply = page.locator('.live-card[data-view-kind="message"]').filter({ hasText: 'Adaptive teaching in mixed-attainment classes' });
    await reply.locator('.ac-adaptiveCard').waitFor();
    await reply.locator('button.ac-pushButton', { hasText: "I'll be there" }).first().click();
    await page.waitForSelector('.live-card[data-view-kind="message"][data-updates="1"]');
    const rsvp = await server.store.participations.get('demo', participationId('demo-ses-adaptive', hannah));
    expect(rsvp?.value.rsvp).toBe('yes');
    expect(await page.evaluate('window.__invokes')).toEqual([
      { verb: 'questionnaire.submit', status: 'card', httpStatus: 200 },
      { verb: 'rsvp.yes', status: 'card', httpStatus: 200 },
    ]);
    expect(await page.evaluate('window.__cardWarnings')).toEqual([]);
    await page.screenshot({ path: join(shots, 'acting-as.png') });
    expect(pageErrors).toEqual([]);
  });
});
