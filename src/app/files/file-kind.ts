import type { SchoolFileKind } from '../../cards/views/setup';
import { headerKey, readCsvLines } from '../../imports/csv-rows';

export type FileKindResult = { ok: true; kind: SchoolFileKind } | { ok: false; message: string };

export const FILE_KIND_LABELS: Record<SchoolFileKind, string> = {
  staff: 'Staff list',
  programme: 'Programme',
  calendar: 'Term calendar',
  statutory: 'Statutory training',
  qualifications: 'Qualifications',
  'questionnaire-templates': 'Questionnaire templates',
  'mentoring-programmes': 'Mentoring programmes',
};

const EMAIL = /^(e?mail|emailaddress|workemail|schoolemail|staffemail|userprincipalname|upn)/;
const has = (keys: ReadonlySet<string>, ...names: string[]) => names.some((n) => keys.has(n));

export const JSON_FILES_TAKEN =
  'The JSON files I take are questionnaire templates (what "templates export" gives: "version" and "templates") and mentoring programmes (what "programmes export" gives: "programmes").';

/** A JSON file is known by its shape, whatever it is called: the file `templates export` or `programmes export` gives. */
function jsonFileKind(body: string): FileKindResult {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return { ok: false, message: `This is not a JSON file I can read (${(error as Error).message}): check the last edit (a missing comma or quote). ${JSON_FILES_TAKEN}` };
  }
  const list = (key: string) => typeof json === 'object' && json !== null && !Array.isArray(json) && Array.isArray((json as Record<string, unknown>)[key]);
  if (list('templates') && !list('programmes')) return { ok: true, kind: 'questionnaire-templates' };
  if (list('programmes') && !list('templates')) return { ok: true, kind: 'mentoring-programmes' };
  return { ok: false, message: `I can't tell which file this is: it is JSON, but not questionnaire templates or mentoring programmes. ${JSON_FILES_TAKEN}` };
}

/**
 * Which import a file is, from its extension and headings, the way a lead would tell: a calendar
 * is an .ics (or has a start date and no e-mail), training has a topic and an expiry, a
 * qualification names one, a programme has titles, dates and times, and a staff list has e-mails.
 * JSON (a .json name, or text that starts like JSON) is questionnaire templates or mentoring programmes by its shape.
 */
export function schoolFileKind(fileName: string, text: string): FileKindResult {
  const body = text.replace(/^\uFEFF/, '');
  if (/\.ics$/i.test(fileName) || /^\s*BEGIN:VCALENDAR/i.test(body)) return { ok: true, kind: 'calendar' };
  if (/\.json$/i.test(fileName) || /^\s*[{[]/.test(body)) return jsonFileKind(body);
  const read = readCsvLines(body);
  if (!read.ok) return read;
  const keys = new Set(read.lines[0]!.cells.map(headerKey));
  const email = [...keys].some((k) => EMAIL.test(k));
  if (email && has(keys, 'topic', 'training', 'course') && has(keys, 'expires', 'expireson', 'expirydate', 'renewby', 'completed', 'completedon', 'datecompleted')) return { ok: true, kind: 'statutory' };
  if (email && (has(keys, 'qualification') || (has(keys, 'title') && has(keys, 'awarded', 'awardedon', 'started', 'startedon')))) return { ok: true, kind: 'qualifications' };
  if (email) return { ok: true, kind: 'staff' };
  if (has(keys, 'title', 'session', 'sessiontitle') && has(keys, 'date', 'day') && has(keys, 'start', 'starttime', 'from', 'time', 'times', 'sessiontime')) return { ok: true, kind: 'programme' };
  if (has(keys, 'start', 'startdate', 'from', 'firstday', 'date', 'dates', 'fromdate')) return { ok: true, kind: 'calendar' };
  return {
    ok: false,
    message: `I can't tell which list this is from its headings (${read.lines[0]!.cells.filter(Boolean).slice(0, 8).join(', ')}). I take a staff list (with an E-mail column), the programme (Title, Category, Date, Start, End), the term calendar (.ics, or Type, Name, Start, End), statutory training (E-mail, Topic, Completed, Expires) or qualifications (E-mail, Qualification); and, as .json, questionnaire templates and mentoring programmes (what "templates export" and "programmes export" give).`,
  };
}
