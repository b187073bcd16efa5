/**
 * VTIMEZONE blocks for the zones schools use, so calendar clients read local times without
 * guessing. Europe/London: GMT in winter, BST (UTC+1) from the last Sunday of March at 01:00 UTC
 * to the last Sunday of October. Other zones get no block (TZID alone, as most clients accept).
 */
const ZONES: Record<string, string> = {
  'Europe/London': [
    'BEGIN:VTIMEZONE',
    'TZID:Europe/London',
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:+0000',
    'TZOFFSETTO:+0100',
    'TZNAME:BST',
    'DTSTART:19700329T010000',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0000',
    'TZNAME:GMT',
    'DTSTART:19701025T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n'),
};

export function vtimezone(zone: string): string | null {
  return ZONES[zone] ?? null;
}
