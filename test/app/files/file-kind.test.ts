import { schoolFileKind } from '../../../src/app/files';

describe('which import a file sent to the bot is, from its extension and headings', () => {
  it.each([
    ['term-dates.ics', 'BEGIN:VCALENDAR\r\nEND:VCALENDAR', 'calendar'],
    ['dates.txt', '\uFEFFBEGIN:VCALENDAR\r\nEND:VCALENDAR', 'calendar'],
    ['calendar.csv', 'Type,Name,Start,End\r\nterm,Autumn,2026-09-02,2026-10-23', 'calendar'],
    ['export.csv', 'Forename,Surname,Work Email,Job Title,Line Manager\r\nA,B,a@b.example,Teacher,', 'staff'],
    ['programme.csv', 'Title,Category,Date,Start,End,Audience\r\nRetrieval,pedagogy,2026-11-24,16:00,17:30,trust', 'programme'],
    ['hr.csv', 'Email Address,Training,Date Completed,Expiry Date\r\na@b.example,Safeguarding,2026-09-01,2027-09-01', 'statutory'],
    ['quals.csv', 'Email,Qualification,Awarded\r\na@b.example,NPQH,2024-07-01', 'qualifications'],
  ])('%s is a %s file', (name, text, kind) => {
    expect(schoolFileKind(name, text)).toEqual({ ok: true, kind });
  });

  it.each([
    ['templates.json', '{ "version": 1, "templates": [] }', 'questionnaire-templates'],
    ['programmes.json', '\uFEFF{ "programmes": [{ "id": "x" }] }', 'mentoring-programmes'],
    // Known by its shape, not its name: a renamed or extension-less export is still recognised.
    ['our-questions (1).txt', '\n  { "templates": [{ "id": "t" }], "version": 1 }', 'questionnaire-templates'],
    ['templates.json', '{ "programmes": [] }', 'mentoring-programmes'],
  ])('%s (%s) is a JSON file of %s', (name, text, kind) => {
    expect(schoolFileKind(name, text)).toEqual({ ok: true, kind });
  });

  it('JSON that is neither, or not JSON at all though named .json, is refused saying which JSON files are taken', () => {
    for (const [name, text, why] of [
      ['settings.json', '{ "schools": [] }', /it is JSON, but not questionnaire templates or mentoring programmes/],
      ['both.json', '{ "templates": [], "programmes": [] }', /it is JSON, but not/],
      ['list.json', '[1, 2]', /it is JSON, but not/],
      ['templates.json', '{ "version": 1, "templates": [ ', /^This is not a JSON file I can read \(.+\): check the last edit/],
    ] as const) {
      const result = schoolFileKind(name, text);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toMatch(why);
      expect(!result.ok && result.message).toContain('The JSON files I take are questionnaire templates');
    }
  });

  it('a file with none of the headings is answered with what each import needs, not guessed', () => {
    const result = schoolFileKind('notes.csv', 'Colour,Size\r\nred,3');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/can't tell which list this is from its headings \(Colour, Size\)/);
  });
});
