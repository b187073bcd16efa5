import { countOf } from '../domain/count-of';
import { deterministicId, Session, type Audience, type Staff, type Tenant } from '../domain';
import type { Store } from '../store/store';
import type { Versioned } from '../store/port';
import { checkRow, readCsv, sameRecord } from './csv-rows';
import type { ImportOptions, ImportResult, RowError } from './import-result';
import { localInstant } from './local-instant';
import { PROGRAMME_HEADER_ALIASES, ProgrammeRow, type AudienceCell } from './programme-row';
import { parseTimeRange } from './school-cells';

export function sessionIdFor(title: string, startsAt: string): string {
  return deterministicId('ses', title.trim().toLowerCase(), startsAt);
}

export function seriesIdFor(series: string): string {
  return deterministicId('series', series.trim().toLowerCase());
}

interface PlannedRow {
  row: number;
  data: ProgrammeRow;
  startsAt: string;
  endsAt: string;
  id: string;
}

export interface ProgrammeImportOptions extends ImportOptions {
  /** Publish new sessions at once (invitations go out); otherwise they are drafts for the lead. */
  publish?: boolean;
  now: Date;
  /** Runs once the file has been accepted, before the first write (the CLI stores a new tenant here). */
  beforeWrite?: () => Promise<void>;
}

function audienceOf(cell: AudienceCell, tenant: Tenant, staffByEmail: ReadonlyMap<string, Staff>): Audience | string {
  switch (cell.kind) {
    case 'trust':
      return { kind: 'trust' };
    case 'pathway':
      return { kind: 'pathway', pathway: cell.pathway };
    case 'department':
      return { kind: 'department', department: cell.department };
    case 'school': {
      const school = tenant.schools.find((s) => s.id === cell.school || s.name.toLowerCase() === cell.school.toLowerCase());
      return school ? { kind: 'school', schoolId: school.id } : `unknown school "${cell.school}"`;
    }
    case 'staff': {
      const missing = cell.emails.filter((e) => !staffByEmail.has(e));
      if (missing.length > 0) return `not in the staff list: ${missing.join(', ')} (import the roster first)`;
      return { kind: 'staff', staffIds: cell.emails.map((e) => staffByEmail.get(e)!.id) };
    }
  }
}

/**
 * Imports the year's programme. Local dates and times are read in the tenant's zone; follow-up
 * links are resolved once every row is known (by title: the first later session of that name).
 * Sessions are keyed by title and start, so re-importing the same file changes nothing.
 */
export async function importProgramme(
  deps: { store: Store },
  tenant: Tenant,
  csvText: string,
  options: ProgrammeImportOptions,
): Promise<ImportResult> {
  const read = readCsv(csvText, PROGRAMME_HEADER_ALIASES, ['title', 'category', 'date']);
  if (!read.ok) return { ok: false, message: read.message, errors: [] };
  // A school's calendar often gives a session's times in one cell ("15:45-17:00"): that, or Start and End.
  const startAndEnd = read.keys.includes('start') && read.keys.includes('end');
  const oneTimeColumn = !startAndEnd && read.keys.includes('time');
  if (!startAndEnd && !oneTimeColumn) {
    return { ok: false, message: 'The file has no column for: start, end (or one Time column, e.g. 15:45-17:00).', errors: [] };
  }
  const zone = tenant.settings.timezone;
  const staff = (await deps.store.staff.find(tenant.id)).map((v) => v.value);
  const staffByEmail = new Map(staff.map((s) => [s.email, s]));

  const errors: RowError[] = [];
  const planned: PlannedRow[] = [];
  const ids = new Map<string, number>();
  for (const { row, record: cells } of read.rows) {
    const times = oneTimeColumn ? parseTimeRange(cells.time ?? '') : undefined;
    if (oneTimeColumn && !times) {
      errors.push({ row, reason: `time: "${cells.time ?? ''}" is not a start and an end (use 15:45-17:00 or 3.45pm – 5pm)` });
      continue;
    }
    const record = times ? { ...cells, ...times } : cells;
    const checked = checkRow(ProgrammeRow, row, record);
    if (!checked.ok) {
      errors.push(checked.error);
      continue;
    }
    const data = checked.value;
    const start = localInstant(data.date, data.start, zone);
    const end = localInstant(data.date, data.end, zone);
    if (!start.ok || !end.ok) {
      errors.push({ row, reason: (!start.ok ? start.reason : !end.ok ? end.reason : '') });
      continue;
    }
    const id = sessionIdFor(data.title, start.instant);
    if (ids.has(id)) {
      errors.push({ row, reason: `the same session is already on row ${ids.get(id)}` });
      continue;
    }
    ids.set(id, row);
    planned.push({ row, data, startsAt: start.instant, endsAt: end.instant, id });
  }

  const existing = new Map<string, Versioned<Session>>(
    (await deps.store.sessions.find(tenant.id, { where: { id: { in: planned.map((p) => p.id) } } })).map((v) => [v.value.id, v] as const),
  );
  const docs: { row: number; doc: Session; before?: Versioned<Session> }[] = [];
  for (const p of planned) {
    const { data } = p;
    const audience = audienceOf(data.audience, tenant, staffByEmail);
    let followUpSessionId: string | undefined;
    if (data.followup !== undefined) {
      const target = planned
        .filter((o) => o.data.title.toLowerCase() === data.followup!.toLowerCase() && o.startsAt > p.startsAt)
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
      if (!target) {
        errors.push({ row: p.row, reason: `follow-up "${data.followup}" is not a later session in this file` });
        continue;
      }
      followUpSessionId = target.id;
    }
    if (typeof audience === 'string') {
      errors.push({ row: p.row, reason: audience });
      continue;
    }
    const facilitator = data.facilitator === undefined ? undefined : staffByEmail.get(data.facilitator.toLowerCase());
    const before = existing.get(p.id);
    const placeChanged =
      before !== undefined && (before.value.location.place !== data.place || before.value.location.meetingUrl !== data.meetinglink);
    const doc = Session.parse({
      ...(before?.value ?? {}),
      tenantId: tenant.id,
      id: p.id,
      title: data.title,
      description: data.description,
      category: data.category,
      kind: data.kind,
      startsAt: p.startsAt,
      endsAt: p.endsAt,
      location: { place: data.place, meetingUrl: data.meetinglink },
      capacity: data.capacity,
      audience,
      compulsory: data.compulsory ?? data.kind === 'twilight',
      seriesId: data.series ? seriesIdFor(data.series) : undefined,
      followUpSessionId,
      gapTask: data.intent && data.gaptask ? { intent: data.intent, task: data.gaptask } : undefined,
      facilitatorIds: facilitator ? [facilitator.id] : (before?.value.facilitatorIds ?? []),
      externalFacilitator: data.facilitator !== undefined && !facilitator ? data.facilitator : undefined,
      // A file without the columns leaves what the session form set.
      provider: data.provider ?? before?.value.provider,
      costPence: data.cost ?? before?.value.costPence,
      status: before?.value.status ?? (options.publish ? 'published' : 'draft'),
      publishedAt: before?.value.publishedAt ?? (options.publish ? options.now.toISOString() : undefined),
      // A new place means "session changed" messages with a fresh id.
      revision: (before?.value.revision ?? 0) + (placeChanged ? 1 : 0),
    });
    docs.push({ row: p.row, doc, ...(before ? { before } : {}) });
  }

  errors.sort((a, b) => a.row - b.row);
  // Rows already past are kept (a record of what ran) but nobody is invited to them: say so.
  const nowIso = options.now.toISOString();
  const notes = planned
    .filter((p) => p.startsAt <= nowIso && docs.some((d) => d.doc.id === p.id && !d.before))
    .map((p) => `row ${p.row}: "${p.data.title}" on ${p.data.date} is in the past: it is kept as a record, and nobody is invited to it.`);
  if (errors.length > 0 && !options.skipBad) {
    return { ok: false, message: `Nothing was imported: ${countOf(errors.length, 'row needs', 'rows need')} fixing.`, errors, notes };
  }
  // With skipBad, a session whose follow-up row was bad would point at nothing: drop the link.
  const kept = new Set(docs.map((d) => d.doc.id));
  const counts = { created: 0, updated: 0, unchanged: 0, skipped: read.rows.length - docs.length };
  if (!options.dryRun) await options.beforeWrite?.();
  let done = 0;
  for (const { doc, before } of docs) {
    const next = doc.followUpSessionId && !kept.has(doc.followUpSessionId) ? { ...doc, followUpSessionId: undefined } : doc;
    if (before && sameRecord(before.value, next)) counts.unchanged += 1;
    else if (options.dryRun) counts[before ? 'updated' : 'created'] += 1;
    else {
      const written = await deps.store.sessions.put(next, before ? { ifVersion: before.version } : {});
      if (!written.ok) throw new Error(`session ${next.id} changed while importing (${written.reason}); run the import again`);
      if (before) counts.updated += 1;
      else counts.created += 1;
    }
    options.onProgress?.(++done, docs.length);
  }
  const drafts = docs.filter((d) => !d.before && d.doc.status === 'draft' && d.doc.startsAt > nowIso).length;
  if (drafts > 0) {
    notes.push(
      `${drafts} new session${drafts === 1 ? ' is a draft' : 's are drafts'}: nobody is invited until you publish (npm run cli -- programme publish, or import again with --publish).`,
    );
  }
  return { ok: true, counts, errors, notes };
}
