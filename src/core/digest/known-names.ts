/**
 * Small gazetteers for named-entity recognition in English IT news: the
 * companies and products the trade press names most, organisation suffixes,
 * common given names and the capitalised words that are not names. Kept
 * short on purpose: the heuristics in entities.ts carry the rest.
 */

const set = (s: string) => new Set(s.split('|').map((x) => x.trim()).filter(Boolean));

/** Companies, agencies and other organisations (exact spelling). */
export const ORGANISATIONS = set(
  'Microsoft|Google|Alphabet|Apple|Amazon|Amazon Web Services|Meta|Facebook|IBM|Intel|AMD|Nvidia|NVIDIA|OpenAI|Anthropic|Cohere|' +
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
    'The Register|Wired|CNBC|CNN|BBC|Fortune|Forbes|Axios|Stack Overflow|Wikipedia|MIT|Stanford|Harvard|IEEE|Wi-Fi Alliance|W3C|IETF|ISO|OWASP|MITRE|Linux Foundation|Apache Software Foundation',
);

/** Products, platforms and services (exact spelling; a version number may follow). */
export const PRODUCTS = set(
  'Windows|Windows Server|Office|Office 365|Microsoft 365|Microsoft Teams|Teams|Azure|AWS|Google Cloud|Gmail|Chrome|Chromebook|' +
    'Android|iOS|macOS|iPhone|iPad|Mac|MacBook|Linux|Ubuntu|Debian|Red Hat Enterprise Linux|ChatGPT|GPT|Copilot|Microsoft Copilot|' +
    'GitHub Copilot|Gemini|Claude|Llama|Bard|Grok|Kubernetes|Docker|Git|Terraform|Ansible|Jenkins|Python|Java|JavaScript|TypeScript|' +
    'SQL Server|MySQL|PostgreSQL|MongoDB|Redis|Excel|Outlook|SharePoint|Exchange|Exchange Online|Active Directory|Entra ID|Slack|' +
    'GeForce|Xeon|Core|Ryzen|Epyc|EPYC|Snapdragon|Alexa|Siri|Watson|vSphere|Hyper-V|Intune|Defender|Microsoft Defender|Bing|' +
    'YouTube|WhatsApp|Instagram|Firefox|Safari|Edge|Jira|Confluence|Salesforce Cloud|Oracle Database|Power BI|Tableau|Snowflake Data Cloud|' +
    'Spiceworks Community|Spiceworks Help Desk|Meta AI|Llama 2|Llama 3|Apple Intelligence|Vision Pro|Pixel|Galaxy|Surface|ThinkPad|' +
    'Xbox|PlayStation|Zoom|Webex|Dropbox|OneDrive|Google Drive|Google Workspace|BigQuery|Vertex AI|Bedrock|SageMaker|EC2|S3|Lambda|' +
    'Stable Diffusion|Midjourney|DALL-E|Sora|Perplexity|Cortana|Remote Keyboard|Group Policy|PowerShell|Wi-Fi 7',
);

/** Last words that make a capitalised sequence an organisation. */
export const ORG_SUFFIXES = set(
  'Inc|Inc.|Corp|Corp.|Corporation|Ltd|Ltd.|LLC|PLC|plc|GmbH|AG|SA|AB|ASA|Group|Technologies|Technology|Systems|Networks|Labs|Software|' +
    'Alliance|Solutions|Holdings|Partners|Foundation|University|Institute|Association|Agency|Council|Commission|Ministry|Bank|Capital|Ventures|' +
    'Consulting|Communications|Semiconductor|Microsystems|Electronics|Industries|Enterprises|Company|Co.|Media|Studios',
);

/** First words that make a capitalised sequence an organisation ("University of ..."). */
export const ORG_HEADS = set('University|Institute|Department|Ministry|Bank|Board|Association|Office|Bureau|Agency|Center|Centre|College|School');

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
    'Wally|Walter|Wei|William|Xi|Yann|Yuki|Zach|Zoe',
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

/** Words around a capitalised pair that mark it as a person. */
export const PERSON_CUES_AFTER = /^[,\s]*(?:(?:said|says|say|told|tells|explained|explains|added|adds|noted|notes|wrote|writes|argued|argues|warned|warns|believes|thinks|puts it|shared|shares|commented|replied|asked|asks|recalled|stated|states|confirmed|announced)\b|,\s*(?:the\s+|a\s+|an\s+)?(?:co-?founder|founder|chief|CEO|CTO|CIO|CISO|CFO|COO|president|vice president|VP|SVP|EVP|director|head|analyst|manager|researcher|professor|engineer|scientist|principal|partner|senior|lead|general manager|author|editor|writer|spokesperson|expert|consultant|architect|officer|technical writer))/i;
export const PERSON_CUES_BEFORE = /(?:according to|\bby|Spiceuser|\bMr\.?|\bMrs\.?|\bMs\.?|\bDr\.?|\bProf\.?|CEO|CTO|CIO|CISO|CFO|founder|president|analyst|researcher|director|manager|engineer|scientist|chief executive|writer|author|astronauts?)\s*,?\s*$/i;

/** Text before a capitalised run that makes it an employer: "chief evangelist at Symmetry Systems". */
export const EMPLOYER_CUE = /\b(?:CEO|CTO|CIO|CISO|CFO|COO|founder|president|director|manager|analyst|researcher|evangelist|officer|head|engineer|scientist|lead|partner|architect|consultant|spokesperson|professor|writer|editor|VP|employed|works|worked|working)\b[\p{L}\s,-]{0,50}\bat\s+$/iu;

/** Text after a lone unknown capitalised word that makes it an organisation: "Ivanti published a fix". */
export const ORG_VERB_CUE = /^\s+(?:has\s+|have\s+|had\s+)?(?:announced|announces|released|releases|launched|launches|published|publishes|unveiled|unveils|acquired|acquires|reported|reports|disclosed|discloses|patched|confirmed|confirms|said|says|told\s+customers|warned|warns)\b/i;
