import type { Session, Tenant } from '../../domain';
import type { Notice } from '../../cards/views/common';
import type { RegisterView } from '../../cards/views/register';
import { toSessionSummary } from '../../cards/wording/session-summary';
import { facilitatorNames } from '../sessions';
import type { AppDeps } from '../deps';
import { loadRegister } from './register-people';

/** The register card: the session, then everyone expected and the waiting list, each toggle pre-set. */
export async function buildRegisterView(deps: AppDeps, tenant: Tenant, session: Session, notice?: Notice): Promise<RegisterView> {
  const [register, names] = await Promise.all([loadRegister(deps, session), facilitatorNames(deps, session)]);
  return {
    kind: 'register',
    session: toSessionSummary(session, tenant, { facilitatorNames: names }),
    expected: register.expected,
    waitlist: register.waitlist,
    taken: register.taken,
    ...(notice ? { notice } : {}),
  };
}
