/**
 * The pattern tables of known-names.ts (standards, symbol-named languages), read through findEntities, the function
 * that uses them. Our own sentences, written like the networking and security pieces of an IT news site.
 */
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../../src/core/digest/index';

const standards = (paragraphs: string[]) => (findEntities(paragraphs).standards ?? []).map((x) => x.name);

describe('IEEE 802 standards', () => {
  it('finds a working-group standard in mid-sentence, letters and two-digit numbers whole', () => {
    expect(standards(['Switches that support 802.3bt deliver up to 90 W per port to the new cameras.'])).toEqual(['802.3bt']);
    expect(standards(['The old controller only spoke 802.11ac, so the campus waited for 802.11ax hardware.'])).toEqual(['802.11ac', '802.11ax']);
    expect(standards(['The plain 802.3 standard still describes most office cabling.'])).toEqual(['802.3']);
    // The 802.1 standards are written with one capital: port access control and VLAN tagging.
    expect(standards(['Every port uses 802.1X authentication, and the uplinks carry 802.1Q tags.'])).toEqual(['802.1X', '802.1Q']);
    expect(standards(['The spare part 802.1XY is on back order.'])).toEqual([]);
  });

  it('a price or a longer number that holds "802.11" is no standard', () => {
    expect(standards(['The support contract costs $1,802.11 a year, billed in advance.'])).toEqual([]);
    expect(standards(['Ticket 4802.11 was closed after the printer came back online.'])).toEqual([]);
    expect(standards(['Firmware 2.802.11 fixed the reboot loop on the branch routers.'])).toEqual([]);
    expect(standards(['The old paging network still transmits on 802.375 MHz.'])).toEqual([]);
  });
});

describe('mobile network generations', () => {
  it('finds 5G and a 4G fallback in a sentence', () => {
    expect(standards(['Field laptops use 5G in town and a 4G fallback in the valleys.'])).toEqual(['5G', '4G']);
    expect(standards(['Most of the county still only has 3G coverage, and vendors already talk about 6G.'])).toEqual(['3G', '6G']);
  });

  it('a frequency, a version number or a model code ending in G is no generation', () => {
    expect(standards(['The access points move older laptops to the 5GHz band.'])).toEqual([]);
    expect(standards(['The vendor shipped version 10.5G of the firmware last week.'])).toEqual([]);
    expect(standards(['The new switch has eight 2.5G copper ports for the access points.'])).toEqual([]);
    expect(standards(['Order spare antenna AX-4G before the old one fails.'])).toEqual([]);
    expect(standards(['The lab rack holds 16G of spare memory modules.'])).toEqual([]);
  });
});

describe('OAuth', () => {
  it('names the version when the text gives one, with or without a space', () => {
    expect(standards(['The portal signs staff in with OAuth 2.0 and hands each app a short-lived token.'])).toEqual(['OAuth 2.0']);
    expect(standards(['The legacy mail client still asks for OAuth2.0 consent on every start.'])).toEqual(['OAuth 2.0']);
    expect(standards(['Older apps keep long-lived OAuth tokens on the phone.'])).toEqual(['OAuth']);
  });

  it('"OAuth2" is OAuth 2.0, spelled the usual way on the card', () => {
    expect(standards(['The help desk app now signs in with OAuth2 instead of a stored password.'])).toEqual(['OAuth 2.0']);
    expect(standards(['Google will drop basic authentication for apps that do not support OAuth 2 by September.'])).toEqual(['OAuth 2.0']);
    expect(standards(['The draft OAuth 2.1 spec folds PKCE into the core flow.'])).toEqual(['OAuth 2.1']);
    // A version OAuth never had is not read as 2.0.
    expect(standards(['The vendor says its OAuth 2.5 layer is coming soon.'])).toEqual(['OAuth']);
    expect(standards(['A token store called OAuth2Proxy sits in front of the dashboard.'])).toEqual([]);
  });
});
