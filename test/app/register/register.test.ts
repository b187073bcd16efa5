import type { Actor } from '../../../src/app/people/actor';
import { handleCardAction } from '../../../src/app/card-actions';
import { runCommand } from '../../../src/app/commands';
import { markAttendance } from '../../../src/app/register/mark-attendance';
import { loadRegister } from '../../../src/app/register/register-people';
import type { AppDeps } from '../../../src/app/deps';
import { respondToInvitation } from '../../../src/app/sessions/rsvp';
import type { CardView, RegisterView } from '../../../src/cards/views';
import { participationId, type Participation, type Session } from '../../../src/domain';
import type { Collection } from '../../../src/store/port';
import { countingReads } from '../../support/counting-reads';
import { session, staff, tenant } from '../../support/fixtures';
import { reactionQuestionnaire, smallSchool } from '../../support/app-world';

/** The small school, with Fay facilitating "Retrieval practice" (ses-1, capacity 2) and Otto facilitating another session. */
async function registerSchool() {
  const w = await smallSchool();
  const fay = staff('t1', 'fay', { name: 'Fay Facilitator' });
  const otto = staff('t1', 'otto', { name: 'Otto Other' });
  for (const p of [fay, otto]) await w.store.staff.put(p);
  const ses1 = (await w.store.sessions.get('t1', 'ses-1'))!.value;
  await w.store.sessions.put({ ...ses1, facilitatorIds: ['fay'], capacity: 2 });
  await w.store.sessions.put(session('t1', 'ses-2', { title: 'Oracy across the curriculum', facilitatorIds: ['otto'], startsAt: '2026-11-24T15:00:00.000Z', endsAt: '2026-11-24T16:00:00.000Z' }));
  const as = (who: Parameters<typeof w.actor>[0] | 'fay' | 'otto'): Actor => (who === 'fay' ? { tenant: w.tenant, staff: fay } : who === 'otto' ? { tenant: w.tenant, staff: otto } : w.actor(who));
  // Ada and Ben take the two places; Mo is on the waiting list.
  for (const who of ['ada', 'ben', 'manager'] as const) await respondToInvitation(w.deps, w.actor(who), { sessionId: 'ses-1', answer: 'yes' });
  w.clock.set('2026-11-24T17:00:00.000Z');
  return { ...w, as };
}

function asRegister(view: CardView): RegisterView {
  if (view.kind !== 'register') throw new Error(`expected a register, got ${view.kind}: ${JSON.stringify(view).slice(0, 200)}`);
  return view;
}

const rows = (view: RegisterView) => ({
  expected: view.expected.map((r) => [r.name, r.present]),
  waitlist: view.waitlist.map((r) => [r.name, r.present]),
});

const attendanceOf = async (w: Awaited<ReturnType<typeof registerSchool>>, who: string) => (await w.store.participations.get('t1', participationId('ses-1', who)))?.value.attended;
const markedCount = (w: Awaited<ReturnType<typeof registerSchool>>, tenantId = 't1') => w.store.participations.count(tenantId, { attended: { exists: true } });

describe('the register: who may take it (embedded store)', () => {
  test('the lead and the session’s facilitator get it: those who said yes, the waiting list apart, names sorted, ticks from the RSVPs', async () => {
    const w = await registerSchool();
    for (const who of ['lead', 'fay'] as const) {
      const view = asRegister(await runCommand(w.deps, w.as(who), who === 'lead' ? 'register retrieval' : 'register  PRACTICE retrieval'));
      expect(view.session).toMatchObject({ sessionId: 'ses-1', title: 'Retrieval practice', facilitatorText: 'Fay Facilitator' });
      expect(rows(view)).toEqual({ expected: [['Ada Teacher', true], ['Ben Teacher', true]], waitlist: [['Mo Manager', false]] });
      expect(view.taken).toBe(false);
    }
  });

  test('other staff get the standard refusal; the facilitator of another session is refused for this one and writes nothing', async () => {
    const w = await registerSchool();
    const staffView = await runCommand(w.deps, w.as('ada'), 'register retrieval');
    expect(staffView).toEqual({ kind: 'notice', notice: { tone: 'attention', text: 'Only CPD leads and session facilitators can do that. Say "help" to see what you can do.' } });
    const other = await runCommand(w.deps, w.as('otto'), 'register retrieval');
    expect(other.kind === 'notice' && other.notice.text).toMatch(/^Only the session's facilitators and CPD leads can take its register/);
    // Otto's own session is fine.
    expect(asRegister(await runCommand(w.deps, w.as('otto'), 'register oracy')).session.sessionId).toBe('ses-2');
    for (const verb of ['register.open', 'register.submit']) {
      for (const who of ['otto', 'ada'] as const) {
        const pressed = await handleCardAction(w.deps, w.as(who), { verb, sessionId: 'ses-1' }, { 'present:ada': 'false', 'present:ben': 'false' });
        expect(pressed).toEqual({ ok: false, view: expect.objectContaining({ kind: 'notice' }) });
      }
    }
    expect(await markedCount(w)).toBe(0);
  });

  test('help lists register and report for leads and facilitators only', async () => {
    const w = await registerSchool();
    const commands = async (who: 'lead' | 'fay' | 'ada') => {
      const help = await runCommand(w.deps, w.as(who), 'help');
      return help.kind === 'help' ? help.commands.map((c) => c.command) : [];
    };
    expect(await commands('lead')).toEqual(expect.arrayContaining(['register <session title>', 'report <session title>']));
    expect(await commands('fay')).toEqual(expect.arrayContaining(['register <session title>', 'report <session title>']));
    expect(await commands('ada')).not.toEqual(expect.arrayContaining(['register <session title>']));
    expect(await commands('ada')).not.toEqual(expect.arrayContaining(['report <session title>']));
  });

  test('the register opens an hour before the start; a cancelled session has none', async () => {
    const w = await registerSchool();
    w.clock.set('2026-11-24T14:30:00.000Z');
    const early = await runCommand(w.deps, w.as('fay'), 'register retrieval');
    expect(early.kind === 'notice' && early.notice.text).toMatch(/couldn't find a session called "retrieval" that has started or starts within the hour/);
    const earlySubmit = await handleCardAction(w.deps, w.as('fay'), { verb: 'register.submit', sessionId: 'ses-1' }, { 'present:ada': 'true' });
    expect(earlySubmit.ok).toBe(false);
    expect(await markedCount(w)).toBe(0);
    w.clock.set('2026-11-24T15:05:00.000Z');
    expect(asRegister(await runCommand(w.deps, w.as('fay'), 'register retrieval')).expected).toHaveLength(2);

    const ses1 = (await w.store.sessions.get('t1', 'ses-1'))!.value;
    await w.store.sessions.put({ ...ses1, status: 'cancelled' });
    expect((await runCommand(w.deps, w.as('fay'), 'register retrieval')).kind).toBe('notice');
    expect((await handleCardAction(w.deps, w.as('fay'), { verb: 'register.submit', sessionId: 'ses-1' }, { 'present:ada': 'true' })).ok).toBe(false);
    expect(await markedCount(w)).toBe(0);
  });

  test('tenant isolation: a lead of another trust with the same ids finds nothing and writes nothing', async () => {
    const w = await registerSchool();
    const t2 = tenant('t2');
    await w.store.tenants.put(t2);
    const lead2 = staff('t2', 'lead', { name: 'Other Lead', roles: ['staff', 'cpd-lead'] });
    await w.store.staff.put(lead2);
    await w.store.staff.put(staff('t2', 'ada', { name: 'Other Ada' }));
    const stranger: Actor = { tenant: t2, staff: lead2 };
    const found = await runCommand(w.deps, stranger, 'register retrieval');
    expect(found.kind === 'notice' && found.notice.text).toMatch(/couldn't find/);
    const pressed = await handleCardAction(w.deps, stranger, { verb: 'register.submit', sessionId: 'ses-1' }, { 'present:ada': 'false' });
    expect(pressed.ok).toBe(false);
    expect(pressed.view.kind === 'notice' && pressed.view.notice.text).toBe("I can't find that session.");
    expect(await markedCount(w)).toBe(0);
    expect(await markedCount(w, 't2')).toBe(0);
    expect(await w.store.participations.count('t2')).toBe(0);
  });
});

describe('the register: saving it (embedded store, through the verb table)', () => {
  const SUBMIT = { verb: 'register.submit', sessionId: 'ses-1' };

  test('saves each toggle, answers with the updated register and the count; the same register again writes nothing', async () => {
    const w = await registerSchool();
    const inputs = { 'present:ada': 'true', 'present:ben': 'false', 'present:manager': 'true' };
    const saved = await handleCardAction(w.deps, w.as('fay'), SUBMIT, inputs);
    expect(saved.ok).toBe(true);
    const view = asRegister(saved.view);
    expect(view.notice).toEqual({ tone: 'good', text: 'Register saved: 2 present, 1 absent' });
    expect(view.taken).toBe(true);
    expect(rows(view)).toEqual({ expected: [['Ada Teacher', true], ['Ben Teacher', false]], waitlist: [['Mo Manager', true]] });
    expect(view.expected.every((r) => r.marked)).toBe(true);
    const ada = (await w.store.participations.get('t1', participationId('ses-1', 'ada')))!;
    expect(ada.value).toMatchObject({ rsvp: 'yes', attended: true, attendanceMarkedBy: 'fay', attendanceMarkedAt: '2026-11-24T17:00:00.000Z' });
    expect(await attendanceOf(w, 'ben')).toBe(false);
    expect(await attendanceOf(w, 'manager')).toBe(true);

    // A retried press (or the lead saving the same register later) changes nothing stored.
    w.clock.set('2026-11-24T17:10:00.000Z');
    const again = await handleCardAction(w.deps, w.as('lead'), SUBMIT, inputs);
    expect(asRegister(again.view).notice?.text).toBe('Register saved: 2 present, 1 absent');
    const adaAgain = (await w.store.participations.get('t1', participationId('ses-1', 'ada')))!;
    expect(adaAgain.version).toBe(ada.version);
    expect(adaAgain.value.attendanceMarkedBy).toBe('fay');
    expect(await markAttendance(w.deps, w.as('lead'), { sessionId: 'ses-1', marks: [{ staffId: 'ada', present: true }] })).toMatchObject({ ok: true, changed: 0 });

    // Changing one mark rewrites only that one.
    const corrected = await handleCardAction(w.deps, w.as('lead'), SUBMIT, { ...inputs, 'present:ben': 'true' });
    expect(asRegister(corrected.view).notice?.text).toBe('Register saved: 3 present, 0 absent');
    expect((await w.store.participations.get('t1', participationId('ses-1', 'ben')))?.value).toMatchObject({ attended: true, attendanceMarkedBy: 'lead' });
    expect((await w.store.participations.get('t1', participationId('ses-1', 'ada')))?.version).toBe(ada.version);
  });

  test('an id outside the register refuses the whole register with nothing written; the register comes back with the reason', async () => {
    const w = await registerSchool();
    // The lead never answered, 'ghost' is nobody and Otto runs another session: none is on this register.
    for (const stranger of ['lead', 'ghost', 'otto']) {
      const refused = await handleCardAction(w.deps, w.as('fay'), SUBMIT, { 'present:ada': 'true', 'present:ben': 'true', [`present:${stranger}`]: 'true' });
      expect(refused.ok).toBe(false);
      const view = asRegister(refused.view);
      expect(view.notice).toEqual({ tone: 'attention', text: expect.stringContaining('Nothing was saved') });
      expect(view.taken).toBe(false);
    }
    expect(await w.store.participations.count('t1', { sessionId: 'ses-1' })).toBe(3);
    expect(await markedCount(w)).toBe(0);
  });

  test('unreadable toggles refuse the register; other inputs are ignored; an empty submission saves nothing', async () => {
    const w = await registerSchool();
    for (const bad of [{ 'present:ada': 'yes' }, { 'present:ada': true }, { 'present:../ada': 'true' }, { 'present:': 'true' }]) {
      const refused = await handleCardAction(w.deps, w.as('fay'), SUBMIT, { 'present:ben': 'true', ...bad });
      expect(refused.ok).toBe(false);
      expect(asRegister(refused.view).notice?.text).toMatch(/could not be read/);
    }
    const empty = await handleCardAction(w.deps, w.as('fay'), SUBMIT, { tenantId: 't2', sessionId: 'ses-2' });
    expect(empty.ok).toBe(false);
    expect(await markedCount(w)).toBe(0);
    const saved = await handleCardAction(w.deps, w.as('fay'), SUBMIT, { 'present:ada': 'true', tenantId: 't2', note: 'ignored' });
    expect(asRegister(saved.view).notice?.text).toBe('Register saved: 1 present, 0 absent');
    expect(await markedCount(w)).toBe(1);
  });

  test('a compulsory session lists its whole active audience, including those who never answered or said no', async () => {
    const w = await smallSchool('2026-11-20T10:00:00.000Z');
    await w.store.staff.put(staff('t1', 'dora', { name: 'Dora Maths', department: 'Maths' }));
    await w.store.staff.put(staff('t1', 'cara', { name: 'Cara Left', department: 'Maths', active: false }));
    const inset: Session = session('t1', 'ses-maths', { title: 'Maths department INSET', compulsory: true, audience: { kind: 'department', department: 'Maths' } });
    await w.store.sessions.put(inset);
    await respondToInvitation(w.deps, w.actor('ben'), { sessionId: 'ses-maths', answer: 'yes' });
    await respondToInvitation(w.deps, { tenant: w.tenant, staff: (await w.store.staff.get('t1', 'dora'))!.value }, { sessionId: 'ses-maths', answer: 'no' });
    w.clock.set('2026-11-24T16:30:00.000Z');
    const view = asRegister(await runCommand(w.deps, w.actor('lead'), 'register maths inset'));
    // Ben (English) said yes; Ada and Dora are the audience; Cara has left.
    expect(rows(view)).toEqual({ expected: [['Ada Teacher', false], ['Ben Teacher', true], ['Dora Maths', false]], waitlist: [] });
    expect(view.expected.find((r) => r.name === 'Dora Maths')?.rsvp).toBe('no');
    const saved = await handleCardAction(w.deps, w.actor('lead'), { verb: 'register.submit', sessionId: 'ses-maths' }, { 'present:ada': 'true', 'present:ben': 'true', 'present:dora': 'false' });
    expect(asRegister(saved.view).notice?.text).toBe('Register saved: 2 present, 1 absent');
    // Ada never answered: her participation is created by the register.
    expect((await w.store.participations.get('t1', participationId('ses-maths', 'ada')))?.value).toMatchObject({ attended: true, staffId: 'ada' });
    const refused = await handleCardAction(w.deps, w.actor('lead'), { verb: 'register.submit', sessionId: 'ses-maths' }, { 'present:cara': 'true' });
    expect(refused.ok).toBe(false);
  });
});

/** A participations collection where another writer changes the document between the register's read and its write, once. */
function racingParticipations(inner: Collection<Participation>, race: () => Promise<void>): Collection<Participation> {
  let raced = false;
  return {
    ...inner,
    async put(doc, options) {
      if (!raced) {
        raced = true;
        await race();
      }
      return inner.put(doc, options);
    },
  };
}

describe('the register and a racing RSVP (embedded store, ETags)', () => {
  test('an RSVP written between the register’s read and its write is kept, and the mark still lands', async () => {
    const w = await registerSchool();
    w.clock.set('2026-11-24T15:30:00.000Z');
    const id = participationId('ses-1', 'ben');
    const participations = racingParticipations(w.store.participations, async () => {
      const current = (await w.store.participations.get('t1', id))!.value;
      await w.store.participations.put({ ...current, rsvp: 'no', rsvpAt: '2026-11-24T15:30:00.000Z' });
    });
    const deps = { ...w.deps, store: { ...w.store, participations } };
    const result = await markAttendance(deps, w.as('fay'), { sessionId: 'ses-1', marks: [{ staffId: 'ben', present: true }] });
    expect(result).toEqual({ ok: true, present: 1, absent: 0, changed: 1 });
    expect((await w.store.participations.get('t1', id))?.value).toMatchObject({ rsvp: 'no', rsvpAt: '2026-11-24T15:30:00.000Z', attended: true });
  });

  test('a register mark written between an RSVP’s read and its write is kept, and the RSVP still lands', async () => {
    const w = await registerSchool();
    w.clock.set('2026-11-24T15:30:00.000Z');
    const id = participationId('ses-1', 'ben');
    const participations = racingParticipations(w.store.participations, async () => {
      expect(await markAttendance(w.deps, w.as('fay'), { sessionId: 'ses-1', marks: [{ staffId: 'ben', present: true }] })).toMatchObject({ ok: true, changed: 1 });
    });
    const deps = { ...w.deps, store: { ...w.store, participations } };
    expect((await respondToInvitation(deps, w.as('ben'), { sessionId: 'ses-1', answer: 'no' })).ok).toBe(true);
    expect((await w.store.participations.get('t1', id))?.value).toMatchObject({ rsvp: 'no', attended: true, attendanceMarkedBy: 'fay' });
  });
});

describe('report <title> for facilitators (embedded store)', () => {
  async function answeredSession() {
    const w = await registerSchool();
    await handleCardAction(w.deps, w.as('fay'), { verb: 'register.submit', sessionId: 'ses-1' }, { 'present:ada': 'true', 'present:ben': 'true', 'present:manager': 'false' });
    w.clock.set('2026-11-24T18:00:00.000Z');
    await w.store.questionnaires.put(reactionQuestionnaire());
    for (const who of ['ada', 'ben'] as const) {
      const answered = await handleCardAction(w.deps, w.as(who), { verb: 'questionnaire.submit', questionnaireId: 'q-ses-1' }, { quality: '5', impact: '4', further_cpd: 'no' });
      expect(answered.view.kind).toBe('thank-you');
    }
    return w;
  }

  test('the facilitator sees their own session’s report with two answers withheld (under the minimum); the lead sees them', async () => {
    const w = await answeredSession();
    const fay = await runCommand(w.deps, w.as('fay'), 'report retrieval');
    expect(fay).toMatchObject({ kind: 'lead-report', attended: 2, responses: 2, ratings: [], commentThemes: [], withheld: 'fewer than 5 responses' });
    const lead = await runCommand(w.deps, w.as('lead'), 'report retrieval');
    expect(lead.kind === 'lead-report' && lead.ratings.map((r) => r.count)).toEqual([2, 2]);
    expect(lead.kind === 'lead-report' && lead.withheld).toBeUndefined();
  });

  test('another session’s facilitator is refused; other staff get the standard refusal', async () => {
    const w = await answeredSession();
    const otto = await runCommand(w.deps, w.as('otto'), 'report retrieval');
    expect(otto).toEqual({ kind: 'notice', notice: { tone: 'attention', text: expect.stringMatching(/^Facilitators can see the reports of their own sessions only/) } });
    const ada = await runCommand(w.deps, w.as('ada'), 'report retrieval');
    expect(ada.kind === 'notice' && ada.notice.text).toMatch(/^Only CPD leads and session facilitators can do that/);
  });
});

describe('the register reads only the people it lists (embedded store, 2,000 staff)', () => {
  test('a session of 10 reads its 10 participants; a compulsory session of one school reads that school’s staff, not the tenant', async () => {
    const w = await smallSchool('2026-11-20T10:00:00.000Z');
    const t = { ...w.tenant, schools: [...w.tenant.schools, { id: 'sch-2', name: 'Riverside Primary' }] };
    await w.store.tenants.put(t);
    const names = Array.from({ length: 2000 }, (_, i) => `p${String(i).padStart(4, '0')}`);
    // Ten of them at the small school (sch-2); the rest at the first one.
    for (const [i, id] of names.entries()) await w.store.staff.put(staff('t1', id, { name: `Person ${id}`, schoolId: i % 200 === 0 ? 'sch-2' : 'sch-1' }));
    await w.store.sessions.put(session('t1', 'ses-10', { title: 'Coaching circle', capacity: 20 }));
    const ten = names.slice(0, 10);
    for (const id of ten) await respondToInvitation(w.deps, { tenant: t, staff: (await w.store.staff.get('t1', id))!.value }, { sessionId: 'ses-10', answer: 'yes' });
    // Someone who said no is not on the register, and is not read.
    await respondToInvitation(w.deps, { tenant: t, staff: (await w.store.staff.get('t1', 'p1999'))!.value }, { sessionId: 'ses-10', answer: 'no' });
    w.clock.set('2026-11-24T16:30:00.000Z');

    const counting = countingReads(w.store);
    const deps: AppDeps = { ...w.deps, store: counting.store };
    const register = await loadRegister(deps, (await w.store.sessions.get('t1', 'ses-10'))!.value);
    expect(register.expected.map((r) => r.staffId)).toEqual(ten);
    expect(counting.reads.get('staff')).toBe(10); // the whole tenant's staff before: 2,004

    await w.store.sessions.put(session('t1', 'ses-school', { title: 'Primary INSET', compulsory: true, audience: { kind: 'school', schoolId: 'sch-2' } }));
    counting.reads.clear();
    const school = await loadRegister(deps, (await w.store.sessions.get('t1', 'ses-school'))!.value);
    expect(school.expected.map((r) => r.staffId)).toEqual(names.filter((_, i) => i % 200 === 0));
    expect(counting.reads.get('staff')).toBe(10);
  }, 60_000);
});
