/**
 * Small valibot parts the boundary schemas share (storage records, the
 * engine port's messages): what the hand-written guards they replace did by
 * hand, said once.
 */
import * as v from 'valibot';

/** A plain object, not an array (valibot's object and record schemas let arrays through). */
export const plainObject = v.custom<object>((x) => !!x && typeof x === 'object' && !Array.isArray(x), 'not an object');

/** A string of at most `max` characters, trimmed. */
export const trimmed = (max: number) => v.pipe(v.string(), v.maxLength(max), v.trim());

/**
 * The object without its keys that hold undefined: an optional field that
 * is absent, explicitly undefined or (through `v.fallback(..., undefined)`)
 * broken leaves no key behind, so what is written back holds only real values.
 */
export const withoutUndefined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as T;

/**
 * An array of the items that pass `item`, in order: one broken item costs
 * itself, not the list. Anything that is not an array does not pass.
 */
export const validItems = <S extends v.GenericSchema>(item: S) =>
  v.pipe(
    v.array(v.unknown()),
    v.transform((list) =>
      list.flatMap((x) => {
        const r = v.safeParse(item, x, { abortEarly: true });
        return r.success ? [r.output] : [];
      }),
    ),
  );

/** A parse function: the schema's output, or null when the value does not pass. */
export const parser =
  <S extends v.GenericSchema>(schema: S) =>
  (value: unknown): v.InferOutput<S> | null => {
    // Only whether it passes matters here: the first issue is enough.
    const r = v.safeParse(schema, value, { abortEarly: true });
    return r.success ? r.output : null;
  };
