import type { Notice } from './common';

/** Who is looking at a request card decides its buttons; the facts are the same for everyone. */
export type CpdRequestAudience = 'requester' | 'approver' | 'booker' | 'observer';

/** One CPD request as its requester, its approvers and the booker see it (one shared card, refreshed). */
export interface CpdRequestView {
  kind: 'cpd-request';
  requestId: string;
  audience: CpdRequestAudience;
  requesterName: string;
  courseTitle: string;
  statusText: string;
  status: string;
  facts: { label: string; value: string }[];
  intendedImpact: string;
  /** Each approval step: who, and what they decided. */
  steps: { label: string; text: string }[];
  questions: { from: string; text: string }[];
  /** For approvers: the person's CPD this year and the budget left. */
  context?: { label: string; value: string }[];
  overBudget?: boolean;
  canDecide: boolean;
  canBook: boolean;
  canWithdraw: boolean;
  /** The booker or the CPD lead, for an approved or booked course: cancelling frees its cost. */
  canCancel: boolean;
  /** A booked course that has ended: the person (or the booker or lead) says whether it took place (issue 26). */
  canAnswerAttendance?: boolean;
  notice?: Notice;
}

/** `requests`: the person's own, those waiting for them, or (the lead) all. */
export interface CpdRequestListView {
  kind: 'cpd-request-list';
  title: string;
  rows: { requestId: string; courseTitle: string; requesterName: string; statusText: string; costText: string; waitingForYou: boolean }[];
  emptyText: string;
  canRequest: boolean;
}
