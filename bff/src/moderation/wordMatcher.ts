/** A word of the list and what it asks for. */
export interface ListedWord {
  word: string;
  action: 'block' | 'review' | 'replace';
  replacement: string | null;
}

export interface WordMatch {
  word: ListedWord;
  /** Index of the first character of the match in the text (UTF-16 units). */
  start: number;
}

interface Node {
  next: Map<string, number>;
  fail: number;
  /** Words ending here (this node's own and those of its fail chain). */
  output: ListedWord[];
}

/**
 * Aho–Corasick over the list: one pass over the text finds every occurrence of every word, however many words the
 * list holds. Matching ignores case (each character of the list and the text is lower-cased alike).
 */
export class WordMatcher {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, output: [] }];

  constructor(words: readonly ListedWord[]) {
    for (const word of words) this.add(word);
    this.link();
  }

  private add(word: ListedWord): void {
    if (word.word === '') return;
    let at = 0;
    for (const raw of word.word) {
      const char = raw.toLowerCase();
      let child = this.nodes[at]!.next.get(char);
      if (child === undefined) {
        child = this.nodes.push({ next: new Map(), fail: 0, output: [] }) - 1;
        this.nodes[at]!.next.set(char, child);
      }
      at = child;
    }
    this.nodes[at]!.output.push(word);
  }

  /** Breadth-first: each node's fail link is the longest proper suffix that is also a path from the root. */
  private link(): void {
    const queue: number[] = [...this.nodes[0]!.next.values()];
    while (queue.length > 0) {
      const current = queue.shift()!;
      for (const [char, child] of this.nodes[current]!.next) {
        let fail = this.nodes[current]!.fail;
        while (fail !== 0 && !this.nodes[fail]!.next.has(char)) fail = this.nodes[fail]!.fail;
        const target = this.nodes[fail]!.next.get(char);
        this.nodes[child]!.fail = target !== undefined && target !== child ? target : 0;
        this.nodes[child]!.output.push(...this.nodes[this.nodes[child]!.fail]!.output);
        queue.push(child);
      }
    }
  }

  matches(text: string): WordMatch[] {
    const found: WordMatch[] = [];
    let at = 0;
    let index = 0;
    for (const raw of text) {
      const char = raw.toLowerCase();
      while (at !== 0 && !this.nodes[at]!.next.has(char)) at = this.nodes[at]!.fail;
      at = this.nodes[at]!.next.get(char) ?? 0;
      index += raw.length;
      for (const word of this.nodes[at]!.output) found.push({ word, start: index - word.word.length });
    }
    return found;
  }
}

/** The text with each `replace` match swapped for its replacement (*** by default), longest matches first. */
export function replaceMatches(text: string, matches: readonly WordMatch[]): string {
  const replacing = matches
    .filter((match) => match.word.action === 'replace')
    .sort((a, b) => a.start - b.start || b.word.word.length - a.word.word.length);
  let result = '';
  let cursor = 0;
  for (const match of replacing) {
    if (match.start < cursor) continue;
    result += text.slice(cursor, match.start) + (match.word.replacement ?? '***');
    cursor = match.start + match.word.word.length;
  }
  return result + text.slice(cursor);
}
