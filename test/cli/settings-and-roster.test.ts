import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli';
import { ManualClock } from '../../src/domain';
import type { Store } from '../../src/store/store';
import { onBothStores } from '../support/both-stores';

const T = 'riverside-trust';

/** Two schools, seven people, the posts as an MIS export names them in its job-title column. */
const ROSTER = [
  'Email,Forename,Surname,Job Title,School,Line Manager',
  'dawn.cooper@rt.example,Dawn,Cooper,Headteacher,Riverside Academy,',
  'sam.hill@rt.example,Sam,Hill,Head of School,hill primary,',
  'eve.grant@rt.example,Eve,Grant,CEO,Riverside Academy,',
  'bea.moss@rt.example,Bea,Moss,School Business Manager,Riverside Academy,',
  'lee.park@rt.example,Lee,Park,Professional Development Lead,Riverside Academy,dawn.cooper@rt.example',
  'amy.khan@rt.example,Amy,Khan,Teacher of Maths / Mentor,Riverside Academy,lee.park@rt.example',
  'tom.reed@rt.example,Tom,Reed,Deputy Headteacher,Hill Primary,sam.hill@rt.example',
].join('\n');

function suite(label: string, open: (clock: ManualClock) => Promise<Store>, done: () => Promise<void>) {
  describe(`settings and the roster's schools and posts (${label})`, () => {
    afterAll(done);

    it('a School column and job titles make the schools, headteachers, executive lead and booker, shown in the dry run and changeable with settings', async () => {
      const clock = new ManualClock('2026-11-24T10:00:00.000Z');
      const store = await open(clock);
      const lines: string[] = [];
      const run = (...argv: string[]) => runCli(argv, { store, clock, defaultTenantId: T, print: (t) => lines.push(t) });
      const dir = mkdtempSync(join(tmpdir(), 'twilight-roster-'));
      try {
        const file = join(dir, 'staff.csv');
        writeFileSync(file, ROSTER);
        expect(await run('import', 'staff', file, '--dry-run')).toBe(0);
        expect(lines).toEqual(
          expect.arrayContaining([
            '  would add school Riverside Academy',
            '  would add school hill primary',
            '  would make Dawn Cooper headteacher of Riverside Academy',
            '  would make Sam Hill headteacher of hill primary',
            '  would make Eve Grant executive lead (approves CPD requests when the chain has that step)',
            '  would make Bea Moss the booker of approved courses',
          ]),
        );
        expect(await store.tenants.get(T, T)).toBeUndefined();
        // --map overrides: a job-title column not read names no posts (and no one's school is lost).
        lines.length = 0;
        expect(await run('import', 'staff', file, '--dry-run', '--map', 'Job Title=ignore')).toBe(0);
        expect(lines.filter((l) => l.includes('would make'))).toEqual([]);
        expect(lines).toContain('  would add school Riverside Academy');

        lines.length = 0;
        expect(await run('import', 'staff', file)).toBe(0);
        expect(lines).toContain('Staff: 7 created, 0 updated, 0 unchanged.');
        expect(lines).toContain('Made Dawn Cooper headteacher of Riverside Academy');
        const tenant = (await store.tenants.get(T, T))!.value;
        // Matched by name case-insensitively: "Hill Primary" on the last row is the school "hill primary" made above.
        expect(tenant.schools).toEqual([
          { id: 'riverside-academy', name: 'Riverside Academy' },
          { id: 'hill-primary', name: 'hill primary' },
        ]);
        const people = new Map((await store.staff.find(T)).map((s) => [s.value.email, s.value]));
        expect(people.get('tom.reed@rt.example')!.schoolId).toBe('hill-primary');
        expect(tenant.settings.cpdRequests.headteacherBySchool).toEqual({ 'riverside-academy': people.get('dawn.cooper@rt.example')!.id, 'hill-primary': people.get('sam.hill@rt.example')!.id });
        expect(tenant.settings.cpdRequests.executiveLeadId).toBe(people.get('eve.grant@rt.example')!.id);
        expect(tenant.settings.cpdRequests.bookerId).toBe(people.get('bea.moss@rt.example')!.id);
        expect(people.get('lee.park@rt.example')!.roles).toContain('cpd-lead');
        expect(people.get('amy.khan@rt.example')!.roles).toContain('facilitator');
        expect(people.get('dawn.cooper@rt.example')!.roles).toContain('senior-leader');
        expect(people.get('tom.reed@rt.example')!.roles).toContain('senior-leader');

        // The same file again changes nothing, and adds no second school.
        lines.length = 0;
        expect(await run('import', 'staff', file)).toBe(0);
        expect(lines).toEqual(['Staff: 0 created, 0 updated, 7 unchanged.']);

        // Settings: the same definitions as chat; the stored range is the CLI's.
        lines.length = 0;
        expect(await run('settings', 'show')).toBe(0);
        expect(lines[0]).toContain('headteacher.riverside-academy');
        expect(lines[0]).toContain('dawn.cooper@rt.example');
        expect(lines[0]).toMatch(/quiet-hours\s+18:00-07:30/);
        expect(await run('settings', 'set', 'min-group-size', '2')).toBe(1);
        expect(lines.at(-1)).toBe('"2" is not allowed for min-group-size: Give a whole number from 3 to 25.');
        expect(await run('settings', 'set', 'min-group-size', '4')).toBe(0);
        expect(lines.slice(-2)).toEqual(['min-group-size: 5 → 4. The planner plans the tenant again with it.', '! Below 5, a manager may be able to tell who gave an answer in a small team: 4 is allowed, but 5 is what the policies ask.']);
        await expect(store.tenants.put({ ...(await store.tenants.get(T, T))!.value, settings: { ...tenant.settings, minAggregateCount: 2 } })).rejects.toThrow(/minAggregateCount/);

        clock.set('2026-11-24T11:00:00.000Z');
        expect(await run('settings', 'set', 'quiet-hours', '19:00 - 7:00')).toBe(0);
        expect((await store.calendars.get(T, 'calendar'))!.value.quietHours).toEqual({ start: '19:00', end: '07:00' });
        expect(await run('tenant', 'set', 'headteacher.hill-primary', 'Tom Reed')).toBe(0);
        expect(await run('settings', 'set', 'approval-chain', 'line manager, headteacher, executive lead')).toBe(0);
        expect(await run('settings', 'set', 'skip-under.executive-lead', '£200')).toBe(0);
        // The only CPD lead cannot be removed: nobody could put one back.
        expect(await run('settings', 'set', 'cpd-lead.riverside-academy', 'none')).toBe(1);
        expect(lines.at(-1)).toBe('"none" is not allowed for cpd-lead.riverside-academy: Twilight needs at least one CPD lead: name someone before removing the last.');
        expect(await run('settings', 'set', 'booker', 'nobody@rt.example')).toBe(1);
        expect(lines.at(-1)).toBe('"nobody@rt.example" is not allowed for booker: Nobody on the staff list is "nobody@rt.example": give the e-mail or full name of someone imported with the staff list.');
        const after = (await store.tenants.get(T, T))!.value.settings.cpdRequests;
        expect([after.headteacherBySchool['hill-primary'], after.chain, after.skipUnderPence]).toEqual([people.get('tom.reed@rt.example')!.id, ['line-manager', 'headteacher', 'executive-lead'], { 'executive-lead': 20000 }]);
        // A change asks the planner to plan the tenant again.
        expect((await store.planRequests.get(T, 'tenant'))?.value.subject).toEqual({ kind: 'tenant' });

        lines.length = 0;
        expect(await run('settings', 'history')).toBe(0);
        expect(lines[0]!.split('\n')).toEqual([
          '2026-11-24 11:00 UTC the command line: skip-under.executive-lead (not set) → 200',
          '2026-11-24 11:00 UTC the command line: approval-chain line manager, headteacher → line manager, headteacher, executive lead',
          '2026-11-24 11:00 UTC the command line: headteacher.hill-primary sam.hill@rt.example → tom.reed@rt.example',
          '2026-11-24 11:00 UTC the command line: quiet-hours 18:00-07:30 → 19:00-07:00',
          '2026-11-24 10:00 UTC the command line: min-group-size 5 → 4',
          '2026-11-24 10:00 UTC the staff list import: booker (not set) → bea.moss@rt.example',
          '2026-11-24 10:00 UTC the staff list import: executive-lead (not set) → eve.grant@rt.example',
          '2026-11-24 10:00 UTC the staff list import: headteacher.hill-primary (not set) → sam.hill@rt.example',
          '2026-11-24 10:00 UTC the staff list import: headteacher.riverside-academy (not set) → dawn.cooper@rt.example',
          '2026-11-24 10:00 UTC the staff list import: schools (not set) → Riverside Academy; hill primary',
        ]);

        // A lead's change in settings is kept when the roster says otherwise, and said.
        lines.length = 0;
        expect(await run('import', 'staff', file, '--dry-run')).toBe(0);
        expect(lines).toContain('The file names Sam Hill headteacher of hill primary, but someone else is set already: kept. To change it: settings set headteacher.hill-primary sam.hill@rt.example.');
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await store.close();
      }
    });

    it('reports two headteachers for one school instead of guessing, and a headteacher with no school', async () => {
      const clock = new ManualClock('2026-11-24T10:00:00.000Z');
      const store = await open(clock);
      const lines: string[] = [];
      const run = (...argv: string[]) => runCli(argv, { store, clock, defaultTenantId: 'ambiguous', print: (t) => lines.push(t) });
      const dir = mkdtempSync(join(tmpdir(), 'twilight-roster-'));
      try {
        const file = join(dir, 'staff.csv');
        writeFileSync(file, ['Email,Name,Role,Site', 'a@x.example,Ann Able,Headteacher,North', 'b@x.example,Ben Best,Principal,north', 'c@x.example,Cal Cole,Teacher,South'].join('\n'));
        expect(await run('import', 'staff', file)).toBe(0);
        expect(lines).toContain('Ann Able <a@x.example> and Ben Best <b@x.example> are each named headteacher of North: nothing was changed. Choose one: settings set headteacher.north EMAIL.');
        expect(lines).toContain('South has no headteacher in the file or the settings: its CPD requests cannot be fully approved until one is set (settings set headteacher.south EMAIL, or a Job Title of Headteacher).');
        const tenant = (await store.tenants.get('ambiguous', 'ambiguous'))!.value;
        expect(tenant.schools.map((s) => s.name)).toEqual(['North', 'South']);
        expect(tenant.settings.cpdRequests.headteacherBySchool).toEqual({});
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await store.close();
      }
    });
  });
}

onBothStores('settings', suite);
