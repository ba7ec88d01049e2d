/** The digest's shipped Nynorsk: every template and every Nynorsk term passes the checker. */
import { describe, expect, it } from 'vitest';
import { allTemplateStrings, TERMS } from '../../../src/core/digest/index';
import { TEMPLATES } from '../../../src/core/digest/templates';
import { loadNodeChecker } from '../../../src/node/nynorsk';

const checker = loadNodeChecker();
const flaggedIn = (texts: string[]) => texts.flatMap((t) => checker.check(t).flagged.map((f) => `${f.form} in «${t}»`));

describe('digest templates and terminology', () => {
  it('every template string is Nynorsk (no Bokmål forms)', () => {
    const strings = allTemplateStrings();
    expect(strings.length).toBeGreaterThan(50);
    expect(flaggedIn(strings)).toEqual([]);
  });

  it('every Nynorsk term is Nynorsk', () => {
    expect(flaggedIn(TERMS.map((t) => t.nn))).toEqual([]);
  });

  it('the checker would catch Bokmål in a template (the test can fail)', () => {
    expect(flaggedIn(['Dette er ikke en artikkel om sikkerhet.']).length).toBeGreaterThan(0);
  });

  it('every kind has a noun with its gender, and the definite form agrees with it', () => {
    for (const [kind, t] of Object.entries(TEMPLATES.kind)) {
      expect(['m', 'f', 'n'], kind).toContain(t.gender);
      const article = { m: 'ein ', f: 'ei ', n: 'eit ' }[t.gender as 'm' | 'f' | 'n'];
      expect(t.intro.startsWith(article), `${kind}: ${t.intro}`).toBe(true);
      const ending = { m: /en$/, f: /a$/, n: /et$/ }[t.gender as 'm' | 'f' | 'n'];
      expect(t.the, kind).toMatch(ending);
    }
  });

  it('no template writes a digit for a count: counts come through the grammar code', () => {
    expect(allTemplateStrings().filter((s) => /(?<![{\w])\d(?![\w}])/.test(s))).toEqual([]);
  });

  it('the notice says there is no language model and where to choose one', () => {
    expect(TEMPLATES.notice).toMatch(/utan språkmodell/);
    expect(TEMPLATES.notice).toMatch(/innstillingane/);
  });
});
