import { devLoginUser } from './devLoginUser';

describe('devLoginUser', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('takes ?as=<name> from the query or from the hash route, and remembers it', () => {
    expect(devLoginUser({ search: '?as=alice', hash: '' })).toBe('alice');
    expect(devLoginUser({ search: '', hash: '#/pages/me/index' })).toBe('alice');
    expect(devLoginUser({ search: '', hash: '#/pages/home/index?as=bob' })).toBe('bob');
  });

  it('falls back to the demo member and ignores names the sandbox would not accept', () => {
    expect(devLoginUser({ search: '', hash: '' })).toBe('demo');
    expect(devLoginUser({ search: '?as=<script>', hash: '' })).toBe('demo');
  });
});
