import { newIdempotencyKey } from './idempotencyKey';

describe('newIdempotencyKey', () => {
  it('fits mall.redeem’s key pattern and differs between attempts', () => {
    const keys = Array.from({ length: 50 }, () => newIdempotencyKey());
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(new Set(keys).size).toBe(50);
  });
});
