import { configure } from '@testing-library/react';

// A lazily loaded antd page takes seconds to render in jsdom, and tens of seconds on a loaded 2-core machine. The
// waits below are bounds against a hang, not expectations of speed: findBy*/waitFor return as soon as the DOM shows
// the text.
configure({ asyncUtilTimeout: 60_000 });
jest.setTimeout(180_000);

// antd 5's resize observer still calls findDOMNode under React 18's StrictMode: a library deprecation notice, not
// ours to fix, that buries real errors in the output. Everything else still reaches console.error.
const reportError = console.error.bind(console);
jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('findDOMNode is deprecated')) return;
  reportError(...args);
});
