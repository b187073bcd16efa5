import { handleCardAction } from '../../src/app/card-actions';
import { runCommand } from '../../src/app/commands';
import type { Actor } from '../../src/app/people';
import { loadConfig } from '../../src/config';
import { ManualClock, Staff, TenantSettings, type Tenant } from '../../src/domain';
import { importStaffRoster, staffIdFor } from '../../src/imports/import-staff';
import type { Store } from '../../src/store/store';
import { onBothStores } from '../support/both-stores';
import { cpdRequest } from '../support/cpd-request-fixtures';
import { staff, tenant } from '../support/fixtures';

const T = 't1';
/** Characters nobody means to type into a form: NUL, ESC (a terminal colour), DEL, C1, and the bidi overrides and isolates. */
const CONTROLS = ['\u0000', '\u001B', '\u007F', '\u0085', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

function suite(label: string, open: (clock: ManualClock) => Promise<Store>, done: () => Promise<void>) {
  describe(`input that should be refused (${label})`, () => {
    afterAll(done);
    let store: Store;
    let t: Tenant;
    const clock = new ManualClock('2026-11-20T10:00:00.000Z');
    const people = {
      ada: staff(T, 'ada', { name: 'Ada Teacher', lineManagerId: 'lm', schoolId: 'sch-1' }),
      lm: staff(T, 'lm', { name: 'Lee Manager', roles: ['staff', 'line-manager'] }),
      lead: staff(T, 'lead', { name: 'Lena Lead', roles: ['staff', 'cpd-lead'] }),
    };
    const actor = (who: keyof typeof people): Actor => ({ tenant: t, staff: people[who] });

    beforeAll(async () => {
      store = await open(clock);
      t = { ...tenant(T), settings: TenantSettings.parse({ cpdRequests: { chain: ['line-manager'] } }) };
      await store.tenants.put(t);
      for (const p of Object.values(people)) await store.staff.put(p);
    });
    afterAll(() => store.close());

    it.each([
      ['a zero-width space', '\u200B'],
      ['spaces, a word joiner and a byte-order mark', ' \u2060 \uFEFF '],
      ['a bidi override and a line break', '\u202E\n'],
    ])('a decline reason of %s is empty: refused beside the field, nothing decided', async (_label, reason) => {
      const id = `req-${reason.codePointAt(0)}-${reason.length}`;
      await store.cpdRequests.put(cpdRequest(T, id, { requesterId: 'ada', steps: [{ role: 'line-manager', approverId: 'lm', reachedAt: '2026-11-19T09:00:00.000Z' }] }));
      const result = await handleCardAction({ store, clock }, actor('lm'), { verb: 'request.decline', requestId: id }, { reason });
      expect(result.ok).toBe(false);
      expect(JSON.stringify(result.view)).toContain('Please give a reason for declining.');
      expect((await store.cpdRequests.get(T, id))!.value.status).toBe('submitted');
    });

    it('NUL, ESC, other control characters and bidi overrides are taken out of whatever people type into a form', async () => {
      const what = `Safe${CONTROLS.join('')}guarding [31mupdate`;
      const result = await handleCardAction({ store, clock }, actor('ada'), { verb: 'cpd.log.submit' }, { what, on: '2026-11-18', hours: '2', type: 'course', learned: `Line one\r\nline\u202E two\u0000` });
      expect(result.ok).toBe(true);
      const [entry] = (await store.cpdLog.find(T, { where: { staffId: 'ada' } })).map((v) => v.value);
      expect(entry).toMatchObject({ what: 'Safeguarding [31mupdate', learned: 'Line one\nline two' });
      for (const c of CONTROLS) expect(JSON.stringify(entry)).not.toContain(JSON.stringify(c).slice(1, -1));
    });

    it('a typed command with a bidi override in it is read as the command without it', async () => {
      const view = await runCommand({ store, clock }, actor('ada'), '\u202Elog\u0000 cpd');
      expect(view.kind).toBe('cpd-log-form');
    });

    it('a roster where A manages B and B manages A is refused at import, naming the rows; so is a longer loop', async () => {
      const header = 'Name,E-mail,Role,Line manager e-mail';
      const two = `${header}\nAmy Able,amy@loop.example,Teacher,ben@loop.example\nBen Baker,ben@loop.example,Teacher,amy@loop.example\nCat Clear,cat@loop.example,Teacher,amy@loop.example`;
      const result = await importStaffRoster({ store }, t, two);
      expect(result.ok).toBe(false);
      // Rows 2 and 3 are the loop (row 4, whom Amy manages, then has no manager to point at).
      const loops = result.errors.filter((e) => /go round in a loop/.test(e.reason));
      expect(loops.map((e) => e.row)).toEqual([2, 3]);
      for (const e of loops) expect(e.reason).toMatch(/amy@loop\.example → ben@loop\.example → amy@loop\.example|ben@loop\.example → amy@loop\.example → ben@loop\.example/);
      for (const e of loops) expect(e.reason).toMatch(/rows 2 and 3/);
      expect(await store.staff.get(T, staffIdFor('amy@loop.example'))).toBeUndefined();

      const three = `${header}\nAmy Able,amy@loop.example,Teacher,ben@loop.example\nBen Baker,ben@loop.example,Teacher,cat@loop.example\nCat Clear,cat@loop.example,Teacher,amy@loop.example`;
      const longer = await importStaffRoster({ store }, t, three);
      expect(longer.ok).toBe(false);
      expect(longer.errors.map((e) => e.row)).toEqual([2, 3, 4]);
      expect(longer.errors[0]!.reason).toMatch(/rows 2, 3 and 4/);

      // A loop closed through someone already on the staff list: the file's row is named.
      await store.staff.put(Staff.parse({ tenantId: T, id: staffIdFor('dan@loop.example'), name: 'Dan Stored', email: 'dan@loop.example', lineManagerId: staffIdFor('eve@loop.example') }));
      const viaStored = await importStaffRoster({ store }, t, `${header}\nEve Eager,eve@loop.example,Teacher,dan@loop.example`);
      expect(viaStored.ok).toBe(false);
      expect(viaStored.errors).toEqual([{ row: 2, reason: expect.stringMatching(/go round in a loop.*dan@loop\.example/) }]);
    });
  });
}

onBothStores('refused', suite);

describe('LINK_SECRET that could be guessed', () => {
  const base = { MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_PASSWORD: 'x', MICROSOFT_APP_TYPE: 'MultiTenant', PUBLIC_URL: 'https://bot.example' };
  it.each([
    ['32 spaces', ' '.repeat(32)],
    ['one letter 40 times', 'a'.repeat(40)],
    ['two characters alternating', 'ab'.repeat(20)],
    ['too short', 'Zx9!kQ2#'],
    ['padded with spaces', `  ${'N3v8qLp0Zr7TyWc2Xs5Hd1Jm4Kb6Fg9A'}  `],
  ])('%s: refused at start with one config line naming LINK_SECRET', (_label, secret) => {
    const result = loadConfig({ ...base, LINK_SECRET: secret });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([expect.stringMatching(/^LINK_SECRET: /)]);
  });

  it('a random secret is accepted', () => {
    expect(loadConfig({ ...base, LINK_SECRET: 'N3v8qLp0Zr7TyWc2Xs5Hd1Jm4Kb6Fg9A' }).ok).toBe(true);
  });
});
