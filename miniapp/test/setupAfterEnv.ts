import { configure } from '@testing-library/react';

// findBy*/waitFor return as soon as the page shows what they look for; their bound only stops a hang. The default
// second is too short for a page's first render on a loaded 2-core CI machine.
configure({ asyncUtilTimeout: 30_000 });
jest.setTimeout(120_000);
