/**
 * Sends waiting for Teams to confirm an installation the bot made for someone. The installation
 * event (conversationUpdate / installationUpdate) stores the chat and calls `arrived`; a send
 * waits at most its deadline, then looks in the store (the event may have reached another instance).
 */
export class InstallWaits {
  private readonly waiting = new Map<string, Set<() => void>>();

  wait(tenantId: string, staffId: string, timeoutMs: number): Promise<void> {
    const key = `${tenantId}|${staffId}`;
    return new Promise<void>((resolve) => {
      const set = this.waiting.get(key) ?? new Set();
      this.waiting.set(key, set);
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        if (set.size === 0) this.waiting.delete(key);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      set.add(done);
    });
  }

  arrived(tenantId: string, staffId: string): void {
    for (const done of [...(this.waiting.get(`${tenantId}|${staffId}`) ?? [])]) done();
  }
}
