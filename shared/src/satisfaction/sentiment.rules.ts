import {
  ASPECT_WORDS,
  CONTRAST_WORDS,
  DEGREE_WORDS,
  EXCESS_ATTRIBUTES,
  EXCESS_WORDS,
  NEGATION_WORDS,
  NEGATIVE_WORDS,
  NEUTRAL_WORDS,
  POSITIVE_WORDS,
  SUGGESTION_WORDS,
} from './sentiment.lexicon.js';

/** The plan's four classes. */
export const SENTIMENT_CLASSES = ['positive', 'neutral', 'negative', 'extremely_negative'] as const;
export type SentimentClass = (typeof SENTIMENT_CLASSES)[number];

export const sentimentClassNames: Record<SentimentClass, string> = { positive: '正面', neutral: '中性', negative: '负面', extremely_negative: '极端负面' };

export interface Sentiment {
  /** Sum of the weighed words, to one decimal: above 0 positive, below negative. */
  score: number;
  class: SentimentClass;
  /**
   * For a negative review: the lexicon's words it complains with and what about (`奶油`, `太甜`, `不新鲜`), for the
   * dashboard's complaint words. Only lexicon words, never the member's other text.
   */
  complaints: string[];
}

const POSITIVE_FROM = 0.6;
const NEGATIVE_FROM = -0.6;
const EXTREME_FROM = -6;
/** A negated negative word ("不难吃") keeps this much of its weight, as praise. */
const NEGATED_NEGATIVE = 0.2;
/** Attributes praised in moderation: "不太甜" (not too sweet) is praise, "不甜" a complaint. */
const NOT_TOO = new Set(['不太', '不会', '没那么']);
/** A negation with nothing after it says something is missing ("说好的赠品没有"). */
const MISSING = -1;
/** A modifier reaches this many tokens ahead ("不是很新鲜": 不是, 很, 新鲜). */
const MODIFIER_REACH = 2;

type Kind = 'positive' | 'negative' | 'neutral' | 'attribute' | 'degree' | 'negation' | 'contrast' | 'suggestion' | 'aspect';

const LEXICON = new Map<string, Set<Kind>>();
const add = (words: Iterable<string>, kind: Kind) => {
  for (const word of words) LEXICON.set(word, (LEXICON.get(word) ?? new Set<Kind>()).add(kind));
};
add(Object.keys(POSITIVE_WORDS), 'positive');
add(Object.keys(NEGATIVE_WORDS), 'negative');
add(Object.keys(EXCESS_ATTRIBUTES), 'attribute');
add(Object.keys(DEGREE_WORDS), 'degree');
add(Object.keys(NEGATION_WORDS), 'negation');
add(CONTRAST_WORDS, 'contrast');
add(SUGGESTION_WORDS, 'suggestion');
add(ASPECT_WORDS, 'aspect');
add(NEUTRAL_WORDS, 'neutral');
const LONGEST = Math.max(...[...LEXICON.keys()].map((word) => word.length));

interface Token {
  text: string;
  kinds: ReadonlySet<Kind>;
}

const NO_KINDS: ReadonlySet<Kind> = new Set();
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Clauses (split at punctuation and spaces) of tokens: Intl.Segmenter finds the words, and within and across them our
 * lexicon's longest words win (the segmenter gives "不太好|吃" where the lexicon reads "不太|好吃").
 */
export function tokenizeReview(text: string): Token[][] {
  const clauses: Token[][] = [];
  let clause = '';
  const boundaries = new Set<number>();
  const flush = () => {
    if (clause) clauses.push(lexiconTokens(clause, boundaries));
    clause = '';
    boundaries.clear();
  };
  for (const segment of segmenter.segment(text.normalize('NFKC'))) {
    if (!segment.isWordLike && !/^[\p{L}\p{N}]+$/u.test(segment.segment)) {
      flush();
      continue;
    }
    boundaries.add(clause.length);
    clause += segment.segment;
  }
  flush();
  return clauses;
}

function lexiconTokens(clause: string, segmentStarts: ReadonlySet<number>): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < clause.length) {
    let match = '';
    for (let length = Math.min(LONGEST, clause.length - index); length > 0; length -= 1) {
      const candidate = clause.slice(index, index + length);
      if (LEXICON.has(candidate)) {
        match = candidate;
        break;
      }
    }
    if (match) {
      tokens.push({ text: match, kinds: LEXICON.get(match) ?? NO_KINDS });
      index += match.length;
      continue;
    }
    // Not in the lexicon: the segmenter's word from here, cut where a lexicon word starts.
    let end = index + 1;
    while (end < clause.length && !segmentStarts.has(end) && !startsLexiconWord(clause, end)) end += 1;
    tokens.push({ text: clause.slice(index, end), kinds: NO_KINDS });
    index = end;
  }
  return tokens;
}

function startsLexiconWord(clause: string, at: number): boolean {
  for (let length = Math.min(LONGEST, clause.length - at); length > 1; length -= 1) if (LEXICON.has(clause.slice(at, at + length))) return true;
  return false;
}

interface Modifiers {
  negation: number | null;
  negationWord: string | null;
  degree: number;
  excess: string | null;
  intensified: boolean;
  /** Tokens since the last modifier: they fade after MODIFIER_REACH. */
  age: number;
}

const fresh = (): Modifiers => ({ negation: null, negationWord: null, degree: 1, excess: null, intensified: false, age: 0 });
const carriesSentiment = (token: Token | undefined): boolean =>
  token !== undefined && (token.kinds.has('positive') || token.kinds.has('negative') || token.kinds.has('attribute') || token.kinds.has('negation') || token.kinds.has('degree'));

interface Hit {
  weight: number;
  extreme: boolean;
  complaint: string | null;
}

/** One clause's weighed words, left to right: negations and degree words act on the sentiment word after them. */
function scoreClause(tokens: readonly Token[]): { hits: Hit[]; contrast: boolean; suggestion: boolean; aspects: string[] } {
  const hits: Hit[] = [];
  const aspects: string[] = [];
  let contrast = false;
  let suggestion = false;
  let modifiers = fresh();
  tokens.forEach((token, index) => {
    const { kinds, text } = token;
    const next = tokens[index + 1];
    if (kinds.has('contrast') && index === 0) contrast = true;
    if (kinds.has('suggestion')) suggestion = true;
    if (kinds.has('aspect')) aspects.push(text);
    const modifies = carriesSentiment(next);
    if (kinds.has('negation') && (modifies || !kinds.has('negative'))) {
      if (!next && ['没有', '没', '没给'].includes(text)) {
        hits.push({ weight: MISSING, extreme: false, complaint: text });
        return;
      }
      modifiers = { ...modifiers, negation: modifiers.negation === null ? (NEGATION_WORDS[text] ?? 0.8) : null, negationWord: text, age: 0 };
      return;
    }
    if (kinds.has('degree') && modifies) {
      modifiers = {
        ...modifiers,
        degree: modifiers.degree * (DEGREE_WORDS[text] ?? 1),
        excess: EXCESS_WORDS.has(text) ? text : modifiers.excess,
        intensified: modifiers.intensified || (!EXCESS_WORDS.has(text) && (DEGREE_WORDS[text] ?? 1) > 1),
        age: 0,
      };
      return;
    }
    const hit = hitOf(token, modifiers);
    if (hit) {
      hits.push(hit);
      modifiers = fresh();
      return;
    }
    modifiers.age += 1;
    if (modifiers.age >= MODIFIER_REACH) modifiers = fresh();
  });
  return { hits, contrast, suggestion, aspects };
}

function hitOf(token: Token, modifiers: Modifiers): Hit | null {
  const { text, kinds } = token;
  const negated = modifiers.negation !== null;
  if (kinds.has('attribute')) {
    const attribute = EXCESS_ATTRIBUTES[text];
    if (!attribute) return null;
    if (negated) {
      const notTooMuch = modifiers.excess !== null || (attribute.plain > 0 && attribute.excess < 0 && NOT_TOO.has(modifiers.negationWord ?? ''));
      const weight = notTooMuch ? 0.8 : -attribute.plain * (modifiers.negation ?? 0.8);
      return { weight, extreme: false, complaint: weight < 0 ? `不${text}` : null };
    }
    const weight = modifiers.excess ? attribute.excess * modifiers.degree : modifiers.intensified ? attribute.plain * modifiers.degree : attribute.bare;
    return { weight, extreme: false, complaint: weight < 0 ? `${modifiers.excess ?? ''}${text}` : null };
  }
  const positive = POSITIVE_WORDS[text];
  if (kinds.has('positive') && positive !== undefined) {
    // "不是很好吃" is milder than "不好吃": a degree word under a negation softens it.
    if (negated) return { weight: (-positive * (modifiers.negation ?? 0.8)) / Math.max(1, modifiers.degree), extreme: false, complaint: `不${text}` };
    return { weight: positive * modifiers.degree, extreme: false, complaint: null };
  }
  const negative = NEGATIVE_WORDS[text];
  if (kinds.has('negative') && negative) {
    if (negated) return { weight: -negative.weight * NEGATED_NEGATIVE, extreme: false, complaint: null };
    return { weight: negative.weight * modifiers.degree, extreme: negative.extreme === true, complaint: text };
  }
  if (kinds.has('degree') && text === '好' && !kinds.has('neutral')) return { weight: 1, extreme: false, complaint: null };
  return null;
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

/**
 * Scores a review's text with our lexicon: words weighed by the degree words before them, reversed by negations
 * ("不太好吃" is negative, "非常好吃" strongly positive, "不难吃" mildly positive), the clause after a contrast
 * ("但是…") counting more than those before, wishes and questions ("希望…") counting for nothing. A non-negated
 * extreme word (food safety, anger, complaints to authorities) or a score at or below −4.5 is extremely negative.
 */
export function scoreSentiment(text: string): Sentiment {
  const clauses = tokenizeReview(text).map(scoreClause);
  let score = 0;
  let extreme = false;
  const complaints = new Set<string>();
  clauses.forEach((clause, index) => {
    if (clause.contrast && index > 0) score *= 0.5;
    if (clause.suggestion) return;
    const weight = clause.hits.reduce((sum, hit) => sum + hit.weight, 0);
    score += clause.contrast ? weight * 1.5 : weight;
    extreme = extreme || clause.hits.some((hit) => hit.extreme);
    if (weight < 0) {
      for (const hit of clause.hits) if (hit.complaint && hit.weight < 0) complaints.add(hit.complaint);
      for (const aspect of clause.aspects) complaints.add(aspect);
    }
  });
  const sentimentClass: SentimentClass =
    score < 0 && (extreme || score <= EXTREME_FROM) ? 'extremely_negative' : score <= NEGATIVE_FROM ? 'negative' : score >= POSITIVE_FROM ? 'positive' : 'neutral';
  return { score: round1(score), class: sentimentClass, complaints: sentimentClass === 'negative' || sentimentClass === 'extremely_negative' ? [...complaints] : [] };
}

/** Share of each class in per mille (rounded down), of the counts given. */
export function sentimentShares(counts: Partial<Record<SentimentClass, number>>): Record<SentimentClass, number | null> {
  const total = SENTIMENT_CLASSES.reduce((sum, name) => sum + (counts[name] ?? 0), 0);
  return Object.fromEntries(SENTIMENT_CLASSES.map((name) => [name, total > 0 ? Math.floor(((counts[name] ?? 0) * 1000) / total) : null])) as Record<SentimentClass, number | null>;
}
