import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handleCardAction } from '../../../src/app/card-actions';
import { receiveSchoolFile } from '../../../src/app/school-files';
import { ManualClock, type Staff } from '../../../src/domain';
import { openCosmosStore } from '../../../src/store/cosmos/cosmos-store';
import { openEmbeddedStore } from '../../../src/store/embedded/sqlite-store';
import type { Store } from '../../../src/store/store';
import { startLoopbackCosmos, type LoopbackCosmos } from '../../support/cosmos-server';
import { GOOD_ROSTER } from '../../support/file-host';
import { staff, tenant } from '../../support/fixtures';

const bytes = (text: string) => ({ ok: true as const, bytes: new TextEncoder().encode(text) });

/**
 * The file a lead must confirm is kept in the store, not in the process: Import pressed after the
 * bot restarted (or on another instance) imports it. Each store is closed and opened again between.
 */
describe.each([
  ['embedded store (a file on disk, closed and reopened)', 'embedded'],
  ['via @azure/cosmos against cosmosdb-server (a second client on the same database)', 'cosmos'],
] as const)('a file sent before a restart is imported after it (%s)', (_label, kind) => {
  let cosmos: LoopbackCosmos | undefined;
  let dir = '';
  const clock = new ManualClock('2026-11-20T09:00:00.000Z');
  const open = async (): Promise<Store> =>
    kind === 'embedded'
      ? openEmbeddedStore({ path: join(dir, 'twilight.db'), clock })
      : openCosmosStore({ client: (cosmos ??= await startLoopbackCosmos()).client(), databaseId: 'restart', createIfMissing: true });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'twilight-files-'));
  });
  afterAll(async () => {
    await cosmos?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('previews before, imports after; the same file again changes nothing; 24 hours later the button says to send it again', async () => {
    const t = tenant('t-files');
    const lead: Staff = staff('t-files', 'lead', { name: 'Lena Lead', roles: ['staff', 'cpd-lead'] });
    const first = await open();
    await first.tenants.put(t);
    await first.staff.put(lead);
    const preview = await receiveSchoolFile({ store: first, clock }, { tenant: t, staff: lead }, { name: 'staff.csv', download: async () => bytes(GOOD_ROSTER) });
    expect(preview.kind === 'file-import' && preview.state).toBe('preview');
    const fileImportId = preview.kind === 'file-import' ? preview.fileImportId! : '';
    await first.close();

    const second = await open();
    const pressed = await handleCardAction({ store: second, clock }, { tenant: t, staff: lead }, { verb: 'file.import', fileImportId });
    expect(pressed.ok).toBe(true);
    expect(pressed.view.kind === 'file-import' && pressed.view.summary).toContain('3 people added');
    expect(await second.staff.count('t-files')).toBe(4);

    const again = await receiveSchoolFile({ store: second, clock }, { tenant: t, staff: lead }, { name: 'staff.csv', download: async () => bytes(GOOD_ROSTER) });
    expect(again.kind === 'file-import' && again.state).toBe('unchanged');
    expect(await second.staff.count('t-files')).toBe(4);

    // Kept briefly: a day later the waiting file is gone (TTL), and the button says so.
    const edited = GOOD_ROSTER.replace('Deputy Head', 'Headteacher');
    const waiting = await receiveSchoolFile({ store: second, clock }, { tenant: t, staff: lead }, { name: 'staff.csv', download: async () => bytes(edited) });
    const waitingId = waiting.kind === 'file-import' ? waiting.fileImportId! : '';
    if (kind === 'embedded') {
      clock.advance(25 * 60 * 60 * 1000);
      (second as ReturnType<typeof openEmbeddedStore>).purgeExpired();
      const late = await handleCardAction({ store: second, clock }, { tenant: t, staff: lead }, { verb: 'file.import', fileImportId: waitingId });
      expect(late.view.kind === 'notice' && late.view.notice.text).toContain('no longer waiting');
    } else {
      // cosmosdb-server does not expire documents (its own runs skip TTL): the file is still waiting there.
      const stored = await second.idempotencyKeys.get('t-files', waitingId);
      expect(stored?.value.state).toBe('pending');
    }
    await second.close();
  });
});
