// Entity mentions: known entities from the database's names and aliases (longest match wins;
// short acronyms match case-sensitively), plus organisations and products the gazetteer does
// not know, proposed as new entities for review.
import type { EntityKind } from "@/lib/generated/prisma/enums";
import type { Token } from "@/lib/extract/syntax";
import { COUNTRY_ADJECTIVES } from "@/lib/entities/countries";

// A title after a name in a speaker line or byline ("Jensen Huang -- Founder and Chief Executive Officer").
const SPEAKER_TITLE =
  /^\s*(?:--|—|–|-|,)\s*(?:[A-Z][a-z]+\s+){0,4}?(?:Chief|Officer|President|CEO|CFO|COO|CTO|Founder|Chairman|Chairwoman|Director|Analyst|Head|Executive|Vice|Minister|Secretary|Spokesperson|Spokesman|Spokeswoman)\b/;
// "Singaporeans Aaron Woon Guo Jie, 41": a nationality before a name describes the person.
const NATIONALS = new Set(COUNTRY_ADJECTIVES.map((a) => `${a.toLowerCase()}s`));

export type GazetteerEntry = { name: string; kind: EntityKind; aliases: string[]; country?: string | null };
/** The columns of an entity row the gazetteer reads (a Prisma select). */
export const GAZETTEER_FIELDS = { name: true, kind: true, aliases: true, country: true } as const;
export type Mention = { name: string; kind: EntityKind; start: number; end: number; known: boolean };
/** A person named in the text ("Linwei Ding"): a subject only of their criminal case, never an entity. */
export type Person = { name: string; surname: string; start: number; end: number };

const ORG_SUFFIX =
  /\b((?:[A-Z][\w&’'-]*\s+){0,4}(?:Inc|Corp|Corporation|Co|Company|Ltd|Limited|Group|Holdings|Technologies|Technology|Semiconductor|Semiconductors|Electronics|Microelectronics|Solutions|Systems|Networks|Labs|Laboratories|University|Institute|Academy|Administration|Agency|Department|Ministry|Bureau|Commission|Council|Fund|LLC)\b\.?)/g;
// "Ministry of Investment, Trade and Industry", "Department of Commerce": a body named by what it
// is "of", commas and all (a comma joins names only in a list that ends with "and …").
const CAPITALISED = "[A-Z][\\w&’'-]*";
const AGENCY_OF = new RegExp(
  `\\b(?:(?!(?:The|A|An|This|That|Its|Their)\\b)[A-Z][a-z]+\\s+){0,2}(?:Ministry|Department|Bureau|Office|Commission|Council|Agency|Administration) of ${CAPITALISED}(?:\\s+(?:of|for|and\\s+)?${CAPITALISED})*` +
    `(?:,\\s+${CAPITALISED}(?:\\s+${CAPITALISED})*(?=(?:,\\s+${CAPITALISED}(?:\\s+${CAPITALISED})*)*,?\\s+and\\s+[A-Z]))*(?:,?\\s+and\\s+${CAPITALISED}(?:\\s+${CAPITALISED})*)?`,
  "g",
);
const PRODUCT = /\b((?:Ascend|Kirin|Atlas|Instinct|Blackwell|Hopper|Rubin|Gaudi|Kunlun|Hanguang|MLU|Sophon)\s+[A-Z]?\d{1,4}[A-Za-z]{0,2}|[A-Z]{1,3}\d{2,4}[A-Z]?(?:\s+NVL\d+)?)\b/g;
// Product lines and architectures written without a model number ("Blackwell", "Kunlun"): names of
// products, not companies.
const PRODUCT_LINE =
  /^(?:Blackwell|Hopper|Rubin|Ampere|Volta|Lovelace|Grace|Vera|Ascend|Kunlun|Instinct|Gaudi|Kirin|Tianchi|CloudMatrix|Atlas|MTT|Siyuan|Hanguang|Sophon|Xeon|Epyc|Trainium|Inferentia|TPU)\b/;
const STOP_ORG_START = /^(?:The|This|That|These|Those|A|An|In|On|At|For|Its|Their|His|Her|Our|Chinese|American|US|U\.S\.)\s+/;

export function buildGazetteer(entries: GazetteerEntry[]) {
  const names: { text: string; entry: GazetteerEntry }[] = [];
  for (const entry of entries) {
    for (const text of new Set([entry.name, ...entry.aliases])) if (text.trim()) names.push({ text, entry });
  }
  names.sort((a, b) => b.text.length - a.text.length);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  const pattern = (list: typeof names, flags: string) => (list.length ? new RegExp(`(?<![\\w])(?:${list.map((n) => escape(n.text)).join("|")})(?![\\w])`, flags) : null);
  const isShort = (text: string) => text.length <= 4;
  const caseSensitive = pattern(
    names.filter((n) => isShort(n.text)),
    "g",
  );
  const caseInsensitive = pattern(
    names.filter((n) => !isShort(n.text)),
    "gi",
  );
  const lookup = new Map<string, GazetteerEntry>();
  for (const { text, entry } of names) {
    const key = isShort(text) ? text : text.toLowerCase().replace(/\s+/g, " ");
    if (!lookup.has(key)) lookup.set(key, entry);
  }
  // Derived once per gazetteer, not per article: each entity's country, and each country's government
  // entity ("US government", "Chinese government"), the funder of a grant the text does not attribute.
  const countryOf = new Map(entries.filter((e) => e.country).map((e) => [e.name, e.country!]));
  const governmentOf = new Map<string, Mention>();
  for (const e of entries)
    if (e.kind === "government" && e.country && !governmentOf.has(e.country)) governmentOf.set(e.country, { name: e.name, kind: "government", start: 0, end: 0, known: true });
  return {
    entries,
    countryOf: countryOf as ReadonlyMap<string, string>,
    governmentOf: governmentOf as ReadonlyMap<string, Mention>,
    find(text: string): Mention[] {
      const found: Mention[] = [];
      for (const regex of [caseInsensitive, caseSensitive]) {
        if (!regex) continue;
        for (const match of text.matchAll(regex)) {
          const key = isShort(match[0]) ? match[0] : match[0].toLowerCase().replace(/\s+/g, " ");
          const entry = lookup.get(key);
          // "BEIJING, Aug. 27 (Xinhua)": a dateline in capitals names a place, not "Beijing" the government.
          if (entry && match[0].length > 4 && match[0] === match[0].toUpperCase() && !entry.aliases.concat(entry.name).includes(match[0])) continue;
          if (entry) found.push({ name: entry.name, kind: entry.kind, start: match.index, end: match.index + match[0].length, known: true });
        }
      }
      return dropOverlaps(found);
    },
  };
}

export type Gazetteer = ReturnType<typeof buildGazetteer>;

/** Known mentions plus unknown organisations and products (not overlapping known ones). */
export function findMentions(text: string, gazetteer: Gazetteer, tokens: Token[] = []): { mentions: Mention[]; people: Person[] } {
  const known = gazetteer.find(text);
  const { names, people } = properNames(text, tokens);
  const unknown: Mention[] = [];
  for (const match of text.matchAll(ORG_SUFFIX)) {
    // "Malaysia's Ministry of Investment, …": the body is named by what it is "of" (AGENCY_OF below).
    if (
      /(?:Ministry|Department|Bureau|Office|Commission|Council|Agency|Administration)$/.test(match[1]!) &&
      /^\s+of\s+[A-Z]/.test(text.slice(match.index + match[0].length, match.index + match[0].length + 6))
    )
      continue;
    let name = match[1]!.replace(/[.’']+$/, "");
    let start = match.index;
    // (and "Tokyo-based Preferred Networks": the place it is based in is not part of the name)
    while (STOP_ORG_START.test(name) || /^[A-Z][\w.]*-based\s+/.test(name)) {
      const cut = (STOP_ORG_START.exec(name) ?? /^[A-Z][\w.]*-based\s+/.exec(name))![0].length;
      name = name.slice(cut);
      start += cut;
    }
    if (name.split(/\s+/).length < 2) continue;
    // The legal form is not part of the name a reader uses: "Halberd Electronics Inc." is Halberd Electronics.
    const bare = name.replace(/,?\s+(?:Inc|Corp|Co|Ltd|LLC|PLC)\.?$/, "");
    if (bare !== name && bare.split(/\s+/).length >= 2) name = bare;
    unknown.push({
      name,
      kind: /University|Institute|Academy/.test(name) ? "university" : /Administration|Agency|Department|Ministry|Bureau|Commission|Council/.test(name) ? "agency" : "company",
      start,
      end: start + name.length,
      known: false,
    });
  }
  for (const match of text.matchAll(AGENCY_OF)) {
    const name = match[0];
    if (name.split(/\s+/).length < 3) continue;
    unknown.push({ name, kind: "agency", start: match.index, end: match.index + name.length, known: false });
  }
  for (const match of text.matchAll(PRODUCT)) {
    // Number formats and memory generations are not products.
    if (/^(?:FP|BF|INT|TF|HBM|DDR|LPDDR|GDDR|PCIE|USB|NVL)\d/i.test(match[1]!)) continue;
    unknown.push({ name: match[1]!, kind: /NVL|Atlas/.test(match[1]!) ? "system" : "chip", start: match.index, end: match.index + match[1]!.length, known: false });
  }
  const overlaps = (a: { start: number; end: number }, list: { start: number; end: number }[]) => list.some((b) => a.start < b.end && a.end > b.start);
  const patterned = dropOverlaps(unknown.filter((u) => !overlaps(u, known) && !inQuotedTitle(text, u.start, u.end)));
  const named = names.filter((n) => !overlaps(n, known) && !overlaps(n, patterned) && !overlaps(n, people));
  const outlets = newsOutlets(text);
  const isOutlet = (m: Mention) => !m.known && outlets.has(text.slice(m.start, m.end));
  // "its R1 model", "the V3 models": AI models are software, not entities (the labelling's exclusions).
  const isModel = (m: Mention) => !m.known && /^\s+(?:AI\s+)?(?:models?|apps?|chatbots?|assistants?|LLMs?)\b/.test(text.slice(m.end, m.end + 20));
  // "Beijing-based Iluvatar CoreX", "Washington-based": a place an organisation is based in, not the government there.
  const isBase = (m: Mention) => /^-based\b/.test(text.slice(m.end, m.end + 7));
  const found = dropOverlaps([...known, ...patterned, ...named]).filter((m) => !isOutlet(m) && !(!m.known && inEpithet(text, m)) && !isModel(m) && !isBase(m));
  return { mentions: withModelNumbersAlone(text, shortCompanyNames(found)), people: people.filter((p) => !overlaps(p, known)) };
}

/**
 * "SoftBank agreed to buy Ampere Computing … Ampere has about 1,000 engineers": a company named in
 * full and then by its first word is still the company there, though the word alone names a product
 * line elsewhere (Nvidia's Ampere).
 */
function shortCompanyNames(mentions: Mention[]): Mention[] {
  const byFirstWord = new Map<string, Mention>();
  for (const m of mentions) if (m.kind === "company" && /\s/.test(m.name)) byFirstWord.set(m.name.split(/\s+/)[0]!, m);
  return mentions.map((m) => {
    const company = (m.kind === "chip" || m.kind === "system") && !/[\s\d]/.test(m.name) ? byFirstWord.get(m.name) : undefined;
    return company ? { ...m, name: company.name, kind: company.kind, known: company.known } : m;
  });
}

// "the ChatGPT maker", "the TikTok owner", "the Qwen developer": a name inside an epithet describes
// a company by what it makes; the phrase refers back to that company (extract.ts), the name is not one.
// Nor is the name of a site ("the Sanjiangyuan facility"): its figures are its operator's.
const EPITHET_HEAD = /^\s+(?:maker|makers|developer|owner|operator|creator|parent|builder|designer|provider)\b/;
// "the Sanjiangyuan facility", "the Kyushu plant": a site, which belongs to the party that runs it.
const SITE_HEAD = /^\s+(?:facility|plant|fab|data cent(?:re|er)|campus|site|complex|base|park)\b/;

function inEpithet(text: string, mention: Mention): boolean {
  const after = text.slice(mention.end, mention.end + 14);
  return /\b[Tt]he\s+$/.test(text.slice(Math.max(0, mention.start - 5), mention.start)) && (EPITHET_HEAD.test(after) || SITE_HEAD.test(after));
}

/**
 * A product's model number used alone after its full name ("the Ascend 950PR … The 950PR's memory",
 * "Kunlun M100 … the M100"): the same product. Only model numbers that mix digits and letters, so
 * that a bare figure ("the 960") is never read as a name.
 */
function withModelNumbersAlone(text: string, mentions: Mention[]): Mention[] {
  let result = mentions;
  const seen = new Set<string>();
  for (const product of mentions) {
    if (product.kind !== "chip" && product.kind !== "system") continue;
    const model = /\s((?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]{3,8})$/.exec(product.name)?.[1];
    if (!model || seen.has(model)) continue;
    seen.add(model);
    const alone: Mention[] = [];
    for (const match of text.slice(product.end).matchAll(new RegExp(`(?<![\\w-])\\b${model}\\b(?!-)`, "g"))) {
      const start = product.end + match.index;
      const end = start + model.length;
      // Already found as a name of its own ("M100" by the model-number pattern): it is still this product.
      const same = result.find((m) => m.start === start && m.end === end && m.name === model);
      if (!same && result.some((m) => start >= m.start && start < m.end)) continue;
      alone.push({ name: product.name, kind: product.kind, start, end, known: product.known });
    }
    if (!alone.length) continue;
    const replaced = new Set(alone.map((m) => m.start));
    result = [...result.filter((m) => !(replaced.has(m.start) && m.name === model)), ...alone].sort((a, b) => a.start - b.start);
  }
  return result;
}

/** A wire story's dateline up to its dash: "SHANGHAI, Nov 13 (Reuters) - ", "BEIJING, Jan. 17 (Xinhua) -- ". */
export const DATELINE = /[^\n(]{0,60}\(([A-Z][\w&.' ]{1,30})\)\s*(?:-{1,2}|–|—)\s/;

/**
 * The agency a wire story's dateline credits ("SHANGHAI, Nov 13 (Reuters) -", "(Xinhua) --"): a
 * news outlet, so never a party, wherever the story names it again ("a term sheet seen by Reuters").
 */
function newsOutlets(text: string): Set<string> {
  const outlets = new Set<string>();
  for (const match of text.matchAll(new RegExp(`^${DATELINE.source}`, "gm"))) outlets.add(match[1]!.trim());
  return outlets;
}

// Capitalised words that are not organisations or products: places, outlets, months, titles, and
// the shop words of the trade (a proper-noun tagger marks them all PROPN).
const PLACES = new Set(
  (
    "china chinese us u.s. usa america american united states washington beijing shanghai shenzhen guangzhou hong kong macau taiwan taipei japan japanese tokyo korea south korean seoul " +
    "netherlands dutch europe european eu uk britain british germany india singapore malaysia malaysian thailand vietnam uae emirates arab abu dhabi dubai saudi arabia riyadh gulf " +
    "middle east asia russia russian israel texas california new york jersey florida oregon arizona ohio virginia massachusetts illinois georgia carolina santa clara silicon valley " +
    // US states and cities that datelines and stories name
    "tennessee nevada utah iowa wisconsin michigan indiana pennsylvania colorado louisiana kentucky alabama mississippi idaho montana wyoming dakota nebraska kansas oklahoma minnesota missouri arkansas maine vermont hampshire connecticut rhode delaware maryland alaska hawaii mexico " +
    "memphis austin dallas houston phoenix boston chicago seattle atlanta detroit denver miami portland albany columbus abilene " +
    "africa canada mexico indonesia philippines qatar busan osaka hsinchu tainan kuala lumpur penang johor bangkok hanoi mumbai bangalore london paris berlin brussels amsterdam " +
    "southeast northeast southwest northwest eindhoven veldhoven munich dresden hefei wuhan nanjing hangzhou chengdu chongqing xi'an tianjin suzhou guizhou mongolia inner " +
    // manufacturing towns that stories name for their plants
    "england scotland wales ireland portugal spain italy france norway sweden finland denmark poland austria switzerland belgium czech hungary " +
    "dongguan wuxi xiamen ningbo qingdao dalian zhuhai foshan changsha zhengzhou jinan shenyang harbin kunming fuzhou kaohsiung taichung kumamoto hiroshima yokkaichi kitakami pyeongtaek icheon hwaseong cheongju yongin gumi nijmegen sines narvik loughton " +
    "guangdong zhejiang anhui jiangsu shandong fujian hubei hunan henan hebei sichuan yunnan guangxi jiangxi shanxi shaanxi liaoning jilin heilongjiang hainan gansu qinghai ningxia xinjiang tibet " +
    "province provinces " +
    // time zones of live blogs ("09:05 HKT")
    "hkt et est edt pt pst pdt gmt bst cet cest jst kst sgt utc"
  )
    .split(" ")
    // and every nationality ("The Taiwanese company"), from the one country table
    .concat(COUNTRY_ADJECTIVES.map((a) => a.toLowerCase())),
);
const NOT_AN_ENTITY = new Set(
  (
    [...PLACES].join(" ") +
    " " +
    "reuters bloomberg xinhua nikkei caixin cnbc wsj ft financial times wall street journal associated press ap afp scmp global times people's daily news newswires " +
    "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec " +
    "monday tuesday wednesday thursday friday saturday sunday " +
    "ai gpu gpus cpu npu hbm dram nand ceo cfo cto ipo ipos etf gdp capex gaap non-gaap q1 q2 q3 q4 fy fiscal eflops pflops tflops fp4 fp8 fp16 bf16 int8 tpp eccn " +
    "mr ms mrs dr prof sen rep gov president presidents secretary minister judge chief analyst page share related read entity list federal register section form ear unverified " +
    "executive officer operating chairman chairwoman founder co-founder vice deputy director coo " +
    "the a an this that it its he she they we i in on at for by of and or but with from to as"
  ).split(" "),
);
// Units, number formats and memory generations written like names.
const NOT_A_NAME =
  /^(?:(?:First|Second|Third|Fourth)\s+(?:Quarter|Half)|Fiscal\s+(?:Year|Quarter)|Full\s+Year|Highlights|Guidance|Outlook|Results|[A-Z]&[A-Z]|FR|CFR|EAR|ECCN|USC|ECRA|IEEPA|ITAR|AECA|FDPR|(?:[A-Z][\w-]*\s+){1,6}(?:Act|Regulations)|USD|RMB|CNY|EUR|GBP|JPY|KRW|TWD|HKD|SGD|MYR|[KMGTPE]?FLOPS?|[KMGTPE]B|[KMGT]W|TOPS|W|nm|mm|(?:FP|BF|INT|TF|HBM|DDR|LPDDR|GDDR|PCIe|NVLink|CUDA)\d*[a-z]?)$/i;
// Currency codes written before an amount ("USD 12 billion"): money, never a model name.
const CURRENCY_CODE = /^(?:USD|RMB|CNY|EUR|GBP|JPY|KRW|TWD|HKD|SGD|MYR)$/;
const ORG_HEAD = /^(?:Ministry|Bureau|Department|University|Academy|Institute|Bank|Administration|Commission|Office|Council|Agency|Court|School)$/;
const TITLE =
  /(?:\b(?:Mr|Ms|Mrs|Dr|Prof|Sen|Rep|Gov)\.?|\b(?:Presidents?|Secretary|Secretaries|Ministers?|Judge|CEO|chief executive|founder|analyst|engineer|executive|spokesperson|spokesman|spokeswoman|chairman|director),?)\s*$/i;
// "Presidents Donald Trump and …": the name after "and" shares the title.
const TITLED_PAIR = new RegExp(`${TITLE.source.replace(/\\s\*\$$/, "")}\\s+[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}\\s+and\\s+$`, "i");

/**
 * Whether the text also writes `word` with a capital in mid-sentence (outside title-case
 * headlines), somewhere other than `except`. Single words are looked up in an index built once per
 * text; names with other characters are searched for.
 */
function midSentenceIndex(text: string) {
  const inTitleCaseLine = titleCaseLines(text);
  const index = new Map<string, number[]>();
  for (const match of text.matchAll(/(?<=[a-z,;] )[A-Z]\w*\b/g)) {
    if (!inTitleCaseLine(match.index)) pushTo(index, match[0], match.index);
  }
  return (word: string, except: number): boolean => {
    if (/^\w+$/.test(word)) return (index.get(word) ?? []).some((at) => at !== except);
    for (const match of text.matchAll(new RegExp(`(?<=[a-z,;] )${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "g"))) {
      if (match.index !== except && !inTitleCaseLine(match.index)) return true;
    }
    return false;
  };
}

/** A headline written in title case capitalises common words ("Moore Threads Shares Soar"). */
function titleCaseLines(text: string): (at: number) => boolean {
  const byLine = new Map<number, boolean>();
  return (at) => {
    const start = text.lastIndexOf("\n", at) + 1;
    let titled = byLine.get(start);
    if (titled === undefined) {
      const end = text.indexOf("\n", at);
      const words = text
        .slice(start, end < 0 ? text.length : end)
        .split(/\s+/)
        .filter((word) => /^[A-Za-z]{4,}/.test(word));
      titled = words.length >= 3 && words.filter((word) => /^[A-Z]/.test(word)).length / words.length >= 0.6;
      byLine.set(start, titled);
    }
    return titled;
  };
}

/**
 * Runs of proper nouns the gazetteer does not know: organisations and products ("China Mobile",
 * "Lanting Cloud", "XH-900") and, told apart by a title or a later surname-only mention, people.
 */
const FUNDING_ROUND = /^(?:Series|Round)\s+[A-Z]\d?$|^(?:Pre-?)?IPO$/;
const STOCK_INDEX = /^(?:STAR|CSI|KOSPI|KOSDAQ|Nikkei|TOPIX|FTSE|Hang Seng|ChiNext|TAIEX|Stoxx|STOXX|DAX|CAC|Russell|S&P)\b/;
const MODEL_EDITION = /^(?:Pro|Max|Ultra|Plus|Mini|Lite|Air|SE|Turbo)$/;

function properNames(text: string, tokens: Token[]): { names: Mention[]; people: Person[] } {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const flush = () => {
    if (run.length) runs.push(run);
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const gap = run.length ? text.slice(run.at(-1)!.end, token.start) : "";
    const capitalised = /^[A-Z]/.test(token.text) || (/^[a-z]+[A-Z]/.test(token.text) && token.text.length > 2);
    const joins = run.length > 0 && /^ ?$/.test(gap);
    if (token.pos === "PROPN" && capitalised && (joins || !run.length)) run.push(token);
    else if (token.pos === "PROPN" && capitalised) {
      flush();
      run.push(token);
    } else if (token.text === "of" && run.length && ORG_HEAD.test(run.at(-1)!.text) && tokens[i + 1]?.pos === "PROPN") run.push(token);
    else if (/^[-–]$/.test(token.text) && run.length && gap === "" && tokens[i + 1] && tokens[i + 1]!.start === token.end) run.push(token);
    // "Tianchi 256", "CloudMatrix 384", "Siyuan 590": a model number closes a product's name,
    // unless a unit follows it ("Nvidia 700 W" is a figure).
    else if (
      run.length &&
      gap === " " &&
      /^\d{2,4}[A-Za-z]{0,2}$/.test(token.text) &&
      !/^(?:19|20)\d\d$/.test(token.text) &&
      !NOT_AN_ENTITY.has(run.at(-1)!.text.toLowerCase().replace(/\.$/, "")) &&
      !CURRENCY_CODE.test(run.at(-1)!.text) &&
      !/^\s*(?:[%$]|[KMGTP]?(?:B|W|FLOPS?|OPS)\b|nm\b|mm|per|percent|units?\b|chips?\b|GPUs?\b|times\b|x\b)/i.test(text.slice(token.end, token.end + 8))
    ) {
      run.push(token);
      // "Mate 60 Pro", "Ascend 910 Ultra": an edition word after the model number is still the name.
      const edition = tokens[i + 1];
      if (edition && edition.start === token.end + 1 && MODEL_EDITION.test(edition.text)) {
        run.push(edition);
        i++;
      }
      flush();
    } else flush();
  }
  flush();
  const names: Mention[] = [];
  const people: Person[] = [];
  const capitalisedMidSentence = midSentenceIndex(text);
  const caseStory = /\b(?:complaint|indict\w*|defendants?|prosecutors|pleaded guilty|charged)\b/i.test(text);
  // Where each capitalised word stands alone (no capitalised word just before or after it): a
  // surname used on its own after the full name ("Alan Hao Hsu … Hsu faces").
  const alone = new Map<string, number[]>();
  for (const match of text.matchAll(/(?<![A-Z][a-z]+ )\b[A-Z][a-z]+\b(?! [A-Z])/g)) pushTo(alone, match[0], match.index);
  // "Nvidia Chief Executive Jensen Huang": a title inside a run splits the company from the person.
  const TITLE_WORD = /^(?:chief|executive|officer|ceo|cfo|coo|cto|chairman|chairwoman|president|founder|director|minister|secretary)$/i;
  const splitRuns = runs.flatMap((run) => {
    const last = run.findLastIndex((t, i) => i < run.length - 1 && TITLE_WORD.test(t.text));
    if (last < 0) return [run];
    const first = run.findIndex((t) => TITLE_WORD.test(t.text));
    return [run.slice(0, first), run.slice(last + 1)].filter((part) => part.length);
  });
  for (let words of splitRuns) {
    // A place opening a run of names is part of the name ("China Mobile", "Abu Dhabi Investment
    // Authority") unless it is possessive ("China's Ministry") or only places follow.
    const opensName = (i: number) =>
      PLACES.has(words[i]!.text.toLowerCase()) &&
      !/[’']s$/.test(words[i]!.text) &&
      words.slice(i + 1).some((w) => !NOT_AN_ENTITY.has(w.text.toLowerCase().replace(/[’']s$|\.$/, "")));
    while (words.length && ((NOT_AN_ENTITY.has(words[0]!.text.toLowerCase().replace(/[’']s$|\.$/, "")) && !opensName(0)) || NATIONALS.has(words[0]!.text.toLowerCase())))
      words = words.slice(1);
    while (words.length && (NOT_AN_ENTITY.has(words.at(-1)!.text.toLowerCase()) || /^[-–]$/.test(words.at(-1)!.text))) words = words.slice(0, -1);
    if (!words.length) continue;
    // "Tokyo-based Preferred Networks": the place it is based in opens the run but is not the name.
    const based = /^(?:[A-Z][\w.]*\s)?[A-Z][\w.]*-based\s+/.exec(text.slice(words[0]!.start, words.at(-1)!.end));
    const start = words[0]!.start + (based?.[0].length ?? 0);
    const end = words.at(-1)!.end;
    const name = text.slice(start, end).replace(/[’']s$/, "");
    if (name.length < 2 || /^\d+$/.test(name)) continue;
    if (/[A-Za-z0-9]/.test(text[start - 1] ?? "")) continue; // the tail of a code ("3A090")
    if (/^-(?:era|style|type|like)\b/.test(text.slice(end, end + 7))) continue; // "the Biden-era rule"
    // "The San Jose, California-based company", "a Shenzhen-based supplier": a place describing a company.
    if (/^(?:,\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?-based\b/.test(text.slice(end, end + 40))) continue;
    // "The Dutch company, based in Nijmegen, …", "headquartered in Hefei": where a party sits.
    if (/\b(?:based|headquartered|located|registered|incorporated)\s+in\s+$/i.test(text.slice(Math.max(0, start - 30), start))) continue;
    if (/\b(?:Act|List|Rule|Regulations?|Form|Order|Law|Announcement|Notice|Circular|Decree|Directive|Framework|Guidance|Strategy|Initiative|Agreement|Accord|Treaty)$/.test(name))
      continue; // laws and documents are not parties
    if (/^\s+(?:Act|Law|Rule|Regulations?|Decree|Directive)\b/.test(text.slice(end, end + 14))) continue; // "the Goods Availability Act"
    if (inQuotedTitle(text, start, end)) continue; // the "Framework for Artificial Intelligence Diffusion"
    if (words.every((w) => NOT_AN_ENTITY.has(w.text.toLowerCase().replace(/\.$/, "")))) continue;
    if (NOT_A_NAME.test(name.replace(/\.$/, ""))) continue;
    if (/^\$/.test(text.slice(end, end + 1))) continue; // the letters of a currency sign ("HK$", "NT$")
    // One capitalised word opening a sentence or a label ("Revenue for …", "Power: 550 W") is a
    // common word unless the text also capitalises it mid-sentence.
    // A title before the name, or before the name it is paired with ("Presidents Donald Trump and
    // Xi Jinping"); or a verb of speech after it ("Jensen Huang told analysts").
    const before = text.slice(Math.max(0, start - 80), start);
    const titled =
      TITLE.test(before.slice(-40)) ||
      TITLED_PAIR.test(before) ||
      (words.length >= 2 &&
        words.length <= 3 &&
        /^(?:,\s+\d{2},)?\s+(?:said|says|told|added|wrote|argued|noted|explained|warned|pleaded|(?:was|were|has been|had been) (?:charged|arrested|indicted|sentenced|convicted|extradited))\b/.test(
          text.slice(end, end + 30),
        )) ||
      // A transcript's speaker line: "Colette Kress -- Executive Vice President and Chief Financial Officer".
      (words.length >= 2 && words.length <= 3 && SPEAKER_TITLE.test(text.slice(end, end + 60)));
    if (words.length === 1 && !titled && /(?:[.!?:\n—–•*(]|-)\s*$|^\s*$/.test(text.slice(Math.max(0, start - 3), start)) && !capitalisedMidSentence(name, start)) continue;
    if (words.length === 1 && /^[A-Z][a-z]{1,5}\.$/.test(name)) continue; // "Calif.", "Sept."
    // "China AI Infrastructure" (a section label) trimmed of its place: a common noun, not a company.
    if (words.length === 1 && /^[A-Z][a-z]+(?:ure|tion|sion|ment|ness|ity|ance|ence)$/.test(name)) continue;
    // A dateline ("GUANGZHOU, Oct. 14") is a place.
    if (name === name.toUpperCase() && /^(?:[A-Z]{4,}|[A-Z]{2,}(?: [A-Z]{2,})+)$/.test(name) && /^(?:,\s*[A-Z][a-z]{2}|\/[A-Z]{3})/.test(text.slice(end, end + 6))) continue;
    // "Lip-Bu Tan": a hyphenated given name is one word of a person's name.
    const personWords = words.reduce<Token[]>((folded, w) => {
      const last = folded.at(-1);
      if (last && last.end === w.start && (w.text === "-" || last.text.endsWith("-"))) folded[folded.length - 1] = { ...last, text: last.text + w.text, end: w.end };
      else folded.push(w);
      return folded;
    }, []);
    const alpha = personWords.every((w) => /^[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?$/.test(w.text));
    // The surname is the word of the name the text later uses alone ("Alan Hao Hsu … Hsu faces");
    // failing that the last word, or the second of four ("Aaron Woon Guo Jie": an English given name
    // before a Chinese name written surname first).
    const laterUse = (w: Token) => (alone.get(w.text) ?? []).some((at) => at > end);
    const usedAlone = alpha && personWords.length >= 2 && personWords.length <= 4 ? personWords.slice(1).find(laterUse) : undefined;
    // A person known by other signs whose first word is later used alone writes the surname first
    // ("director Lim Teck Huat pleaded guilty … Lim, 52, was sentenced"); a company shortened to its
    // first word ("Xinghe Microelectronics … Xinghe") is not made a person by it.
    const surnameFirst = !usedAlone && alpha && personWords.length >= 2 && laterUse(personWords[0]!);
    const surname = usedAlone?.text ?? (surnameFirst ? personWords[0]! : personWords.length === 4 ? personWords[1]! : personWords.at(-1)!).text;
    const laterAlone = Boolean(usedAlone) && personWords.length <= 3;
    // "Ming Zhao and Kai Lin used …" in a criminal case: a pair of two-word names is two people.
    const pairedInCase =
      caseStory && personWords.length === 2 && (/^\s+and\s+[A-Z][a-z]+ [A-Z][a-z]+\b/.test(text.slice(end, end + 40)) || /\b[A-Z][a-z]+ [A-Z][a-z]+\s+and\s+$/.test(before));
    // "Hon Ning Ho, 34, Brian Curtis Raymond, 46, …": an age after a name is a person's.
    const aged = personWords.length >= 2 && /^,\s+\d{2},\s/.test(text.slice(end, end + 6));
    if (
      alpha &&
      (personWords.length <= 3 || (personWords.length === 4 && (titled || aged))) &&
      (titled || laterAlone || pairedInCase || aged) &&
      !/(?:Cloud|Tech|Systems|Semiconductor|Micro|Electronics|Compute|Research|Capital|Group|Labs?)$/.test(name)
    ) {
      people.push({ name, surname, start, end });
      continue;
    }
    // "its Series B round", "a Series G raise", "Round A": the name of a funding round, not of a party.
    if (FUNDING_ROUND.test(name)) continue;
    // "Alibaba's PPU", "Google's TPU", "Groq's LPU": a processing unit named by its maker's letters is a chip
    // (the generic GPU and CPU are not names).
    const processingUnit = /^[A-Z]PU$/.test(name) && !/^[GC]PU$/.test(name);
    // "The STAR 50 index", "the CSI 300", "Japan's Nikkei 225": a stock index, whose number is not a model's.
    const index = STOCK_INDEX.test(name) || /^\s+(?:index|indices|benchmark)\b/i.test(text.slice(end, end + 12));
    // ("Ampere Computing" is a company, though "Ampere" alone is Nvidia's product line.)
    const companyWord = /\b(?:Computing|Technolog(?:y|ies)|Inc|Corp|Corporation|Ltd|Limited|Holdings|Group|Semiconductors?|Labs?|Company)\b/.test(name);
    const product = ((/\d/.test(name) && !/^\d/.test(name)) || (PRODUCT_LINE.test(name) && !companyWord) || processingUnit) && !index;
    // "its Colossus supercomputer": a name with a system's noun after it is that system.
    const system = /^\s+(?:supercomputers?|superclusters?|clusters?|supernodes?)\b/i.test(text.slice(end, end + 16));
    names.push({
      name,
      kind: system ? "system" : product ? (/NVL|SuperPo[dD]|cluster|Tianchi|rack|Atlas|CloudMatrix/i.test(name) ? "system" : "chip") : "company",
      start,
      end,
      known: false,
    });
  }
  // A surname alone after the full name is the same person ("Ding … Ding faces").
  for (const person of [...people]) {
    for (const match of text.slice(person.end).matchAll(new RegExp(`\\b${person.surname}\\b`, "g"))) {
      const at = person.end + match.index;
      if (!people.some((p) => at >= p.start && at < p.end)) people.push({ name: person.name, surname: person.surname, start: at, end: at + person.surname.length });
    }
  }
  // "Panther Lake, the first processor built on 18A", "Clearwater Forest, a server processor": a name
  // the text describes as a chip is one wherever it appears (not "Groq, a chip start-up", nor "Ampere
  // Computing, a designer of Arm-based server processors").
  const described = new Set(names.filter((n) => n.kind === "company" && DESCRIBED_AS_CHIP.test(text.slice(n.end, n.end + 80))).map((n) => n.name));
  for (const n of names) if (described.has(n.name)) n.kind = "chip";
  return { names: names.filter((n) => !people.some((p) => n.start < p.end && n.end > p.start)), people: people.sort((a, b) => a.start - b.start) };
}

const DESCRIBED_AS_CHIP =
  /^,\s+(?:an?|the|its|their)\s+(?:(?!(?:of|for|with|and|maker|designer|developer|supplier|start-?up|company|firm)\b)[\w-]+\s+){0,4}?(?:processors?|chips?|accelerators?|GPUs?|CPUs?|NPUs?|SoCs?|system-on-(?:a-)?chips?)\b(?!\s*(?:start-?ups?|makers?|designers?|compan(?:y|ies)|firms?|groups?|developers?|suppliers?|giants?|vendors?|business|unit|division|industry|sector|market)\b)/;

function pushTo(index: Map<string, number[]>, key: string, at: number) {
  const list = index.get(key);
  if (list) list.push(at);
  else index.set(key, [at]);
}

function dropOverlaps(mentions: Mention[]): Mention[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || Number(b.known) - Number(a.known));
  const kept: Mention[] = [];
  for (const mention of sorted) {
    const last = kept.at(-1);
    if (last && mention.start < last.end) continue;
    kept.push(mention);
  }
  return kept;
}

/** Within a quoted document title on its line: "Framework for Artificial Intelligence Diffusion". */
function inQuotedTitle(text: string, start: number, end: number): boolean {
  const open = /["“][^"“”\n]{0,80}$/.exec(text.slice(Math.max(0, start - 80), start));
  const close = /^[^"“”\n]{0,80}["”]/.exec(text.slice(end, end + 80));
  if (!open || !close) return false;
  const title = open[0].slice(1) + text.slice(start, end) + close[0].slice(0, -1);
  return /\b(?:Framework|Rule|Act|Strategy|Plan|Initiative|Guidance|Regulations?|Law|Policy|Program(?:me)?|Agreement)\b/.test(title);
}
