import { isUtf8 } from 'node:buffer';
import { isIsoUtcDate } from './document';

/**
 * What the indexer needs from an enriched article it can send as is: its `_id` and the dates that
 * pick its monthly index.
 */
export interface ScannedArticle {
  id: string;
  publishedAt?: string;
  fetchedAt?: string;
  enrichedAt: string;
}

// Byte values the scanner dispatches on.
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
/** Generic values (metadata, derived fields, claims' rule) nest at most this deep here; deeper → the parse decides. */
const MAX_DEPTH = 64;
const ACTOR_TYPES = new Set(['person', 'organization', 'country', 'group', 'location', 'other']);

const isDigit = (c: number) => c >= ZERO && c <= NINE;
const isHex = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
/** JSON.parse's escapes: \" \\ \/ \b \f \n \r \t (\u is checked apart). */
const isSimpleEscape = (c: number) =>
  c === 0x22 || c === 0x5c || c === 0x2f || c === 0x62 || c === 0x66 || c === 0x6e || c === 0x72 || c === 0x74;

/**
 * Every key and enumerated value the scan compares, by (length, first byte, last byte): a key is
 * matched against its bytes without making a string of it (one small string per key was a third of
 * the scan's time).
 */
const WORDS = new Map<number, string[]>();
const wordCode = (len: number, first: number, last: number) => (len << 16) | (first << 8) | last;
for (const w of [
  ...'id schemaVersion url source title body titleNormalized bodyNormalized language languageDetection publishedAt fetchedAt'.split(' '),
  ...'enrichedAt enrichmentVersion actorIds actorNames actorTypes claimSpeakerIds actors claims dedup metadata'.split(' '),
  ...'name domain country code confidence extractor fingerprint clusterId duplicateOf text start end field'.split(' '),
  ...'type count mentions salience speaker actorId verb kind quoted rule kb'.split(' '),
  ...ACTOR_TYPES,
]) {
  const code = wordCode(w.length, w.charCodeAt(0), w.charCodeAt(w.length - 1));
  WORDS.set(code, [...(WORDS.get(code) ?? []), w]);
}

/**
 * A single-pass check over the bytes of an enriched message: true only for compact JSON (no
 * whitespace between tokens, no BOM) that decodes, parses, passes isCanonicalEnrichedArticle and
 * spliceIndexDocument's indexableAsIs, and carries every field toIndexDocument would derive — i.e.
 * a message whose spliced document is its own bytes plus `indexedAt`. Any doubt (an escaped key,
 * a duplicate key, a number in an unusual form, a missing derived field, deep nesting) is a
 * "no", and the caller takes the parsing path, which gives the verdict and the DLQ reason. It never
 * builds the article: the big strings (body, texts, mentions) are only checked, the few whose
 * value matters (url, dates, names) are decoded.
 */
class Scanner {
  i = 0;
  /** The last string's content is b[s0, s1); esc: it holds escapes. */
  s0 = 0;
  s1 = 0;
  esc = false;
  /** The last number: plain digits (no sign, fraction or exponent), at most 15 of them. */
  int = false;
  constructor(readonly b: Buffer) {}

  /** A string at i → true with i after its closing quote (s0, s1, esc set); raw control characters or a bad escape → false. */
  str(): boolean {
    const b = this.b;
    let i = this.i;
    if (b[i] !== QUOTE) return false;
    this.s0 = ++i;
    this.esc = false;
    const n = b.length;
    for (;;) {
      if (i >= n) return false;
      const c = b[i];
      // multi-byte UTF-8 never holds bytes below 0x80 (the whole buffer passed isUtf8): one compare for most bytes
      if (c > BACKSLASH) {
        i++;
        continue;
      }
      if (c === QUOTE) break;
      if (c < 0x20) return false; // JSON.parse refuses raw control characters (and a raw line break would split a _bulk line)
      if (c === BACKSLASH) {
        this.esc = true;
        const e = b[i + 1];
        if (e === 0x75) {
          if (i + 5 >= n || !isHex(b[i + 2]) || !isHex(b[i + 3]) || !isHex(b[i + 4]) || !isHex(b[i + 5])) return false;
          i += 6;
        } else if (isSimpleEscape(e)) i += 2;
        else return false;
      } else i++;
    }
    this.s1 = i;
    this.i = i + 1;
    return true;
  }

  /** The last string's value (for the short strings whose content the contract checks). */
  text(): string {
    if (!this.esc) return this.b.toString('utf8', this.s0, this.s1);
    return JSON.parse(this.b.toString('utf8', this.s0 - 1, this.s1 + 1)) as string;
  }

  /** A string at i, its value; undefined when not a string. */
  strValue(): string | undefined {
    return this.str() ? this.text() : undefined;
  }

  /** The last string as one of WORDS (the interned string), or '' when it is none of them or escaped. */
  word(): string {
    const b = this.b;
    const s0 = this.s0;
    const len = this.s1 - s0;
    if (this.esc || len === 0) return '';
    const ws = WORDS.get(wordCode(len, b[s0], b[this.s1 - 1]));
    if (ws === undefined) return '';
    next: for (const w of ws) {
      for (let k = 1; k < len - 1; k++) if (b[s0 + k] !== w.charCodeAt(k)) continue next;
      return w;
    }
    return '';
  }

  /** A key at i with its colon → the key if it is one of WORDS, else '' (the caller declines). */
  key(): string {
    if (!this.str() || this.b[this.i] !== COLON) return '';
    this.i++;
    return this.word();
  }

  /** A string at i that is one of WORDS → it, else ''. */
  wordValue(): string {
    return this.str() ? this.word() : '';
  }

  /** A JSON number at i → true with i after it (sets `int`). */
  num(): boolean {
    const b = this.b;
    let i = this.i;
    const start = i;
    if (b[i] === MINUS) i++;
    if (b[i] === ZERO) i++;
    else if (isDigit(b[i])) while (isDigit(b[i])) i++;
    else return false;
    const digits = i - start;
    let plain = b[start] !== MINUS;
    if (b[i] === DOT) {
      plain = false;
      i++;
      if (!isDigit(b[i])) return false;
      while (isDigit(b[i])) i++;
    }
    let exp = false;
    if (b[i] === 0x65 || b[i] === 0x45) {
      plain = false;
      exp = true;
      i++;
      if (b[i] === PLUS || b[i] === MINUS) i++;
      if (!isDigit(b[i])) return false;
      while (isDigit(b[i])) i++;
    }
    // plain digits, at most 15 (so the value is an exact integer, never Infinity)
    this.int = plain && digits <= 15;
    this.exp = exp;
    this.i = i;
    return true;
  }
  exp = false;

  /** A non-negative integer written as plain digits (isNat). */
  nat(): boolean {
    return this.num() && this.int;
  }

  /** A number that parses finite (1e400 or 400 digits parse to Infinity). */
  finite(): boolean {
    const s = this.i;
    if (!this.num()) return false;
    if (!this.exp && this.i - s <= 300) return true;
    return Number.isFinite(Number(this.b.toString('latin1', s, this.i)));
  }

  lit(word: string): boolean {
    const b = this.b;
    for (let k = 0; k < word.length; k++) if (b[this.i + k] !== word.charCodeAt(k)) return false;
    this.i += word.length;
    return true;
  }

  bool(): boolean {
    return this.b[this.i] === 0x74 ? this.lit('true') : this.lit('false');
  }

  /** `{` at i → true with i after it; `}` right after → also closes it (then `empty` is true). */
  empty = false;
  open(o: number, c: number): boolean {
    const b = this.b;
    if (b[this.i] !== o) return false;
    this.i++;
    this.empty = b[this.i] === c;
    if (this.empty) this.i++;
    return true;
  }

  /** After a member or item: 1 = another follows, 0 = `close` ended it, -1 = neither. */
  next(close: number): number {
    const c = this.b[this.i++];
    return c === COMMA ? 1 : c === close ? 0 : -1;
  }

  /** Any JSON value (what the contract does not look into): grammar only, duplicate keys refused. */
  value(depth = 0): boolean {
    const c = this.b[this.i];
    if (c === QUOTE) return this.str();
    if (c === LBRACE || c === LBRACKET) {
      if (depth >= MAX_DEPTH || !this.open(c, c + 2)) return false;
      if (this.empty) return true;
      // duplicate keys: JSON.parse keeps the last, the bytes would keep both
      const seen = c === LBRACE ? new Set<string>() : undefined;
      for (;;) {
        if (seen) {
          if (!this.str() || this.b[this.i] !== COLON) return false;
          const k = this.text();
          if (seen.has(k)) return false;
          seen.add(k);
          this.i++;
        }
        if (!this.value(depth + 1)) return false;
        const r = this.next(c + 2);
        if (r === 0) return true;
        if (r < 0) return false;
      }
    }
    if (c === 0x74) return this.lit('true');
    if (c === 0x66) return this.lit('false');
    if (c === 0x6e) return this.lit('null');
    return this.num();
  }

  /** A non-null value (toIndexDocument derives a field that is null). */
  nonNull(): boolean {
    return this.b[this.i] !== 0x6e && this.value();
  }

  /** A string whose value the schema's `.trim()` leaves unchanged, of `min`..`max` characters. */
  trimmed(min = 1, max = Infinity): boolean {
    const s = this.strValue();
    return s !== undefined && s.length >= min && s.length <= max && s.trim() === s;
  }

  /** A string with something besides white space (`name.trim().length > 0`), decoded only when not plain ASCII. */
  named(): boolean {
    if (!this.str()) return false;
    const b = this.b;
    for (let k = this.s0; k < this.s1; k++) {
      const c = b[k];
      if (c >= 0x80 || c === BACKSLASH) return this.text().trim().length > 0;
      if (c !== 0x20) return true; // no raw control characters here (str refused them)
    }
    return false;
  }

  /**
   * An object whose keys are all known, each at most once: `member(key)` checks the value of one
   * and returns its bit (0: unknown key or bad value). The bits seen, or -1.
   */
  fields(member: (s: Scanner, key: string) => number, required: number): number {
    if (!this.open(LBRACE, RBRACE)) return -1;
    let seen = 0;
    if (!this.empty)
      for (;;) {
        const bit = member(this, this.key());
        if (bit === 0 || seen & bit) return -1;
        seen |= bit;
        const r = this.next(RBRACE);
        if (r === 0) break;
        if (r < 0) return -1;
      }
    return (seen & required) === required ? seen : -1;
  }

  /** `[ item, ... ]` of one kind. */
  array(item: (s: Scanner) => boolean): boolean {
    if (!this.open(LBRACKET, RBRACKET)) return false;
    if (this.empty) return true;
    for (;;) {
      if (!item(this)) return false;
      const r = this.next(RBRACKET);
      if (r === 0) return true;
      if (r < 0) return false;
    }
  }
}

// The members of each level (module-level functions: no closure per object scanned).
const sourceMember = (s: Scanner, k: string) => {
  if (k === 'name') return s.trimmed() ? 1 : 0;
  if (k === 'domain') return s.trimmed() ? 2 : 0;
  if (k === 'country') return s.trimmed(2, 3) ? 4 : 0;
  return 0;
};
const detectionMember = (s: Scanner, k: string) => {
  if (k === 'code') return s.str() ? 1 : 0;
  if (k === 'confidence') return s.finite() ? 2 : 0;
  if (k === 'extractor') return s.str() ? 4 : 0;
  return 0;
};
const dedupMember = (s: Scanner, k: string) => {
  if (k === 'fingerprint') return s.str() ? 1 : 0;
  if (k === 'clusterId') return s.str() ? 2 : 0;
  if (k === 'duplicateOf') return s.str() ? 4 : 0;
  return 0;
};
/** Mentions' and claims' `field`: 'body' or 'title'. */
const fieldOk = (s: Scanner) => {
  const w = s.wordValue();
  return w === 'body' || w === 'title';
};
const mentionMember = (s: Scanner, k: string) => {
  if (k === 'text') return s.str() ? 1 : 0;
  if (k === 'start') return s.nat() ? 2 : 0;
  if (k === 'end') return s.nat() ? 4 : 0;
  if (k === 'field') return fieldOk(s) ? 8 : 0;
  return 0;
};
const mention = (s: Scanner) => s.fields(mentionMember, 7) !== -1;
const actorMember = (s: Scanner, k: string) => {
  switch (k) {
    case 'id':
      return s.str() && s.s1 > s.s0 ? 1 : 0; // non-empty
    case 'name':
      return s.named() ? 2 : 0;
    case 'type':
      return ACTOR_TYPES.has(s.wordValue()) ? 4 : 0;
    case 'count': // indexableAsIs: every actor carries its count
      return s.nat() ? 8 : 0;
    case 'mentions':
      return s.array(mention) ? 16 : 0;
    case 'salience':
      return s.finite() ? 32 : 0;
    case 'source': {
      const w = s.wordValue();
      return w === 'kb' || w === 'rule' ? 64 : 0;
    }
    default:
      return 0;
  }
};
const actor = (s: Scanner) => s.fields(actorMember, 31) !== -1;
const speakerMember = (s: Scanner, k: string) => {
  if (k === 'actorId') return s.str() ? 1 : 0;
  if (k === 'name') return s.str() ? 2 : 0;
  if (k === 'text') return s.str() ? 4 : 0;
  return 0;
};
const isStr = (s: Scanner) => s.str();
const claimMember = (s: Scanner, k: string) => {
  switch (k) {
    case 'speaker':
      return s.fields(speakerMember, 6) !== -1 ? 1 : 0;
    case 'verb':
      return s.str() ? 2 : 0;
    case 'text':
      return s.str() ? 4 : 0;
    case 'start':
      return s.nat() ? 8 : 0;
    case 'end':
      return s.nat() ? 16 : 0;
    case 'quoted':
      return s.bool() ? 32 : 0;
    case 'kind':
      return s.str() ? 64 : 0;
    case 'field':
      return fieldOk(s) ? 128 : 0;
    case 'actorIds':
      return s.array(isStr) ? 256 : 0;
    case 'rule': // the engine's provenance: not checked by the contract, copied by toIndexDocument
      return s.value() ? 512 : 0;
    default:
      return 0;
  }
};
const claim = (s: Scanner) => s.fields(claimMember, 63) !== -1;

// Top-level keys → bits. REQUIRED: the contract's required fields plus the fields toIndexDocument
// would otherwise derive (titleNormalized only when there is a title).
const TOP = {
  id: 1 << 0,
  schemaVersion: 1 << 1,
  url: 1 << 2,
  source: 1 << 3,
  title: 1 << 4,
  body: 1 << 5,
  titleNormalized: 1 << 6,
  bodyNormalized: 1 << 7,
  language: 1 << 8,
  languageDetection: 1 << 9,
  publishedAt: 1 << 10,
  fetchedAt: 1 << 11,
  enrichedAt: 1 << 12,
  enrichmentVersion: 1 << 13,
  actorIds: 1 << 14,
  actorNames: 1 << 15,
  actorTypes: 1 << 16,
  claimSpeakerIds: 1 << 17,
  actors: 1 << 18,
  claims: 1 << 19,
  dedup: 1 << 20,
  metadata: 1 << 21,
} as const;
const REQUIRED =
  TOP.id |
  TOP.schemaVersion |
  TOP.url |
  TOP.source |
  TOP.body |
  TOP.bodyNormalized |
  TOP.language |
  TOP.languageDetection |
  TOP.enrichedAt |
  TOP.enrichmentVersion |
  TOP.actorIds |
  TOP.actorNames |
  TOP.actorTypes |
  TOP.claimSpeakerIds |
  TOP.actors |
  TOP.claims |
  TOP.dedup;

/** A date the contract accepts (Date.parse) that toIndexDocument would copy unchanged (ISO-8601 UTC as toISOString writes it). */
const dateOk = (s: string | undefined): s is string => s !== undefined && !Number.isNaN(Date.parse(s)) && isIsoUtcDate(s);

/**
 * The enriched message `json` scanned without parsing it (see Scanner): what the indexer needs when
 * its document is `json` itself plus `indexedAt`, or undefined — then decode, parse and check it as
 * before (the verdict, the DLQ reason, and the splice or serialisation of other shapes are theirs).
 * The same outcome as that path by construction: it says yes only where the path would splice the
 * same bytes (scan.spec.ts holds it to that over mutated and corrupted articles).
 */
export function scanIndexableArticle(json: Buffer): ScannedArticle | undefined {
  if (json.length < 2 || json[0] !== LBRACE || json[json.length - 1] !== RBRACE || !isUtf8(json)) return undefined;
  const s = new Scanner(json);
  const found: Partial<ScannedArticle> = {};
  const seen = s.fields((s, k) => {
    switch (k) {
      case 'id':
        found.id = s.strValue();
        return found.id ? TOP.id : 0; // a non-empty string
      case 'schemaVersion': // a positive integer
        return s.b[s.i] !== ZERO && s.nat() ? TOP.schemaVersion : 0;
      case 'url':
        return s.trimmed() ? TOP.url : 0;
      case 'source':
        return s.fields(sourceMember, 1) !== -1 ? TOP.source : 0;
      case 'title':
        return s.str() ? TOP.title : 0;
      case 'body':
        return s.str() ? TOP.body : 0;
      case 'language':
        return s.str() ? TOP.language : 0;
      case 'languageDetection':
        return s.fields(detectionMember, 7) !== -1 ? TOP.languageDetection : 0;
      case 'publishedAt':
      case 'fetchedAt':
      case 'enrichedAt':
        return dateOk((found[k] = s.strValue())) ? TOP[k] : 0;
      case 'enrichmentVersion':
        return s.str() ? TOP.enrichmentVersion : 0;
      case 'actors':
        return s.array(actor) ? TOP.actors : 0;
      case 'claims':
        return s.array(claim) ? TOP.claims : 0;
      case 'dedup':
        return s.fields(dedupMember, 3) !== -1 ? TOP.dedup : 0;
      case 'metadata': // an object, whatever it holds
        return s.b[s.i] === LBRACE && s.value() ? TOP.metadata : 0;
      case 'titleNormalized':
      case 'bodyNormalized':
      case 'actorIds':
      case 'actorNames':
      case 'actorTypes':
      case 'claimSpeakerIds':
        return s.nonNull() ? TOP[k] : 0;
      default:
        return 0;
    }
  }, REQUIRED);
  if (seen === -1 || s.i !== json.length) return undefined;
  if (seen & TOP.title && !(seen & TOP.titleNormalized)) return undefined;
  return found as ScannedArticle;
}
