import express, { type Express, type Router } from 'express';
import type { Logger } from '../log';
import type { Store } from '../store/store';
import { jsonErrors } from './json-errors';
import { MAX_BODY_BYTES, requestGuards } from './request-guards';
import { securityHeaders } from './security-headers';

export interface HttpAppDeps {
  store: Store;
  logger: Logger;
  /** Platform routes (/api/messages, /slack/events) and dev pages, mounted by the composition root. */
  routers?: Router[];
  /** Request body limit for every route (default MAX_BODY_BYTES). */
  maxBodyBytes?: number;
}

/** Under the Docker HEALTHCHECK's 5 s timeout, so the probe answers 503 rather than timing out. */
const READINESS_DEADLINE_MS = 4000;

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** The one HTTP server: liveness (/healthz) and readiness (/readyz) plus whatever the bots mount, behind size and type guards. */
export function createHttpApp(deps: HttpAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use(requestGuards(deps.maxBodyBytes ?? MAX_BODY_BYTES));
  app.get('/healthz', async (_req, res) => {
    try {
      await deps.store.ping();
      res.json({ status: 'ok', store: deps.store.kind });
    } catch (error) {
      deps.logger.error({ err: error }, 'health check: store unreachable');
      res.status(503).json({ status: 'unavailable', store: deps.store.kind });
    }
  });
  // Readiness, not liveness: a store that cannot take a write (full disk, lost account) takes the
  // instance out of rotation rather than answering ok while every answer is lost.
  app.get('/readyz', async (_req, res) => {
    try {
      await withDeadline(deps.store.checkWritable(), READINESS_DEADLINE_MS);
      res.json({ status: 'ready', store: deps.store.kind });
    } catch (error) {
      deps.logger.error({ err: error }, 'readiness check: the store cannot take a write');
      res.status(503).json({ status: 'unavailable', store: deps.store.kind, reason: 'the store cannot take a write' });
    }
  });
  for (const router of deps.routers ?? []) app.use(router);
  app.use(jsonErrors(deps.logger));
  return app;
}
