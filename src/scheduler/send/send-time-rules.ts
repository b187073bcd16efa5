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

  /**
   * Tenants found open for sending in the current minute (records without an exemption). Quiet
   * hours, weekends and holidays are whole local minutes, and zones are offset by whole minutes,
   * so an answer holds for the rest of the minute: a broadcast asks the time zone once a minute
   * per tenant rather than once per message (issue 28, 4: it was a twentieth of the CPU per message).
   */
  private openMinute = { minute: -1, tenants: new Set<string>() };

  /** `now` when the record may go now, else the next instant it may. */
  async allowedFrom(delivery: Delivery, now: Date): Promise<Date> {
    const minute = Math.floor(now.getTime() / 60_000);
    if (this.openMinute.minute !== minute) this.openMinute = { minute, tenants: new Set() };
    const plain = delivery.sendExemption === undefined;
    if (plain && this.openMinute.tenants.has(delivery.tenantId)) return now;
    const rules = await this.rulesOf(delivery.tenantId);
    const allowed = nextAllowedSendTime(now, rules.calendar, sendWindowOptions(delivery.sendExemption, rules.zone));
    if (plain && allowed.getTime() === now.getTime() && this.openMinute.minute === minute) this.openMinute.tenants.add(delivery.tenantId);
    return allowed;
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
