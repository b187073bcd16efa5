import type { KnownBlock } from '@slack/types';
import type { SharedGapPlanView } from '../views/shared-gap-plan';
import { sharedPlanReason } from '../wording/shared-gap-plan';
import { context, fields, header, section } from './blocks';
import { escapeMrkdwn } from './limits';

export function sharedGapPlanBlocks(view: SharedGapPlanView): KnownBlock[] {
  const about = [view.intent && `*Intent:* ${escapeMrkdwn(view.intent)}`, view.task && `*Gap task:* ${escapeMrkdwn(view.task)}`].filter(Boolean).join('\n');
  return [
    header(`${view.personName}'s gap-task plan`),
    section(`*${escapeMrkdwn(view.sessionTitle)}*${about ? `\n${about}` : ''}`),
    context(escapeMrkdwn(sharedPlanReason(view))),
    fields(view.plan),
  ];
}
