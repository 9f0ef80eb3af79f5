import { type PropsWithChildren } from 'react';
import { installSession } from './auth/session';
import { makePagesKeyboardScrollable } from './platform/scrollablePages';
import './app.scss';

// Before any page asks for data, so that its first call already carries the stored session.
installSession();
makePagesKeyboardScrollable();

function App({ children }: PropsWithChildren): PropsWithChildren['children'] {
  return children;
}

export default App;
