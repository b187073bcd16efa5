import { DEFAULT_ZONE, nextAllowedSendTime } from '../../domain/school-time';
import { sendWindowOptions } from '../../domain/send-exemption';
import { SchoolCalendar, type Delivery } from '../../domain';
import type { Store } from '../../store/store';

interface TenantRules {
  calendar: SchoolCalendar;
  zone: string;
}

/**
 * The dispatcher's own check of quiet hours, weekends and holidays, whoever made the record: a
 * record claimed in a blocked time (an old record after downtime, one written before due times
 * were checked, a rate-limit wait that ran into the evening) waits for the next allowed time.
 * Each tenant's calendar and zone are read once per instance (one per dispatch pass).
 */
export class SendTimeRules {
  private readonly byTenant = new Map<string, Promise<TenantRules>>();

  constructor(private readonly store: Store) {}

  /** `now` when the record may go now, else the next instant it may. */
  async allowedFrom(delivery: Delivery, now: Date): Promise<Date> {
    const rules = await this.rulesOf(delivery.tenantId);
    return nextAllowedSendTime(now, rules.calendar, sendWindowOptions(delivery.sendExemption, rules.zone));
  }

  private rulesOf(tenantId: string): Promise<TenantRules> {
    let rules = this.byTenant.get(tenantId);
    if (!rules) {
      rules = this.load(tenantId);
      this.byTenant.set(tenantId, rules);
      // A failed read is not remembered: the next record of the tenant tries again.
      rules.catch(() => this.byTenant.delete(tenantId));
    }
    return rules;
  }

  private async load(tenantId: string): Promise<TenantRules> {
    const [tenant, calendar] = await Promise.all([this.store.tenants.get(tenantId, tenantId), this.store.calendars.get(tenantId, 'calendar')]);
    return {
      // No calendar: the defaults (18:00–07:30, weekends), as the planner uses.
      calendar: calendar?.value ?? SchoolCalendar.parse({ tenantId }),
      zone: tenant?.value.settings.timezone ?? DEFAULT_ZONE,
    };
  }
}
