/**
 * Where the card comes from and who made it: the Spiceworks source line
 * (author, date, link opening in a new tab), the engine, and the result of
 * the Nynorsk check.
 */
import type { Card } from '../core/types';
import { numberNn } from '../core/nn-grammar';
import { describeEngine, formatDateNn } from './format';
import { fill } from '../core/template';
import { text } from '../strings/text';

export function SourceLine({ card }: { card: Card }) {
  const { source } = card;
  const date = source.published ? formatDateNn(source.published) : undefined;
  return (
    <footer class="nk-meta">
      <p class="nk-meta__source">
        <span class="nk-meta__label">{text.sourceLabel}: </span>
        {source.site}
        {source.author && <>, {fill(text.sourceAuthor, { author: source.author })}</>}
        {date && (
          <>
            , <time dateTime={source.published}>{date}</time>
          </>
        )}
        .{' '}
        <a class="nk-meta__link" href={source.url} target="_blank" rel="noopener noreferrer">
          {text.sourceLink}
          <span class="nk-visually-hidden"> {text.newTab}</span>
          <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" class="nk-meta__ext">
            <path d="M6 3H3v10h10v-3M9 3h4v4M13 3L7 9" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" />
          </svg>
        </a>
      </p>
      <p class="nk-meta__engine" data-testid="engine">
        <span class="nk-meta__label">{text.engineLabel}: </span>
        {describeEngine(card.engine)}
      </p>
      <LanguageBadge forms={card.language.bokmalForms} suggestions={card.language.suggestions} />
    </footer>
  );
}

/**
 * Quiet check mark when the Nynorsk check found nothing; otherwise how many
 * possible Bokmål forms it found and which, each with its Nynorsk suggestion
 * where the checker has one. The same words are marked in the text above.
 */
export function LanguageBadge({ forms, suggestions = {} }: { forms: readonly string[]; suggestions?: Readonly<Record<string, string>> }) {
  if (forms.length === 0) {
    return (
      <p class="nk-lang nk-lang--ok" data-testid="language" data-flagged="0">
        <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" class="nk-lang__icon">
          <path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
        {text.languageOk}
      </p>
    );
  }
  const count = forms.length === 1 ? text.languageFlaggedOne : fill(text.languageFlaggedMany, { n: numberNn(forms.length, 'f') });
  return (
    <div class="nk-lang nk-lang--flagged" data-testid="language" data-flagged={String(forms.length)}>
      <p class="nk-lang__count">{count}</p>
      <ul class="nk-lang__forms" aria-label={text.languageFlagged}>
        {forms.map((f) => {
          const suggestion = suggestions[f] ?? suggestions[f.toLowerCase()];
          return (
            <li key={f}>
              <mark>{f}</mark>
              {suggestion && (
                <>
                  <span class="nk-visually-hidden">, {text.languageSuggestion} </span>
                  <span class="nk-lang__arrow" aria-hidden="true">
                    {' → '}
                  </span>
                  <span class="nk-lang__suggestion">{suggestion}</span>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
