import { maskPhone, phoneLookupForms } from './phone.rules.js';

describe('phone numbers', () => {
  it.each([
    ['13812341234', ['13812341234']],
    ['138 1234 1234', ['13812341234', '138 1234 1234']],
    ['+86-138-1234-1234', ['13812341234', '+8613812341234', '+86-138-1234-1234']],
    ['8613812341234', ['13812341234', '8613812341234']],
    ['+1 202 555 0123', ['+12025550123', '+1 202 555 0123']],
  ])('%s is looked up as %j', (typed, forms) => {
    expect(phoneLookupForms(typed)).toEqual(forms);
  });

  it('masks all but the first three and last four digits', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });
});
