import { routes } from '@cakeday/shared';

/** Paths of the routes that declare a `bodyLimit` of their own (an uploaded image), with that limit. */
export function routeBodyLimits(): Record<string, string> {
  return Object.fromEntries(
    Object.values(routes).flatMap((definition) => ('bodyLimit' in definition && definition.bodyLimit ? [[definition.path, definition.bodyLimit]] : [])),
  );
}
