import { currentFlow } from '../flow';

export interface ChargeTotals {
  operations: number;
  /** Request units Cosmos DB reported (x-ms-request-charge). The emulator reports 1 for every request. */
  requestCharge: number;
  /** Documents returned by reads and queries. */
  documents: number;
}

export interface ChargedOperation {
  collection: string;
  operation: 'read' | 'create' | 'upsert' | 'replace' | 'delete' | 'query' | 'count' | 'batch';
  requestCharge: number;
  documents: number;
}

type DebugLogger = { debug(fields: object, message: string): void };

/** Adds up the request charge of every Cosmos operation, per flow, and logs each at debug level. */
export class RequestChargeMeter {
  private readonly byFlow = new Map<string, ChargeTotals>();

  /** `onCharge`: told each operation's charge as it happens (telemetry adds them up). */
  constructor(
    private readonly logger?: DebugLogger,
    private readonly onCharge?: (requestCharge: number) => void,
  ) {}

  record(op: ChargedOperation): void {
    const flow = currentFlow();
    const totals = this.byFlow.get(flow) ?? { operations: 0, requestCharge: 0, documents: 0 };
    totals.operations++;
    totals.requestCharge += op.requestCharge;
    totals.documents += op.documents;
    this.byFlow.set(flow, totals);
    this.logger?.debug({ flow, ...op }, 'cosmos request charge');
    this.onCharge?.(op.requestCharge);
  }

  totals(): Record<string, ChargeTotals> {
    return Object.fromEntries([...this.byFlow].map(([flow, t]) => [flow, { ...t }]));
  }

  reset(): void {
    this.byFlow.clear();
  }
}

/** The charge a response or an error (409, 412, 404 are charged too) carries. */
export function chargeOf(source: unknown): number {
  const direct = (source as { requestCharge?: unknown })?.requestCharge;
  if (typeof direct === 'number') return direct;
  const header = (source as { headers?: Record<string, unknown> })?.headers?.['x-ms-request-charge'];
  const n = Number(header);
  return Number.isFinite(n) ? n : 0;
}

/**
 * The HTTP status an SDK error carries: its own `code`, or for a transactional batch the SDK rethrew
 * ("Batch request error: …"), its cause's.
 */
export function statusOf(error: unknown): number | undefined {
  const direct = (error as { code?: unknown })?.code;
  if (typeof direct === 'number') return direct;
  const cause = (error as { cause?: { code?: unknown } })?.cause?.code;
  return typeof cause === 'number' ? cause : undefined;
}
