import { countOf } from '../format';
import { REGISTER_GROUPS, notShownText, registerRowLabel, registerStatusText } from '../wording/register';
import { PRESENT_INPUT_PREFIX, type RegisterRow, type RegisterView } from '../views/register';
import type { CardContent } from './card-content';
import { compact, execute, heading, noticeBox, subheading, subtle, type AdaptiveElement } from './elements';
import { sessionFacts } from './session-block';

/** Teams refuses a card over about 28 KB; a toggle is under 200 bytes, so this many stay well inside. */
export const MAX_TEAMS_REGISTER_ROWS = 120;

function toggle(row: RegisterRow, taken: boolean): AdaptiveElement {
  return {
    type: 'Input.Toggle',
    id: `${PRESENT_INPUT_PREFIX}${row.staffId}`,
    title: registerRowLabel(row, taken),
    value: row.present ? 'true' : 'false',
    valueOn: 'true',
    valueOff: 'false',
    wrap: true,
  };
}

/** The register: a toggle per person (on = present), saved with one Action.Execute that sends them all. */
export function registerCard(view: RegisterView): CardContent {
  const expected = view.expected.slice(0, MAX_TEAMS_REGISTER_ROWS);
  const waitlist = view.waitlist.slice(0, MAX_TEAMS_REGISTER_ROWS - expected.length);
  const notShown = view.expected.length + view.waitlist.length - expected.length - waitlist.length;
  const anyone = expected.length + waitlist.length > 0;
  return {
    body: compact([
      heading(`Register: ${view.session.title}`),
      sessionFacts({ ...view.session, rsvp: undefined, placesLeft: undefined }),
      view.notice && noticeBox(view.notice),
      subtle(registerStatusText(view)),
      expected.length > 0 && subheading(`${REGISTER_GROUPS.expected} (${view.expected.length})`),
      ...expected.map((row) => toggle(row, view.taken)),
      waitlist.length > 0 && subheading(`${REGISTER_GROUPS.waitlist} (${view.waitlist.length})`),
      ...waitlist.map((row) => toggle(row, view.taken)),
      notShown > 0 && subtle(notShownText(notShown)),
    ]),
    actions: anyone ? [execute('Save register', 'register.submit', { sessionId: view.session.sessionId }, { style: 'positive', withInputs: true })] : [],
    summary: `Register for ${view.session.title}: ${countOf(view.expected.length, 'person', 'people')} expected.`,
  };
}
