/**
 * What an endpoint URL names as its origin: API keys are bound to it,
 * host permissions are asked for it, and messages name it. One parse for
 * all of them, so they agree on what counts as a web URL (http or https).
 */

/** The URL when it is an absolute http(s) URL, else null. */
export function webUrl(url: string): URL | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/**
 * The origin (scheme, host and port) of an http(s) URL; null for anything
 * else (another scheme, text that is no URL).
 */
export const urlOrigin = (url: string): string | null => webUrl(url)?.origin ?? null;

/**
 * The origin a message names for `url`: the text as given where it has none,
 * so the reader sees what they typed (another scheme's origin reads "null").
 */
export const originForMessage = (url: string): string => urlOrigin(url) ?? url;

/**
 * The host permission pattern the extension must be granted to reach an
 * endpoint, or null for a bad URL. Without the port: Firefox's match patterns
 * reject one (`http://localhost:11434/*` is invalid there), and a pattern
 * without a port matches every port in Chrome and Firefox alike.
 */
export function originPattern(endpoint: string): string | null {
  const u = webUrl(endpoint);
  return u ? `${u.protocol}//${u.hostname}/*` : null;
}
