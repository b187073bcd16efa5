import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../dev/preview-harness';
import { startPlayground, startSeededBot, type E2eBot, type Playground, type PlaygroundUser } from './playground-harness';
import { demoStaffId } from '../../src/app/demo/seed-demo';
import { nameCpdLead } from '../../src/app/setup';
import { contrastRatio, WCAG_AA_TEXT } from '../support/contrast';
import { MentoringMeeting, mentoringMeetingId } from '../../src/domain';

/**
 * Microsoft 365 Agents Playground (Microsoft's local Teams client) against the bot, driven through
 * its web UI as a teacher and a CPD lead would. Every assertion is on what the Playground shows.
 */

// A Tuesday afternoon in term, before quiet hours: the demo seed's twilight is tomorrow, last
// Wednesday's questionnaire is open, and the scheduler may send at once.
const NOW = '2026-12-01T16:00:00.000Z';
const OUT = join(__dirname, '.out');
const CHAT_BOX = '[contenteditable=true][role=textbox]';
const CARD = '.ac-adaptiveCard';
const WAIT_MS = 20000;

let bot: E2eBot;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  [bot, browser] = await Promise.all([startSeededBot(NOW), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await bot?.close();
});

async function personOf(staffId: string, aadObjectId: string): Promise<PlaygroundUser> {
  const staff = (await bot.store.staff.get('demo', staffId))?.value;
  if (!staff) throw new Error(`the demo seed has no ${staffId}`);
  return { name: staff.name, email: staff.email, aadObjectId };
}

/** The Playground signed in as one person, in a fresh browser page; the bot has installed itself in their chat. */
async function openChatAs(user: PlaygroundUser, firstCard = 'What I can do'): Promise<{ page: Page; playground: Playground }> {
  const playground = await startPlayground(bot.endpoint, user);
  // Tall enough for the longest card (the session form), so card screenshots are whole.
  const page = await browser.newPage({ viewport: { width: 1280, height: 2400 } });
  await page.goto(playground.url);
  await page.waitForSelector(CHAT_BOX, { timeout: WAIT_MS });
  // Installing the bot sends the welcome (the help card) and links the person by e-mail.
  await cardWith(page, firstCard).waitFor({ timeout: WAIT_MS });
  return { page, playground };
}

const cardWith = (page: Page, text: string): Locator => page.locator(CARD).filter({ hasText: text }).last();

/** Types into the chat box as a person would and waits for the bot's answer: a new card. */
async function say(page: Page, words: string): Promise<Locator> {
  const before = await page.locator(CARD).count();
  const box = page.locator(CHAT_BOX);
  await box.click();
  await box.fill(words);
  await page.keyboard.press('Enter');
  const answer = page.locator(CARD).nth(before);
  await answer.waitFor({ timeout: WAIT_MS });
  return answer;
}

/** A CI artefact: the card itself when given (the chat scrolls inside the page), else the whole window. */
async function shot(page: Page, name: string, card?: Locator): Promise<void> {
  const path = join(OUT, `${name}.png`);
  if (card) await card.screenshot({ path });
  else await page.screenshot({ path });
}

/** The text colour of an element and the first opaque background behind it. */
async function bandColours(locator: Locator): Promise<{ color: string; background: string }> {
  return locator.first().evaluate((element) => {
    // Runs in the page; typed structurally, as this project compiles without the DOM library.
    type Node = { parentElement: Node | null };
    const styleOf = (globalThis as unknown as { getComputedStyle(n: Node): { color: string; backgroundColor: string } }).getComputedStyle;
    const transparent = (n: Node) => /rgba\(\d+, \d+, \d+, 0\)|transparent/.test(styleOf(n).backgroundColor);
    let node: Node | null = element as unknown as Node;
    while (node && transparent(node)) node = node.parentElement;
    return { color: styleOf(element as unknown as Node).color, background: node ? styleOf(node).backgroundColor : 'rgb(255, 255, 255)' };
  });
}

async function text(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ');
}

describe('Agents Playground (a real Teams client) against the bot', () => {
  test('a teacher: help, sessions and RSVP, the questionnaire (empty, then answered), a gap-task plan, my cpd', async () => {
    const teacher = await personOf(demoStaffId('hannah.okafor@riverside.example'), '00000000-0000-0000-0000-00000000e201');
    const { page, playground } = await openChatAs(teacher);
    try {
      // What the scheduler sends her on its own: the invitation, the questionnaire, the gap-task plan request.
      const tick = await bot.scheduler.runOnce();
      expect(tick.dispatched.sent).toBeGreaterThanOrEqual(3);
      const questionnaire = page.locator(CARD).filter({ hasText: 'Send my answers' }).first();
      await questionnaire.waitFor({ timeout: WAIT_MS });
      await cardWith(page, 'Plan your gap task').waitFor({ timeout: WAIT_MS });

      const help = await say(page, 'help');
      expect(await text(help)).toMatch(/What I can do.*sessions.*tasks.*my cpd/);
      expect(await text(help)).not.toContain('new session');

      const sessions = await say(page, 'sessions');
      expect(await text(sessions)).toContain('Adaptive teaching in mixed-attainment classes');
      await sessions.getByRole('button', { name: "I'll be there" }).first().click();
      const booked = page.locator(CARD).filter({ hasText: "You're booked on" }).first();
      await booked.waitFor({ timeout: WAIT_MS });
      await shot(page, 'teacher-rsvp', booked);

      // Sent empty: the card itself marks every required question, and nothing reaches the bot.
      await questionnaire.getByRole('button', { name: 'Send my answers' }).click();
      await questionnaire.getByText('Please answer this question.').first().waitFor({ timeout: WAIT_MS });
      expect(await questionnaire.getByText('Please answer this question.').count()).toBe(3);
      await shot(page, 'teacher-questionnaire-errors', questionnaire);
      await questionnaire.getByRole('radiogroup', { name: /quality of this session/ }).getByLabel('4', { exact: true }).check({ force: true });
      await questionnaire.getByRole('radiogroup', { name: /impact do you think/ }).getByLabel('5 · A great deal').check({ force: true });
      await questionnaire.getByRole('radiogroup', { name: /further or related CPD/ }).getByLabel('Yes').check({ force: true });
      await questionnaire.getByRole('textbox', { name: /Any other comments/ }).fill('More on retrieval grids for practical lessons, please.');
      await questionnaire.getByRole('button', { name: 'Send my answers' }).click();
      const thanks = page.locator(CARD).filter({ hasText: 'Thank you' }).first();
      await thanks.waitFor({ timeout: WAIT_MS });
      await shot(page, 'teacher-questionnaire-answered', thanks);

      const plan = cardWith(page, 'Plan your gap task');
      const boxes = plan.getByRole('textbox');
      const count = await boxes.count();
      expect(count).toBeGreaterThanOrEqual(3);
      for (let i = 0; i < count; i++) await boxes.nth(i).fill(`Retrieval starters with 8B, step ${i + 1}`);
      await plan.getByRole('button', { name: 'Save my plan' }).click();
      const saved = page.locator(CARD).filter({ hasText: 'Your plan is saved' }).first();
      await saved.waitFor({ timeout: WAIT_MS });
      await shot(page, 'teacher-gap-plan', saved);
      // The green confirmation band, as the Playground (Teams' renderer and colours) draws it: WCAG AA.
      const band = await bandColours(saved.getByText('Your plan is saved'));
      const ratio = contrastRatio(band.color, band.background);
      console.log(`green confirmation band in the Playground: ${band.color} on ${band.background}, contrast ${ratio.toFixed(2)}:1`);
      expect(ratio).toBeGreaterThanOrEqual(WCAG_AA_TEXT);

      const record = await say(page, 'my cpd');
      const recordText = await text(record);
      expect(recordText).toContain('My CPD record');
      expect(recordText).toContain('Retrieval practice: part 1');
      expect(recordText).toContain('Adaptive teaching in mixed-attainment classes');
      await shot(page, 'teacher-my-cpd', record);
    } finally {
      await shot(page, 'teacher-last').catch(() => undefined);
      await page.close();
      await playground.stop();
    }
  });

  test('a CPD lead: new session refused with the reasons, then published; then cancelled', async () => {
    const lead = await personOf(demoStaffId('alex.morgan@riverside.example'), '00000000-0000-0000-0000-00000000e202');
    const { page, playground } = await openChatAs(lead);
    try {
      const form = await say(page, 'new session');
      expect(await text(form)).toContain('New CPD session');
      await form.getByRole('textbox', { name: /^Title/ }).fill('Questioning for all');
      // Its date picker is a text box that reads typed ISO dates.
      const date = form.locator('input[placeholder="Select a date..."]');
      await date.fill('2026-12-10');
      await date.press('Tab');
      expect(await date.inputValue()).toBe('December 10, 2026');
      await form.getByRole('textbox', { name: /Meeting link/ }).fill('http://meet.example/insecure');
      await form.getByRole('textbox', { name: /^Places/ }).fill('lots');
      await form.getByRole('button', { name: 'Publish and invite' }).click();
      const refused = page.locator(CARD).filter({ hasText: 'A meeting link must start with https://' }).last();
      await refused.waitFor({ timeout: WAIT_MS });
      expect(await text(refused)).toContain('Give a whole number of places from 1 to 10000.');
      const band = await bandColours(refused.getByText('Please check'));
      const ratio = contrastRatio(band.color, band.background);
      console.log(`attention band in the Playground: ${band.color} on ${band.background}, contrast ${ratio.toFixed(2)}:1`);
      expect(ratio).toBeGreaterThanOrEqual(WCAG_AA_TEXT);
      await shot(page, 'lead-new-session-refused', refused);

      await refused.getByRole('textbox', { name: /Meeting link/ }).fill('https://meet.example/questioning');
      await refused.getByRole('textbox', { name: /^Places/ }).fill('30');
      await refused.getByRole('button', { name: 'Publish and invite' }).click();
      const published = page.locator(CARD).filter({ hasText: '"Questioning for all"' }).filter({ hasText: 'is published' }).first();
      await published.waitFor({ timeout: WAIT_MS });
      await shot(page, 'lead-new-session-published', published);

      const ask = await say(page, 'cancel Questioning for all');
      expect(await text(ask)).toContain('Cancel this session?');
      await ask.getByRole('button', { name: 'Cancel the session' }).click();
      const cancelled = page.locator(CARD).filter({ hasText: 'Session cancelled' }).first();
      await cancelled.waitFor({ timeout: WAIT_MS });
      await shot(page, 'lead-session-cancelled', cancelled);

      // The teacher's list no longer offers it: what the lead did is what staff see.
      const sessions = await say(page, 'sessions');
      expect(await text(sessions)).not.toContain('Questioning for all');
    } finally {
      await shot(page, 'lead-last').catch(() => undefined);
      await page.close();
      await playground.stop();
    }
  });

  test('a new CPD lead named by the deployer: welcomed with the setup checklist on first opening, then setup and unreachable', async () => {
    // As FIRST_CPD_LEAD_EMAIL (or `twilight lead add`) does: someone not yet on the staff list.
    const named = await nameCpdLead({ store: bot.store, clock: bot.clock }, 'demo', { email: 'sam.rivers@riverside.example', name: 'Sam Rivers' });
    expect(named.ok).toBe(true);
    const { page, playground } = await openChatAs({ name: 'Sam Rivers', email: 'sam.rivers@riverside.example', aadObjectId: '00000000-0000-0000-0000-00000000e204' }, 'Welcome to Twilight');
    try {
      const welcome = cardWith(page, 'Welcome to Twilight');
      const welcomeText = await text(welcome);
      expect(welcomeText).toContain("Hello Sam: you are Demo Learning Trust's CPD lead");
      // The demo school has its staff list, but not yet this year's budget or a link to Teams.
      expect(welcomeText).toContain('No CPD budget for 2026-27');
      expect(welcomeText).toContain('Type "budget set');
      await shot(page, 'lead-welcome', welcome);

      const setup = await say(page, 'setup');
      expect(await text(setup)).toContain('Setting up');
      expect(await text(setup)).toContain('Staff list:');

      await say(page, 'budget set trust 6000');
      const after = await say(page, 'setup');
      expect(await text(after)).toContain('CPD budget for 2026-27: set');
      await shot(page, 'lead-setup', after);

      const unreachable = await say(page, 'unreachable');
      expect(await text(unreachable)).toContain('Who could not be reached');
      await shot(page, 'lead-unreachable', unreachable);
    } finally {
      await shot(page, 'new-lead-last').catch(() => undefined);
      await page.close();
      await playground.stop();
    }
  });

  test("a CPD lead's settings: a section on a card, another section by its button, a refusal beside its field, then saved and in the history", async () => {
    const lead = await personOf(demoStaffId('alex.morgan@riverside.example'), '00000000-0000-0000-0000-00000000e202');
    const { page, playground } = await openChatAs(lead);
    try {
      const schools = await say(page, 'settings');
      expect(await text(schools)).toContain('Schools and who leads them');
      await shot(page, 'lead-settings-schools', schools);
      await schools.getByRole('button', { name: 'Messages and reminders' }).click();
      const messages = page.locator(CARD).filter({ hasText: 'Quiet hours' }).last();
      await messages.waitFor({ timeout: WAIT_MS });
      await messages.getByRole('textbox', { name: /^Quiet hours/ }).fill('evenings');
      await messages.getByRole('button', { name: 'Save' }).click();
      const refused = page.locator(CARD).filter({ hasText: 'Give two times as HH:MM-HH:MM, e.g. 18:00-07:30.' }).last();
      await refused.waitFor({ timeout: WAIT_MS });
      expect(await text(refused)).toContain('Nothing was saved');
      await shot(page, 'lead-settings-refused', refused);

      await refused.getByRole('textbox', { name: /^Quiet hours/ }).fill('19:00-07:00');
      await refused.getByRole('button', { name: 'Save' }).click();
      const saved = page.locator(CARD).filter({ hasText: 'Saved. Quiet hours:' }).last();
      await saved.waitFor({ timeout: WAIT_MS });
      expect(await text(saved)).toContain('→ 19:00-07:00');
      await shot(page, 'lead-settings-saved', saved);
      expect((await bot.store.calendars.get('demo', 'calendar'))?.value.quietHours).toEqual({ start: '19:00', end: '07:00' });

      const history = await say(page, 'settings history');
      expect(await text(history)).toContain('quiet-hours');
      await shot(page, 'lead-settings-history', history);
    } finally {
      await shot(page, 'lead-settings-last').catch(() => undefined);
      await page.close();
      await playground.stop();
    }
  });

  test('mentoring: the lead names a mentor in chat; the mentor is reminded of this week\'s meeting and records it on the card', async () => {
    const hannah = demoStaffId('hannah.okafor@riverside.example');
    const rachel = demoStaffId('rachel.green@riverside.example');
    const lead = await personOf(demoStaffId('alex.morgan@riverside.example'), '00000000-0000-0000-0000-00000000e202');
    const chat = await openChatAs(lead);
    try {
      const named = await say(chat.page, 'mentor Hannah Okafor subject mentor Rachel Green');
      expect(await text(named)).toContain('Rachel Green');
      await shot(chat.page, 'lead-mentor-named', named);
    } finally {
      await chat.page.close();
      await chat.playground.stop();
    }
    expect((await bot.store.mentoringLinks.find('demo', { where: { menteeId: hannah } })).map((l) => l.value)).toEqual([expect.objectContaining({ mentorId: rachel, role: 'subject-mentor', source: 'chat' })]);

    // A meeting of this school week (the week of Monday 30 November), as assigning a programme plans it.
    const assignmentId = 'e2e-assignment';
    await bot.store.mentoringMeetings.put(
      MentoringMeeting.parse({ tenantId: 'demo', id: mentoringMeetingId(assignmentId, 'w13'), assignmentId, menteeId: hannah, mentorId: rachel, with: 'subject-mentor', itemKey: 'w13', kind: 'meeting', focus: 'Questioning to check understanding.', weekStart: '2026-11-30', status: 'planned', updatedAt: NOW }),
    );
    const mentor = await personOf(rachel, '00000000-0000-0000-0000-00000000e203');
    const { page, playground } = await openChatAs(mentor);
    try {
      await bot.scheduler.runOnce();
      const reminder = cardWith(page, 'Meeting with Hannah Okafor');
      await reminder.waitFor({ timeout: WAIT_MS });
      expect(await text(reminder)).toContain('Questioning to check understanding.');
      await shot(page, 'mentor-reminder', reminder);

      await reminder.getByRole('button', { name: 'Record the meeting' }).click();
      const form = cardWith(page, 'Save the record');
      await form.waitFor({ timeout: WAIT_MS });
      await form.getByRole('textbox', { name: /^What went well/ }).fill('Cold calling after wait time; every pupil answered once.');
      await form.getByRole('button', { name: 'Save the record' }).click();
      const saved = cardWith(page, 'Saved.');
      await saved.waitFor({ timeout: WAIT_MS });
      expect(await text(saved)).toContain('Hannah Okafor is sent the record');
      await shot(page, 'mentor-record-saved', saved);
      expect((await bot.store.mentoringMeetings.get('demo', mentoringMeetingId(assignmentId, 'w13')))?.value).toMatchObject({ status: 'held', record: { recordedBy: rachel, wentWell: 'Cold calling after wait time; every pupil answered once.' } });
    } finally {
      await shot(page, 'mentor-last').catch(() => undefined);
      await page.close();
      await playground.stop();
    }
  });
});
