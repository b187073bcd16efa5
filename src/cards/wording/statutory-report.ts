/** The words of reporting statutory training and of the lead's review, shared by the Teams cards and the Slack modals. */
export const STATUTORY_REPORT_LABELS = { topic: 'Which training', completedOn: 'The day you completed it', reason: 'Why it is not confirmed (the person is told)' } as const;

export const STATUTORY_REPORT_INTRO =
  'Tell your CPD lead about statutory training you completed (safeguarding, first aid, ...). It goes on your record once they confirm it. To add the certificate, send it here as a PDF or picture after this.';

export const STATUTORY_REASON_MAX = 500;

export const STATUTORY_REVIEW_WORDS = { confirm: 'Confirm', reject: 'Reject', send: 'Send the reason', title: 'Statutory training reported' } as const;
