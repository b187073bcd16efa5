import type { CardView } from '../../cards/views';
import { hasRole, schoolsLedBy } from '../../domain';
import { loadGovernorsReport } from './load-governors-report';
import { findSchool, looksLikePeriod } from './governors-period';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';

/** "Riverside Academy 2026-27" → the school's words and the period's (the last word, when it names one). */
export function splitGovernorsArgument(argument: string): { school: string; period?: string } {
  const words = argument.trim().split(/\s+/).filter(Boolean);
  const period = words.length > 0 && looksLikePeriod(words.at(-1)!) ? words.pop() : undefined;
  return { school: words.join(' '), ...(period ? { period } : {}) };
}

/**
 * `governors [school] [autumn-2026|2026-27]`: the report to governors, the current term when no
 * period is named. The trust's CPD lead gets the whole trust, or the school they name; a school's
 * own CPD lead (issue 26 item 5) gets their school's, and no other.
 */
export async function governorsReport(deps: AppDeps, actor: Actor, argument: string): Promise<CardView> {
  const { tenant } = actor;
  const { school, period } = splitGovernorsArgument(argument);
  let schoolText = school;
  if (!hasRole(actor.staff, 'cpd-lead')) {
    const led = schoolsLedBy(tenant.settings.cpdRequests, actor.staff.id);
    const names = led.map((id) => tenant.schools.find((s) => s.id === id)?.name ?? id);
    if (school === '') {
      if (led.length !== 1) return notice('attention', `You lead CPD for ${names.join(' and ')}: say which, e.g. "governors ${names[0]} ${period ?? '2026-27'}".`);
      schoolText = led[0]!;
    } else if (school.toLowerCase() === 'trust') {
      return notice('attention', `You are the CPD lead for ${names.join(' and ')}: the whole trust's report is for the trust's CPD lead. Say "governors" for ${led.length === 1 ? 'your school' : 'one of yours'}.`);
    } else {
      const named = findSchool(tenant, school);
      if (!named.ok) return notice('attention', named.message);
      if (!led.includes(named.school.id)) return notice('attention', `You are the CPD lead for ${names.join(' and ')}, so you can see ${led.length === 1 ? "that school's" : 'their'} report. ${named.school.name}'s report is for its own CPD lead or the trust's.`);
    }
  }
  const report = await loadGovernorsReport(deps, tenant.id, deps.clock.now(), period, schoolText);
  return report.ok ? report.value : notice('attention', report.message);
}
