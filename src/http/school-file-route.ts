import { Router, type Request, type Response } from 'express';
import { exportProgrammes } from '../app/mentoring';
import { exportTemplates } from '../app/questionnaires';
import { SCHOOL_FILE_NAMES, SCHOOL_FILE_PATH, type SchoolFileName, type SignedLinks } from '../app/signed-links';
import { hasRole } from '../domain';
import type { Store } from '../store/store';
import { notFound, text } from './link-responses';

const isSchoolFile = (file: string): file is SchoolFileName => (SCHOOL_FILE_NAMES as readonly string[]).includes(file);

/**
 * GET a school file a CPD lead asked for in chat (`templates export`, `programmes export`): the
 * same JSON the CLI's export writes, so what comes back in chat is what the CLI would import.
 */
export function schoolFileRoute(deps: { store: Store; links: SignedLinks }): Router {
  const router = Router();
  router.get(`${SCHOOL_FILE_PATH}/:tenantId/:staffId/:file`, async (req: Request, res: Response) => {
    const { tenantId, staffId, file } = { tenantId: text(req.params.tenantId), staffId: text(req.params.staffId), file: text(req.params.file) };
    if (!isSchoolFile(file) || !deps.links.verifySchoolFile(tenantId, staffId, file, text(req.query.expires), text(req.query.sig))) return notFound(res);
    // The school's files are a CPD lead's: a link outlives nothing, not even the role.
    const reader = await deps.store.staff.get(tenantId, staffId);
    if (!reader || !reader.value.active || !hasRole(reader.value, 'cpd-lead')) return notFound(res);
    const json = file === 'templates.json' ? await exportTemplates(deps, tenantId) : await exportProgrammes(deps, tenantId);
    res
      .status(200)
      .set({ 'Content-Disposition': `attachment; filename="${file}"`, 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' })
      .type('application/json; charset=utf-8')
      .send(json);
  });
  return router;
}
