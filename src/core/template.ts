/**
 * The one template filler: {name} placeholders, for the UI strings
 * (src/strings) and the card templates alike.
 */

/** The placeholder names of a literal template, so that a missing value is a type error where the template is known. */
export type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** Fills {name} placeholders; a missing value is a programming error, so it throws rather than print "undefined" or "{name}". */
export function fill<T extends string>(template: T, vars: Record<Placeholders<T>, string | number>): string {
  const values = vars as Record<string, string | number>;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(values, name)) throw new Error(`template value missing: ${name}`);
    return String(values[name]);
  });
}
