import { TextDecoder, TextEncoder } from 'node:util';

class StillResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

/**
 * What jsdom lacks and antd needs: matchMedia answering width queries against the window (so the layout is the
 * desktop one, with its side menu), ResizeObserver, and getComputedStyle without pseudo-elements.
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

// antd measures scrollbars through pseudo-elements, which jsdom does not implement (and says so on stderr).
const computedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => computedStyle(element);

window.scrollTo = () => undefined;

// jsdom has no canvas (and says so on stderr): without a 2D context ECharts' SVG renderer estimates text widths.
Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', { configurable: true, writable: true, value: () => null });
}
