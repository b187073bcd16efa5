import type { SessionFormView } from '../views';
import type { Block } from './block-types';
import { button, notice, section } from './blocks';

/** In a Slack message the form is a button: the fields live in a modal, which needs the press's trigger id. */
export function sessionFormMessageBlocks(view: SessionFormView): Block[] {
  return [
    ...(view.notice ? [notice(view.notice)] : []),
    section('*New CPD session*\nSet the title, time, place and audience; the audience is invited when you publish.', button('Open the form', { verb: 'session.form.open' }, { style: 'primary' })),
  ];
}
