import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../log';

/** body-parser and http-errors mark client faults with a 4xx `status` and a `type`. */
interface HttpishError {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
}

function clientStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as HttpishError;
  const status = Number(e.status ?? e.statusCode);
  return Number.isInteger(status) && status >= 400 && status < 500 ? status : undefined;
}

/**
 * The last handler: every error becomes a short JSON answer. Express's default would print the
 * stack trace into the response outside production; nobody calling us should see one.
 */
export function jsonErrors(logger: Logger) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(error);
    const status = clientStatus(error);
    if (status) {
      const type = typeof (error as HttpishError).type === 'string' ? String((error as HttpishError).type) : 'bad_request';
      logger.warn({ status, type, path: req.path }, 'refused a bad request');
      res.status(status).json({ error: type.replace(/\W+/g, '_'), message: status === 413 ? 'The request body is too large.' : 'The request could not be read.' });
      return;
    }
    logger.error({ err: error, path: req.path }, 'request failed');
    res.status(500).json({ error: 'internal_error', message: 'Something went wrong on our side. Please try again.' });
  };
}
