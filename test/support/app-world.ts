import type { Actor } from '../../src/app/people/actor';
import type { AppDeps } from '../../src/app/deps';
import { ManualClock } from '../../src/domain/clock';
import { defaultReactionTemplate, type Questionnaire, type Staff } from '../../src/domain';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import { session, staff, tenant } from './fixtures';

/** A small school in an in-memory embedded store, with a lead, a manager, two teachers and a session. */
export async function smallSchool(now = '2026-11-23T10:00:00.000Z') {
  const clock = new ManualClock(now);
  const store = openEmbeddedStore({ path: ':memory:', clock });
  const deps: AppDeps = { store, clock };
  const t = tenant('t1');
  await store.tenants.put(t);
  const people: Record<string, Staff> = {
    lead: staff('t1', 'lead', { name: 'Lena Lead', roles: ['staff', 'cpd-lead'] }),
    manager: staff('t1', 'manager', { name: 'Mo Manager', roles: ['staff', 'line-manager'] }),
    ada: staff('t1', 'ada', { name: 'Ada Teacher', lineManagerId: 'manager', department: 'Maths' }),
    ben: staff('t1', 'ben', { name: 'Ben Teacher', lineManagerId: 'manager', department: 'English' }),
  };
  for (const p of Object.values(people)) await store.staff.put(p);
  await store.sessions.put(session('t1', 'ses-1', { title: 'Retrieval practice', startsAt: '2026-11-24T16:00:00.000Z', endsAt: '2026-11-24T17:30:00.000Z' }));
  const actor = (who: keyof typeof people): Actor => ({ tenant: t, staff: people[who]! });
  return { clock, store, deps, tenant: t, people, actor };
}

export function reactionQuestionnaire(extra: Partial<Questionnaire> = {}): Questionnaire {
  const template = defaultReactionTemplate('t1');
  return {
    tenantId: 't1',
    id: 'q-ses-1',
    title: 'How was Retrieval practice?',
    purpose: 'reaction',
    sessionId: 'ses-1',
    anonymous: false,
    questions: template.questions,
    opensAt: '2026-11-24T17:30:00.000Z',
    closesAt: '2026-12-01T17:30:00.000Z',
    ...extra,
  };
}
