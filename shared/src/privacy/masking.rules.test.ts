import { maskIdentifier, maskName, maskPersonalData } from './masking.rules.js';

describe('masking personal data', () => {
  it.each([
    ['明', '*'],
    ['小明', '小*'],
    ['王小明', '王*明'],
    ['欧阳娜娜娜娜', '欧***娜'],
    ['Tom', 'T*m'],
  ])('maskName(%s) = %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('keeps the ends of identifiers only', () => {
    expect(maskIdentifier('o-abcdefgh12345678')).toBe('o-ab****5678');
    expect(maskIdentifier('short')).toBe('****');
  });

  it('masks personal fields at any depth and drops the birth year', () => {
    const input = {
      memberId: '65f0c0ffee',
      profile: { nickname: '王小明', phone: '13812345678', birthday: { year: 1990, month: 5, day: 20 } },
      helpers: [{ nickname: '小红', openid: 'o-abcdefgh12345678' }],
      points: 120,
    };
    expect(maskPersonalData(input)).toEqual({
      memberId: '65f0c0ffee',
      profile: { nickname: '王*明', phone: '138****5678', birthday: { year: null, month: 5, day: 20 } },
      helpers: [{ nickname: '小*', openid: 'o-ab****5678' }],
      points: 120,
    });
  });
});
