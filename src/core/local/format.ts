/**
 * Nynorsk formatting of sizes, durations and download progress for the
 * on-device model (options page, errors). Sizes are decimal (1 MB = 1 000 000
 * byte), like the Hugging Face Hub shows them ("808 MB", "2,02 GB" there,
 * "2,0 GB" here), with a decimal comma.
 */

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const;

/** Numbers under ten as words, for neuter nouns ("eitt minutt", "eitt døgn"). */
const NEUTER = ['null', 'eitt', 'to', 'tre', 'fire', 'fem', 'seks', 'sju', 'åtte', 'ni'];
/** The same for masculine nouns ("ein time"). */
const MASCULINE = ['null', 'ein', 'to', 'tre', 'fire', 'fem', 'seks', 'sju', 'åtte', 'ni'];

function decimalComma(n: number, decimals: number): string {
  return n.toFixed(decimals).replace('.', ',');
}

/**
 * 808_000_000 → "808 MB", 1_900_000_000 → "1,9 GB", 4_500_000 → "4,5 MB", 512 → "512 B".
 * Under 10 of a unit one decimal ("4,5 MB"); GB always one decimal under 100 ("2,0 GB"), else whole numbers.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '0 B';
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  let unit = 0;
  let value = bytes;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const decimals = value < 10 || (UNITS[unit] === 'GB' && value < 100) ? 1 : 0;
  // 999.96 MB rounds to "1000 MB": move up a unit instead.
  if (Number(value.toFixed(decimals)) >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
    return `${decimalComma(value, 1)} ${UNITS[unit]}`;
  }
  return `${decimalComma(value, decimals)} ${UNITS[unit]}`;
}

function count(n: number, words: readonly string[], singular: string, plural: string): string {
  const num = words[n] ?? String(n); // words has the numbers under ten
  return `${num} ${n === 1 ? singular : plural}`;
}

/** "eitt minutt", "to minutt", "12 minutt" ("minutt" is the same in the plural). */
function minutes(n: number): string {
  return count(n, NEUTER, 'minutt', 'minutt');
}

/** "ein time", "to timar". */
function hours(n: number): string {
  return count(n, MASCULINE, 'time', 'timar');
}

/**
 * Time left in words: "under eitt minutt", "om lag tre minutt", "om lag 12 minutt",
 * "om lag ein time og fem minutt", "om lag 14 timar", "meir enn eitt døgn".
 * Over an hour the minutes are rounded to five; from ten hours only hours are given.
 * Undefined for an unknown, negative or infinite time.
 */
export function formatDuration(seconds: number | undefined): string | undefined {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return undefined;
  if (seconds < 60) return 'under eitt minutt';
  const totalMinutes = Math.round(seconds / 60);
  if (totalMinutes < 60) return `om lag ${minutes(totalMinutes)}`;
  if (seconds >= 24 * 3600) return 'meir enn eitt døgn';
  if (totalMinutes >= 10 * 60) return `om lag ${hours(Math.round(totalMinutes / 60))}`;
  const rounded = Math.round(totalMinutes / 5) * 5;
  const h = Math.floor(rounded / 60);
  const m = rounded % 60;
  return m === 0 ? `om lag ${hours(h)}` : `om lag ${hours(h)} og ${minutes(m)}`;
}

/** "39 %" (Norwegian style: a space before the sign); floored, so 100 % only when done. */
export function formatPercent(part: number, whole: number): string {
  if (!(whole > 0)) return '0 %';
  return `${Math.min(100, Math.floor((part / whole) * 100))} %`;
}

/** What the progress bar's label needs; the shape of the download's progress events. */
export type ProgressLike = {
  received: number;
  total?: number;
  bytesPerSecond?: number;
  secondsLeft?: number;
  phase: 'downloading' | 'verifying';
};

/**
 * The progress line under the bar:
 * "312 MB av 808 MB (38 %), 2,4 MB/s, om lag tre minutt att" while downloading,
 * "Kontrollerer fila: 45 %" while the checksum is computed.
 */
export function formatProgress(p: ProgressLike): string {
  if (p.phase === 'verifying') {
    return p.total ? `Kontrollerer fila: ${formatPercent(p.received, p.total)}` : 'Kontrollerer fila';
  }
  const parts = [p.total ? `${formatBytes(p.received)} av ${formatBytes(p.total)} (${formatPercent(p.received, p.total)})` : formatBytes(p.received)];
  if (p.bytesPerSecond !== undefined && p.bytesPerSecond > 0) parts.push(`${formatBytes(p.bytesPerSecond)}/s`);
  const left = formatDuration(p.secondsLeft);
  if (left) parts.push(`${left} att`);
  return parts.join(', ');
}
