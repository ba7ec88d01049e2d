/** Nynorsk formatting of dates and counts, shared by cards, UI and CLI. */

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

/** "2024-04-03" or a full ISO timestamp → "3. april 2024"; undefined for anything unreadable. */
export function formatDateNn(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim());
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const month = MONTHS[Number(mo) - 1];
  const day = Number(d);
  if (!month || day < 1 || day > 31) return undefined;
  return `${day}. ${month} ${y}`;
}

export { listNn } from './nn-grammar';
