// Numbers as news writes them: "300,000", "8.2", "nine", "one-third", "a dozen", "twenty-five",
// followed by an optional scale ("million", "bn", "k"). Pure; offsets index into the text.

const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  a: 1,
  an: 1,
  single: 1,
  dozen: 12,
};

export const FRACTIONS: Record<string, number> = {
  half: 0.5,
  third: 1 / 3,
  thirds: 1 / 3,
  quarter: 0.25,
  quarters: 0.25,
  fifth: 0.2,
  fifths: 0.2,
  tenth: 0.1,
  tenths: 0.1,
};

export const MULTIPLIERS: Record<string, number> = {
  double: 2,
  twice: 2,
  triple: 3,
  treble: 3,
  quadruple: 4,
  twofold: 2,
  threefold: 3,
  fourfold: 4,
  fivefold: 5,
  sixfold: 6,
  sevenfold: 7,
  eightfold: 8,
  ninefold: 9,
  tenfold: 10,
};

export const SCALES: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  mln: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  lakh: 1e5,
  crore: 1e7,
};

// Whole words only: "Eighteen" is never "eight" followed by letters.
const WORD =
  "(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?![a-z])";
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+`;
const SCALE = String.raw`(?:hundred|thousand|million|billion|trillion|mln|mn|bn|tn|k|m|b)\b`;

/** A number phrase: digits or words, an optional fraction ("one-third"), an optional scale. */
export const NUMBER_PATTERN = new RegExp(
  String.raw`(?<![\w.])(?:(?<digits>${DIGITS})|(?<words>${WORD}(?:[- ]${WORD})?)(?:[- ](?<fraction>thirds?|quarters?|fifths?|tenths?|half)|\s+(?<dozens>dozen)(?!s))?|(?<article>an?|one|a single)[- ](?<fraction2>third|quarter|fifth|tenth|half)|(?<dozen>a dozen)(?!\s+or so\b)|(?<full>an? (?:full|whole|entire)|a single)(?=\s+(?:years?|months?|quarters?|weeks?|days?)\b)|(?<a>an?)(?=\s+(?:hundred|thousand|million|billion|trillion|gigawatt|megawatt)\b)|(?<half>half)(?=\s+(?:the|of|its|their)\b)|(?<=\bby )(?<halfBy>half)\b)(?:\s*(?<scale>${SCALE}))?(?:\s+(?<scale2>${SCALE}))?`,
  "gi",
);

export type NumberMatch = { value: number; start: number; end: number; text: string; isWord: boolean; isFraction: boolean; hasScale: boolean; scale: number };

export function findNumbers(text: string): NumberMatch[] {
  const matches: NumberMatch[] = [];
  for (const match of text.matchAll(NUMBER_PATTERN)) {
    const groups = match.groups ?? {};
    let value: number;
    let isFraction = false;
    if (groups.digits) value = Number(groups.digits.replace(/,/g, ""));
    else if (groups.words) {
      value = wordsToNumber(groups.words);
      if (groups.fraction) {
        value = value * FRACTIONS[groups.fraction.toLowerCase()]!;
        isFraction = true;
      }
      if (groups.dozens) value *= 12; // "two dozen countries"
    } else if (groups.fraction2) {
      value = FRACTIONS[groups.fraction2.toLowerCase()]!;
      isFraction = true;
    } else if (groups.dozen) value = 12;
    else if (groups.a) value = 1;
    else if (groups.full) value = 1;
    else if (groups.half ?? groups.halfBy) {
      value = 0.5;
      isFraction = true;
    } else continue;
    // Single letters ("m", "b", "k") only count as scales when glued to digits: "$8m", not "8 m".
    let hasScale = false;
    let scaleFactor = 1;
    let end = match.index + match[0].length;
    for (const scale of [groups.scale, groups.scale2]) {
      if (!scale) continue;
      const lower = scale.toLowerCase();
      if (lower.length === 1 && !/\d[kmb]\b/i.test(match[0])) {
        end = match.index + match[0].search(new RegExp(String.raw`\s*${scale}\b`));
        break;
      }
      value *= SCALES[lower]!;
      scaleFactor *= SCALES[lower]!;
      hasScale = true;
    }
    const matchedText = text.slice(match.index, end);
    matches.push({ value, start: match.index, end, text: matchedText, isWord: !groups.digits, isFraction, hasScale, scale: scaleFactor });
  }
  return matches.filter((m) => m.text.trim().length > 0);
}

function wordsToNumber(words: string): number {
  return words
    .toLowerCase()
    .split(/[- ]/)
    .reduce((sum, word) => sum + (SMALL[word] ?? 0), 0);
}
