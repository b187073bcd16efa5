/**
 * Person identifiers never leave in telemetry. What could carry one: URLs (a Cosmos document id is
 * often a staff id; a Bot Connector path names a person's 1:1 conversation; Slack's users.lookupByEmail
 * takes an e-mail in its query; a signed link carries a token) and error messages (an e-mail address
 * in a reason). So every URL-like attribute loses its query and its id segments, and every string
 * loses e-mail addresses, before a span is exported.
 */

/** A path segment after one of these names a thing, often a person: it becomes `{id}`. */
const ID_AFTER = new Set(['docs', 'conversations', 'activities', 'members', 'users', 'attachments', 'links', 'l', 'ics', 'certificate']);
const EMAIL = /[^\s@/:"'<>()[\],;]+@[^\s@/:"'<>()[\],;]+\.[a-z]{2,}/gi;
const URL_KEYS = new Set(['url.full', 'http.url', 'url.path', 'http.target', 'url.query', 'http.route', 'url.original']);

export function redactPath(path: string): string {
  const segments = path.split('/');
  return segments.map((segment, i) => (i > 0 && ID_AFTER.has(segments[i - 1]!.toLowerCase()) && segment !== '' ? '{id}' : segment.includes('@') || segment.includes('%40') ? '{id}' : segment)).join('/');
}

/** A URL (absolute or a path) without query, fragment or id segments. */
export function redactUrl(value: string): string {
  const [beforeQuery = ''] = value.split(/[?#]/, 1);
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(beforeQuery)?.[0] ?? '';
  return origin + redactPath(beforeQuery.slice(origin.length));
}

export function redactText(value: string): string {
  return value.replace(EMAIL, '{email}');
}

type Attributes = Record<string, unknown>;

/** The attributes with URLs and e-mail addresses taken out (in place: the span has ended, nothing else holds them). */
export function redactAttributes(attributes: Attributes): void {
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'url.query') attributes[key] = '';
    else if (typeof value === 'string') attributes[key] = URL_KEYS.has(key) ? redactText(redactUrl(value)) : redactText(value);
  }
}

interface EndedSpan {
  name: string;
  attributes: Attributes;
  events: readonly { attributes?: Attributes }[];
}

/**
 * Runs before the exporting processors (it is registered first): a span's attributes and its events'
 * (exception messages) are redacted as it ends, so what any later processor sees is already clean.
 */
export class RedactingSpanProcessor {
  onStart(): void {}

  onEnd(span: EndedSpan): void {
    redactAttributes(span.attributes);
    for (const event of span.events) if (event.attributes) redactAttributes(event.attributes);
    if (span.name.includes('/') || span.name.includes('@')) (span as { name: string }).name = redactText(redactUrl(span.name));
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
