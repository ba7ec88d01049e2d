import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Recognise from '../../src/core/recognise';

// Imported afresh in each test: the content types and roots are tables built when the module loads, and the mutation
// run credits a test only with the code that runs while the test runs.
let recognisePage: typeof Recognise.recognisePage;
beforeEach(async () => {
  vi.resetModules();
  ({ recognisePage } = await import('../../src/core/recognise'));
});

const W = 'https://www.spiceworks.com';
const C = 'https://community.spiceworks.com';

describe('recognisePage: articles on www.spiceworks.com', () => {
  it.each([
    [`${W}/tech/artificial-intelligence/news/meta-struggles-to-maintain-ai-workforce-following-high-level-exits/`, 'artificial-intelligence', 'news'],
    [`${W}/tech/devops/articles/what-is-json/`, 'devops', 'articles'],
    [`${W}/tech/networking/articles/what-is-network-switch`, 'networking', 'articles'],
    [`${W}/tech/cloud/guest-article/why-cloud-bills-surprise-finance-teams/`, 'cloud', 'guest-article'],
    [`${W}/tech/it-careers-skills/interviews/a-cio-on-hiring-for-curiosity/`, 'it-careers-skills', 'interviews'],
    [`${W}/it-security/vulnerability-management/news/ivanti-connect-secure-zero-days-exploited/`, 'vulnerability-management', 'news'],
    [`${W}/it-security/identity-access-management/articles/what-is-sso/?utm_source=x#_002`, 'identity-access-management', 'articles'],
    ['https://spiceworks.com/tech/big-data/news/some-story/', 'big-data', 'news'],
  ])('%s is an article', (url, section, contentType) => {
    const p = recognisePage(url);
    expect(p.kind).toBe('article');
    if (p.kind === 'article') {
      expect(p.section).toBe(section);
      expect(p.contentType).toBe(contentType);
      expect(p.slug.length).toBeGreaterThan(0);
    }
  });
});

describe('recognisePage: community threads', () => {
  it.each([
    [`${C}/t/windows-11-24h2-update-breaks-shared-printers/1073412`, '1073412'],
    [`${C}/t/windows-11-24h2-update-breaks-shared-printers/1073412/7`, '1073412'],
    [`${C}/t/nightly-backup-job-fails/1082233/3?u=someone`, '1082233'],
    [`${C}/topic/2126673-spark-intel-tells-remote-keyboard-users-to-delete`, '2126673'],
    // Old links were not always lower case.
    [`${C}/topic/2126673-Spark-Intel-Tells-Remote-Keyboard-Users`, '2126673'],
  ])('%s is a thread', (url, id) => {
    const p = recognisePage(url);
    expect(p.kind).toBe('thread');
    if (p.kind === 'thread') expect(p.id).toBe(id);
  });
});

describe('recognisePage: what it says of a page', () => {
  it('gives the site, section, type and slug of an article, and the slug and id of a thread, old URLs included', () => {
    expect(recognisePage(`http://www.spiceworks.com/tech/Cloud/news/some-story/`)).toEqual({ kind: 'article', site: 'www', section: 'cloud', contentType: 'news', slug: 'some-story' });
    expect(recognisePage(`${C}/t/nightly-backup-job-fails/1082233/3`)).toEqual({ kind: 'thread', site: 'community', slug: 'nightly-backup-job-fails', id: '1082233' });
    expect(recognisePage(`${C}/topic/2126673-spark-intel-tells`)).toEqual({ kind: 'thread', site: 'community', slug: 'spark-intel-tells', id: '2126673' });
  });
});

describe('recognisePage: everything else is none', () => {
  it.each([
    `${W}/`,
    `${W}/tech/`,
    `${W}/tech/cloud/`,
    `${W}/tech/cloud/news/`,
    `${W}/tech/cloud/news/page/2/`,
    `${W}/tech/cloud/articles/page/3/`,
    `${W}/tech/cloud/news/page/`,
    `${W}/it-security/network-security/articles/page`,
    `${W}/it-security/`,
    `${W}/it-security/network-security/`,
    `${W}/it-security/network-security/news/`,
    `${W}/user/about/maren-holt/`,
    `${W}/editorial-standards/`,
    `${W}/about/`,
    `${W}/privacy-policy/`,
    `${W}/tech/cloud/blogs/some-post/`,
    `${W}/hr/articles/some-post/`,
    `${W}/tech/cloud/news/some-story/amp/`,
    `${C}/`,
    `${C}/latest`,
    `${C}/top`,
    `${C}/c/windows/7`,
    `${C}/tags/printers`,
    `${C}/help/Spiceworks_Community_Guidelines`,
    `${C}/t/not-a-number/abc`,
    `${C}/t/windows-11-24h2-update-breaks-shared-printers/1073412/last`,
    `${C}/t/windows-11-24h2-update-breaks-shared-printers/1073412/7a`,
    `${C}/u/fjordadmin`,
    `${C}/topic/spark-intel-tells`,
    `${C}/topic/2126673-spark-intel-tells/extra`,
    `${C}/topic/2126673-spark_intel!`,
    `${C}/topic/x2126673-spark-intel`,
    `${C}/topics/2126673-spark-intel`,
    // A legacy link cut off after the id, or with a slug that starts with a hyphen.
    `${C}/topic/2126673-`,
    `${C}/topic/2126673--spark-intel`,
    // A thread slug must be a slug, and the id digits only.
    `${C}/t/printer_offline!/1073412`,
    `${C}/t/-printer-offline/1073412`,
    `${C}/t/printer-offline/v1073412`,
    // Article-shaped paths outside the article folders.
    `${W}/research/cloud/news/some-story/`,
    `${W}/tech/cloud/news/-some-story/`,
    `${W}/topic/2126673-spark-intel-tells`,
    `${C}/t/some-thread/1073412/7/8`,
    `${C}/x/some-thread/1073412`,
    `${W}/tech/cloud_stuff/news/some-story/`,
    `${W}/tech/cloud/news/some_story!/`,
    'https://evil.example/t/some-thread/1073412',
    'ftp://www.spiceworks.com/tech/cloud/news/some-story/',
    'ftp://community.spiceworks.com/t/some-thread/1073412',
    'https://www.theregister.com/2013/11/14/spiceworks_company_analysis_part_2/',
    'https://evil.example/tech/cloud/news/some-story/',
    'https://www.spiceworks.com.evil.example/tech/cloud/news/some-story/',
    'not a url',
    'file:///tech/cloud/news/x/',
    '',
  ])('%s is none', (url) => {
    expect(recognisePage(url)).toEqual({ kind: 'none' });
  });
});
