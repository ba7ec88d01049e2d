/** The digest's shipped Nynorsk: every template and every Nynorsk term passes the checker. */
import { describe, expect, it } from 'vitest';
import { allTemplateStrings, TERMS } from '../../../src/core/digest/index';
import { TEMPLATES } from '../../../src/core/digest/templates';
import { loadNodeChecker } from '../../../src/core/nynorsk/node';

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

  it('every kind has a line and a sentence, both naming the topic', () => {
    for (const [kind, t] of Object.entries(TEMPLATES.kind)) {
      expect(t.line, kind).toContain('{topic}');
      expect(t.sentence, kind).toMatch(/^Dette er .*\{topic\}\.$/);
    }
  });

  it('the notice says there is no language model and where to choose one', () => {
    expect(TEMPLATES.notice).toMatch(/utan språkmodell/);
    expect(TEMPLATES.notice).toMatch(/innstillingane/);
  });
});
