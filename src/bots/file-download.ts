import type { FileDownload } from '../app/school-files';
import { DEFAULT_FILE_DOWNLOAD_TIMEOUT_MS, DEFAULT_FILE_HOSTS, DEFAULT_FILE_MAX_BYTES } from '../config';

/** Where a file sent to the bot may be fetched from, how big it may be and how long it may take. */
export interface FileDownloadLimits {
  /** Host names, exact or `*.sharepoint.com` (any subdomain): the platforms' own file hosts (FILE_HOSTS). */
  allowedHosts: readonly string[];
  maxBytes: number;
  timeoutMs: number;
}

export const DEFAULT_FILE_LIMITS: FileDownloadLimits = { allowedHosts: DEFAULT_FILE_HOSTS, maxBytes: DEFAULT_FILE_MAX_BYTES, timeoutMs: DEFAULT_FILE_DOWNLOAD_TIMEOUT_MS };

const MAX_REDIRECTS = 3;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const name = host.toLowerCase();
  return allowed.some((pattern) => {
    const p = pattern.trim().toLowerCase();
    if (p.startsWith('*.')) return name.endsWith(p.slice(1)) && name.length > p.length - 1;
    return name === p;
  });
}

/** Plain HTTP only to a loopback host named in the allow-list (a test's file host); everything else over HTTPS. */
function refusedUrl(url: URL, limits: FileDownloadLimits): string | undefined {
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!secure || !hostAllowed(url.hostname, limits.allowedHosts)) {
    return `I only open files stored by Teams or Slack themselves, and this one is at ${url.hostname || 'an unknown address'}, so I did not open it. Attach the file to a message to me instead of sending a link.`;
  }
  return undefined;
}

const seconds = (ms: number) => (Math.round(ms / 1000) <= 1 ? 'a second' : `${Math.round(ms / 1000)} seconds`);

const tooBig = (limits: FileDownloadLimits) => `That file is larger than ${Math.floor(limits.maxBytes / 1000)} kB, more than any staff list, programme or calendar needs: check it is the right file (a CSV, not a workbook with pictures).`;

/**
 * Fetches a file a person sent, from an allowed host only (each redirect checked too, and the
 * platform's token never sent to another host), within the size and time limits. Failures are
 * sentences for the person, never thrown.
 */
export async function downloadFile(address: string, limits: FileDownloadLimits, headers: Record<string, string> = {}): Promise<FileDownload> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { ok: false, message: 'That file came without an address I can read. Please send it again.' };
  }
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const origin = url.origin;
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const refused = refusedUrl(url, limits);
      if (refused) return { ok: false, message: refused };
      const response = await fetch(url, { redirect: 'manual', signal, headers: url.origin === origin ? headers : {} });
      if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
        await response.body?.cancel();
        url = new URL(response.headers.get('location')!, url);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { ok: false, message: `I could not fetch that file (the file store answered ${response.status}). Please send it again.` };
      }
      const declared = Number(response.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > limits.maxBytes) {
        await response.body?.cancel();
        return { ok: false, message: tooBig(limits) };
      }
      return await readLimited(response, limits);
    }
    return { ok: false, message: 'That file is behind too many redirects: please send it again.' };
  } catch (error) {
    if ((error as Error).name === 'TimeoutError' || signal.aborted) return { ok: false, message: `Fetching that file took longer than ${seconds(limits.timeoutMs)}, so I stopped. Please send it again.` };
    return { ok: false, message: 'I could not fetch that file just now. Please send it again.' };
  }
}

/** Reads the body, stopping as soon as it passes the limit (a missing or false Content-Length). */
async function readLimited(response: Response, limits: FileDownloadLimits): Promise<FileDownload> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return { ok: true, bytes: new Uint8Array() };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limits.maxBytes) {
      await reader.cancel();
      return { ok: false, message: tooBig(limits) };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { ok: true, bytes };
}
