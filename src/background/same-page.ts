/**
 * Whether a tab still shows the page an answer was made for. A late answer
 * (slow resolve, a page the user has left) must not overwrite the state of
 * the page that is there now. Hash changes are the same page.
 */
export function samePage(tabUrl: string | undefined, pageUrl: string): boolean {
  // Without a URL (no host access to it) the tab is not on Spiceworks any more.
  if (!tabUrl) return false;
  const strip = (u: string) => u.split('#')[0];
  return strip(tabUrl) === strip(pageUrl);
}
