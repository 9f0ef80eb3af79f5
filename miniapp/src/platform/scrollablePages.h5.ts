const PAGE_SELECTOR = '.taro_page';

function focusable(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>(`${PAGE_SELECTOR}:not([tabindex])`).forEach((page) => {
    page.setAttribute('tabindex', '0');
  });
}

/** Taro's router adds a `.taro_page` box per opened page; each gets tabindex 0 as it appears. */
export function makePagesKeyboardScrollable(): void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return;
  focusable(document);
  new MutationObserver(() => focusable(document)).observe(document.body, { childList: true, subtree: true });
}
