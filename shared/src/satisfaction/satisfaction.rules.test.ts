import { customerSatisfaction, netPromoterScore, npsClassOf } from './satisfaction.rules.js';

describe('NPS', () => {
  it.each([
    [10, 'promoter'],
    [9, 'promoter'],
    [8, 'passive'],
    [7, 'passive'],
    [6, 'detractor'],
    [0, 'detractor'],
  ])('%i is a %s', (score, kind) => {
    expect(npsClassOf(score)).toBe(kind);
  });

  it('refuses answers off the 0–10 scale', () => {
    for (const score of [-1, 11, 7.5]) expect(() => npsClassOf(score)).toThrow(RangeError);
  });

  it('is % promoters − % detractors: 50 promoters, 30 passives, 20 detractors → 30', () => {
    const scores = [...Array<number>(50).fill(10), ...Array<number>(30).fill(8), ...Array<number>(20).fill(3)];
    expect(netPromoterScore(scores)).toEqual({ responses: 100, promoters: 50, passives: 30, detractors: 20, nps: 30 });
    expect(netPromoterScore([9, 6, 6]).nps).toBe(-33.3);
    expect(netPromoterScore([]).nps).toBeNull();
  });
});

describe('CSAT', () => {
  it('averages the stars and counts 4 and 5 as satisfied', () => {
    expect(customerSatisfaction([5, 4, 3, 1])).toEqual({ responses: 4, averageStars: 3.25, satisfiedPermille: 500 });
    expect(customerSatisfaction([])).toEqual({ responses: 0, averageStars: null, satisfiedPermille: null });
    expect(() => customerSatisfaction([0])).toThrow(RangeError);
  });
});
