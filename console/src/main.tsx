import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ConsoleProviders } from './app/ConsoleProviders';
import { ConsoleRoutes } from './app/routes';

// vite's `base` (/console/) is where the BFF serves the console.
const basename = import.meta.env.BASE_URL.replace(/\/$/, '');

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ConsoleProviders>
      <BrowserRouter basename={basename}>
        <ConsoleRoutes />
      </BrowserRouter>
    </ConsoleProviders>
  </StrictMode>,
);
