import { replaceMatches, WordMatcher, type ListedWord } from './wordMatcher';

const word = (text: string, action: ListedWord['action'] = 'block', replacement: string | null = null): ListedWord => ({ word: text, action, replacement });

describe('the word matcher (Aho–Corasick)', () => {
  it('finds every occurrence of every word in one pass, overlapping ones and words inside words included', () => {
    const matcher = new WordMatcher([word('he'), word('she'), word('his'), word('hers'), word('刷单'), word('刷')]);
    const found = matcher.matches('ushers 刷单').map((match) => [match.word.word, match.start]);
    expect(found).toEqual([
      ['she', 1],
      ['he', 2],
      ['hers', 2],
      ['刷', 7],
      ['刷单', 7],
    ]);
  });

  it('ignores case and finds nothing in clean text or with an empty list', () => {
    expect(new WordMatcher([word('WeChat')]).matches('加wechat号').map((match) => match.start)).toEqual([1]);
    expect(new WordMatcher([word('赌博')]).matches('生日快乐')).toEqual([]);
    expect(new WordMatcher([]).matches('任何内容')).toEqual([]);
  });

  it('replaces `replace` words (longest first at a position), leaves the rest', () => {
    const matcher = new WordMatcher([word('傻', 'replace'), word('傻瓜', 'replace', '**'), word('私聊', 'review')]);
    const text = '你这个傻瓜，私聊我，别傻了';
    expect(replaceMatches(text, matcher.matches(text))).toBe('你这个**，私聊我，别***了');
  });
});
