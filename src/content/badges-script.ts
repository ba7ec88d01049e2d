/**
 * The badges script (content-badges.js): registered by the background only
 * while the reader has cards (see ./badges-api). Evaluating it only leaves
 * the badging function for the gate; the gate calls it on pages without an
 * article.
 */
import { registerBadges } from './badges-api';
import { benchInit } from './bench-hook';
import { badgeListingPage } from './listing-badges';

benchInit('initBadges');
registerBadges(badgeListingPage);
