import { DEFAULT_REACTION_QUESTIONS, Questionnaire, Session, Staff, Tenant, participationId } from '../../src/domain';
import type { BulkBatch } from '../../src/store/embedded/bulk-load';
import type { TenantDoc } from '../../src/store/port';
import type { Store } from '../../src/store/store';

/** The school the submit benchmark answers in: every person linked to Teams and Slack, booked on every session. */
export const BENCH_TENANT = 'bench-school';
export const BENCH_AAD_TENANT = 'aad-bench';
export const BENCH_SLACK_TEAM = 'TBENCH';
export const SIGNING_SECRET = 'bench-signing-secret';

export interface SubmitShape {
  staff: number;
  questionnaires: number;
}

export const person = (i: number) => ({ staffId: `st-${i}`, teamsId: `29:st-${i}`, aad: `aad-st-${i}`, slackId: `UST${i}` });

/**
 * Request n answers questionnaire ⌊n/staff⌋ as person n mod staff: distinct first answers until every
 * pair is used. The session goes with it, as the real card's submit action carries it.
 */
export function pairOf(n: number, shape: SubmitShape): { who: ReturnType<typeof person>; questionnaireId: string; sessionId: string } {
  const i = n % shape.staff;
  const k = Math.floor(n / shape.staff) % shape.questionnaires;
  return { who: person(i), questionnaireId: `q-${k}`, sessionId: `ses-${k}` };
}

export function submitSeed(shape: SubmitShape): BulkBatch[] {
  const staff: TenantDoc[] = [];
  for (let i = 0; i < shape.staff; i++) {
    const p = person(i);
    staff.push(
      Staff.parse({
        tenantId: BENCH_TENANT,
        id: p.staffId,
        name: `Person ${i}`,
        email: `p${i}@bench.example`,
        roles: ['staff'],
        teams: { aadObjectId: p.aad, userId: p.teamsId },
        slack: { userId: p.slackId, teamId: BENCH_SLACK_TEAM },
      }),
    );
  }
  const sessions: TenantDoc[] = [];
  const questionnaires: TenantDoc[] = [];
  const participations: TenantDoc[] = [];
  for (let k = 0; k < shape.questionnaires; k++) {
    const session = Session.parse({
      tenantId: BENCH_TENANT,
      id: `ses-${k}`,
      title: `Twilight ${k}`,
      category: 'TL',
      kind: 'twilight',
      startsAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
      endsAt: new Date(Date.now() - 3600_000).toISOString(),
      location: { place: 'Hall' },
      audience: { kind: 'trust' },
      status: 'published',
    });
    sessions.push(session);
    questionnaires.push(
      Questionnaire.parse({
        tenantId: BENCH_TENANT,
        id: `q-${k}`,
        title: `How was twilight ${k}?`,
        purpose: 'reaction',
        sessionId: session.id,
        anonymous: false,
        questions: DEFAULT_REACTION_QUESTIONS,
        opensAt: session.endsAt,
        closesAt: new Date(Date.now() + 7 * 86400_000).toISOString(),
      }),
    );
    for (let i = 0; i < shape.staff; i++) {
      const staffId = person(i).staffId;
      participations.push({ tenantId: BENCH_TENANT, id: participationId(session.id, staffId), sessionId: session.id, staffId, rsvp: 'yes', attended: true } as TenantDoc);
    }
  }
  const tenant = Tenant.parse({ tenantId: BENCH_TENANT, id: BENCH_TENANT, name: 'Bench School', kind: 'school', teamsTenantId: BENCH_AAD_TENANT, slackTeamId: BENCH_SLACK_TEAM });
  return [
    { collection: 'tenants', docs: [tenant] },
    { collection: 'staff', docs: staff },
    { collection: 'sessions', docs: sessions },
    { collection: 'questionnaires', docs: questionnaires },
    { collection: 'participations', docs: participations },
  ];
}

/** Cosmos has no bulk path here: puts through the port, 64 at a time. */
export async function seedThroughPort(store: Store, batches: BulkBatch[]): Promise<void> {
  for (const { collection, docs } of batches) {
    const target = store[collection] as unknown as { put(doc: TenantDoc): Promise<unknown> };
    for (let i = 0; i < docs.length; i += 64) await Promise.all(docs.slice(i, i + 64).map((d) => target.put(d)));
  }
}
