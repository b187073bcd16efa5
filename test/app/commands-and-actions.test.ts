import { resolveActor } from '../../src/app/people/actor';
import { handleCardAction } from '../../src/app/card-actions';
import { composeMessage } from '../../src/app/compose-message';
import { runCommand } from '../../src/app/commands';
import { participationId } from '../../src/domain';
import { delivery, gapTask } from '../support/fixtures';
import { reactionQuestionnaire, smallSchool } from '../support/app-world';

describe('commands, card actions and composing (embedded store)', () => {
  test('help shows lead commands only to leads; unknown text gets help; sessions lists what is coming', async () => {
    const w = await smallSchool();
    const staffHelp = await runCommand(w.deps, w.actor('ada'), 'help');
    const leadHelp = await runCommand(w.deps, w.actor('lead'), 'HELP');
    expect(staffHelp.kind === 'help' && staffHelp.commands.map((c) => c.command)).not.toContain('new session');
    expect(leadHelp.kind === 'help' && leadHelp.commands.map((c) => c.command)).toContain('new session');
    expect((await runCommand(w.deps, w.actor('ada'), 'make me a sandwich')).kind).toBe('help');
    const sessions = await runCommand(w.deps, w.actor('ada'), '  sessions ');
    expect(sessions.kind === 'session-list' && sessions.sessions.map((s) => s.title)).toEqual(['Retrieval practice']);
    expect(sessions.kind === 'session-list' && sessions.sessions[0]?.whenText).toBe('Tuesday 24 November, 16:00–17:30');
    await w.store.gapTasks.put(gapTask('t1', 'ses-1', 'ada'));
    const tasks = await runCommand(w.deps, w.actor('ada'), 'tasks');
    expect(tasks.kind === 'task-list' && tasks.tasks.map((t) => t.stage)).toEqual(['plan']);
  });

  test('a malformed button is answered with a notice and writes nothing', async () => {
    const w = await smallSchool();
    for (const action of [null, { verb: 'rsvp.maybe', sessionId: 'ses-1' }, { verb: 'rsvp.yes', sessionId: '../../etc' }, { verb: 'rsvp.yes' }]) {
      const result = await handleCardAction(w.deps, w.actor('ada'), action);
      expect(result.ok).toBe(false);
      expect(result.view.kind).toBe('notice');
    }
    expect(await w.store.participations.count('t1')).toBe(0);
  });

  test('buttons route through the verb table to the use cases', async () => {
    const w = await smallSchool();
    const rsvp = await handleCardAction(w.deps, w.actor('ada'), { verb: 'rsvp.yes', sessionId: 'ses-1' });
    expect(rsvp.ok && rsvp.view.kind === 'invitation' && rsvp.view.session.rsvp).toBe('yes');
    w.clock.set('2026-11-24T18:00:00.000Z');
    await w.store.questionnaires.put(reactionQuestionnaire());
    const open = await handleCardAction(w.deps, w.actor('ada'), { verb: 'questionnaire.open', questionnaireId: 'q-ses-1' });
    expect(open.view.kind === 'questionnaire' && open.view.state).toBe('open');
    const submitted = await handleCardAction(w.deps, w.actor('ada'), { verb: 'questionnaire.submit', questionnaireId: 'q-ses-1' }, { quality: '5', impact: '4', further_cpd: 'no' });
    expect(submitted.view.kind).toBe('thank-you');
    const refreshed = await handleCardAction(w.deps, w.actor('ada'), { verb: 'refresh', questionnaireId: 'q-ses-1' });
    expect(refreshed.view.kind).toBe('thank-you');
  });

  test('identity: first contact links by e-mail; an unknown person is told who to ask', async () => {
    const w = await smallSchool();
    const linked = await resolveActor(w.deps, { platform: 'teams', userId: '29:ada', aadObjectId: 'aad-ada', email: 'ADA@school.example' }, 't1');
    expect(linked.ok && linked.actor.staff.id).toBe('ada');
    expect((await w.store.staff.get('t1', 'ada'))?.value.teams).toEqual({ aadObjectId: 'aad-ada', userId: '29:ada' });
    const again = await resolveActor(w.deps, { platform: 'teams', userId: '29:ada', aadObjectId: 'aad-ada' }, 't1');
    expect(again.ok && again.actor.staff.id).toBe('ada');
    const stranger = await resolveActor(w.deps, { platform: 'slack', platformTenantId: 'T1', userId: 'U9', email: 'who@else.example' }, 't1');
    expect(stranger.ok).toBe(false);
    expect(!stranger.ok && stranger.message).toMatch(/CPD lead/);
  });

  test('composing: a reminder to someone who has answered is not sent; an invitation is', async () => {
    const w = await smallSchool('2026-11-24T18:00:00.000Z');
    await w.store.questionnaires.put(reactionQuestionnaire());
    await w.store.participations.put({ tenantId: 't1', id: participationId('ses-1', 'ada'), sessionId: 'ses-1', staffId: 'ada', rsvp: 'yes', attended: true });
    await handleCardAction(w.deps, w.actor('ada'), { verb: 'questionnaire.submit', questionnaireId: 'q-ses-1' }, { quality: '5', impact: '4', further_cpd: 'no' });
    const reminder = await composeMessage(w.deps, delivery('t1', 'ada', { kind: 'questionnaire-reminder', subject: { questionnaireId: 'q-ses-1' } }));
    expect(reminder).toEqual({ ok: false, reason: 'already answered' });
    w.clock.set('2026-11-23T10:00:00.000Z');
    const invitation = await composeMessage(w.deps, delivery('t1', 'ben', { kind: 'invitation', subject: { sessionId: 'ses-1' } }));
    expect(invitation.ok && invitation.message.view.kind).toBe('invitation');
    expect(invitation.ok && invitation.message.text).toBe('You are invited: Retrieval practice, Tuesday 24 November, 16:00–17:30');
  });
});
