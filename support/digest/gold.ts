/**
 * Known values, verified by reading each text: the names of people,
 * organisations, products, programming languages and technical standards it
 * mentions (named-entity gold for precision and recall), and for the shared
 * texts the title the card must carry. Names only, never the texts
 * themselves (those stay in /work/shared).
 *
 * An entry "A|B" is one thing the text names two ways ("Amazon Web
 * Services|AWS"): found under either name it counts once, listed under both
 * the second is wrong. Versions are separate entries ("Python", "Python 3.11"),
 * as they are for products.
 */

export type GoldNames = { people: string[]; organisations: string[]; products: string[]; languages?: string[]; standards?: string[] };

/** Repo page fixtures (tests/fixtures/pages/<name>), our own texts. */
export const FIXTURE_GOLD: Record<string, GoldNames> = {
  'community-backup-vss-crawler': { people: [], organisations: [], products: ['SQL Server'] },
  'community-print-spooler': { people: [], organisations: [], products: ['Windows 11', 'Windows Server', 'Windows Server 2019', 'Group Policy'] },
  'help-desk-to-cloud-engineer': { people: ['Ingrid Solberg'], organisations: ['Northwind Systems'], products: ['PowerShell'], languages: ['Python'] },
  'ivanti-zero-days': { people: [], organisations: ['Ivanti'], products: ['Ivanti Connect Secure', 'Connect Secure', 'Policy Secure'] },
  'meta-ai-workforce': {
    people: ['Mark Zuckerberg', 'Devi Parikh', 'Abhishek Das', 'Erik Meijer'],
    organisations: ['Meta', 'Anthropic', 'Cohere', 'OpenAI'],
    products: [],
  },
  'meta-llama-government': { people: [], organisations: ['Meta', 'OpenAI', 'Google'], products: ['Llama'] },
  'what-is-cloud-repatriation': { people: [], organisations: [], products: ['AWS', 'Azure', 'Google Cloud'] },
  'wifi-7-tech-general': { people: [], organisations: ['Wi-Fi Alliance', 'IEEE'], products: [], standards: ['Wi-Fi 7|802.11be'] },
  // Held out: fixtures added by another helper after the rules were written; annotated by reading before any rule change.
  'broadcom-vmware-licensing-strategy': { people: [], organisations: ['Broadcom', 'VMware'], products: [] },
  'liquid-cooling-data-center': { people: [], organisations: [], products: [] },
  'passkeys-rollout-interview': { people: [], organisations: [], products: [] },
  'platform-engineering-devops-news': { people: [], organisations: [], products: [] },
  'what-is-a-data-lakehouse': { people: [], organisations: [], products: ['Parquet'], languages: ['SQL'] },
  'windows-10-end-of-support-general': { people: [], organisations: ['Microsoft'], products: ['Windows 10', 'Windows 11', 'Extended Security Updates'] },
  // The review set: pages written on the editor's findings (page.json "reviewSet"), annotated by reading them.
  // The rules were written for the fault classes before these pages were read, but not blind to them.
  'review-change-healthcare-ransomware': {
    people: ['Andrew Witty'],
    organisations: ['Change Healthcare', 'UnitedHealth Group|UnitedHealth', 'Senate', 'ALPHV|BlackCat'],
    products: [],
  },
  'review-cloud-outages-aws-azure': {
    people: [],
    organisations: ['Microsoft'],
    products: ['Amazon Web Services|AWS', 'Microsoft Azure|Azure', 'Azure Front Door|Front Door', 'Microsoft 365', 'DynamoDB', 'Outlook', 'Xbox'],
    standards: ['DNS'],
  },
  'review-copilot-rollout-lessons': {
    people: ['Callum Reid'],
    organisations: ['Microsoft'],
    products: ['Microsoft Copilot|Copilot', 'SharePoint', 'Microsoft Purview', 'Teams', 'Outlook'],
  },
  'review-memory-safe-languages-guest': {
    people: ['Priyanka Rao'],
    organisations: ['Fernhill Software', 'Microsoft', 'Google', 'Cybersecurity and Infrastructure Security Agency', 'National Security Agency'],
    products: ['Android'],
    languages: ['C', 'C++', 'Rust', 'Go', 'Java', 'Python', 'JavaScript'],
  },
  'review-nanog-ipv6-default': {
    people: [],
    organisations: ['North American Network Operators Group|NANOG', 'American Registry for Internet Numbers', 'Google'],
    products: [],
    standards: ['IPv6', 'IPv4'],
  },
  'review-robert-half-salary-guide': { people: ['Dana Okafor'], organisations: ['Robert Half'], products: [], languages: ['Python', 'JavaScript', 'SQL', 'Rust'] },
  'review-thread-ransomware-backups-crawler': { people: [], organisations: ['Veeam', 'Wasabi'], products: ['Backblaze B2'] },
  'review-thread-tls13-build-agents': {
    people: [],
    organisations: ['Microsoft'],
    products: ['Jenkins', 'PowerShell', 'Windows Server 2016', 'Windows Server 2022', 'Ubuntu 22.04', 'OpenSSL', 'OpenSSL 1.1.1', 'Windows'],
    languages: ['Python', 'Python 3.6', 'Python 3.11', 'JavaScript'],
    standards: ['TLS 1.3', 'TLS 1.2', 'TLS', 'SSL'],
  },
  'review-thread-wifi7-access-points': { people: [], organisations: ['Aruba'], products: [], standards: ['Wi-Fi 5', 'Wi-Fi 7', 'Wi-Fi 6E', 'PoE+', '802.3bt', 'WPA3'] },
  'review-update-compliance-retired': {
    people: ['Farah Iqbal'],
    organisations: ['Microsoft'],
    products: [
      'Update Compliance',
      'Windows Update for Business',
      'Windows',
      'Azure',
      'Log Analytics',
      'Microsoft Entra ID',
      'Intune',
      'Windows Server Update Services',
      'Windows Defender Firewall',
      'Group Policy',
    ],
  },
};

/** The fixtures of FIXTURE_GOLD that the rules were not tuned on. */
export const HELD_OUT = new Set([
  'broadcom-vmware-licensing-strategy',
  'liquid-cooling-data-center',
  'passkeys-rollout-interview',
  'platform-engineering-devops-news',
  'what-is-a-data-lakehouse',
  'windows-10-end-of-support-general',
]);

/** The review set: fixtures written on the editor's findings (their page.json has "reviewSet": true). */
export const REVIEW_SET = new Set(Object.keys(FIXTURE_GOLD).filter((n) => n.startsWith('review-')));

/** Shared third-party texts (/work/shared/fixtures/texts/<id>.json). */
export const SHARED_GOLD: Record<string, GoldNames> = {
  'ai-it-pros-anti-hype': { people: ['Lisa Su', 'Alawford', 'Marcel6452'], organisations: ['Spiceworks', 'AMD', 'Dell'], products: ['Spiceworks Community'] },
  'business-register-spiceworks-world-domination': {
    people: ['Scott Abel'],
    organisations: ['Spiceworks', 'Adams Street Partners', 'Tenaya Capital', 'Institutional Venture Partners|IVP', 'Shasta Ventures', 'Austin Ventures'],
    products: [],
  },
  'careers-whats-going-on-tech-layoffs': { people: [], organisations: ['Gartner', 'BLS', 'Layoffs.fyi', 'Twit.tv'], products: [] },
  'cloud-idc-seven-steps-cloud-sprawl': { people: [], organisations: [], products: [] },
  'community-digest-ai-hype-train': {
    people: ['J-Nonya', 'Duckworth', 'Ed Rubin', 'C-T', 'Jimeagle'],
    organisations: ['Spiceworks'],
    products: ['Microsoft Copilot', 'Spiceworks Community', 'Segway'],
  },
  'data-sqlskills-transaction-log-full': { people: [], organisations: [], products: ['SQL Server', 'SQL Server 2008', 'Change Data Capture'] },
  'devops-what-is-dynamic-programming': { people: ['Richard Bellman'], organisations: [], products: ['Wordle'], languages: ['Python'] },
  'devops-what-is-gitops': { people: [], organisations: [], products: ['Kubernetes'] },
  'devops-what-is-json': {
    people: ['Douglas Crockford', 'Robert Anderson', 'Praise Johnson'],
    organisations: ['IBM', 'Google', 'Amazon', 'Atari'],
    // Amazon Web Services is "a cloud computing service" here: a product, one thing under three names.
    products: ['Amazon Web Services|AWS|Amazon AWS', 'BigQuery|Google Big Query', 'Amazon Redshift', 'IBM Cloudant'],
    // "similar to the C programming language"; Java in "Java applets".
    languages: ['JavaScript', 'Java', 'C'],
  },
  'hardware-intel-mega-datacenters-chips': {
    people: ['Mark Fontecchio', 'Jason Waxman'],
    organisations: ['Intel', 'Microsoft', 'Google', 'Amazon', 'AT&T', 'Verizon', 'The Register'],
    products: [],
  },
  'hardware-spark-intel-nvidia-32bit': {
    people: ['Alan Shepard', 'Scott Carpenter', 'Gordon Cooper', 'John Glenn', 'Gus Grissom', 'Wally Schirra', 'Donald Slayton'],
    organisations: ['NASA', 'Intel', 'Nvidia', 'Apple', 'Microsoft', 'Threat Post', 'Engadget', 'The Verge'],
    products: ['GeForce', 'iPhone 8', 'iPhone 8 Plus', 'Microsoft Office 365'],
  },
  'networking-sd-wan-waxes-mpls-wanes': { people: ['Greg Bryan', 'Elizabeth Thorne'], organisations: ['TeleGeography'], products: [] },
  'networking-what-is-network-switch': { people: [], organisations: ['Cisco', 'IDC'], products: ['Cisco Nexus'], standards: ['PoE'] },
  'nonarticle-editorial-standards': { people: [], organisations: ['Spiceworks'], products: [] },
  'nonarticle-slashdot-about': { people: [], organisations: ['Slashdot Media', 'Slashdot'], products: [] },
  'os-software-treehouse-windows-11': { people: [], organisations: ['Microsoft'], products: ['Windows 11', 'Windows 10', 'Windows', 'Microsoft Teams', 'Android'] },
  'security-holiday-ransomware-storm': { people: ['Claude Mandy'], organisations: ['Symmetry Systems', 'Bureau of Transportation Statistics'], products: [] },
  'security-spectre-meltdown-by-numbers': { people: [], organisations: ['Spiceworks'], products: ['Windows'] },
};

/** Names the card must find (a subset of the gold, the ones a reader would miss most). */
export const MUST_FIND: Record<string, string[]> = {
  'meta-ai-workforce': ['Mark Zuckerberg', 'Devi Parikh', 'Abhishek Das', 'Erik Meijer', 'Meta', 'Anthropic', 'Cohere', 'OpenAI'],
  'help-desk-to-cloud-engineer': ['Ingrid Solberg', 'Northwind Systems'],
  'meta-llama-government': ['Meta', 'Llama', 'OpenAI', 'Google'],
  'what-is-cloud-repatriation': ['AWS', 'Azure', 'Google Cloud'],
  'hardware-intel-mega-datacenters-chips': ['Mark Fontecchio', 'Jason Waxman', 'Intel', 'Google'],
  'networking-sd-wan-waxes-mpls-wanes': ['Greg Bryan', 'Elizabeth Thorne', 'TeleGeography'],
  'security-holiday-ransomware-storm': ['Claude Mandy', 'Symmetry Systems'],
  'os-software-treehouse-windows-11': ['Microsoft', 'Windows 11'],
  'business-register-spiceworks-world-domination': ['Scott Abel', 'Spiceworks'],
};
