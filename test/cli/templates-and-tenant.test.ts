import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli';
import { LEARNING_ACTIONS_TEMPLATE_ID, ManualClock, participationId } from '../../src/domain';
import { planTenant } from '../../src/scheduler/plan/plan-tenant';
import { reactionQuestionnaireId } from '../../src/scheduler/plan/planner-questionnaires';
import type { Store } from '../../src/store/store';
import { onBothStores } from '../support/both-stores';
import { session, staff } from '../support/fixtures';

const T = 'oak';

function suite(label: string, open: (clock: ManualClock) => Promise<Store>, done: () => Promise<void>) {
  describe(`templates and tenant commands (${label})`, () => {
    afterAll(done);

    it('exports the templates, imports an edited file (zod-checked, idempotent), and sessions use the chosen or the changed default', async () => {
      const clock = new ManualClock('2026-11-24T17:30:00.000Z');
      const store = await open(clock);
      const lines: string[] = [];
      const run = (...argv: string[]) => runCli(argv, { store, clock, defaultTenantId: T, print: (t) => lines.push(t) });
      const dir = mkdtempSync(join(tmpdir(), 'twilight-templates-'));
      try {
        const out = join(dir, 'templates.json');
        expect(await run('templates', 'export', '--out', out)).toBe(0);
        const file = JSON.parse(readFileSync(out, 'utf8')) as { version: 1; templates: { id: string; name: string; questions: { id: string; prompt: string }[] }[] };
        expect(file.templates.map((t) => t.id)).toEqual(expect.arrayContaining(['tpl-reaction-default', LEARNING_ACTIONS_TEMPLATE_ID]));
        const actions = file.templates.find((t) => t.id === LEARNING_ACTIONS_TEMPLATE_ID)!;
        expect(actions.questions.map((q) => q.prompt)).toEqual(expect.arrayContaining(['What did you learn?', 'How will you use it in your work?', 'What immediate actions will you take?']));

        // The lead changes the default's first question and keeps only the two reaction templates.
        const reaction = file.templates.filter((t) => t.id.startsWith('tpl-reaction'));
        reaction[0]!.questions[0]!.prompt = 'How useful was this twilight?';
        writeFileSync(out, JSON.stringify({ version: 1, templates: reaction }));
        lines.length = 0;
        expect(await run('templates', 'import', out)).toBe(0);
        expect(lines).toEqual([
          'Created tenant "oak".',
          // The built-in one left as it is stays built in: only the changed default is stored.
          'Templates created: none; updated: "Reaction questionnaire (level 1)"; unchanged: "Learning and actions (what you learned, how you will use it, immediate actions)".',
        ]);
        const version = (await store.templates.get(T, 'tpl-reaction-default'))!.version;
        expect(await run('templates', 'import', out)).toBe(0);
        expect(lines.at(-1)).toMatch(/^Templates created: none; updated: none; unchanged: "Reaction questionnaire \(level 1\)", "Learning and actions/);
        expect((await store.templates.get(T, 'tpl-reaction-default'))!.version).toBe(version);

        // Sessions: one names the learning-and-actions template, one names none (the tenant's changed default).
        await store.staff.put(staff(T, 's1'));
        await store.sessions.put(session(T, 'ses-a', { questionnaireTemplateId: LEARNING_ACTIONS_TEMPLATE_ID, publishedAt: '2026-11-16T09:00:00.000Z' }));
        await store.sessions.put(session(T, 'ses-b', { publishedAt: '2026-11-16T09:00:00.000Z' }));
        for (const id of ['ses-a', 'ses-b']) await store.participations.put({ tenantId: T, id: participationId(id, 's1'), sessionId: id, staffId: 's1', rsvp: 'yes' });
        await planTenant({ store, clock }, T);
        const a = (await store.questionnaires.get(T, reactionQuestionnaireId('ses-a')))!.value;
        const b = (await store.questionnaires.get(T, reactionQuestionnaireId('ses-b')))!.value;
        expect([a.templateId, a.questions.map((q) => q.id)]).toEqual([LEARNING_ACTIONS_TEMPLATE_ID, ['quality', 'learned', 'use', 'actions', 'impact', 'further_cpd', 'comments']]);
        expect([b.templateId, b.questions[0]!.prompt]).toEqual(['tpl-reaction-default', 'How useful was this twilight?']);

        // A bad file: every problem, where it is, and nothing written.
        writeFileSync(out, JSON.stringify({ version: 1, templates: [{ id: 'tpl-x', name: 'Broken', purpose: 'reaction', questions: [{ id: 'q1', kind: 'stars', prompt: 'Rate it' }] }, { id: 'bad id!', name: 'Two', questions: [] }] }));
        lines.length = 0;
        expect(await run('templates', 'import', out)).toBe(1);
        expect(lines[0]).toMatch(/^ {2}template 1 \("Broken"\), questions\.0\.kind: /);
        expect(lines).toContain('  template 2 ("Two"), id: ids may contain letters, digits and . _ : @ - only');
        expect(lines.at(-1)).toBe('Nothing was imported.');
        writeFileSync(out, '{ "version": 1, "templates": [');
        expect(await run('templates', 'import', out)).toBe(1);
        expect(lines.at(-2)).toMatch(/^ {2}This is not a JSON file: .*Start from the file "templates export" writes\.$/);
        expect(await store.templates.count(T)).toBe(1);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('programme import lands as drafts and programme publish publishes those still to come', async () => {
      const clock = new ManualClock('2026-11-25T10:00:00.000Z');
      const store = await open(clock);
      const lines: string[] = [];
      const run = (...argv: string[]) => runCli(argv, { store, clock, defaultTenantId: 'riverside', print: (t) => lines.push(t) });
      expect(await run('import', 'staff', 'examples/staff.csv')).toBe(0);
      expect(await run('import', 'programme', 'examples/programme.csv')).toBe(0);
      expect(await store.sessions.count('riverside', { status: 'draft' })).toBe(16);
      expect(await run('programme', 'publish')).toBe(0);
      expect(lines.at(-1)).toBe('9 sessions published: invitations go out at the next allowed time. 7 drafts are in the past and stay drafts.');
      expect(await store.sessions.count('riverside', { status: 'published' })).toBe(9);
      expect(await run('programme', 'publish')).toBe(0);
      expect(lines.at(-1)).toBe('0 sessions published: invitations go out at the next allowed time. 7 drafts are in the past and stay drafts.');
    });

    it('links a Slack workspace and a Microsoft 365 tenant, refuses bad or taken ids, sets the minimum group size 3-25, and shows the tenant', async () => {
      const clock = new ManualClock('2026-11-24T10:00:00.000Z');
      const store = await open(clock);
      const lines: string[] = [];
      const run = (...argv: string[]) => runCli(argv, { store, clock, defaultTenantId: 'riverside', print: (t) => lines.push(t) });
      expect(await run('tenant', 'link', 'slack', 'T0123ABCD')).toBe(0);
      expect(lines).toEqual(['Created tenant "riverside".', 'Linked: people from the Slack workspace T0123ABCD are tenant "riverside".']);
      expect(await run('tenant', 'link', 'teams', '72F988BF-86F1-41AF-91AB-2D7CD011DB47')).toBe(0);
      expect(await run('tenant', 'link', 'teams', '72f988bf-86f1-41af-91ab-2d7cd011db47')).toBe(0);
      expect(lines.at(-1)).toBe('Linked: people from the Microsoft 365 tenant 72f988bf-86f1-41af-91ab-2d7cd011db47 are tenant "riverside" (it already was).');
      expect(await run('tenant', 'link', 'slack', 'workspace')).toBe(1);
      expect(lines.at(-1)).toBe('"workspace" is not right: a Slack workspace id starts with T, e.g. T0123ABCD (in the workspace URL, or from auth.test).');
      expect(await run('tenant', 'link', 'slack', 'T0123ABCD', '--tenant', 'northgate')).toBe(1);
      expect(lines.at(-1)).toBe('T0123ABCD is already linked to tenant "riverside" (riverside); unlink it there first.');
      expect((await store.tenants.get('northgate', 'northgate'))!.value.slackTeamId).toBeUndefined();

      expect(await run('tenant', 'set', 'min-group-size', '2')).toBe(1);
      expect(lines.at(-1)).toBe('"2" is not allowed for min-group-size: Give a whole number from 3 to 25.');
      expect(await run('tenant', 'set', 'min-group-size', '7')).toBe(0);
      const tenant = (await store.tenants.get('riverside', 'riverside'))!.value;
      expect([tenant.slackTeamId, tenant.teamsTenantId, tenant.settings.minAggregateCount]).toEqual(['T0123ABCD', '72f988bf-86f1-41af-91ab-2d7cd011db47', 7]);

      lines.length = 0;
      expect(await run('tenant', 'show')).toBe(0);
      expect(lines[0]).toContain('  Slack link:         T0123ABCD');
      expect(lines[0]).toMatch(/ {4}min-group-size +7 /);
      expect(lines[0]).toContain('  calendar:           none (import calendar FILE.ics)');
    });
  });
}

onBothStores('templates', suite);
