import type { RsvpAnswer } from '../../domain';
import type { SessionSummary } from '../views/common';
import { compact, facts, subtle, text, type AdaptiveElement } from './elements';
import type { FactSet } from './schema';

const RSVP_TEXT: Record<RsvpAnswer, string> = {
  yes: "You're booked on",
  no: "You've said you can't come",
  waitlist: "You're on the waiting list",
};

export function rsvpText(rsvp: RsvpAnswer | undefined): string | undefined {
  return rsvp ? RSVP_TEXT[rsvp] : undefined;
}

/** The when/where facts every session card shows. */
export function sessionFacts(session: SessionSummary): FactSet {
  const you = rsvpText(session.rsvp);
  return facts(
    compact([
      { label: 'When', value: session.whenText },
      session.place ? { label: 'Where', value: session.place } : undefined,
      // The bot's own link; the address is an https URL (domain), with brackets encoded so it cannot close the link early.
      session.meetingUrl ? { label: 'Online', value: `[Join the meeting](${session.meetingUrl.replace(/\(/g, '%28').replace(/\)/g, '%29')})`, markdown: true } : undefined,
      session.facilitatorText ? { label: 'Who', value: session.facilitatorText } : undefined,
      session.placesLeft !== undefined ? { label: 'Places left', value: String(session.placesLeft) } : undefined,
      you ? { label: 'You', value: you } : undefined,
    ]),
  );
}

export function sessionLabel(session: SessionSummary): AdaptiveElement {
  return subtle(`${session.categoryLabel} · ${session.kindLabel}${session.compulsory ? ' · Compulsory' : ''}`);
}

export function sessionTitle(session: SessionSummary): AdaptiveElement {
  return text(session.title, { size: 'Medium', weight: 'Bolder', style: 'heading' });
}
