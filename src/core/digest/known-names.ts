/**
 * Small gazetteers for named-entity recognition in English IT news: the
 * companies, products, programming languages and technical standards the
 * trade press names most, the names one thing goes by, organisation suffixes,
 * common given names and the capitalised words that are not names. Kept
 * short on purpose: the heuristics in entities.ts carry the rest.
 */

const set = (s: string) => new Set(s.split('|').map((x) => x.trim()).filter(Boolean));

/**
 * Companies named after people: without this list "Robert Half" reads as a
 * person (entities.ts also has context cues for the ones not listed).
 */
export const PERSON_NAMED_COMPANIES = set(
  'Robert Half|Booz Allen Hamilton|Booz Allen|Ernst & Young|Johnson & Johnson|Goldman Sachs|Morgan Stanley|Procter & Gamble|' +
    'Bain|Bain & Company|McKinsey|McKinsey & Company|Dun & Bradstreet|Charles Schwab|Korn Ferry|Marsh McLennan|Merrill Lynch',
);

/** Companies, agencies and other organisations (exact spelling). */
export const ORGANISATIONS = set(
  'Microsoft|Google|Alphabet|Apple|Amazon|Meta|Facebook|IBM|Intel|AMD|Nvidia|NVIDIA|OpenAI|Anthropic|Cohere|' +
    'DeepMind|Google DeepMind|Mistral AI|xAI|Hugging Face|Dell|Dell Technologies|HP|HPE|Hewlett Packard Enterprise|Cisco|Oracle|SAP|' +
    'Salesforce|VMware|Broadcom|Spiceworks|Ziff Davis|Gartner|IDC|Forrester|Samsung|Huawei|Lenovo|Juniper|Juniper Networks|' +
    'Palo Alto Networks|CrowdStrike|Fortinet|Check Point|Kaspersky|Sophos|Symantec|McAfee|Okta|Cloudflare|Akamai|Twitter|LinkedIn|' +
    'Tesla|SpaceX|Netflix|Adobe|Zoom|Atlassian|GitHub|GitLab|Red Hat|Canonical|Mozilla|Qualcomm|TSMC|Micron|Western Digital|' +
    'Seagate|Equinix|Accenture|Deloitte|KPMG|PwC|Capgemini|Infosys|Wipro|Verizon|AT&T|T-Mobile|Comcast|Vodafone|Ericsson|Nokia|' +
    'Telenor|NASA|FBI|CISA|NSA|NIST|Europol|Interpol|European Commission|European Union|EU|Databricks|Snowflake|Splunk|ServiceNow|' +
    'Workday|Dropbox|Uber|Engadget|The Verge|Threat Post|Threatpost|Reuters|Bloomberg|TechTarget|InfoWorld|Automox|IDG|Kyndryl|' +
    'Rackspace|DigitalOcean|Alibaba|Tencent|Baidu|ByteDance|TikTok|Sony|Toshiba|Fujitsu|Hitachi|Siemens|Philips|Xerox|Canon|Epson|' +
    'Logitech|Asus|Acer|Supermicro|Arista|Aruba|Ubiquiti|Netgear|TP-Link|Mandiant|SentinelOne|Trend Micro|ESET|Malwarebytes|Proofpoint|' +
    'Zscaler|Tenable|Rapid7|Qualys|Veeam|Rubrik|Cohesity|NetApp|Pure Storage|Nutanix|Citrix|SolarWinds|ConnectWise|Kaseya|Datto|' +
    'Atera|N-able|Freshworks|Zendesk|HubSpot|Intuit|PayPal|Stripe|Mastercard|Walmart|Boeing|Pentagon|White House|Congress|' +
    'Department of Defense|Department of Justice|Federal Trade Commission|FTC|FCC|SEC|Ponemon Institute|Verizon Business|Slashdot|' +
    'The Register|Wired|CNBC|CNN|BBC|Fortune|Forbes|Axios|Stack Overflow|Wikipedia|MIT|Stanford|Harvard|IEEE|Wi-Fi Alliance|W3C|IETF|ISO|OWASP|MITRE|Linux Foundation|Apache Software Foundation|' +
    'International Business Machines|Cybersecurity and Infrastructure Security Agency|National Institute of Standards and Technology|' +
    [...PERSON_NAMED_COMPANIES].join('|'),
);

/** Products, platforms and services (exact spelling; a version number may follow). */
export const PRODUCTS = set(
  'Windows|Windows Server|Office|Office 365|Microsoft 365|Microsoft Teams|Teams|Azure|AWS|Google Cloud|Gmail|Chrome|Chromebook|' +
    'Android|iOS|macOS|iPhone|iPad|Mac|MacBook|Linux|Ubuntu|Debian|Red Hat Enterprise Linux|ChatGPT|GPT|Copilot|Microsoft Copilot|' +
    'GitHub Copilot|Gemini|Claude|Llama|Bard|Grok|Kubernetes|Docker|Git|Terraform|Ansible|Jenkins|' +
    'SQL Server|MySQL|PostgreSQL|MongoDB|Redis|Excel|Outlook|SharePoint|Exchange|Exchange Online|Active Directory|Entra ID|Slack|' +
    'GeForce|Xeon|Core|Ryzen|Epyc|EPYC|Snapdragon|Alexa|Siri|Watson|vSphere|Hyper-V|Intune|Defender|Microsoft Defender|Bing|' +
    'YouTube|WhatsApp|Instagram|Firefox|Safari|Edge|Jira|Confluence|Salesforce Cloud|Oracle Database|Power BI|Tableau|Snowflake Data Cloud|' +
    'Spiceworks Community|Spiceworks Help Desk|Meta AI|Llama 2|Llama 3|Apple Intelligence|Vision Pro|Pixel|Galaxy|Surface|ThinkPad|' +
    'Xbox|PlayStation|Zoom|Webex|Dropbox|OneDrive|Google Drive|Google Workspace|BigQuery|Vertex AI|Bedrock|SageMaker|EC2|S3|Lambda|' +
    'Stable Diffusion|Midjourney|DALL-E|Sora|Perplexity|Cortana|Remote Keyboard|Group Policy|PowerShell|' +
    'Amazon Web Services|Amazon AWS|Microsoft Azure|Google Cloud Platform|GCP|M365|Azure Active Directory|Azure AD|Microsoft Entra ID|' +
    'OpenSSL|Google BigQuery|Google Big Query|Big Query|Amazon EC2|Amazon S3|AWS Lambda|Microsoft Excel|Microsoft Outlook|Microsoft Word|PowerPoint|Microsoft Office',
);

/**
 * One thing under several names, the first being its long form: a text that
 * uses more than one of them gets one entity, named by the long form when the
 * text uses it, else by the fullest form it uses. Parenthesised abbreviations
 * ("North American Network Operators Group (NANOG)") and a vendor's name
 * before a product ("Microsoft Copilot", "Copilot") are merged by rule in
 * entities.ts, so only names that rules cannot tie together are listed.
 */
export const ALIASES: readonly (readonly string[])[] = [
  ['Amazon Web Services', 'AWS', 'Amazon AWS'],
  ['Microsoft Azure', 'Azure'],
  ['Microsoft Copilot', 'Copilot'],
  ['Google Cloud Platform', 'Google Cloud', 'GCP'],
  ['Microsoft 365', 'M365'],
  ['Microsoft Entra ID', 'Entra ID'],
  ['Azure Active Directory', 'Azure AD'],
  ['Google BigQuery', 'BigQuery', 'Google Big Query', 'Big Query'],
  ['Hewlett Packard Enterprise', 'HPE'],
  ['International Business Machines', 'IBM'],
  ['Federal Trade Commission', 'FTC'],
  ['Cybersecurity and Infrastructure Security Agency', 'CISA'],
  ['National Institute of Standards and Technology', 'NIST'],
  ['Ernst & Young', 'EY'],
  ['Wi-Fi 7', '802.11be'],
  ['Wi-Fi 6', '802.11ax'],
  ['Wi-Fi 5', '802.11ac'],
  ['Wi-Fi 4', '802.11n'],
  ['Golang', 'Go'],
];

/** Programming languages whose names are not ordinary English words (exact spelling; a version number may follow). */
export const LANGUAGES = set(
  'JavaScript|TypeScript|Python|Java|Kotlin|Scala|PHP|Perl|COBOL|Fortran|Haskell|Erlang|Elixir|Clojure|Golang|Lua|Objective-C|' +
    'Visual Basic|VBA|WebAssembly|Solidity|SQL|T-SQL|Groovy|OCaml|Pascal|Delphi|Assembly',
);

/** Languages named by ordinary words or letters ("Go", "Rust", "C"): counted only with a programming cue nearby. */
export const AMBIGUOUS_LANGUAGES = set('Go|Rust|Swift|Ruby|Julia|Dart|R|C|Zig|Elm');

/** Words in a sentence that make an ambiguous language name a language ("written in Go"). */
export const LANGUAGE_CUE = /\b(?:programming|programmers?|languages?|coded|coding|written in|rewritten in|rewrite|rewriting|compilers?|compiled|syntax|librar(?:y|ies)|crates?|codebase|source code|code base|interpreters?|runtime|scripts?|developers?|SDKs?|frameworks?)\b/i;

/**
 * Technical standards and protocols, found by pattern (they hold digits,
 * slashes and dots that capitalised-word rules miss). `name` turns a match
 * into its usual spelling.
 */
export const STANDARDS: readonly { re: RegExp; name?: (m: RegExpExecArray) => string }[] = [
  { re: /\bWi-?Fi\s?([4-7]E?)(?![\p{L}\p{N}])/giu, name: (m) => `Wi-Fi ${(m[1] as string).toUpperCase()}` },
  { re: /(?<![\p{L}\p{N}.,])802\.\d{1,2}(?:[a-z]{1,2}|[A-Z])?(?![\p{L}\p{N}])/gu },
  { re: /(?<![\p{L}\p{N}.,-])[2-6]G(?![\p{L}\p{N}])/gu },
  { re: /\bLTE\b/g },
  { re: /\bIPv[46]\b/g },
  { re: /\bUSB(?:-C|4|\s(?:[1-4]\.\d|Type-C))(?![\p{L}\p{N}])/gu },
  { re: /\bThunderbolt\s?[3-5]\b/g },
  { re: /\bTLS(?:\s?1\.[0-3])?(?![\p{L}\p{N}])/gu },
  { re: /\bSSL(?:\s?[23]\.0)?\b/g },
  { re: /\bDNS\b/g },
  { re: /\bPoE(?:\+\+|\+)?(?![\p{L}\p{N}+])/gu, name: (m) => m[0] },
  { re: /\bHTTP\/[1-3](?:\.[01])?(?![\p{N}])/gu },
  { re: /\bPCIe(?:\s?[1-7]\.0)?(?![\p{L}\p{N}])/gu },
  { re: /\bNVMe\b/g },
  { re: /\b(?:LP)?DDR[3-6]X?\b/g },
  { re: /\bBluetooth(?:\s?(?:[1-6]\.\d|LE)(?![\p{L}\p{N}]))?/gu },
  { re: /\bWPA[23]\b/g },
  { re: /\bFIDO2\b/g },
  { re: /\bWebAuthn\b/g },
  // "OAuth2" and "OAuth 2" mean 2.0; "OAuth 2.5" is no version, so it stays plain "OAuth".
  { re: /\bOAuth(?:\s?2(?:\.([01]))?(?![\p{L}\p{N}]|\.\d))?(?![\p{L}\p{N}])/gu, name: (m) => (m[0] === 'OAuth' ? 'OAuth' : `OAuth 2.${m[1] ?? '0'}`) },
  { re: /\bSAML(?:\s?2\.0)?\b/g },
  { re: /\bIPsec\b/g },
  { re: /\bDNSSEC\b/g },
  { re: /\bHDMI\s?[12]\.\d\b/g },
];

/** Languages whose names end in symbols the word rules cannot read. */
export const SYMBOL_LANGUAGES = /(?<![\p{L}\p{N}])(?:C\+\+|C#|F#)(?![\p{L}\p{N}+#])/gu;

/** Last words that make a capitalised sequence an organisation. */
export const ORG_SUFFIXES = set(
  'Inc|Inc.|Corp|Corp.|Corporation|Ltd|Ltd.|LLC|PLC|plc|GmbH|AG|SA|AB|ASA|Group|Technologies|Technology|Systems|Networks|Labs|Software|' +
    'Alliance|Solutions|Holdings|Partners|Foundation|University|Institute|Association|Agency|Council|Commission|Ministry|Bank|Capital|Ventures|' +
    'Consulting|Communications|Semiconductor|Microsystems|Electronics|Industries|Enterprises|Company|Co.|Media|Studios',
);

/** First words that make a capitalised sequence an organisation ("University of ..."). */
export const ORG_HEADS = set('University|Institute|Department|Ministry|Bank|Board|Association|Office|Bureau|Agency|Center|Centre|College|School');

/**
 * Nouns an organisation's name turns on before "of" or "for": "American
 * Registry for Internet Numbers", "National Institute of Standards and Technology".
 */
export const ORG_NOUNS = new Set([
  ...ORG_HEADS,
  ...set('Registry|Organization|Organisation|Society|Union|Federation|Authority|Administration|Committee|Consortium|Forum|Service|Corporation|Alliance|Foundation|Council|Commission|Group|Academy|Laboratory|Laboratories|Centers|Centres'),
]);

/** Text right before a name that makes it an organisation: "staffing firm Robert Half", "security vendor Sophos". */
export const ORG_NOUN_BEFORE = /\b(?:firm|company|agency|consultancy|vendor|provider|start-?up|bank|insurer|retailer|giant|conglomerate|subsidiary)\s+$/i;

/** Common given names (international mix seen in IT news); a 2-3 word sequence starting with one is a person. */
export const GIVEN_NAMES = set(
  'Aaron|Abhishek|Adam|Adrian|Ahmed|Aisha|Alan|Albert|Alex|Alexander|Alexandra|Alice|Alicia|Allison|Amanda|Amir|Amit|Amy|Ana|Andrea|' +
    'Andreas|Andrew|Andy|Angela|Anil|Anita|Ann|Anna|Anne|Anthony|Antonio|Arjun|Arvind|Ashley|Barbara|Ben|Benjamin|Bill|Bob|Brad|Brandon|' +
    'Brian|Bruce|Carl|Carlos|Carol|Caroline|Catherine|Charles|Charlie|Chen|Chris|Christian|Christina|Christine|Christopher|Chiradeep|Claire|' +
    'Clara|Craig|Dan|Daniel|Danielle|Dario|Darren|Dave|David|Deborah|Demis|Dennis|Derek|Devi|Diana|Diane|Donald|Doug|Douglas|Dylan|Ed|' +
    'Eddie|Edward|Elena|Eli|Elizabeth|Ellen|Elon|Emily|Emma|Eric|Erik|Erin|Eva|Fatima|Fei-Fei|Frank|Fred|Gabriel|Gary|Gavin|George|' +
    'Geoffrey|Gina|Gordon|Grace|Greg|Gregory|Gus|Hannah|Hans|Harry|Heather|Helen|Henry|Hiroshi|Ian|Ilya|Isaac|Jack|Jacob|James|Jamie|' +
    'Jan|Jane|Janet|Jason|Jeff|Jeffrey|Jen|Jennifer|Jensen|Jeremy|Jessica|Jim|Joanna|Joe|Johan|John|Jon|Jonathan|Jordan|Jose|José|Joseph|' +
    'Josh|Joshua|Judy|Julia|Julie|Justin|Karen|Kari|Karl|Kate|Katherine|Kathy|Kelly|Ken|Kevin|Kim|Kyle|Lars|Laura|Lauren|Lee|Leo|Linda|' +
    'Lisa|Liz|Lucy|Luis|Maria|Marie|Mark|Marcus|Martin|Mary|Matt|Matthew|Max|Megan|Melissa|Michael|Michelle|Mike|Ming|Mohamed|Mohammed|' +
    'Monica|Mustafa|Nadella|Nancy|Natalie|Nathan|Neil|Nick|Nicholas|Nicole|Nina|Noah|Ola|Olivia|Omar|Oscar|Pat|Patricia|Patrick|Paul|' +
    'Paula|Pedro|Per|Peter|Phil|Philip|Priya|Rachel|Rahul|Raj|Rajesh|Ravi|Ray|Rebecca|Richard|Rick|Rob|Robert|Robin|Roger|Ron|Ronald|Rose|' +
    'Ross|Ruth|Ryan|Sam|Samantha|Samuel|Sandra|Sara|Sarah|Satya|Scott|Sean|Sebastian|Sergey|Shane|Sharon|Shawn|Simon|Sophie|Stefan|' +
    'Stephanie|Stephen|Steve|Steven|Sue|Sundar|Susan|Tim|Timothy|Tina|Todd|Tom|Tony|Tyler|Vanessa|Victor|Victoria|Vijay|Vikram|Vincent|' +
    'Wally|Walter|Wei|Will|William|Xi|Yann|Yuki|Zach|Zoe',
);

/** Capitalised words in IT prose that are not names on their own (titles, days, months, places-as-adjectives). */
export const NOT_NAMES = set(
  'I|CEO|CTO|CIO|CISO|CFO|COO|VP|SVP|EVP|IT|AI|API|PC|OS|US|USA|UK|EU|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|' +
    'January|February|March|April|May|June|July|August|September|October|November|December|Today|Yesterday|Tomorrow|' +
    'Internet|Web|Spark|Takeaway|Takeaways|Conclusion|Introduction|Summary|Source|Image|Figure|Table|Step|Chapter|Part|Section|' +
    'American|European|Chinese|Japanese|Indian|British|German|French|Norwegian|English|Christmas|Easter|Holiday|Black|Cyber|' +
    'North|South|East|West|New|Old|Senior|Junior|Chief|Head|Director|President|Vice|Manager|Analyst|Engineer|Founder|Professor|' +
    'Mr|Mrs|Ms|Dr|Prof|Sir|Lord|Lady|Ask|Please|Thanks|Hello|Hi|Yes|No|OK|Okay|Edit|Update|Note|Reply|Quote',
);

/**
 * Place words that are not names on their own ("North", "European") but are
 * part of an organisation's name when more capitalised words and an
 * organisation suffix or head follow ("North American Network Operators Group").
 */
export const GEO_WORDS = set(
  'North|South|East|West|Northern|Southern|Eastern|Western|Central|American|European|Chinese|Japanese|Indian|British|German|French|' +
    'Norwegian|English|Nordic|Asian|African|Pacific|Atlantic|National|International|Global',
);

/** Words around a capitalised pair that mark it as a person. */
export const PERSON_CUES_AFTER = /^[,\s]*(?:(?:said|says|say|told|tells|explained|explains|added|adds|noted|notes|wrote|writes|argued|argues|warned|warns|believes|thinks|puts it|shared|shares|commented|replied|asked|asks|recalled|stated|states|confirmed|announced)\b|,\s*who\b|,\s*(?:(?:the|a|an)\s+(?:(?:independent|freelance|former|longtime|veteran|leading)\s+)?)?(?:co-?founder|founder|chief|CEO|CTO|CIO|CISO|CFO|COO|president|vice president|VP|SVP|EVP|director|head|analyst|manager|researcher|professor|engineer|scientist|principal|partner|senior|lead|general manager|author|editor|writer|spokesperson|expert|consultant|architect|officer|technical writer))/i;
export const PERSON_CUES_BEFORE = /(?:according to|\bby|Spiceuser|\bMr\.?|\bMrs\.?|\bMs\.?|\bDr\.?|\bProf\.?|CEO|CTO|CIO|CISO|CFO|founder|president|analyst|researcher|director|manager|engineer|scientist|chief executive|writer|author|astronauts?)\s*,?\s*$/i;

/** A title or honorific next to a name: a person for certain, even when a report of theirs is cited ("Robert Lind, chief economist"). */
export const PERSON_TITLE_AFTER = /^\s*,\s*(?:(?:the|a|an|our|its)\s+(?:(?:independent|freelance|former|longtime|veteran|leading)\s+)?)?(?:co-?founder|founder|chief|CEO|CTO|CIO|CISO|CFO|COO|president|vice president|VP|SVP|EVP|director|head|analyst|manager|researcher|professor|engineer|scientist|principal|senior|lead|general manager|author|editor|writer|spokesperson|spokesman|spokeswoman|expert|consultant|architect|officer|technical writer|economist|executive|member)\b/i;
export const PERSON_TITLE_BEFORE = /(?:\bMr\.?|\bMrs\.?|\bMs\.?|\bDr\.?|\bProf\.?|\bCEO|\bCTO|\bCIO|\bCISO|\bCFO|founder|president|analyst|researcher|director|manager|engineer|scientist|chief executive|economist|astronauts?)\s*,?\s*$/i;

/**
 * Context that makes a capitalised name an organisation even when it looks
 * like a person's ("Linda Marsh, a staffing agency"; "Robert Half's survey";
 * "a study by Peter Holloway"; "according to Robert Half research").
 */
export const ORG_APPOSITION_AFTER =
  /^\s*(?:\([^)]{1,40}\)\s*)?,\s*(?:a|an|the)\s+(?:(?!(?:at|of|for|in|with|from|who|whose|which|that|and|on|to|by)\b)[\p{L}-]+\s+){0,3}?(?:[\p{L}-]*(?:firm|company|agency|consultancy|provider|vendor|bank|insurer|retailer|start-?up|manufacturer|nonprofit|non-profit|charity|association|distributor|reseller|integrator|corporation|conglomerate|subsidiary|employer|organi[sz]ation|supplier)|[\p{L}]+maker)\b/iu;
/** Either case of a word's first letter, for patterns that must not use the i flag (under /iu, \p{Lu} matches every letter). */
const anyCase = (words: string) => words.split('|').map((w) => `[${w.charAt(0).toUpperCase()}${w.charAt(0)}]${w.slice(1)}`).join('|');
const REPORTS = 'survey|report|study|poll|index|research|findings|guide|benchmark|forecast|barometer|outlook|whitepaper|white paper';
const REPORT_WORD = `(?:${anyCase(REPORTS)})s?`;
/** "data" and "analysis" count after "from"/"by" and "according to X", not after a possessive ("Jane Doe's data was leaked"). */
const SOURCE_WORD = `(?:${anyCase(`${REPORTS}|data|analysis|figures`)})s?`;
/** After a possessive name: "'s annual salary survey", "'s 2024 Salary Guide" (not "'s team ran a study"). */
export const POSSESSIVE_REPORT_AFTER = new RegExp(
  `^\\s+(?:(?:(?:19|20)\\d\\d|${anyCase('annual|latest|new|recent|own|global|quarterly|yearly|monthly|salary|hiring|workforce|industry|market|security|technology|tech|talent|job|jobs|pay|compensation')}|\\p{Lu}[\\p{L}-]*)\\s+){0,3}${REPORT_WORD}(?![\\p{L}])`,
  'u',
);
/** Before a name: "a survey by", "research from", "a report released by". */
export const REPORT_BY_BEFORE = new RegExp(`(?<![\\p{L}])${SOURCE_WORD}\\s+(?:(?:released|published|conducted|carried out|commissioned|compiled|run|produced|issued)\\s+)?(?:by|from)\\s+$`, 'u');
/** "according to X research": a report word right after the name. */
export const ACCORDING_TO_BEFORE = /\baccording to\s+(?:the\s+)?$/i;
export const REPORT_RIGHT_AFTER = new RegExp(`^\\s+${SOURCE_WORD}(?![\\p{L}])`, 'u');

/** Text before a capitalised run that makes it an employer: "chief evangelist at Symmetry Systems". */
export const EMPLOYER_CUE = /\b(?:CEO|CTO|CIO|CISO|CFO|COO|founder|president|director|manager|analyst|researcher|evangelist|officer|head|engineer|scientist|lead|partner|architect|consultant|spokesperson|professor|writer|editor|VP|employed|works|worked|working)\b[\p{L}\s,-]{0,50}\bat\s+$/iu;

/**
 * Groups of people that open a news sentence and say or report things as an organisation does ("Analysts said",
 * "Researchers warned"): never an organisation from ORG_VERB_CUE alone.
 */
export const GROUP_NOUNS = set(
  'Analysts|Investors|Regulators|Researchers|Officials|Experts|Critics|Users|Customers|Employees|Workers|Lawmakers|Prosecutors|' +
    'Authorities|Economists|Executives|Developers|Engineers|Administrators|Admins|Attackers|Hackers|Scientists|Sources|Observers|' +
    'Vendors|Retailers|Shoppers|Residents|Voters|Members|Officers|Staff|Police|Investigators|Defenders|Maintainers|Students|Teachers|' +
    'Doctors|Patients|Parents|Consumers|Buyers|Sellers|Traders|Owners|Partners|Providers|Companies|Firms|Banks|Governments',
);

/** Text after a lone unknown capitalised word that makes it an organisation: "Ivanti published a fix". */
export const ORG_VERB_CUE = /^\s+(?:has\s+|have\s+|had\s+)?(?:announced|announces|released|releases|launched|launches|published|publishes|unveiled|unveils|acquired|acquires|reported|reports|disclosed|discloses|patched|confirmed|confirms|said|says|told\s+customers|warned|warns)\b/i;
