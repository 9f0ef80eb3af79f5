import { TextDecoder, TextEncoder } from 'node:util';

class StillResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

/**
 * What jsdom lacks and antd needs: matchMedia answering width queries against the window (so the layout is the
 * desktop one, with its side menu), ResizeObserver, and a getComputedStyle that reads inline styles only.
 */
const widthQuery = /\((min|max)-width:\s*(\d+(?:\.\d+)?)px\)/g;

function matchesWidth(query: string): boolean {
  const width = window.innerWidth;
  let matches = true;
  for (const [, bound, value] of query.matchAll(widthQuery)) {
    const limit = Number(value);
    matches &&= bound === 'min' ? width >= limit : width <= limit;
  }
  return matches;
}

// Tests of plain modules run in the node environment: nothing to stub there.
if (typeof window !== 'undefined') installBrowserStubs();

function installBrowserStubs(): void {
// react-router encodes with TextEncoder, which jest's jsdom environment does not carry over from Node.
Object.assign(globalThis, { TextEncoder, TextDecoder });
Object.defineProperty(window, 'innerWidth', { configurable: true, writable: true, value: 1440 });
Object.defineProperty(window, 'matchMedia', {
  configurable: true,
  writable: true,
  value: (query: string): MediaQueryList =>
    ({
      matches: matchesWidth(query),
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList,
});

Object.defineProperty(window, 'ResizeObserver', { configurable: true, writable: true, value: StillResizeObserver });

// jsdom computes a style by matching every rule of every style sheet, and antd's CSS-in-JS injects thousands: a page
// test spent nine tenths of its time here (KpisPanel: 89 s, 9 s with this). The inline style is all the console's
// tests need (antd hides a closed dialog inline; the 99 tests pass alike); it also answers for pseudo-elements, which
// jsdom does not implement (and says so on stderr).
window.getComputedStyle = (element: Element) => (element as HTMLElement).style ?? document.createElement('div').style;

window.scrollTo = () => undefined;

// jsdom has no canvas (and says so on stderr): without a 2D context ECharts' SVG renderer estimates text widths.
Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', { configurable: true, writable: true, value: () => null });
}
