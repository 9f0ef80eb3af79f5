import { SENTIMENT_FIXTURES, SENTIMENT_HELD_OUT } from './sentiment.fixtures.js';
import { scoreSentiment, SENTIMENT_CLASSES, sentimentShares, tokenizeReview, type SentimentClass } from './sentiment.rules.js';

/** The scorer's accuracy on the labelled set (it was tuned on) must not fall below this; it is printed by the test. */
const ACCURACY_FLOOR = 0.9;
/** … and on the held-out sentences it was never tuned on. */
const HELD_OUT_FLOOR = 0.75;

function accuracyOn(set: readonly (readonly [SentimentClass, string])[]): { accuracy: number; right: number; perClass: string; wrong: string[] } {
  let right = 0;
  const wrong: string[] = [];
  const hits = new Map<SentimentClass, number>();
  for (const [expected, text] of set) {
    const { class: actual, score } = scoreSentiment(text);
    if (actual === expected) {
      right += 1;
      hits.set(expected, (hits.get(expected) ?? 0) + 1);
    } else wrong.push(`${text} (${expected} → ${actual}, ${score})`);
  }
  const perClass = SENTIMENT_CLASSES.map((name) => `${name} ${hits.get(name) ?? 0}/${set.filter(([label]) => label === name).length}`).join(', ');
  return { accuracy: right / set.length, right, perClass, wrong };
}

describe('sentiment of Chinese reviews (our lexicon)', () => {
  it.each<[string, SentimentClass]>([
    ['不太好吃', 'negative'],
    ['非常好吃', 'positive'],
    ['好吃', 'positive'],
    ['不难吃', 'neutral'],
    ['太甜了', 'negative'],
    ['草莓很甜', 'positive'],
    ['蛋糕里吃出头发，太恶心了', 'extremely_negative'],
    ['希望下次能多出几个口味', 'neutral'],
    ['蛋糕好吃，但是配送太慢了', 'negative'],
  ])('%s → %s', (text, expected) => {
    expect(scoreSentiment(text).class).toBe(expected);
  });

  it('degree words strengthen: 非常好吃 scores higher than 好吃, 不太好吃 below zero but above 难吃', () => {
    const [very, plain, notQuite, bad] = ['非常好吃', '好吃', '不太好吃', '难吃'].map((text) => scoreSentiment(text).score);
    expect(very).toBeGreaterThan(plain ?? 0);
    expect(notQuite).toBeLessThan(0);
    expect(notQuite).toBeGreaterThan(bad ?? 0);
  });

  it('segments with Intl.Segmenter and lets the lexicon’s words win', () => {
    expect(tokenizeReview('不太好吃，物美价廉').map((clause) => clause.map((token) => token.text))).toEqual([['不太', '好吃'], ['物美价廉']]);
  });

  it('names what a negative review complains about, from the lexicon only', () => {
    expect(scoreSentiment('奶油不新鲜，蛋糕太甜了').complaints.sort()).toEqual(['太甜', '奶油', '蛋糕', '不新鲜'].sort());
    expect(scoreSentiment('非常好吃').complaints).toEqual([]);
  });

  it('shares of the four classes in per mille', () => {
    expect(sentimentShares({ positive: 7, neutral: 2, negative: 1 })).toEqual({ positive: 700, neutral: 200, negative: 100, extremely_negative: 0 });
    expect(sentimentShares({}).positive).toBeNull();
  });

  it(`classifies the ${SENTIMENT_FIXTURES.length} labelled review sentences with accuracy ≥ ${ACCURACY_FLOOR * 100}%, the held-out ones ≥ ${HELD_OUT_FLOOR * 100}%`, () => {
    expect(SENTIMENT_FIXTURES.length).toBeGreaterThanOrEqual(300);
    const tuned = accuracyOn(SENTIMENT_FIXTURES);
    const heldOut = accuracyOn(SENTIMENT_HELD_OUT);
    // The figures the issue asks the tests to report.
    process.stdout.write(`sentiment accuracy: ${(tuned.accuracy * 100).toFixed(1)}% (${tuned.right}/${SENTIMENT_FIXTURES.length}; ${tuned.perClass})\n`);
    process.stdout.write(`sentiment accuracy, held out: ${(heldOut.accuracy * 100).toFixed(1)}% (${heldOut.right}/${SENTIMENT_HELD_OUT.length}; ${heldOut.perClass})\n`);
    if (process.env.SENTIMENT_SHOW_MISSES) process.stdout.write(`${[...tuned.wrong, '-- held out --', ...heldOut.wrong].join('\n')}\n`);
    expect(tuned.accuracy).toBeGreaterThanOrEqual(ACCURACY_FLOOR);
    expect(heldOut.accuracy).toBeGreaterThanOrEqual(HELD_OUT_FLOOR);
  });
});
