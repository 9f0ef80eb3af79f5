const USER_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const STORAGE_KEY = 'cakeday.devLoginUser';

/**
 * The sandbox test user the H5 development build logs in as: `?as=<name>` in the page URL (remembered for
 * the tab, since Taro's hash router drops the query on navigation), `demo` otherwise.
 */
export function devLoginUser(location: Pick<Location, 'search' | 'hash'> = window.location): string {
  const fromUrl = readAs(location.search) ?? readAs(location.hash.split('?')[1] ?? '');
  if (fromUrl) {
    window.sessionStorage.setItem(STORAGE_KEY, fromUrl);
    return fromUrl;
  }
  return window.sessionStorage.getItem(STORAGE_KEY) ?? 'demo';
}

function readAs(query: string): string | null {
  const value = new URLSearchParams(query).get('as');
  return value && USER_PATTERN.test(value) ? value : null;
}
