import { countOf } from '../format';
import type { RegisterRow, RegisterView } from '../views/register';

/** Words both platforms' register renderers use, so Teams and Slack say the same thing. */

/** After the name: a compulsory-session absentee who said no, or someone the saved register has not marked. */
export function registerRowHint(row: RegisterRow, taken: boolean): string | undefined {
  const hints = [row.rsvp === 'no' ? 'said no' : undefined, taken && !row.marked ? 'not marked yet' : undefined].filter(Boolean);
  return hints.length > 0 ? hints.join(', ') : undefined;
}

export function registerRowLabel(row: RegisterRow, taken: boolean): string {
  const hint = registerRowHint(row, taken);
  return hint ? `${row.name} (${hint})` : row.name;
}

/** One line on where the register stands. */
export function registerStatusText(view: Pick<RegisterView, 'expected' | 'waitlist' | 'taken'>): string {
  const rows = [...view.expected, ...view.waitlist];
  if (rows.length === 0) return 'No one is expected yet: nobody has said yes.';
  if (!view.taken) return 'Not taken yet: the ticks show who said they were coming.';
  const present = rows.filter((r) => r.marked && r.present).length;
  const absent = rows.filter((r) => r.marked && !r.present).length;
  const unmarked = rows.length - present - absent;
  return `Taken: ${present} present, ${absent} absent${unmarked > 0 ? `, ${unmarked} not marked yet` : ''}.`;
}

export const REGISTER_GROUPS = { expected: 'Expected', waitlist: 'Waiting list' } as const;

/** Said when a platform cannot show everyone: the rest are not changed by saving. */
export function notShownText(count: number): string {
  return `${countOf(count, 'more person is', 'more people are')} not shown here; saving leaves their attendance as it is.`;
}
