import { DateTime } from 'luxon';
import { Router, type Request, type Response } from 'express';
import { CALENDAR_PATH, CERTIFICATE_PATH, CHART_PATH, RECORD_PATH, REPORT_PATH, STATUTORY_CERTIFICATE_PATH, type SignedLinks } from '../app/signed-links';
import { CERTIFICATE_TYPES, courseCertificateId, hasRole } from '../domain';
import { loadReportPage } from '../documents/load-report-page';
import { renderReportPage } from '../documents/report-page-html';
import { chartFromToken } from '../cards/charts/chart-token';
import { chartPng } from '../documents/chart-png';
import type { Clock } from '../domain/clock';
import { exportRecordsCsv } from '../exports/records-csv';
import { loadMyRecord, loadStatutoryCertificate } from '../app/records';
import { renderRecordPage } from '../documents/record-page';
import { loadCertificate } from '../documents/load-certificate';
import { renderSessionIcs } from '../documents/session-ics';
import { notFound, text } from './link-responses';
import { schoolFileRoute } from './school-file-route';
import type { Store } from '../store/store';

export interface LinkRouteDeps {
  store: Store;
  clock: Clock;
  links: SignedLinks;
}


/** A file a person sent the bot (a provider's or a training certificate), served back as it came: an attachment, never run. */
function sendKeptFile(res: Response, file: { fileName: string; type: keyof typeof CERTIFICATE_TYPES; content: string }): void {
  const fileName = file.fileName.replace(/[^A-Za-z0-9 ._-]/g, '_');
  res
    .status(200)
    .set({ 'Content-Disposition': `attachment; filename="${fileName}"`, 'Cache-Control': 'private, no-store', 'Content-Security-Policy': "default-src 'none'", 'X-Content-Type-Options': 'nosniff' })
    .type(CERTIFICATE_TYPES[file.type])
    .send(Buffer.from(file.content, 'base64'));
}

/** GET the .ics, certificate, own-record and school-file links that cards carry (see src/app/signed-links.ts). */
export function linkRoutes(deps: LinkRouteDeps): Router {
  const router = Router();
  router.use(schoolFileRoute(deps));
  router.get(`${CALENDAR_PATH}/:tenantId/:file`, async (req: Request, res: Response) => {
    const tenantId = text(req.params.tenantId);
    const sessionId = text(req.params.file).replace(/\.ics$/, '');
    if (!deps.links.verifyCalendar(tenantId, sessionId, text(req.query.sig))) return notFound(res);
    const [tenant, session] = await Promise.all([deps.store.tenants.get(tenantId, tenantId), deps.store.sessions.get(tenantId, sessionId)]);
    if (!tenant || !session || session.value.status === 'draft') return notFound(res);
    res
      .status(200)
      .set({ 'Content-Disposition': `attachment; filename="${session.value.startsAt.slice(0, 10)}-cpd.ics"`, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' })
      .type('text/calendar; charset=utf-8')
      .send(renderSessionIcs(session.value, tenant.value));
  });
  router.get(`${CERTIFICATE_PATH}/:tenantId/:sessionId/:staffId`, async (req: Request, res: Response) => {
    const { tenantId, sessionId, staffId } = { tenantId: text(req.params.tenantId), sessionId: text(req.params.sessionId), staffId: text(req.params.staffId) };
    if (!deps.links.verifyCertificate(tenantId, sessionId, staffId, text(req.query.expires), text(req.query.sig))) return notFound(res);
    // A booked course's own certificate, sent by the person (issue 26), is served as it came.
    const provided = (await deps.store.courseCertificates.get(tenantId, courseCertificateId(sessionId, staffId)))?.value;
    if (provided && provided.staffId === staffId && provided.sessionId === sessionId) return sendKeptFile(res, provided);
    const certificate = await loadCertificate(deps, tenantId, staffId, sessionId, deps.clock.now());
    if (!certificate.ok) {
      res.status(404).type('text/plain').send(certificate.message);
      return;
    }
    res
      .status(200)
      // A certificate names a person: never cached by a proxy; the page runs no script.
      .set({ 'Cache-Control': 'private, no-store', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:", 'X-Content-Type-Options': 'nosniff' })
      .type('text/html; charset=utf-8')
      .send(certificate.value.html);
  });
  router.get(`${STATUTORY_CERTIFICATE_PATH}/:tenantId/:reportId/:viewerId`, async (req: Request, res: Response) => {
    const { tenantId, reportId, viewerId } = { tenantId: text(req.params.tenantId), reportId: text(req.params.reportId), viewerId: text(req.params.viewerId) };
    if (!deps.links.verifyStatutoryCertificate(tenantId, reportId, viewerId, text(req.query.expires), text(req.query.sig))) return notFound(res);
    // Sent with reported statutory training (issue 26 item 2): served as it came, to the person or a lead who may decide it.
    const certificate = await loadStatutoryCertificate(deps, tenantId, reportId, viewerId);
    if (!certificate) return notFound(res);
    sendKeptFile(res, certificate);
  });
  router.get(`${RECORD_PATH}/:tenantId/:staffId`, async (req: Request, res: Response) => {
    const tenantId = text(req.params.tenantId);
    const staffId = text(req.params.staffId);
    if (!deps.links.verifyMyRecord(tenantId, staffId, text(req.query.expires), text(req.query.sig))) return notFound(res);
    if (!(await deps.store.staff.get(tenantId, staffId))) return notFound(res);
    // The same signed link, as a printable page: the signature authorises the person's record, not its format.
    if (req.query.format === 'html') {
      const record = await loadMyRecord(deps, tenantId, staffId, deps.clock.now());
      const tenant = (await deps.store.tenants.get(tenantId, tenantId))?.value;
      if (!record.ok || !tenant) return notFound(res);
      const printedOn = DateTime.fromJSDate(deps.clock.now(), { zone: tenant.settings.timezone }).toFormat('d LLLL yyyy');
      res
        .status(200)
        .set({ 'Cache-Control': 'private, no-store', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'", 'X-Content-Type-Options': 'nosniff' })
        .type('text/html; charset=utf-8')
        .send(renderRecordPage(record.value, { schoolName: tenant.name, printedOn }));
      return;
    }
    const csv = await exportRecordsCsv(deps, tenantId, deps.clock.now(), staffId);
    res
      .status(200)
      .set({ 'Content-Disposition': 'attachment; filename="my-cpd-record.csv"', 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' })
      .type('text/csv; charset=utf-8')
      .send(csv);
  });
  router.get(`${CHART_PATH}/:tenantId/:staffId/:file`, async (req: Request, res: Response) => {
    const { tenantId, staffId } = { tenantId: text(req.params.tenantId), staffId: text(req.params.staffId) };
    const token = text(req.params.file).replace(/\.png$/, '');
    if (!deps.links.verifyChartImage(tenantId, staffId, token, text(req.query.expires), text(req.query.sig))) return notFound(res);
    const chart = chartFromToken(token);
    // A reader who has left the school (deactivated or deleted) stops getting pictures, as they stop getting cards.
    const reader = chart ? await deps.store.staff.get(tenantId, staffId) : undefined;
    if (!chart || !reader || !reader.value.active) return notFound(res);
    res
      .status(200)
      .set({ 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' })
      .type('image/png')
      .send(chartPng(chart));
  });
  router.get(`${REPORT_PATH}/:tenantId/:staffId`, async (req: Request, res: Response) => {
    const { tenantId, staffId } = { tenantId: text(req.params.tenantId), staffId: text(req.params.staffId) };
    if (!deps.links.verifyReportPage(tenantId, staffId, text(req.query.expires), text(req.query.sig))) return notFound(res);
    // The whole programme is the CPD lead's to see: a link outlives nothing, not even the role.
    const reader = await deps.store.staff.get(tenantId, staffId);
    if (!reader || !reader.value.active || !hasRole(reader.value, 'cpd-lead')) return notFound(res);
    const page = await loadReportPage(deps, tenantId, deps.clock.now());
    if (!page.ok) return notFound(res);
    res
      .status(200)
      .set({
        'Cache-Control': 'private, no-store',
        // No script at all: the charts are inline SVG, the styles inline.
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        'Referrer-Policy': 'no-referrer',
        'X-Content-Type-Options': 'nosniff',
        'X-Robots-Tag': 'noindex',
      })
      .type('text/html; charset=utf-8')
      .send(renderReportPage(page.value));
  });
  return router;
}
