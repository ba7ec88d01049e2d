/** What a failed job says to the console: the server's own words, never the API key. */

/** Removes the key from a text before it reaches the console (a server may echo it). */
export function redact(said: string, key: string | undefined): string {
  return key && key.length >= 4 ? said.split(key).join('***') : said;
}
