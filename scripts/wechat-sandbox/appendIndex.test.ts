import { AppendIndex } from './appendIndex';
import { SandboxState } from './state';

describe('AppendIndex', () => {
  const byName = () => new AppendIndex<{ name: string; n: number }>((entry) => [entry.name]);

  it('finds what was appended since the last lookup, in the array order', () => {
    const index = byName();
    const entries = [{ name: 'a', n: 1 }];
    expect(index.first(entries, 'a')).toEqual({ name: 'a', n: 1 });
    entries.push({ name: 'b', n: 2 }, { name: 'a', n: 3 });
    expect(index.all(entries, 'a').map((entry) => entry.n)).toEqual([1, 3]);
    expect(index.first(entries, 'b')?.n).toBe(2);
    expect(index.first(entries, 'c')).toBeUndefined();
  });

  it('starts afresh on another array or a shorter one', () => {
    const index = byName();
    const entries = [{ name: 'a', n: 1 }, { name: 'b', n: 2 }];
    expect(index.first(entries, 'b')?.n).toBe(2);
    expect(index.first([{ name: 'b', n: 9 }], 'b')?.n).toBe(9);
    entries.length = 1;
    expect(index.first(entries, 'b')).toBeUndefined();
  });
});

describe('the sandbox state finds users and messages by key', () => {
  it('by openid and by name, across a reset and with 100,000 users', () => {
    const state = new SandboxState();
    for (let index = 0; index < 100_000; index += 1) state.user({ openid: `o-${index}` });
    const alice = state.user({ user: 'alice' });
    expect(state.user({ user: 'alice' })).toBe(alice);
    expect(state.userByOpenid(alice.openid)).toBe(alice);
    expect(state.userByOpenid('o-99999')?.openid).toBe('o-99999');
    expect(state.data.users).toHaveLength(100_002);

    state.reset();
    expect(state.userByOpenid(alice.openid)).toBeUndefined();
    expect(state.user({ user: 'alice' }).openid).toBe(alice.openid);
    expect(state.data.users).toHaveLength(2);
  });

  it("a user's messages from the outbox", () => {
    const state = new SandboxState();
    const message = (touser: string, msgid: string) => ({ at: 0, msgid, appid: 'wx', touser, templateId: 't', data: {}, miniprogramState: 'formal', lang: 'zh_CN' });
    state.data.outbox.push(message('o-1', '1'), message('o-2', '2'));
    expect(state.outboxOf('o-1').map((sent) => sent.msgid)).toEqual(['1']);
    state.data.outbox.push(message('o-1', '3'));
    expect(state.outboxOf('o-1').map((sent) => sent.msgid)).toEqual(['1', '3']);
    expect(state.outboxOf('o-3')).toEqual([]);
  });
});
