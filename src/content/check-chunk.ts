/**
 * content-check.js: the full schema checks of what the background sends the page, for the article code (./index)
 * to import on first use: when the panel first draws a card (isCardState), and when a model card is written (the
 * model port's events). A page that shows only the pill never evaluates valibot or the card's schemas (issue 13).
 */
export { isCardState } from '../core/validate';
export { parsePortEvent } from '../protocol';
