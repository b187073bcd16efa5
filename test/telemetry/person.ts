/** The person the telemetry test acts for: none of these may appear in what telemetry exports. */
export const PERSON = { id: 'staff-jo-bloggs-4471', email: 'jo.bloggs@oakfield.example', name: 'Jo Bloggs', slackId: 'U0JOBLOGGS', conversation: 'a:1JoBloggsPersonalChat' };
