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

/** The one HTTP server: health check plus whatever the bots mount, behind size and type guards. */
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
  for (const router of deps.routers ?? []) app.use(router);
  app.use(jsonErrors(deps.logger));
  return app;
}
