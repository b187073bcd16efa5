import { readFileSync } from 'node:fs';
import { ManualClock, statutoryTrainingId } from '../../src/domain';
import { importProgramme, sessionIdFor } from '../../src/imports/import-programme';
import { importQualifications } from '../../src/imports/import-qualifications';
import { importStaffRoster } from '../../src/imports/import-staff';
import { importStatutoryTraining } from '../../src/imports/import-statutory-training';
import { schoolFileKind } from '../../src/app/files/file-kind';
import type { Store } from '../../src/store/store';
import { onBothStores } from '../support/both-stores';
import { tenant } from '../support/fixtures';

const NOW = new Date('2026-08-20T09:00:00.000Z');
const t = { ...tenant('t1'), schools: [] };

/** Files as a school writes them by hand or saves from Excel: UK dates, am / pm, one Time column, no expiry. */
const PROGRAMME = [
  'Session,Strand,Date,Time,Room',
  'Retrieval practice,TL,06/10/2026,3.45pm – 5pm,Library',
  'Behaviour refresh,Pastoral,Tue 3 Nov 2026,15:45-17:00,Hall',
  'Feedback that moves learning,TL,01/12/26 00:00,3.45 - 5.15pm,Library',
].join('\n');
const STATUTORY = ['Email Address,Training,Date Completed', 'alex.morgan@riverside.example,Safeguarding,03/09/2025', 'rachel.green@riverside.example,First aid,14 March 2024'].join('\n');
const QUALIFICATIONS = ['Email,Qualification,Started,Awarded', 'alex.morgan@riverside.example,NPQ Senior Leadership,01/10/2025 00:00:00,'].join('\n');

onBothStores('school-written', (label, open, done) => {
  describe(`files as schools write them (${label})`, () => {
    afterAll(done);
    let store: Store;
    beforeAll(async () => {
      store = await open(new ManualClock(NOW));
      await store.tenants.put(t);
      expect((await importStaffRoster({ store }, t, readFileSync('examples/staff.csv', 'utf8'))).ok).toBe(true);
    });

    it('a programme with one Time column ("3.45pm – 5pm", "15:45-17:00", "3.45 - 5.15pm") and UK dates is known as a programme and imports, in London time', async () => {
      expect(schoolFileKind('twilights.csv', PROGRAMME)).toEqual({ ok: true, kind: 'programme' });
      const result = await importProgramme({ store }, t, PROGRAMME, { now: NOW });
      expect(result).toMatchObject({ ok: true, counts: { created: 3 }, errors: [] });
      // 6 October is summer time (15:45 is 14:45 UTC); 3 November and 1 December are not.
      expect(await store.sessions.get('t1', sessionIdFor('Retrieval practice', '2026-10-06T14:45:00.000Z'))).toMatchObject({ value: { endsAt: '2026-10-06T16:00:00.000Z' } });
      expect(await store.sessions.get('t1', sessionIdFor('Behaviour refresh', '2026-11-03T15:45:00.000Z'))).toMatchObject({ value: { endsAt: '2026-11-03T17:00:00.000Z', category: 'P' } });
      expect(await store.sessions.get('t1', sessionIdFor('Feedback that moves learning', '2026-12-01T15:45:00.000Z'))).toMatchObject({ value: { endsAt: '2026-12-01T17:15:00.000Z' } });
    });

    it('a Time cell that is not two times is refused on its row, naming the cell; a file with neither Time nor Start and End says what it needs', async () => {
      const bad = await importProgramme({ store }, t, ['Session,Strand,Date,Time,Room', 'Late one,TL,06/10/2026,after school,Hall'].join('\n'), { now: NOW });
      expect(bad).toMatchObject({ ok: false, errors: [{ row: 2, reason: 'time: "after school" is not a start and an end (use 15:45-17:00 or 3.45pm – 5pm)' }] });
      const none = await importProgramme({ store }, t, ['Session,Strand,Date,Room', 'Late one,TL,06/10/2026,Hall'].join('\n'), { now: NOW });
      expect(none).toMatchObject({ ok: false, message: 'The file has no column for: start, end (or one Time column, e.g. 15:45-17:00).' });
    });

    it('statutory training with UK dates and no expiry column takes each expiry from the topic\'s renewal in the settings; a topic the settings do not name needs one', async () => {
      expect(schoolFileKind('training.csv', STATUTORY)).toEqual({ ok: true, kind: 'statutory' });
      const result = await importStatutoryTraining({ store }, t, STATUTORY, NOW);
      expect(result).toMatchObject({ ok: true, counts: { created: 2 }, errors: [] });
      const alex = (await store.staff.find('t1', { where: { email: 'alex.morgan@riverside.example' } }))[0]!.value;
      const rachel = (await store.staff.find('t1', { where: { email: 'rachel.green@riverside.example' } }))[0]!.value;
      // The defaults: safeguarding every 12 months, first aid every 36.
      expect((await store.statutoryTraining.get('t1', statutoryTrainingId(alex.id, 'Safeguarding')))!.value).toMatchObject({ completedOn: '2025-09-03', expiresOn: '2026-09-03' });
      expect((await store.statutoryTraining.get('t1', statutoryTrainingId(rachel.id, 'First aid')))!.value).toMatchObject({ completedOn: '2024-03-14', expiresOn: '2027-03-14' });
      const unknown = await importStatutoryTraining({ store }, t, ['Email,Training,Completed', 'alex.morgan@riverside.example,Minibus driving,03/09/2025'].join('\n'), NOW);
      expect(unknown).toMatchObject({ ok: false, errors: [{ row: 2, reason: 'expires: give the expiry: Minibus driving is not a statutory topic in the settings (settings statutory), so its renewal is not known' }] });
      expect(await store.statutoryTraining.count('t1', { staffId: alex.id })).toBe(1);
    });

    it('qualifications with a date-and-time cell from Excel read the day', async () => {
      const result = await importQualifications({ store }, t, QUALIFICATIONS, NOW);
      expect(result).toMatchObject({ ok: true, counts: { created: 1 }, errors: [] });
      const alex = (await store.staff.find('t1', { where: { email: 'alex.morgan@riverside.example' } }))[0]!.value;
      expect((await store.qualifications.find('t1', { where: { staffId: alex.id } }))[0]!.value).toMatchObject({ startedOn: '2025-10-01' });
    });
  });
});
