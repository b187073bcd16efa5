import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { AppDeps } from '../app/deps';
import { ROLE_LABELS } from '../domain';
import { DEMO_TENANT_ID, seedDemo } from '../app/demo';
import type { Logger } from '../log';
import { actAsStaff } from './act-as';
import { createDevAssets } from './dev-assets';
import { createDevConnector } from './dev-connector';
import { renderPreviewPage } from './preview-page';
import { DEV_CHART_PATH, DEV_REPORT_PAGE_PATH, renderChartPreviews } from './chart-previews';
import { sampleYear } from './sample-year';
import { chartFromToken } from '../cards/charts/chart-token';
import { chartPng } from '../documents/chart-png';
import { buildReportPage } from '../documents/report-page';
import { renderReportPage } from '../documents/report-page-html';
import { sampleCatalog } from './sample-catalog';
import { liveCardsFor } from './staff-cards';
import { staffWithMostToDo } from './staff-with-work';

export interface DevRouterDeps extends AppDeps {
  logger: Logger;
  defaultTenantId: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** The page acts as any member of staff, so even in dev mode it answers this machine only. */
function loopbackOnly(req: Request, res: Response, next: NextFunction): void {
  if (LOOPBACK.has(req.socket.remoteAddress ?? '')) return next();
  res.status(403).type('text/plain').send('The /dev pages answer requests from this machine only.');
}

/** The bot must reply to this server itself, over loopback, whatever Host header the browser sent. */
function connectorUrl(req: Request): string {
  const port = req.socket.localPort;
  const host = req.socket.localFamily === 'IPv6' ? '[::1]' : '127.0.0.1';
  return `http://${host}:${port}/dev/connector`;
}

/**
 * `GET /dev`: every card with sample data, and "act as a staff member" against the real bot.
 * Mount only in dev mode (see dev-pages.ts): it trusts whoever uses it.
 */
export function createDevRouter(deps: DevRouterDeps): Router {
  const { store, logger, defaultTenantId } = deps;
  const connector = createDevConnector();
  const canSeedDemo = defaultTenantId === DEMO_TENANT_ID;
  const router = express.Router();
  router.use('/dev', loopbackOnly);
  router.use(createDevAssets());
  router.use('/dev/connector', connector.router);

  router.get('/dev', (_req, res) => {
    res.type('html').send(renderPreviewPage({ catalog: sampleCatalog(), tenantId: defaultTenantId, canSeedDemo, chartSection: renderChartPreviews() }));
  });

  router.get(`${DEV_CHART_PATH}/:file`, (req, res) => {
    const chart = chartFromToken(String(req.params.file).replace(/\.png$/, ''));
    if (!chart) {
      res.status(404).type('text/plain').send('No such chart.');
      return;
    }
    res.set('Cache-Control', 'no-store').type('image/png').send(chartPng(chart));
  });

  // The lead's report page for a made-up school of 120 staff (one session withheld, to show how).
  router.get(DEV_REPORT_PAGE_PATH, (_req, res) => {
    res.set('Cache-Control', 'no-store').type('html').send(renderReportPage(buildReportPage(sampleYear({ staff: 120, withWithheldSession: true }))));
  });

  router.get('/dev/api/staff', async (_req, res) => {
    const hasTenant = (await store.tenants.get(defaultTenantId, defaultTenantId)) !== undefined;
    const rows = hasTenant ? await store.staff.find(defaultTenantId, { where: { active: true }, limit: 500 }) : [];
    // Sorted here: names are not an indexed field (Cosmos would refuse ORDER BY name).
    const staff = rows.map(({ value: s }) => ({ id: s.id, name: s.name, roles: s.roles.map((r) => ROLE_LABELS[r]), department: s.department ?? null }));
    staff.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    const suggestedStaffId = hasTenant ? await staffWithMostToDo({ store, now: deps.clock.now() }, defaultTenantId) : undefined;
    res.json({ tenantId: defaultTenantId, canSeedDemo, staff, ...(suggestedStaffId ? { suggestedStaffId } : {}) });
  });

  router.post('/dev/api/seed-demo', async (_req, res) => {
    if (!canSeedDemo) {
      res.status(409).json({ message: `The demo seed writes tenant "${DEMO_TENANT_ID}"; this server serves "${defaultTenantId}".` });
      return;
    }
    const seeded = await seedDemo({ store, clock: deps.clock });
    logger.info(seeded, 'dev page seeded the demo tenant');
    res.json(seeded);
  });

  router.post('/dev/api/act-as/:staffId', async (req, res) => {
    const result = await actAsStaff(deps, defaultTenantId, String(req.params.staffId));
    if (!result.ok) {
      res.status(result.status).json({ message: result.message });
      return;
    }
    res.json({
      identity: result.identity,
      // One personal chat per person, as Teams has.
      conversationId: `a:dev-personal-${result.actor.staff.id}`,
      serviceUrl: connectorUrl(req),
      cards: await liveCardsFor(deps, result.actor, result.identity.userId),
    });
  });

  router.get('/dev/api/connector', (req, res) => {
    const since = Number(req.query.since ?? 0);
    res.json({ records: connector.recordsSince(Number.isFinite(since) ? since : 0) });
  });

  // Express 5 passes rejected handlers here: one log line, and an answer the page can show.
  router.use('/dev', (error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    logger.error({ err: error }, 'dev page request failed');
    res.status(500).json({ message: error instanceof Error ? error.message : 'dev page request failed' });
  });

  return router;
}
