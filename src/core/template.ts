/** Fills {name} placeholders; a missing value is a programming error, so it throws rather than print "undefined". */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = vars[name];
    if (v === undefined) throw new Error(`template value missing: ${name}`);
    return String(v);
  });
}
