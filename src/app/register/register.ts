import type { CardView } from '../../cards/views';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { findSessionByTitle } from '../sessions';
import { notice } from '../notice';
import { parseRegisterInputs } from './register-inputs';
import { REGISTER_OPENS_BEFORE_MS, registerIsOpen } from './register-people';
import { buildRegisterView } from './register-view';
import { markAttendance } from './mark-attendance';
import { mayRunSession } from '../sessions';

/** What a register button answers: the register, or a notice saying why not. */
export type RegisterActionResult = { ok: boolean; view: CardView };

const NOT_YOURS = "Only the session's facilitators and CPD leads can take its register.";

/** The session behind a register button, if the person may take its register now; else why not. */
async function registerSession(deps: AppDeps, actor: Actor, sessionId: string) {
  const session = (await deps.store.sessions.get(actor.tenant.id, sessionId))?.value;
  if (!session || session.status === 'draft') return { ok: false as const, view: notice('attention', "I can't find that session.") };
  if (!mayRunSession(actor, session)) return { ok: false as const, view: notice('attention', NOT_YOURS) };
  if (session.status === 'cancelled') return { ok: false as const, view: notice('info', 'That session was cancelled: there is no register to take.') };
  if (!registerIsOpen(session, deps.clock.now())) return { ok: false as const, view: notice('info', 'The register opens an hour before the session starts.') };
  return { ok: true as const, session };
}

/** `register <title>`: the most recent session the person runs, started or starting within the hour. */
export async function registerCommand(deps: AppDeps, actor: Actor, titleQuery: string): Promise<CardView> {
  const query = titleQuery.trim();
  if (!query) return notice('info', 'Say which session, e.g. "register retrieval practice".');
  const latestStart = new Date(deps.clock.now().getTime() + REGISTER_OPENS_BEFORE_MS);
  const found = await findSessionByTitle(deps, actor, query, { kind: 'held-by', latestStart });
  if (!found.ok) {
    return found.reason === 'not-yours'
      ? notice('attention', `${NOT_YOURS} You don't run "${query.slice(0, 100)}".`)
      : notice('info', `I couldn't find a session called "${query.slice(0, 100)}" that has started or starts within the hour.`);
  }
  return buildRegisterView(deps, actor.tenant, found.session);
}

/** The Open register button (Slack opens the register in a modal). */
export async function openRegister(deps: AppDeps, actor: Actor, sessionId: string): Promise<RegisterActionResult> {
  const found = await registerSession(deps, actor, sessionId);
  return found.ok ? { ok: true, view: await buildRegisterView(deps, actor.tenant, found.session) } : found;
}

/** Saves a submitted register and answers with it updated; a refused one comes back as it is stored, with the reason. */
export async function submitRegister(deps: AppDeps, actor: Actor, input: { sessionId: string; raw: Record<string, unknown> }): Promise<RegisterActionResult> {
  const found = await registerSession(deps, actor, input.sessionId);
  if (!found.ok) return found;
  const parsed = parseRegisterInputs(input.raw);
  const saved = parsed.ok ? await markAttendance(deps, actor, { sessionId: input.sessionId, marks: parsed.marks }) : parsed;
  if (!saved.ok) return { ok: false, view: await buildRegisterView(deps, actor.tenant, found.session, { tone: 'attention', text: saved.message }) };
  return { ok: true, view: await buildRegisterView(deps, actor.tenant, found.session, { tone: 'good', text: `Register saved: ${saved.present} present, ${saved.absent} absent${saved.statutory ? ` (${saved.statutory})` : ''}` }) };
}
