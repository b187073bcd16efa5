import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The flow (a scheduler pass, a use case) the current store operations belong to, so an adapter
 * can count what each flow costs without every call passing a label down.
 */
const flows = new AsyncLocalStorage<string>();

export function inFlow<T>(name: string, run: () => Promise<T>): Promise<T> {
  return flows.run(name, run);
}

export function currentFlow(): string {
  return flows.getStore() ?? 'other';
}
