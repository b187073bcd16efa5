/** "Who is invited / asked": the same five choices on the new-session and new-survey forms (values are Audience kinds). */
export const AUDIENCE_KIND_CHOICES = [
  { value: 'trust', label: 'Everyone in the trust' },
  { value: 'school', label: 'One school' },
  { value: 'pathway', label: 'A career pathway' },
  { value: 'department', label: 'A department' },
  { value: 'staff', label: 'Named people (e-mails)' },
] as const;
