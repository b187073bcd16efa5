import type { Clock } from '../domain';
import type { Store } from '../store/store';

/** What a platform's linker reports: the tenant it linked in, and how many it linked. */
export interface StaffLinkCounts {
  tenantId?: string;
  linked: number;
  notFound: number;
}

/** Links a platform's unlinked staff by e-mail (Slack's `linkStaffByEmail`); built by the composition root. */
export type LinkStaff = () => Promise<StaffLinkCounts>;

const DAY_MS = 24 * 3600 * 1000;

/**
 * When to link staff ahead of their first contact, so invitations can be sent to them: at start
 * (the first tick), once a day (people who joined the workspace since), and after a roster import
 * (the count of unlinked active staff grew since the last pass: the CLI writes the roster from
 * another process, so the server notices it on its next tick). Asked every tick; one count query
 * a tick otherwise.
 */
export class StaffLinkSweep {
  private lastRunAt: number | undefined;
  private tenantId: string | undefined;
  private unlinkedAfterRun = 0;

  constructor(private readonly deps: { store: Store; clock: Clock; link: LinkStaff }) {}

  async runIfDue(): Promise<StaffLinkCounts | undefined> {
    const now = this.deps.clock.now().getTime();
    if (this.lastRunAt !== undefined && now - this.lastRunAt < DAY_MS && (await this.unlinked()) <= this.unlinkedAfterRun) return undefined;
    // Stamped first: a failing platform is tried again tomorrow or after the next import, not every minute.
    this.lastRunAt = now;
    const counts = await this.deps.link();
    this.tenantId = counts.tenantId;
    this.unlinkedAfterRun = await this.unlinked();
    return counts;
  }

  /** Slack's field: Slack is the platform whose staff are linked ahead by e-mail (Teams links by roster). */
  private async unlinked(): Promise<number> {
    if (!this.tenantId) return 0;
    return this.deps.store.staff.count(this.tenantId, { 'slack.userId': { exists: false }, active: true });
  }
}
