import { DateTime } from 'luxon';
import { z } from 'zod';
import { CertificateType } from './course-certificate';
import { deterministicId, Id, Instant, LocalDate } from './ids';

/**
 * Which statutory training each person needs, and how often it is renewed (issue 26 item 2). A
 * topic is required of everyone, or of the members of one staff group (the DSLs, the first
 * aiders); a school names its own topics and groups in `settings` (statutory-topics).
 */
export const StatutoryRequirement = z.object({
  topic: z.string().trim().min(1).max(100),
  /** The group the topic is required of, as the lead names it ("DSL", "First aiders"); absent: everyone. */
  group: z.string().trim().min(1).max(60).optional(),
  renewalMonths: z.number().int().min(1).max(120),
});
export type StatutoryRequirement = z.infer<typeof StatutoryRequirement>;

/**
 * What the trust policies name (docs/policy-sources.md): safeguarding for every member of staff,
 * refreshed yearly, and the DSL's every two years (Keeping Children Safe in Education); Prevent;
 * first aid for the first aiders (a three-year certificate); fire safety for all (seed 002).
 */
export const DEFAULT_STATUTORY_REQUIREMENTS: readonly StatutoryRequirement[] = [
  { topic: 'Safeguarding', renewalMonths: 12 },
  { topic: 'Prevent', renewalMonths: 24 },
  { topic: 'Fire safety', renewalMonths: 12 },
  { topic: 'DSL', group: 'DSL', renewalMonths: 24 },
  { topic: 'First aid', group: 'First aiders', renewalMonths: 36 },
];

/** A topic's or group's name as one key: "First aid", "first-aid" and "FIRST AID" are the same topic. */
export function statutoryKey(name: string): string {
  return name.trim().toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** The topics a person must have, by their groups (`Staff.statutoryGroups` holds group keys). */
export function requiredTopicsFor(person: { statutoryGroups?: readonly string[] | undefined }, requirements: readonly StatutoryRequirement[]): StatutoryRequirement[] {
  return requirements.filter((r) => r.group === undefined || (person.statutoryGroups ?? []).includes(statutoryKey(r.group)));
}

/** The requirement a topic typed or imported names, if any. */
export function requirementFor(requirements: readonly StatutoryRequirement[], topic: string): StatutoryRequirement | undefined {
  const key = statutoryKey(topic);
  return requirements.find((r) => statutoryKey(r.topic) === key);
}

/** The groups the requirements name, each once (by key), in the order first named. */
export function statutoryGroupsOf(requirements: readonly StatutoryRequirement[]): { key: string; name: string }[] {
  const groups = new Map<string, string>();
  for (const r of requirements) if (r.group !== undefined && !groups.has(statutoryKey(r.group))) groups.set(statutoryKey(r.group), r.group);
  return [...groups].map(([key, name]) => ({ key, name }));
}

/** Training completed that day next lapses this many months later. */
export function expiryAfter(completedOn: string, renewalMonths: number): string {
  return DateTime.fromISO(completedOn).plus({ months: renewalMonths }).toISODate()!;
}

/** The requirements as the lead types them: "Safeguarding: everyone, 12 months; DSL: DSL, 24 months". */
export function formatStatutoryRequirements(requirements: readonly StatutoryRequirement[]): string {
  return requirements.map((r) => `${r.topic}: ${r.group ?? 'everyone'}, ${r.renewalMonths} months`).join('; ');
}

const ENTRY = /^(.+?)\s*:\s*(.+?)\s*,\s*(?:every\s+)?(\d{1,3})\s*(months?|years?)$/i;
const EVERYONE = new Set(['everyone', 'all', 'all staff', 'everybody']);

/** The typed list back to requirements, or the first entry that is not understood, in words. */
export function parseStatutoryRequirements(text: string): { ok: true; requirements: StatutoryRequirement[] } | { ok: false; message: string } {
  const requirements: StatutoryRequirement[] = [];
  for (const entry of text.split(/[;\n]/).map((e) => e.trim()).filter(Boolean)) {
    const m = ENTRY.exec(entry);
    if (!m) return { ok: false, message: `"${entry.slice(0, 60)}" is not understood: write each topic as "Topic: who, N months", e.g. "First aid: First aiders, 36 months".` };
    const months = Number(m[3]) * (m[4]!.toLowerCase().startsWith('y') ? 12 : 1);
    const who = m[2]!.trim();
    const parsed = StatutoryRequirement.safeParse({ topic: m[1], renewalMonths: months, ...(EVERYONE.has(who.toLowerCase()) ? {} : { group: who }) });
    if (!parsed.success) return { ok: false, message: `"${entry.slice(0, 60)}": a topic of up to 100 characters, a group of up to 60, renewed every 1 to 120 months.` };
    if (!statutoryKey(parsed.data.topic) || (parsed.data.group !== undefined && !statutoryKey(parsed.data.group))) return { ok: false, message: `"${entry.slice(0, 60)}": name the topic and the group with letters or digits.` };
    if (requirementFor(requirements, parsed.data.topic)) return { ok: false, message: `${parsed.data.topic} is named twice.` };
    requirements.push(parsed.data);
  }
  if (requirements.length > 30) return { ok: false, message: 'At most 30 topics.' };
  // The settings form and the settings history hold up to 2,000 characters of a value.
  if (formatStatutoryRequirements(requirements).length > 2000) return { ok: false, message: 'Keep the list under 2,000 characters: shorter topic or group names.' };
  return { ok: true, requirements };
}

/**
 * Training a person says they completed (`report training` in chat), waiting for their CPD lead
 * (the trust's, or their school's own) to confirm it; only a confirmed report reaches the record.
 */
export const StatutoryReportStatus = z.enum(['reported', 'confirmed', 'rejected']);
export type StatutoryReportStatus = z.infer<typeof StatutoryReportStatus>;

export const StatutoryReport = z.object({
  tenantId: Id,
  id: Id,
  staffId: Id,
  /** The required topic's name as the settings have it. */
  topic: z.string().trim().min(1).max(100),
  completedOn: LocalDate,
  status: StatutoryReportStatus,
  reportedAt: Instant,
  /** The certificate the person sent in chat afterwards (a PDF or a picture), kept whole. */
  certificate: z
    .object({ fileName: z.string().trim().min(1).max(300), type: CertificateType, sha256: z.string().regex(/^[0-9a-f]{64}$/), content: z.string().min(1).max(1_400_000), attachedAt: Instant })
    .optional(),
  decidedBy: Id.optional(),
  decidedAt: Instant.optional(),
  /** Why the lead did not confirm it: the person is told. */
  rejectedReason: z.string().trim().min(1).max(500).optional(),
});
export type StatutoryReport = z.infer<typeof StatutoryReport>;

/** Same person, topic and day → same report: a retried submission reports nothing twice. */
export function statutoryReportId(staffId: string, topic: string, completedOn: string): string {
  return deterministicId('statrep', staffId, statutoryKey(topic), completedOn);
}
