// Enrichment step "ads": mark sponsor reads and ad breaks, so moments, insights and (by default) search leave them out.
//
// An ad read is recognised by the language every sponsor read shares, not by sponsor names: an introducer ("this
// episode is brought to you by"), calls to action (a vanity URL "X.com slash show", "use code", "free trial", "20%
// off", "links in the description") and, between them, a density of commercial words (app, offer, subscription,
// bucks). Sentences with such cues seed a read; seeds close in time join into one span, from the first seed's
// sentence start to the last one's end; a span needs an unmistakable cue, or several ordinary ones, so talk that
// merely mentions a company, a sponsor or a discount is left alone.
import type { AdSpan, Episode } from '../model/episode.js';
import { sentences, type Sentence } from './segmentation.js';
import type { EnrichStep } from './step.js';

/** "This episode is (also) brought to you by", "this show sponsored by", "our first sponsor": a read starts here. */
const INTRODUCER =
  /\b(?:(?:this|the|today'?s)\s+(?:show|episode|podcast|video|program|conversation|hour)\s+(?:is\s+|was\s+)?(?:also\s+)?(?:sponsored|brought\s+to\s+you|presented|supported|powered|made\s+possible)\s+by|(?:our|a)\s+(?:first|next|last|other|final|presenting)\s+sponsor\b|(?:quick|brief|short)\s+(?:mention|word|summary|list)\s+(?:of|from)\s+(?:a|our|the|each|my|this\s+episode'?s)\s+sponsors?)/i;

/** Cues that make a span on their own: nobody says these outside a sponsor plug. */
const DECISIVE = new RegExp(
  [
    INTRODUCER.source,
    String.raw`\b(?:thank\s+you|thanks)\s+to\s+(?:our|this\s+episode'?s|today'?s)\s+(?:presenting\s+)?sponsors?\b`,
    String.raw`\bcheck\s+out\s+(?:our|the|these|my|this\s+episode'?s)\s+sponsors?\b`,
    String.raw`\b(?:promo|coupon|discount|offer)\s+code\b`,
    String.raw`\buse\s+(?:the\s+)?code\s+\w+\s+(?:at\s+checkout|to\s+get|for|and\s+get|you'?ll\s+get)\b`,
    String.raw`\bsponsor\s+links?\b`,
    String.raw`\b(?:today'?s|this\s+episode'?s|our)\s+sponsors?\s+(?:is|are|include)\b`,
    String.raw`\bsponsors?\s+(?:links?\s+)?in\s+the\s+description\b`,
  ].join('|'),
  'i',
);

/** Cues typical of sponsor reads; one alone is not enough (people mention sponsors and discounts in passing). */
const STRONG = new RegExp(
  [
    String.raw`\b[a-z][\w-]*\s?(?:\.(?:com|org|net|io|ai|co|app|run|tv)|\s+dot\s+(?:com|org|net|io|ai))\s?(?:slash|/|\.)\s?\w+`,
    String.raw`\b(?:go|head)\s+to\s+[a-z][\w-]*\s?(?:\.|\s+dot\s+)(?:com|org|net|io|ai|co|app)\b`,
    String.raw`\b(?:app\s+store|google\s+play)\b`,
    String.raw`\bfree\s+(?:trial|shipping|month|months|week|credits?)\b`,
    String.raw`\b\d+\s?(?:%|percent)\s+off\b`,
    String.raw`\b(?:get|save)\s+(?:\$\s?\d+|\d+\s+(?:bucks|dollars))`,
    String.raw`\bat\s+checkout\b`,
    String.raw`\blinks?\s+in\s+the\s+description\b`,
    String.raw`\buse\s+(?:the\s+)?code\b`,
    String.raw`\bsign\s+up\s+at\b`,
    String.raw`\bterms\s+and\s+conditions\b`,
    String.raw`\bmoney[\s-]back\s+guarantee\b`,
    String.raw`\b(?:after|before)\s+(?:the|this|a)\s+(?:short\s+|quick\s+)?break\b`,
  ].join('|'),
  'gi',
);

/** Ordinary commercial vocabulary: counts towards the density that keeps a read together. */
const WEAK =
  /\b(?:sponsor(?:s|ed|ing|ship|ships)?|ads?|discount|offers?|deals?|save|saving|subscriptions?|premium|membership|apps?|download|free|customers?|price|pricing|bucks|\$\s?\d|monthly|\w+\.com|website|support\s+(?:this|the)\s+(?:podcast|show)|description|orders?|delivery|guarantee|try\s+it)\b/gi;

/** "Not sponsored", "no sponsor will…": statements about sponsorship, not reads. */
const DISCLAIMER = /\b(?:not|never|no)\b[^.?!]{0,30}\bsponsor/i;

/**
 * Cheap test that a sentence may hold any cue at all; most sentences fail it and cost nothing more. The words are
 * grouped by first letter ("s(?:ponsor|lash|…)"): the same words as a flat list of alternatives, tested 30 % faster
 * ("supported" is left to "support", "app\b|apps\b" is "apps?\b"); the two agree on every corpus sentence.
 */
const ANY =
  /s(?:ponsor|lash|tore|ign up|ave|ubscri|upport)|b(?:rought|ucks|reak)|p(?:resented|owered|ossible|lay|remium|rice)|\bads?\b|apps?\b|\.(?:[a-z]{2,3}\b|com)|c(?:ode|heckout|ustomer)|d(?:ot com|escription|iscount|eal|ownload|eliver)|free|o(?:ff\b|rder|ffer)|\$|t(?:erms|ry it)|guarantee|member|website/i;

/** Seeds further apart than this start a new span (seconds); a read rarely goes a minute without a call to action. */
const JOIN_SECONDS = 45;
/**
 * After an introducer the host may talk about the product for a while before the call to action (seed 003's reads
 * run 60-90 s); until that first call the read is held open this long.
 */
const INTRODUCED_SECONDS = 120;
/** A span without a decisive cue needs this many cue sentences. */
const MIN_SEEDS = 3;
/** Trailing sentences kept after the last seed when they are still commercial ("That's blinkist.com slash lex."). */
const TRAILING = 2;

interface Cue {
  decisive: boolean;
  strong: number;
  weak: number;
  introducer: boolean;
}

function cueOf(text: string): Cue | null {
  if (!ANY.test(text)) return null;
  const decisive = DECISIVE.test(text);
  const disclaimer = DISCLAIMER.test(text);
  const strong = disclaimer ? 0 : (text.match(STRONG)?.length ?? 0);
  const weak = text.match(WEAK)?.length ?? 0;
  if (!decisive && strong === 0 && weak === 0) return null;
  return { decisive: decisive && !disclaimer, strong, weak, introducer: INTRODUCER.test(text) && !disclaimer };
}

/** Sponsor reads of a run of sentences, as spans of sentence indices [from, to). */
export function adRuns(units: readonly Sentence[]): { from: number; to: number }[] {
  const cues = units.map((u) => cueOf(u.text));
  const isSeed = (i: number) => {
    const c = cues[i];
    return !!c && (c.decisive || c.strong > 0 || c.weak >= 3);
  };
  const runs: { from: number; to: number }[] = [];
  let i = 0;
  while (i < units.length) {
    if (!isSeed(i)) {
      i++;
      continue;
    }
    const from = i;
    let last = i;
    let seeds = 1;
    let decisive = cues[i]!.decisive;
    // An introducer not yet followed by another seed holds the read open longer.
    let open = cues[i]!.introducer;
    for (let j = i + 1; j < units.length && units[j]!.start - units[last]!.end <= (open ? INTRODUCED_SECONDS : JOIN_SECONDS); j++) {
      if (!isSeed(j)) continue;
      open = cues[j]!.introducer;
      last = j;
      seeds++;
      decisive ||= cues[j]!.decisive;
    }
    if (decisive || seeds >= MIN_SEEDS) {
      let to = last + 1;
      for (let k = 0; k < TRAILING && to < units.length && (cues[to]?.weak ?? 0) > 0 && units[to]!.start - units[to - 1]!.end < 5; k++) to++;
      runs.push(...splitReads(units, cues, from, to));
    }
    i = last + 1;
  }
  return runs;
}

/** One span per sponsor when a block of reads has several introducers ("This show is also sponsored by…"). */
function splitReads(units: readonly Sentence[], cues: readonly (Cue | null)[], from: number, to: number): { from: number; to: number }[] {
  const starts: number[] = [];
  for (let i = from; i < to; i++) if (cues[i]?.introducer) starts.push(i);
  if (starts.length < 2) return [{ from, to }];
  const out: { from: number; to: number }[] = [];
  if (starts[0]! > from) out.push({ from, to: starts[0]! });
  starts.forEach((s, k) => out.push({ from: s, to: starts[k + 1] ?? to }));
  void units;
  return out;
}

/** Words that introduce a sponsor's name. */
const NAME_AFTER =
  /\b(?:brought\s+to\s+you\s+by|sponsored\s+by|presented\s+by|supported\s+by|powered\s+by|made\s+possible\s+by|thank\s+you\s+to|thanks\s+to|sponsors?(?:\s+(?:is|are))?[,:]?)\s+(?:(?:our|the|a|an|great|powerful|amazing|new|presenting|sponsors?|first|next|last|very|one|and|is|also)[,:]?\s+)*(.{0,160})/gi;
const DOMAIN = /\b([A-Za-z][\w-]{1,30})\s?(?:\.(?:com|org|net|io|ai|co|app|run|tv)|\s+dot\s+(?:com|org|net|io|ai))\b/gi;
/** Capitalized runs of up to three words: how the transcript spells a brand that its URL runs together. */
const CAPITALIZED = /\b[A-Z0-9][\w'&+-]*(?:\s+[A-Z0-9][\w'&+-]*){0,2}/g;
/** Lower-case words that can sit inside a name run ("Eight Sleep", "Cash App"); others end it. */
const CAPITAL_RUN = /^(?:[A-Z0-9][\w'&+-]*)(?:\s+[A-Z0-9][\w'&+-]*){0,3}/;

/** Who a read is for: names after an introducer or a thank-you, else the domains it sends listeners to. */
export function sponsorOf(text: string): string | undefined {
  const names: string[] = [];
  const seen = new Set<string>();
  const add = (name: string) => {
    const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (!key || seen.has(key) || STOP_NAMES.has(key)) return;
    for (const k of seen) if (k.includes(key) || key.includes(k)) return;
    seen.add(key);
    names.push(name);
  };
  for (const after of text.matchAll(NAME_AFTER)) {
    // A list ("our sponsors, Eight Sleep, SimpliSafe and Cash App") or one name followed by its description.
    for (const item of after[1]!.split(/[.;!?]/)[0]!.split(/,\s*(?:and\s+)?|\s+and\s+/).slice(0, 6)) {
      const run = CAPITAL_RUN.exec(item.trim());
      if (run) add(run[0]);
    }
  }
  const spelled = new Map<string, string>();
  for (const m of text.matchAll(CAPITALIZED)) {
    const words = m[0].split(/\s+/);
    // Every leading sub-run, so "Helix Sleep Mattress" also offers "Helix Sleep".
    for (let n = 1; n <= words.length; n++) {
      const surface = words.slice(0, n).join(' ');
      const key = surface.toLowerCase().replace(/[^a-z0-9]/g, '');
      if (!spelled.has(key)) spelled.set(key, surface);
    }
  }
  for (const m of text.matchAll(DOMAIN)) {
    const word = m[1]!;
    add(spelled.get(word.toLowerCase().replace(/[^a-z0-9]/g, '')) ?? word.charAt(0).toUpperCase() + word.slice(1));
  }
  return names.length ? names.slice(0, 5).join(', ') : undefined;
}

/** Capitalized words that start sentences or descriptions rather than name a sponsor. */
const STOP_NAMES = new Set(['i', 'it', 'its', 'they', 'their', 'this', 'that', 'the', 'a', 'an', 'and', 'you', 'we', 'our', 'he', 'she', 'please', 'check', 'go', 'get', 'visit', 'www']);

export function detectAds(episode: Episode): AdSpan[] {
  const units = sentences(episode.turns);
  return adRuns(units).map(({ from, to }) => {
    const text = units
      .slice(from, to)
      .map((u) => u.text)
      .join(' ');
    const span: AdSpan = { start: round(units[from]!.start), end: round(units[to - 1]!.end) };
    const sponsor = sponsorOf(text);
    if (sponsor) span.sponsor = sponsor;
    return span;
  });
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

export const adsStep: EnrichStep = {
  id: 'ads',
  version: 1,
  skip(episode) {
    if (episode.turns.length === 0) return 'no transcript';
    if (!episode.turns.some((t) => t.text.trim())) return 'no text';
    return null;
  },
  run(episode) {
    return { ads: detectAds(episode) };
  },
};
