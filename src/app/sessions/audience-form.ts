import { z } from 'zod';
import { Audience, Pathway } from '../../domain';

/** The audience as both forms (new session, new survey) ask for it: a kind and one line of text. */
export const AudienceKindField = z.enum(['trust', 'school', 'pathway', 'department', 'staff']);
export type AudienceKindField = z.infer<typeof AudienceKindField>;

export function audienceFromForm(kind: AudienceKindField, value: string | undefined): z.ZodSafeParseResult<Audience> {
  switch (kind) {
    case 'trust':
      return Audience.safeParse({ kind: 'trust' });
    case 'school':
      return Audience.safeParse({ kind: 'school', schoolId: value });
    case 'pathway':
      return Audience.safeParse({ kind: 'pathway', pathway: Pathway.safeParse(value).data ?? value });
    case 'department':
      return Audience.safeParse({ kind: 'department', department: value });
    case 'staff':
      return Audience.safeParse({ kind: 'staff', staffIds: (value ?? '').split(/[,\s]+/).filter(Boolean) });
  }
}
