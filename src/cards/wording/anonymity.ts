/** What every questionnaire says about who can see the answers, the same on both platforms. */
export function anonymityText(anonymous: boolean): string {
  return anonymous
    ? 'Anonymous: your name is not kept with your answers.'
    : 'Not anonymous: your name is kept with your answers, which your CPD lead can read.';
}
