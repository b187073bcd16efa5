import { LocalDate, parseCount, parseDay, parseDecimal, parseMoney, parsePounds, RECORD_DAYS } from '../../src/domain';
import { changeSettings, CLI_CHANGER } from '../../src/app/tenants';
import { checkAnswers } from '../../src/domain/answers';
import { smallSchool } from '../support/app-world';

/** Issue 24 item 8: money, counts, decimals and days are read one way everywhere. */
describe('typed values: one reading of what people type', () => {
  it('money: pounds with commas in their places and up to two pence digits, nothing else', () => {
    expect(parseMoney('£1,234.5')).toEqual({ ok: true, value: 123450 });
    expect(parseMoney(' 12,000 ')).toEqual({ ok: true, value: 1200000 });
    expect(parseMoney('249.99')).toEqual({ ok: true, value: 24999 });
    expect(parseMoney('0')).toEqual({ ok: true, value: 0 });
    for (const bad of [',,,1,,', '1,2', '12,34.5', '0x3', '1e3', '-5', '£', '', '1.234', 'Infinity', '£ 1 000']) {
      expect([bad, parseMoney(bad).ok]).toEqual([bad, false]);
      expect(parsePounds(bad)).toBeUndefined();
    }
  });

  it('counts: digits only, within the range; "0x3", "1.5" and "3e0" are refused with a sentence', () => {
    expect(parseCount(' 3 ', { min: 0, max: 40 })).toEqual({ ok: true, value: 3 });
    for (const bad of ['0x3', '1.5', '3e0', '-1', '', '41', '٣']) expect([bad, parseCount(bad, { min: 0, max: 40 })]).toEqual([bad, { ok: false, message: 'Give a whole number from 0 to 40, e.g. 2.' }]);
  });

  it('decimals: "1.5", ".75" and "2"; no exponent, hex, sign or comma', () => {
    expect(parseDecimal('1.5', { what: 'hours', example: '1.5' })).toEqual({ ok: true, value: 1.5 });
    expect(parseDecimal('.75', { what: 'hours', example: '1.5' })).toEqual({ ok: true, value: 0.75 });
    for (const bad of ['0x3', '1e1', '1,5', '-1', '', ' . ']) expect(parseDecimal(bad, { what: 'hours', example: '1.5' })).toEqual({ ok: false, message: 'Give the hours as a number, e.g. 1.5.' });
  });

  it('days: a real day inside the window', () => {
    const window = { from: '2025-11-20', to: '2028-11-20' };
    expect(parseDay('2027-01-12', window)).toEqual({ ok: true, value: '2027-01-12' });
    expect(parseDay('2027-02-30', window)).toEqual({ ok: false, message: '2027-02-30 is not a real date.' });
    expect(parseDay('1900-01-01', window)).toEqual({ ok: false, message: 'Choose a day between 20 November 2025 and 20 November 2028.' });
    expect(parseDay('9999-12-31', RECORD_DAYS).ok).toBe(false);
    // The stored schema refuses a day that does not exist, whichever path wrote it.
    expect(LocalDate.safeParse('2027-02-30').success).toBe(false);
    expect(LocalDate.safeParse('2028-02-29').success).toBe(true);
  });

  it('the minimum group size and a rating are read the same way ("0x5" is not 5)', async () => {
    const w = await smallSchool();
    expect(await changeSettings(w.deps, 't1', CLI_CHANGER, { 'min-group-size': '0x5' })).toMatchObject({ ok: false, message: expect.stringContaining('whole number from 3 to 25') });
    expect(await changeSettings(w.deps, 't1', CLI_CHANGER, { 'min-group-size': '6' })).toMatchObject({ ok: true });
    const rating = { id: 'q', kind: 'rating', prompt: 'Quality', required: true } as const;
    expect(checkAnswers({ questions: [rating] } as never, { q: '0x3' })).toEqual({ ok: false, errors: { q: 'Choose a rating from 1 to 5.' } });
  });
});
