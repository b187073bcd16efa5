import { Staff } from '../../../src/domain';
import { onBothStores } from '../../support/both-stores';
import { LocalFileHost, TEST_FILE_LIMITS } from '../../support/file-host';
import { tenant } from '../../support/fixtures';
import { AAD_TENANT, cardActionActivity, cardElements, cardText, fileMessage, invokeCard, JO, lastCardTo, LEAD, messageActivity, postActivity, startTeamsHarness, type TeamsHarness, type TeamsUser, TENANT } from './teams-harness';

type Json = Record<string, unknown>;
const SAM: TeamsUser = { userId: '29:sam', aadObjectId: 'aad-sam', name: 'Sam Mentor', conversationId: 'a:personal-sam' };
// An MIS export naming Jo's subject mentor by name and her induction tutor by e-mail.
const ROSTER = ['Email Address,Full Name,Career Stage,ECT Mentor,Induction Tutor', 'jo.patel@school.example,Jo Patel,ECT,Sam Mentor,lee.lead@school.example', 'sam.mentor@school.example,Sam Mentor,,,'].join('\r\n');


onBothStores('teams-mentors', (label, open, done) => {
  describe(`mentors in Teams (${label}; real botbuilder, fake connector)`, () => {
    let h: TeamsHarness;
    let host: LocalFileHost;
    const say = async (user: TeamsUser, text: string) => {
      await postActivity(h, messageActivity(h, user, text));
      return cardText(lastCardTo(h, user));
    };

    beforeAll(async () => {
      host = await new LocalFileHost().start();
      h = await startTeamsHarness({ files: TEST_FILE_LIMITS }, { openStore: open });
      await h.store.tenants.create({ ...tenant(TENANT), teamsTenantId: AAD_TENANT });
      const person = (id: string, user: TeamsUser, email: string, roles: string[]) =>
        h.store.staff.create(Staff.parse({ tenantId: TENANT, id, name: user.name, email, roles, teams: { aadObjectId: user.aadObjectId, userId: user.userId } }));
      await person('stf-lee', LEAD, 'lee.lead@school.example', ['staff', 'cpd-lead']);
      await person('stf-jo', JO, 'jo.patel@school.example', ['staff']);
      await person('stf-sam', SAM, 'sam.mentor@school.example', ['staff']);
    });
    afterAll(async () => {
      await h.close();
      await host.stop();
      await done();
    });

    it('a mentor assigned from a roster file sent in chat: the preview says so, Import writes it, and my cpd of the mentee shows the mentor', async () => {
      const url = host.put('/download/staff.csv', ROSTER);
      await postActivity(h, fileMessage(h, LEAD, 'staff.csv', url));
      const preview = lastCardTo(h, LEAD);
      expect(cardText(preview)).toContain("would make Sam Mentor Jo Patel's subject mentor");
      expect(cardText(preview)).toContain("would make Lee Lead Jo Patel's induction tutor");
      expect(await h.store.mentoringLinks.count(TENANT)).toBe(0);
      const importButton = cardElements(preview).find((e) => e.type === 'Action.Execute' && e.title === 'Import')!;
      const pressed = await postActivity(h, cardActionActivity(h, LEAD, String(importButton.verb), importButton.data as Json));
      expect(cardText(invokeCard(pressed.body).value)).toContain("made Sam Mentor Jo Patel's subject mentor");
      expect(await h.store.mentoringLinks.count(TENANT)).toBe(2);

      expect(await say(JO, 'my cpd')).toContain('Your support: subject mentor Sam Mentor; induction tutor Lee Lead.');
    });

    it("the lead's mentor command sets and ends a coach; a teacher may not use it; each person's my cpd shows only their own supporters", async () => {
      expect(await say(LEAD, 'mentor jo.patel@school.example coach Sam Mentor')).toContain("Sam Mentor is Jo Patel's coach from today.");
      expect(await say(LEAD, 'mentor jo.patel@school.example coach Sam Mentor')).toContain("Sam Mentor is already Jo Patel's coach: nothing changed.");
      expect(await say(JO, 'my cpd')).toContain('Your support: subject mentor Sam Mentor; coach Sam Mentor; induction tutor Lee Lead.');

      expect(await say(JO, 'mentor Sam Mentor coach Jo Patel')).toContain('Only CPD leads can do that');
      expect(await h.store.mentoringLinks.count(TENANT, { menteeId: 'stf-sam' })).toBe(0);

      const sams = await say(SAM, 'my cpd');
      expect(sams).not.toContain('Your support');
      expect(sams).not.toContain('Lee Lead');

      expect(await say(LEAD, 'mentor Jo Patel subject mentor Jo Patel')).toContain('Jo Patel cannot be their own subject mentor.');
      expect(await say(LEAD, 'mentor Jo Patel coach none')).toContain('Jo Patel has no coach from today.');
      expect(await say(JO, 'my cpd')).toContain('Your support: subject mentor Sam Mentor; induction tutor Lee Lead.');
    });
  });
});
