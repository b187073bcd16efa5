import { DateTime } from 'luxon';

/**
 * A local wall-clock date and time in a zone as a UTC instant. A time that does not exist
 * (the spring-forward hour) is an error rather than silently moved; an ambiguous autumn time
 * takes the earlier instant, as luxon does.
 */
export function localInstant(date: string, time: string, zone: string): { ok: true; instant: string } | { ok: false; reason: string } {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!dt.isValid || dt.toFormat('yyyy-LL-dd HH:mm') !== `${date} ${time}`) {
    return { ok: false, reason: `${time} on ${date} does not exist in ${zone} (the clocks go forward)` };
  }
  return { ok: true, instant: dt.toUTC().toISO()! };
}
