import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Middleware } from 'koa';
import type { CakedayState } from '../http/context';

/** Where the BFF serves the ops console's build (vite's `base`). */
export const CONSOLE_PREFIX = '/console/';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** vite names every file under assets/ by its content hash: a new build has new names, so they never go stale. */
const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
/** index.html names the current assets: always fetched afresh, so a deploy takes effect on the next load. */
const ENTRY_CACHE = 'no-store';

function fileIn(root: string, relative: string): string | null {
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(`${root}${path.sep}`)) return null;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/**
 * Serves the built console under /console/: hashed assets cached for good, any other path under /console/ the
 * console's index.html (its router owns those URLs), never cached. Without a build (`dist` missing) it steps aside.
 */
export function serveConsole(dist: string): Middleware<CakedayState> {
  const root = path.resolve(dist);
  const entry = path.join(root, 'index.html');
  return async (ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !(ctx.path === '/console' || ctx.path.startsWith(CONSOLE_PREFIX))) return next();
    if (!existsSync(entry)) return next();
    if (ctx.path === '/console') {
      ctx.status = 301;
      ctx.redirect(CONSOLE_PREFIX);
      return;
    }
    let relative: string;
    try {
      relative = decodeURIComponent(ctx.path.slice(CONSOLE_PREFIX.length));
    } catch {
      return next();
    }
    const file = relative === '' ? entry : fileIn(root, relative);
    // A missing script or stylesheet is a 404, never the HTML page in its place.
    if (!file && (relative.startsWith('assets/') || path.extname(relative) !== '')) return next();
    const served = file ?? entry;
    ctx.type = CONTENT_TYPES[path.extname(served)] ?? 'application/octet-stream';
    ctx.set('Cache-Control', served === entry ? ENTRY_CACHE : relative.startsWith('assets/') ? HASHED_ASSET_CACHE : 'no-cache');
    ctx.length = statSync(served).size;
    ctx.body = createReadStream(served);
  };
}
