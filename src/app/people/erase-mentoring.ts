import { MentoringMeeting } from '../../domain';
import type { Store } from '../../store/store';
import { updateWithRetry } from '../../store/update';

/**
 * Erasure of a person's mentoring (issue 30): as a mentee, their links, assignments, meetings (with
 * their reflections) and progress reviews go; as a mentor, coach or tutor, the links naming them go and
 * the meetings they held stay on their mentees' records without them (recorded by the stand-in). Their
 * id elsewhere (a review recorded, an assignment made, a move) is replaced by the redaction sweep.
 */
export async function eraseMentoring(store: Store, tenantId: string, personId: string, standIn: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = { mentoringLinks: 0, programmeAssignments: 0, mentoringMeetings: 0, progressReviews: 0, mentoringMeetingsUnlinked: 0 };
  const remove = async (name: 'mentoringLinks' | 'programmeAssignments' | 'mentoringMeetings' | 'progressReviews', field: string) => {
    const rows = await store[name].find(tenantId, { where: { [field]: personId } });
    for (const row of rows) await store[name].delete(tenantId, row.value.id);
    counts[name]! += rows.length;
  };
  await remove('mentoringLinks', 'menteeId');
  await remove('mentoringLinks', 'mentorId');
  await remove('programmeAssignments', 'menteeId');
  await remove('mentoringMeetings', 'menteeId');
  await remove('progressReviews', 'menteeId');
  const held = await store.mentoringMeetings.find(tenantId, { where: { mentorId: personId } });
  for (const m of held) {
    await updateWithRetry(store.mentoringMeetings, tenantId, m.value.id, (x) => {
      const { mentorId: _mentorId, ...rest } = x;
      return MentoringMeeting.parse({ ...rest, ...(x.record ? { record: { ...x.record, recordedBy: x.record.recordedBy === personId ? standIn : x.record.recordedBy } } : {}) });
    });
  }
  counts.mentoringMeetingsUnlinked = held.length;
  return counts;
}
