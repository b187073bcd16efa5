import type { FieldErrors } from '../../domain';
import type { Notice } from './common';

/**
 * Gap-task part 4: a senior leader records the longer-term impact for people who reported on a
 * session; or (`own`) the person records their own for their gap task. Both are kept and shown with who wrote them.
 */
export interface LongTermImpactView {
  kind: 'long-term-impact';
  /** The person's own part 4: one task, theirs. */
  own?: boolean;
  sessionId: string;
  sessionTitle: string;
  /** Those who reported on their gap task, with what they said and any longer-term impact already recorded. */
  tasks: { gapTaskId: string; name: string; reportText: string; longTerm?: string; longTermBy?: string; ownLongTerm?: string }[];
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: Notice;
}
