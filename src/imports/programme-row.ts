import { z } from 'zod';
import { Email, parseCount, parseMoney, Pathway, typed, type SessionCategory, type SessionKind } from '../domain';
import { blankToUndefined } from './csv-rows';
import { SchoolDateCell, SchoolTimeCell } from './school-cells';

export const PROGRAMME_HEADER_ALIASES: Record<string, string> = {
  session: 'title',
  sessiontitle: 'title',
  strand: 'category',
  type: 'kind',
  day: 'date',
  starttime: 'start',
  times: 'time',
  sessiontime: 'time',
  timing: 'time',
  from: 'start',
  endtime: 'end',
  to: 'end',
  finish: 'end',
  location: 'place',
  room: 'place',
  venue: 'place',
  meetingurl: 'meetinglink',
  link: 'meetinglink',
  onlinelink: 'meetinglink',
  teamslink: 'meetinglink',
  places: 'capacity',
  for: 'audience',
  followupsession: 'followup',
  followupof: 'followup',
  gaptaskbrief: 'gaptask',
  task: 'gaptask',
  leader: 'facilitator',
  ledby: 'facilitator',
  providedby: 'provider',
  organisation: 'provider',
  costgbp: 'cost',
  sessioncost: 'cost',
};

const word = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, '');

const CATEGORY_WORDS: Record<string, SessionCategory> = {
  tl: 'TL',
  teachingandlearning: 'TL',
  teachinglearning: 'TL',
  p: 'P',
  pastoral: 'P',
  tech: 'Tech',
  technology: 'Tech',
  ld: 'LD',
  leadership: 'LD',
  leadershipdevelopment: 'LD',
};

const KIND_WORDS: Record<string, SessionKind> = {
  twilight: 'twilight',
  inset: 'inset',
  insetday: 'inset',
  voluntary: 'voluntary',
  voluntarysession: 'voluntary',
  ect: 'ect',
  ectprogramme: 'ect',
  external: 'external',
  externalcourse: 'external',
};

function lookup<T>(table: Record<string, T>, what: string, allowed: string) {
  return z.string().transform((text, ctx): T => {
    const found = table[word(text)];
    if (found === undefined) {
      ctx.addIssue({ code: 'custom', message: `unknown ${what} "${text}" (use ${allowed})` });
      return z.NEVER;
    }
    return found;
  });
}

export type AudienceCell =
  | { kind: 'trust' }
  | { kind: 'school'; school: string }
  | { kind: 'pathway'; pathway: Pathway }
  | { kind: 'department'; department: string }
  | { kind: 'staff'; emails: string[] };

const AudienceText = z.preprocess(
  (v) => blankToUndefined(v) ?? 'trust',
  z.string().transform((text, ctx): AudienceCell => {
    const [head, ...rest] = text.split(':');
    const kind = word(head ?? '');
    const value = rest.join(':').trim();
    if (rest.length === 0 && ['trust', 'wholetrust', 'all', 'everyone'].includes(kind)) return { kind: 'trust' };
    if (kind === 'school' && value) return { kind: 'school', school: value };
    if (kind === 'department' && value) return { kind: 'department', department: value };
    if (kind === 'pathway') {
      const pathway = Pathway.safeParse(value.toLowerCase().replace(/\s+/g, '-'));
      if (pathway.success) return { kind: 'pathway', pathway: pathway.data };
    }
    if (kind === 'staff') {
      const emails = value.split(/[;\s]+/).filter(Boolean).map((e) => Email.safeParse(e));
      if (emails.length > 0 && emails.every((e) => e.success)) return { kind: 'staff', emails: emails.map((e) => e.data!) };
    }
    ctx.addIssue({
      code: 'custom',
      message: `audience "${text}" not understood (use trust, school:NAME, pathway:ect, department:NAME or staff:a@x;b@y)`,
    });
    return z.NEVER;
  }),
);

const opt = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const YesNo = z.string().transform((t, ctx) => {
  const w = word(t);
  if (['yes', 'y', 'true', 'compulsory'].includes(w)) return true;
  if (['no', 'n', 'false', 'optional', 'voluntary'].includes(w)) return false;
  ctx.addIssue({ code: 'custom', message: `"${t}" is not yes or no` });
  return z.NEVER;
});

/** One row of the year's programme. */
export const ProgrammeRow = z
  .object({
    title: z.string().trim().min(1, 'a title is needed').max(200),
    category: lookup(CATEGORY_WORDS, 'category', 'TL, P, Tech or LD'),
    kind: z.preprocess((v) => blankToUndefined(v) ?? 'twilight', lookup(KIND_WORDS, 'kind', 'twilight, INSET, voluntary, ECT or external')),
    date: SchoolDateCell,
    start: SchoolTimeCell,
    end: SchoolTimeCell,
    place: opt(z.string().trim().max(200)),
    meetinglink: opt(z.url({ protocol: /^https$/, message: 'a meeting link must be an https URL' })),
    capacity: opt(z.string().transform(typed((t) => parseCount(t, { min: 1, max: 10_000 })))),
    audience: AudienceText,
    series: opt(z.string().trim().max(200)),
    followup: opt(z.string().trim().max(200)),
    intent: opt(z.string().trim().max(2000)),
    gaptask: opt(z.string().trim().max(2000)),
    compulsory: opt(YesNo),
    facilitator: opt(z.string().trim().max(200)),
    /** Who provides it and its own cost (issue 26 item 7, docs/evaluation.md). */
    provider: opt(z.string().trim().max(200)),
    cost: opt(z.string().transform(typed(parseMoney))),
    description: opt(z.string().trim().max(2000)),
  })
  .refine((r) => r.start < r.end, { message: 'the session must end after it starts', path: ['end'] })
  .refine((r) => r.place !== undefined || r.meetinglink !== undefined, { message: 'give a place, a meeting link or both', path: ['place'] })
  .refine((r) => (r.intent === undefined) === (r.gaptask === undefined), {
    message: 'a gap task needs both its intent and the task',
    path: ['gaptask'],
  });
export type ProgrammeRow = z.infer<typeof ProgrammeRow>;
