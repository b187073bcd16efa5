import type { FieldErrors } from '../../domain';
import type { Notice } from './common';

/** Gap-task part 4: a senior leader records the longer-term impact for people who reported on a session. */
export interface LongTermImpactView {
  kind: 'long-term-impact';
  sessionId: string;
  sessionTitle: string;
  /** Those who reported on their gap task, with what they said and any longer-term impact already recorded. */
  tasks: { gapTaskId: string; name: string; reportText: string; longTerm?: string }[];
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: Notice;
}
