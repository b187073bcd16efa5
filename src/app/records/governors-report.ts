import { KIND_LABELS, PATHWAY_GROUP_NAMES, type CpdLogEntry, type Participation, type Qualification, type Session, type Staff, type StatutoryTraining, type Tenant } from '../../domain';
import type { GovernorsReportRow, GovernorsReportView } from '../../cards/views/governors-report';
import type { ProgrammeReportView } from '../reports';
import { dayText } from '../reports';
import { sessionHours } from './record-rows';
import { localDateOf } from '../../domain/school-time';
import type { SchoolTerm } from './school-term';
import { moneyRows, type GovernorsMoneyInput } from './governors-money';
import { qualificationRows } from './governors-qualifications';

const PATHWAY_LABELS = PATHWAY_GROUP_NAMES;
const NO_GROUP = 'No staff group given';

export interface GovernorsReportInput {
  tenant: Tenant;
  term: SchoolTerm;
  /** The day the report is made (YYYY-MM-DD, tenant zone): statutory training is judged on it. */
  today: string;
  /** The moment the report is made: only sessions that have ended by then count as held. */
  now: Date;
  sessions: readonly Session[];
  participations: readonly Participation[];
  staff: readonly Staff[];
  logged: readonly CpdLogEntry[];
  statutory: readonly StatutoryTraining[];
  /** The programme report (src/app/reports/programme-report.ts) for the same term: categories, ratings and levels. */
  programme: ProgrammeReportView;
  /** Spending against budget and courses funded (issue 26 item 3); absent: the sections are left out. */
  money?: GovernorsMoneyInput;
  /** The staff's qualifications, for those started and gained in the period; absent: the section is left out. */
  qualifications?: readonly Qualification[];
  /** One school's report (its name), and what its figures cover; absent: the whole trust. */
  school?: { name: string; scope: string };
}

/** The sections issue 26 item 3 added: money, courses funded, qualifications (each its own function's rows). */
function fundingAndQualifications(input: GovernorsReportInput, people: (n: number) => string, withheld: string): GovernorsReportView['sections'] {
  const min = input.tenant.settings.minAggregateCount;
  const day = (iso: string) => localDateOf(new Date(iso), input.tenant.settings.timezone);
  const money = input.money ? moneyRows(input.money, people) : undefined;
  return [
    ...(money ? [{ title: 'Spending against budget', rows: money.spending }, { title: 'Courses funded', rows: money.courses }] : []),
    ...(input.qualifications ? [{ title: 'Qualifications started and gained', rows: qualificationRows(input.qualifications, day(input.term.from), day(input.term.to), min, withheld) }] : []),
  ];
}

function audienceGroup(s: Session): string {
  switch (s.audience.kind) {
    case 'pathway':
      return `${PATHWAY_LABELS[s.audience.pathway]} pathway`;
    case 'trust':
      return 'Everyone';
    case 'school':
      return 'One school';
    case 'department':
      return 'One department';
    case 'staff':
      return 'Named staff';
  }
}

/**
 * The termly report to governors (seeds 002 and 004): the programme by category and pathway,
 * participation and hours by staff group, evaluation by level, statutory compliance. Counts
 * only, never a name; every figure about fewer people than the tenant's minimum is withheld.
 */
export function buildGovernorsReport(input: GovernorsReportInput): GovernorsReportView {
  const { tenant, term } = input;
  const min = tenant.settings.minAggregateCount;
  const withheld = `withheld (fewer than ${min})`;
  const people = (n: number) => (n < min ? withheld : String(n));
  // A part of a known whole: the rest is a group too ("11 of 12 took part" names the one who did not).
  const partOf = (n: number, whole: number) => (n < min || (whole - n > 0 && whole - n < min) ? withheld : String(n));
  const zone = tenant.settings.timezone;
  const nowIso = input.now.toISOString();
  const held = input.sessions.filter((s) => s.tenantId === tenant.id && s.status === 'published' && term.from <= s.startsAt && s.startsAt < term.to && s.endsAt <= nowIso);
  const heldById = new Map(held.map((s) => [s.id, s]));
  const attended = input.participations.filter((p) => p.tenantId === tenant.id && p.attended === true && heldById.has(p.sessionId));
  const active = input.staff.filter((s) => s.tenantId === tenant.id && s.active);

  const byGroup = (key: (s: Session) => string): GovernorsReportRow[] => {
    const groups = new Map<string, { sessions: number; attendances: number }>();
    for (const s of held) {
      const g = groups.get(key(s)) ?? { sessions: 0, attendances: 0 };
      g.sessions++;
      g.attendances += attended.filter((p) => p.sessionId === s.id).length;
      groups.set(key(s), g);
    }
    return [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([group, g]) => [
        { group, measure: 'Sessions held', value: String(g.sessions) },
        { group, measure: 'Attendances', value: people(g.attendances), counts: [g.attendances] },
      ]);
  };

  // Participation by staff group: a group smaller than the minimum is withheld whole.
  const groupOf = (s: Staff) => (s.pathway ? PATHWAY_LABELS[s.pathway] : NO_GROUP);
  const staffGroups = new Map<string, Staff[]>();
  for (const s of active) staffGroups.set(groupOf(s), [...(staffGroups.get(groupOf(s)) ?? []), s]);
  const termDay = (iso: string) => iso.slice(0, 10);
  const participation: GovernorsReportRow[] = [...staffGroups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([group, members]) => {
      const ids = new Set(members.map((m) => m.id));
      const mine = attended.filter((p) => ids.has(p.staffId));
      const loggedHere = input.logged.filter((e) => e.tenantId === tenant.id && ids.has(e.staffId) && termDay(term.from) <= e.on && e.on < termDay(term.to));
      const hours = mine.reduce((h, p) => h + sessionHours(heldById.get(p.sessionId)!), 0) + loggedHere.reduce((h, e) => h + e.hours, 0);
      const took = new Set([...mine.map((p) => p.staffId), ...loggedHere.map((e) => e.staffId)]).size;
      const tookCounts = [took, members.length - took];
      if (members.length < min) return [{ group, measure: 'Staff', value: withheld, counts: [members.length] }, { group, measure: 'Took part in CPD', value: withheld, counts: tookCounts, hidden: true }];
      return [
        { group, measure: 'Staff', value: String(members.length), counts: [members.length] },
        { group, measure: 'Took part in CPD', value: partOf(took, members.length), counts: tookCounts },
        { group, measure: 'CPD hours (sessions and logged)', value: partOf(took, members.length) === withheld ? withheld : String(hours) },
      ];
    });

  // Evaluation by level, as the lead's programme report counts it; every count about people withheld under the minimum.
  const { programme } = input;
  const evaluation: GovernorsReportRow[] = (programme.levels ?? []).flatMap((l) => [
    { group: l.level, measure: 'Asked', value: people(l.asked), counts: [l.asked] },
    { group: l.level, measure: 'Answered', value: l.asked < min ? withheld : partOf(l.answered, l.asked), counts: [l.answered, l.asked - l.answered] },
    ...(l.result && l.answered >= min ? [{ group: l.level, measure: 'Result', value: l.result }] : []),
  ]);
  if (programme.totals.responses >= min) {
    for (const r of programme.ratings) if (r.mean !== undefined && r.count >= min) evaluation.push({ group: 'Level 1: Reaction', measure: `${r.prompt} (mean of 5)`, value: r.mean.toFixed(1) });
  }

  const topics = new Map<string, { current: number; lapsed: number }>();
  const activeIds = new Set(active.map((s) => s.id));
  for (const t of input.statutory) {
    if (t.tenantId !== tenant.id || !activeIds.has(t.staffId)) continue;
    const key = t.topic.trim().toLowerCase();
    const c = topics.get(key) ?? { current: 0, lapsed: 0 };
    if (t.expiresOn < input.today) c.lapsed++;
    else c.current++;
    topics.set(key, c);
  }
  const statutory: GovernorsReportRow[] = [...topics.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([topic, c]) => {
      const group = topic.charAt(0).toUpperCase() + topic.slice(1);
      const recorded = [c.current + c.lapsed];
      if (c.current + c.lapsed < min) return [{ group, measure: 'Staff recorded', value: withheld, counts: recorded }, { group, measure: 'Up to date', value: withheld, counts: [c.current, c.lapsed], hidden: true }];
      // A share, not a count of the lapsed; and withheld while the lapsed are fewer than the minimum
      // ("5 recorded, 80 %" would point at one person), unless nobody lapsed.
      const share = Math.round((100 * c.current) / (c.current + c.lapsed));
      return [
        { group, measure: 'Staff recorded', value: String(c.current + c.lapsed), counts: recorded },
        { group, measure: 'Up to date', value: c.lapsed > 0 && c.lapsed < min ? withheld : `${share}%`, counts: [c.current, c.lapsed] },
      ];
    });

  return {
    kind: 'governors-report',
    term: term.name,
    periodText: `${dayText(term.from, zone)} – ${dayText(new Date(Date.parse(term.to) - 1).toISOString(), zone)}`,
    minGroup: min,
    ...(input.school ? { school: input.school.name, scope: input.school.scope } : {}),
    sections: [
      {
        title: 'Programme by category',
        rows: programme.byCategory.flatMap((c) => [
          { group: c.category, measure: 'Sessions held', value: String(c.sessions) },
          { group: c.category, measure: 'Attendances', value: people(c.attended), counts: [c.attended] },
        ]),
      },
      { title: 'Programme by kind', rows: byGroup((s) => KIND_LABELS[s.kind]) },
      { title: 'Programme by pathway (audience)', rows: byGroup(audienceGroup) },
      { title: 'Participation and hours by staff group', rows: participation },
      { title: 'Evaluation by level', rows: evaluation },
      { title: 'Statutory training', rows: statutory },
      ...fundingAndQualifications(input, people, withheld),
    ],
  };
}
