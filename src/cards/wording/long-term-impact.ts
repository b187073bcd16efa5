/** Gap-task part 4's fields, shared by the Teams card and the Slack modal. */
export const LONG_TERM_LABELS = { reportedTaskId: 'Whose work', impact: 'Longer-term impact: what has lasted, for staff and pupils?' } as const;
