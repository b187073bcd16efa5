import { z } from 'zod';
import { Id } from '../../domain';
import { PRESENT_INPUT_PREFIX } from '../../cards/views/register';
import type { AttendanceMark } from './mark-attendance';

/** One register toggle: `present:<staffId>` = 'true' | 'false' (Teams Input.Toggle values; Slack's checkboxes are mapped to the same). */
const PresentToggle = z.object({ staffId: Id, value: z.enum(['true', 'false']) });

/** Far more than any school's register; a bigger submission is not a register. */
const MAX_MARKS = 5000;

export type ParsedRegister = { ok: true; marks: AttendanceMark[] } | { ok: false; message: string };

const UNREADABLE: ParsedRegister = { ok: false, message: 'That register could not be read. Nothing was saved: please open the register again.' };

/** The marks in a submitted register; other inputs are ignored, one malformed toggle refuses the lot. */
export function parseRegisterInputs(raw: Record<string, unknown>): ParsedRegister {
  const toggles = Object.entries(raw).filter(([key]) => key.startsWith(PRESENT_INPUT_PREFIX));
  if (toggles.length > MAX_MARKS) return UNREADABLE;
  const marks: AttendanceMark[] = [];
  for (const [key, value] of toggles) {
    const parsed = PresentToggle.safeParse({ staffId: key.slice(PRESENT_INPUT_PREFIX.length), value });
    if (!parsed.success) return UNREADABLE;
    marks.push({ staffId: parsed.data.staffId, present: parsed.data.value === 'true' });
  }
  return { ok: true, marks };
}
