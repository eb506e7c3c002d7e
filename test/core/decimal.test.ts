import { Decimal } from '../../src/core/decimal.js';

describe('Decimal', () => {
  it('adds without binary float drift', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floats.
    expect(Decimal.parse('0.1').plus(Decimal.parse('0.2')).toString()).toBe('0.3');
    const tenCents = Decimal.parse('0.1');
    let sum = Decimal.ZERO;
    for (let i = 0; i < 1000; i++) sum = sum.plus(tenCents);
    expect(sum.toString()).toBe('100');
  });

  it('multiplies published prices exactly', () => {
    expect(Decimal.parse('0.096').times(Decimal.fromInt(730)).toString()).toBe('70.08');
    expect(Decimal.parse('0.0000166667').times(Decimal.parse('400000')).toString()).toBe('6.66668');
    expect(Decimal.parse('40.96').times(Decimal.fromInt(125).dividedBy(Decimal.fromInt(1024))).toString()).toBe('5');
  });

  it('parses exponents and rejects garbage', () => {
    expect(Decimal.parse('1e6').toString()).toBe('1000000');
    expect(Decimal.parse('2.5E-3').toString()).toBe('0.0025');
    expect(Decimal.fromNumber(0.1).toString()).toBe('0.1');
    expect(() => Decimal.parse('12abc')).toThrow(RangeError);
    expect(() => Decimal.parse('1e999')).toThrow(RangeError);
    expect(Decimal.tryFrom('ten')).toBeUndefined();
    expect(Decimal.tryFrom(Number.NaN)).toBeUndefined();
  });

  it('rounds half away from zero like a bill', () => {
    expect(Decimal.parse('2.345').toFixed(2)).toBe('2.35');
    expect(Decimal.parse('-2.345').toFixed(2)).toBe('-2.35');
    expect(Decimal.parse('2.344999').round(2).toString()).toBe('2.34');
    expect(Decimal.parse('70.88').dividedBy(Decimal.fromInt(730)).toFixed(6)).toBe('0.097096');
  });

  it('compares, ceils and floors', () => {
    expect(Decimal.parse('2.1').ceil().toString()).toBe('3');
    expect(Decimal.parse('-2.1').floor().toString()).toBe('-3');
    expect(Decimal.max(Decimal.parse('1.5'), Decimal.parse('1.25')).toString()).toBe('1.5');
    expect(() => Decimal.ONE.dividedBy(Decimal.ZERO)).toThrow('division by zero');
  });
});
