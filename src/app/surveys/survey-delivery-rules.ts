import { deliveryId, isOpen, type Questionnaire } from '../../domain';
import type { AppDeps } from '../deps';

/** A reminder this soon after the survey itself arrived would be a second message for nothing. */
const REMINDER_GAP_MS = 24 * 3600_000;

/**
 * Why a survey message should not be sent now, or undefined to send it. Checked at send time:
 * the survey may have closed since it was planned, and someone who joined the audience late
 * gets the survey and (if the reminder is already due) a reminder in the same minute otherwise.
 */
export async function surveyMessageHold(deps: AppDeps, q: Questionnaire, recipientId: string, kind: 'first' | 'reminder'): Promise<string | undefined> {
  const now = deps.clock.now();
  if (!isOpen(q, now)) return 'survey closed';
  if (kind === 'first') return undefined;
  const asked = (await deps.store.deliveries.get(q.tenantId, deliveryId('survey', recipientId, q.id)))?.value;
  if (asked?.sentAt === undefined) return 'survey not received yet';
  if (now.getTime() - new Date(asked.sentAt).getTime() < REMINDER_GAP_MS) return 'survey only just received';
  return undefined;
}
