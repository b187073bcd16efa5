import type { NextFunction, Request, Response } from 'express';

/**
 * The largest request body any route accepts. Slack's interactivity payloads (a whole modal with
 * its state) and Teams activities stay well under 100 kB; routes may set a lower limit of their own.
 */
export const MAX_BODY_BYTES = 512 * 1024;

/** What the platforms send: Teams activities as JSON, Slack as JSON (events) or a form (commands, interactivity). */
export const ACCEPTED_CONTENT_TYPES = ['application/json', 'application/x-www-form-urlencoded'] as const;

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function mediaType(req: Request): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Refuses, before any parser or bot reads a byte: a declared length over the limit (413) and a body
 * in a type no route understands (415). A chunked body with no length is capped by the route's
 * own parser, whose error the JSON error handler turns into the same 413.
 */
export function requestGuards(maxBytes = MAX_BODY_BYTES) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!hasBody(req)) return next();
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      // Don't read the rest of an oversized upload: answer and close the connection.
      res.set('connection', 'close').status(413).json({ error: 'payload_too_large', message: `Request bodies are limited to ${maxBytes} bytes.` });
      return;
    }
    const type = mediaType(req);
    if (!(ACCEPTED_CONTENT_TYPES as readonly string[]).includes(type)) {
      res.status(415).json({ error: 'unsupported_media_type', message: `Send ${ACCEPTED_CONTENT_TYPES.join(' or ')}.` });
      return;
    }
    next();
  };
}
