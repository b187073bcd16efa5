import { z } from 'zod';

/** Bearer tokens for Microsoft Graph in one Entra tenant (see graph-token.ts). */
export type GraphTokenProvider = (aadTenantId: string) => Promise<string>;

export const GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';

/** What one Graph call came to, in the terms the installer acts on. */
export type GraphAnswer<T> =
  | { kind: 'ok'; value: T }
  /** 401/403: the deployment has not been granted the permission (or admin consent is missing). */
  | { kind: 'refused'; status: number; message: string }
  | { kind: 'throttled'; retryAfterMs: number }
  | { kind: 'failed'; transient: boolean; message: string };

const CatalogList = z.object({ value: z.array(z.object({ id: z.string().min(1), externalId: z.string().nullish() })) });
const GraphError = z.object({ error: z.object({ code: z.string().optional(), message: z.string().optional() }) });

const DEFAULT_RETRY_AFTER_MS = 10_000;

/** Retry-After in seconds or as an HTTP date, as Graph sends it. */
export function graphRetryAfterMs(value: string | null, now: Date): number {
  if (value === null) return DEFAULT_RETRY_AFTER_MS;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now.getTime()) : DEFAULT_RETRY_AFTER_MS;
}

export interface GraphClientOptions {
  baseUrl: string;
  tokens: GraphTokenProvider;
  /** Each call (token included) gives up after this. */
  timeoutMs: number;
  now: () => Date;
}

/** The two Graph calls the installer needs, over fetch with a deadline each; no retries here. */
export class GraphClient {
  constructor(private readonly options: GraphClientOptions) {}

  /** The app's id in the tenant's app catalog, found by the manifest id (`externalId`). */
  async findCatalogId(aadTenantId: string, externalId: string): Promise<GraphAnswer<string | undefined>> {
    const filter = encodeURIComponent(`externalId eq '${externalId.replaceAll("'", "''")}'`);
    const answer = await this.call(aadTenantId, 'GET', `/appCatalogs/teamsApps?$filter=${filter}`);
    if (answer.kind !== 'ok') return answer;
    const parsed = CatalogList.safeParse(answer.value.body);
    if (!parsed.success) return { kind: 'failed', transient: false, message: 'Graph answered the catalog lookup with an unexpected body' };
    return { kind: 'ok', value: parsed.data.value[0]?.id };
  }

  /** Installs the app in the user's personal scope: `installed` (201) or `already` (409). */
  async installForUser(aadTenantId: string, userAadId: string, catalogId: string): Promise<GraphAnswer<'installed' | 'already'>> {
    const body = { 'teamsApp@odata.bind': `${this.options.baseUrl}/appCatalogs/teamsApps/${encodeURIComponent(catalogId)}` };
    const answer = await this.call(aadTenantId, 'POST', `/users/${encodeURIComponent(userAadId)}/teamwork/installedApps`, body, [409]);
    if (answer.kind !== 'ok') return answer;
    return { kind: 'ok', value: answer.value.status === 409 ? 'already' : 'installed' };
  }

  private async call(aadTenantId: string, method: 'GET' | 'POST', path: string, body?: unknown, alsoOk: number[] = []): Promise<GraphAnswer<{ status: number; body: unknown }>> {
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    try {
      const token = await Promise.race([this.options.tokens(aadTenantId), aborted(signal)]);
      const res = await fetch(`${this.options.baseUrl}${path}`, {
        method,
        signal,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      const json = text ? safeJson(text) : undefined;
      if (res.ok || alsoOk.includes(res.status)) return { kind: 'ok', value: { status: res.status, body: json } };
      const message = `${res.status}: ${GraphError.safeParse(json).data?.error.message ?? res.statusText}`.slice(0, 300);
      if (res.status === 429) return { kind: 'throttled', retryAfterMs: graphRetryAfterMs(res.headers.get('retry-after'), this.options.now()) };
      if (res.status === 401 || res.status === 403) return { kind: 'refused', status: res.status, message };
      return { kind: 'failed', transient: res.status === 408 || res.status >= 500, message };
    } catch (error) {
      const timedOut = signal.aborted;
      const message = timedOut ? `timeout: Graph did not answer within ${this.options.timeoutMs} ms` : `network: ${(error instanceof Error ? error.message : String(error)).slice(0, 300)}`;
      return { kind: 'failed', transient: true, message };
    }
  }
}

function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('timeout')), { once: true }));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
