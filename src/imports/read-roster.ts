import type { z } from 'zod';
import { readCsvLines, type CsvLine } from './csv-rows';
import type { RowError } from './import-result';
import {
  exampleHeadings,
  FIELD_LABELS,
  looksLikeRosterHeadings,
  resolveRosterLayout,
  type ColumnMap,
  type RosterColumn,
  type RosterField,
  type RosterLayout,
} from './roster-headings';
import { ActiveCell, EmailCell, isActiveWord, LineManagerCell, MentorCell, PathwayCell, positionsIn, RoleCell, textCell, type StaffRosterRow } from './staff-roster-row';
import { MENTOR_COLUMN_ENTRIES } from './roster-mentor-columns';

/** A row that read cleanly, with every name the person goes by (for line managers given by name). */
export interface ReadRosterRow {
  row: number;
  data: StaffRosterRow;
  names: string[];
  /** The file's heading each value came from, for messages about it later. */
  headings: Partial<Record<RosterField, string>>;
}

export interface ReadRoster {
  rows: ReadRosterRow[];
  errors: RowError[];
  /** Headings that feed nothing, as the file spells them. */
  ignored: string[];
  /** Things the reader decided that the person should know (a title line skipped, a column not used). */
  notes: string[];
  /** Which fields the file has a column for: only those are changed on people already stored. */
  present: ReadonlySet<RosterField>;
  total: number;
}

const HEADING_SEARCH_LINES = 10;

/**
 * Reads a roster export into rows: finds the heading line (some MIS reports put a title above
 * it), matches headings to fields, and parses every cell, naming the file's heading in errors.
 */
export function readRoster(text: string, map: ColumnMap): { ok: true; roster: ReadRoster } | { ok: false; message: string; ignored: string[] } {
  const read = readCsvLines(text);
  if (!read.ok) return { ok: false, message: read.message, ignored: [] };
  const found = read.lines.slice(0, HEADING_SEARCH_LINES).findIndex((l) => looksLikeRosterHeadings(l.cells, map));
  const headingAt = Math.max(found, 0);
  const headings = read.lines[headingAt]!.cells;
  const resolved = resolveRosterLayout(headings, map);
  if (!resolved.ok) return { ok: false, message: resolved.message, ignored: [] };
  const { layout } = resolved;
  const notes: string[] = [];
  if (headingAt > 0) notes.push(`Lines above the headings on line ${read.lines[headingAt]!.line} were skipped (a report title).`);

  const missing = missingColumns(layout);
  if (missing) {
    const help = `The file's headings are: ${headings.filter(Boolean).join(', ')}. To use another column: --map "Your Heading=${missing.field}".`;
    return { ok: false, message: `The file has no ${missing.what} column: looked for a heading like ${exampleHeadings(missing.field)}. ${help}`, ignored: layout.ignored };
  }
  for (const g of layout.guessed) notes.push(`The "${g.heading}" column was read as the ${FIELD_LABELS[g.field]} (if that is wrong: --map "${g.heading}=ignore").`);
  const body = withoutFooter(read.lines.slice(headingAt + 1), layout, notes);
  const ignored = [...layout.ignored];
  dropUnreadableStatus(layout, body, ignored, notes);
  roleColumnAsJobTitle(layout, body, notes);

  const rows: ReadRosterRow[] = [];
  const errors: RowError[] = [];
  for (const line of body) {
    const result = readRow(layout, line);
    if (result.ok) rows.push(result.row);
    else errors.push(...result.errors);
  }
  const present = new Set(Object.keys(layout.columns) as RosterField[]);
  if (present.has('firstName') || present.has('lastName')) present.add('name');
  return { ok: true, roster: { rows, errors, ignored, notes, present, total: body.length } };
}

function missingColumns(layout: RosterLayout): { field: RosterField; what: string } | undefined {
  const has = (f: RosterField) => (layout.columns[f]?.length ?? 0) > 0;
  if (!has('email')) return { field: 'email', what: 'e-mail' };
  if (!has('name') && !has('firstName') && !has('lastName')) return { field: 'name', what: 'name (a full name, or forename and surname)' };
  return undefined;
}

/**
 * "Status" means active/suspended in a Google export but can mean "Full time" elsewhere: a
 * status-like column whose values are not all active words is not used (and the person is told).
 */
function dropUnreadableStatus(layout: RosterLayout, body: readonly CsvLine[], ignored: string[], notes: string[]): void {
  const columns = layout.columns.active;
  if (!columns) return;
  layout.columns.active = columns.filter((c) => {
    if (c.rank <= 0) return true;
    const odd = body.map((l) => l.cells[c.index] ?? '').find((v) => v !== '' && !isActiveWord(v));
    if (odd === undefined) return true;
    ignored.push(c.heading);
    notes.push(`The "${c.heading}" column was not used to mark leavers: "${odd}" is not active or inactive.`);
    return false;
  });
}

/**
 * Report exports end with lines like "Total: 45 staff" or "Printed by ... on ...": trailing lines
 * with no e-mail and at most one filled cell are left out, and the person is told.
 */
function withoutFooter(body: CsvLine[], layout: RosterLayout, notes: string[]): CsvLine[] {
  const emailColumns = layout.columns.email ?? [];
  let end = body.length;
  while (end > 0) {
    const line = body[end - 1]!;
    const hasEmail = emailColumns.some((c) => (line.cells[c.index] ?? '').trim() !== '');
    if (hasEmail || line.cells.filter((c) => c.trim() !== '').length > 1) break;
    end -= 1;
  }
  for (const line of body.slice(end)) notes.push(`Line ${line.line} was skipped: it looks like a footer ("${line.cells.find((c) => c.trim())?.slice(0, 60) ?? ''}").`);
  return body.slice(0, end);
}

/**
 * "Role" is Twilight's access role in its own layout, but many MIS exports use it for the post
 * ("Cover Supervisor"). When most of its values are not Twilight roles and the file has no job
 * title column, it is read as the job title instead (and the person is told); otherwise each value
 * that is not a role is an error as usual.
 */
function roleColumnAsJobTitle(layout: RosterLayout, body: readonly CsvLine[], notes: string[]): void {
  const roleColumns = layout.columns.role;
  if (!roleColumns || layout.columns.jobTitle) return;
  const column = roleColumns[0]!;
  const values = body.map((l) => (l.cells[column.index] ?? '').trim()).filter(Boolean);
  const roles = values.filter((v) => RoleCell.safeParse(v).success).length;
  if (values.length === 0 || roles * 2 > values.length) return;
  delete layout.columns.role;
  layout.columns.jobTitle = roleColumns.map((c) => ({ ...c, rank: 0 }));
  notes.push(`The "${column.heading}" column holds job titles (e.g. "${values.find((v) => !RoleCell.safeParse(v).success)}"), so it was read as the job title; everyone is staff unless a "Twilight Role" column says otherwise.`);
}

interface Cell {
  value: string;
  heading: string;
}

/** The best column with a value on this line, or the first column's heading when all are blank. */
function cellOf(layout: RosterLayout, line: CsvLine, field: RosterField): Cell | { value: undefined; heading: string } | undefined {
  const columns: RosterColumn[] | undefined = layout.columns[field];
  if (!columns || columns.length === 0) return undefined;
  for (const c of columns) {
    const value = (line.cells[c.index] ?? '').trim();
    if (value !== '') return { value, heading: c.heading };
  }
  return { value: undefined, heading: columns.map((c) => c.heading).join(' / ') };
}

function surnameFirst(name: string): string {
  const parts = name.split(',');
  return parts.length === 2 && parts[0]!.trim() && parts[1]!.trim() ? `${parts[1]!.trim()} ${parts[0]!.trim()}` : name;
}

function allValues(layout: RosterLayout, line: CsvLine, field: RosterField): string[] {
  return (layout.columns[field] ?? []).map((c) => (line.cells[c.index] ?? '').trim()).filter(Boolean);
}

function readRow(layout: RosterLayout, line: CsvLine): { ok: true; row: ReadRosterRow } | { ok: false; errors: RowError[] } {
  const errors: RowError[] = [];
  const row = line.line;
  const fail = (heading: string, reason: string) => errors.push({ row, reason: `${heading}: ${reason}` });
  const parse = <S extends z.ZodType>(schema: S, cell: Cell): z.infer<S> | undefined => {
    const parsed = schema.safeParse(cell.value);
    if (parsed.success) return parsed.data as z.infer<S>;
    fail(cell.heading, parsed.error.issues.map((i) => i.message).join('; '));
    return undefined;
  };
  const headings: Partial<Record<RosterField, string>> = {};
  const optional = <S extends z.ZodType>(field: RosterField, schema: S): z.infer<S> | undefined => {
    const cell = cellOf(layout, line, field);
    if (cell) headings[field] = cell.heading;
    return cell?.value === undefined ? undefined : parse(schema, cell as Cell);
  };

  const emailCell = cellOf(layout, line, 'email')!;
  headings.email = emailCell.heading;
  let email: string | undefined;
  if (emailCell.value === undefined) fail(emailCell.heading, 'missing (every person needs an e-mail address)');
  else email = parse(EmailCell, emailCell as Cell);

  const firsts = allValues(layout, line, 'firstName');
  const lasts = allValues(layout, line, 'lastName');
  const built = [firsts[0], lasts[0]].filter(Boolean).join(' ');
  const nameCell = cellOf(layout, line, 'name');
  // "Green, Rachel" in a single name column is read as Rachel Green (SIMS lists surname first).
  const name = nameCell?.value !== undefined ? surnameFirst(nameCell.value) : built;
  if (name === '') {
    const headings = [nameCell?.heading, ...(layout.columns.firstName ?? []).map((c) => c.heading), ...(layout.columns.lastName ?? []).map((c) => c.heading)];
    fail(headings.filter(Boolean).join(' / '), 'missing (every person needs a name)');
  } else if (name.length > 200) fail(nameCell?.heading ?? 'name', 'longer than 200 characters');

  const roleCell = cellOf(layout, line, 'role');
  const roles = roleCell?.value === undefined ? ['staff' as const] : parse(RoleCell, roleCell as Cell);
  const jobTitle = optional('jobTitle', textCell(200));
  const department = optional('department', textCell(100));
  const pathway = optional('pathway', PathwayCell);
  const school = optional('school', textCell(200));
  const lineManager = optional('lineManager', LineManagerCell);
  const active = optional('active', ActiveCell);
  // Mentoring columns (issue 30): a blank cell in a column the file has ends that supporter's link.
  let mentors: StaffRosterRow['mentors'];
  for (const [role, field] of MENTOR_COLUMN_ENTRIES) {
    const cell = cellOf(layout, line, field);
    if (!cell) continue;
    headings[field] = cell.heading;
    const value = cell.value === undefined ? 'none' : parse(MentorCell, cell as Cell);
    if (value !== undefined) (mentors ??= {})[role] = value;
  }

  if (errors.length > 0 || email === undefined || roles === undefined) return { ok: false, errors };
  // Every way the file names this person, so a manager "Mrs R Green" or "Rachel Green" finds her.
  const names = new Set([name, nameCell?.value ?? '', built, ...firsts.flatMap((f) => lasts.map((l) => `${f} ${l}`))].filter(Boolean));
  return {
    ok: true,
    row: {
      row,
      names: [...names],
      headings,
      data: { email, name, roles, jobTitle, department, lineManager, pathway, school, positions: [...new Set([...positionsIn(roleCell?.value), ...positionsIn(jobTitle)])], active: active ?? true, ...(mentors ? { mentors } : {}) },
    },
  };
}
