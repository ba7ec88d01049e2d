/**
 * Small formatting helpers for the card: dates and lists the Nynorsk way,
 * without relying on the browser's Intl data (which may lack `nn`).
 */
import { fmt, text } from './text';

const MONTHS_NN = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
] as const;

/**
 * Formats an ISO date or timestamp as "3. april 2024". The calendar date is
 * read from the string itself (no time-zone shift). Returns undefined for
 * anything that is not a valid date, so callers can leave the date out.
 */
export function formatDateNn(iso: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return undefined;
  }
  return `${day}. ${MONTHS_NN[month - 1]} ${year}`;
}

/** Joins items as "1, 2 og 3". */
export function joinListNn(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${text.and} ${items[items.length - 1]}`;
}

/** The user-facing name of the engine that made a card. */
export function describeEngine(engine: { kind: 'library' | 'model' | 'digest'; model?: string }): string {
  switch (engine.kind) {
    case 'library':
      return text.engineLibrary;
    case 'digest':
      return text.engineDigest;
    case 'model':
      return engine.model ? fmt(text.engineModel, { model: engine.model }) : text.engineModelUnnamed;
  }
}
