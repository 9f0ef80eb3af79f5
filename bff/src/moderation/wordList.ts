import { ModerationWordModel } from './ModerationWord.model';
import { WordMatcher } from './wordMatcher';

/** How long an instance trusts its copy of the list; a save on this instance refreshes it at once. */
const LIST_TTL_MS = 10_000;

let cached: { matcher: WordMatcher; readAt: number } | undefined;

/** The current list as a matcher, read from the database at most every few seconds per instance. */
export async function currentWordMatcher(clock: () => number = Date.now): Promise<WordMatcher> {
  if (cached && clock() - cached.readAt < LIST_TTL_MS) return cached.matcher;
  const words = await ModerationWordModel.find({ deletedAt: null }, { word: 1, action: 1, replacement: 1 }).lean();
  const matcher = new WordMatcher(words.map((word) => ({ word: word.word, action: word.action, replacement: word.replacement })));
  cached = { matcher, readAt: clock() };
  return matcher;
}

/** After a save: the next check reads the list again. */
export function invalidateWordList(): void {
  cached = undefined;
}
