import { DateTime } from 'luxon';
import type { Qualification, StatutoryTraining } from '../../domain';
import type { MyRecordView } from '../../cards/views/my-record';

const month = (day: string, zone: string) => DateTime.fromISO(day, { zone }).toFormat('LLLL yyyy');

/** Qualifications, most recent first: "Awarded July 2025", "Started September 2026", or both. */
export function qualificationRows(items: readonly Qualification[], zone: string): NonNullable<MyRecordView['qualifications']> {
  return [...items]
    .sort((a, b) => (b.awardedOn ?? b.startedOn ?? '').localeCompare(a.awardedOn ?? a.startedOn ?? ''))
    .map((q) => {
      const dates = [q.startedOn && `Started ${month(q.startedOn, zone)}`, q.awardedOn ? `Awarded ${month(q.awardedOn, zone)}` : 'In progress'].filter(Boolean).join(', ');
      return { title: q.title, datesText: dates };
    });
}

/** Statutory training, soonest to lapse first, with whether it already has. */
export function statutoryRows(items: readonly StatutoryTraining[], today: string, zone: string): NonNullable<MyRecordView['statutory']> {
  return [...items]
    .sort((a, b) => a.expiresOn.localeCompare(b.expiresOn))
    .map((t) => {
      const lapsed = t.expiresOn < today;
      return { topic: t.topic, expiresText: `${lapsed ? 'Lapsed' : 'Valid until'} ${DateTime.fromISO(t.expiresOn, { zone }).toFormat('d LLLL yyyy')}`, lapsed };
    });
}
