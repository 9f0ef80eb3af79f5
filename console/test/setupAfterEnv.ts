import { configure } from '@testing-library/react';

// A lazily loaded antd page takes seconds to render in jsdom on a busy CI machine.
configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(60_000);
