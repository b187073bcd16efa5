import { readFileSync } from 'node:fs';
import { runCommand } from '../../src/app/commands';
import type { NoticeView } from '../../src/cards/views';
import { importCalendar } from '../../src/imports/import-calendar';
import { smallSchool } from '../support/app-world';

const text = (view: unknown) => (view as NoticeView).notice;

describe('chat forms of the school-data commands (embedded store)', () => {
  test('calendar: says there is none, then prints the year with each holiday\'s own name', async () => {
    const w = await smallSchool();
    expect(text(await runCommand(w.deps, w.actor('ada'), 'calendar'))).toMatchObject({ tone: 'attention', text: expect.stringContaining('no school calendar yet') });
    await importCalendar(w.deps, w.tenant, readFileSync('examples/calendar/england-2026-27.ics', 'utf8'), 'england-2026-27.ics');
    const shown = text(await runCommand(w.deps, w.actor('ada'), 'term dates'));
    expect(shown.tone).toBe('info');
    expect(shown.text).toContain('Mon 21 Dec 2026 \u2013 Fri 1 Jan 2027   Christmas Holidays (holiday: no messages)');
  });

  test('away until <date>: for yourself, or a lead for someone else; bad dates and non-leads are told why', async () => {
    const w = await smallSchool();
    expect(text(await runCommand(w.deps, w.actor('ada'), 'away until 4 January 2027'))).toEqual({ tone: 'good', text: 'You are away until Monday 4 January: no reminders or nudges before then.' });
    expect((await w.store.staff.get('t1', 'ada'))!.value.awayUntil).toBe('2027-01-04');
    expect(text(await runCommand(w.deps, w.actor('ada'), 'away until yesterday'))).toMatchObject({ tone: 'attention', text: expect.stringContaining('"yesterday" is not a date') });
    expect(text(await runCommand(w.deps, w.actor('ada'), 'away ben@school.example until 2027-01-04'))).toMatchObject({ tone: 'attention', text: expect.stringContaining('Only CPD leads') });
    expect(text(await runCommand(w.deps, w.actor('lead'), 'away ben@school.example until 2027-01-04'))).toMatchObject({ tone: 'good', text: expect.stringMatching(/^Ben Teacher is away until Monday 4 January/) });
    expect(text(await runCommand(w.deps, w.actor('ada'), 'away'))).toMatchObject({ text: expect.stringMatching(/^Say "away until/) });
  });

  test('templates: leads see the questionnaires and how to change them; help lists the new commands', async () => {
    const w = await smallSchool();
    expect(text(await runCommand(w.deps, w.actor('ada'), 'templates')).text).toContain('Only CPD leads');
    const shown = text(await runCommand(w.deps, w.actor('lead'), 'templates')).text;
    expect(shown).toContain('Reaction questionnaire (level 1) (5 questions, the default)');
    expect(shown).toContain('Learning and actions');
    expect(shown).toContain('templates export');
    const help = await runCommand(w.deps, w.actor('lead'), 'help');
    expect(JSON.stringify(help)).toContain('"command":"calendar"');
    expect(JSON.stringify(help)).toContain('"command":"templates"');
  });
});
