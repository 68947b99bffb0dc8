// English claims, content phase: where the reported content starts and ends after the verb (that-clauses,
// objects of told/warned, adverbials), and the quotation index.

import { type Doc, tokenAt } from '../../doc';
import {
  EN_DET,
  EN_FINITE,
  EN_NP_OBJ_VERBS,
  EN_OBJ_VERBS,
  EN_PAREN_START,
  EN_PP_HEAD,
  EN_PRONOUNS,
  EN_RECIP,
  EN_REPORT_ING,
  EN_TIME,
  EN_VERB,
} from '../../lexicon/en';
import { type Ctx, cutAtNextReport } from '../shared';
/** Nouns of a hearing or meeting the addressee of told may be ("told a Senate estimates hearing that"). */
const EN_VENUE = /^(hearing|hearings|committee|panel|inquiry|briefing|conference|meeting|session|summit|rally)$/;

/** Content after the verb (index of the last verb token): skip "that", objects of told/warned, adverbials. */
export function contentAfter(ctx: Ctx, v: number, verb: string): { s: number; e: number } | undefined {
  const { doc } = ctx;
  const toks = doc.toks;
  const sent = doc.sentOf[v];
  const n = toks.length;
  let k = v + 1;
  if (k >= n) return undefined;
  // colon or quote right after the verb
  const sepAfter = toks[k].sep;
  // ('... Ms Short said. "I don't know ..."': a quote after a full stop is not this verb's content)
  if ((/:/.test(sepAfter) || /["\u201C]/.test(sepAfter)) && !/^[^"\u201C:]*[.!?]/.test(sepAfter)) {
    const qi = sepAfter.search(/["\u201C]/);
    const s = qi >= 0 ? toks[k].start - sepAfter.length + qi : toks[k].start;
    const qsi = doc.quoteAt.get(s);
    let e = qsi !== undefined ? doc.quotes[qsi].close + 1 : doc.sents[doc.sentOf[k]].end;
    // a quotation left open at the end of its paragraph (BBC style) ends there; the next paragraph is its own segment
    const nl = doc.src.indexOf('\n', s);
    if (nl >= 0 && nl < e) e = nl;
    return { s, e };
  }
  if (doc.sentOf[k] !== sent) return undefined;
  if (toks[k].gap >= 2 && toks[k].gap !== 4) {
    // ", in a statement, ..." parenthetical after the verb
    if (toks[k].gap === 2) {
      let c = k;
      while (c < n && doc.sentOf[c] === sent && c - k < 10 && !(c > k && toks[c].gap === 2)) c++;
      if (c < n && doc.sentOf[c] === sent && toks[c].gap === 2 && EN_TIME.has(toks[k].norm)) k = c;
      // ADR 0016: "said, by 2008, he wanted ...": a short parenthetical opening with a preposition or adverb
      else if (c < n && doc.sentOf[c] === sent && toks[c].gap === 2 && c - k <= 6 && EN_PAREN_START.has(toks[k].norm)) k = c;
      else return undefined;
    } else return undefined;
  }
  // objects of told / warned / urged
  if (EN_OBJ_VERBS.has(verb) && !(toks[k].norm === 'that')) {
    let thatAt = -1;
    for (let j = k; j < Math.min(n, k + 9); j++) {
      if (doc.sentOf[j] !== sent || toks[j].gap >= 2) break;
      if (toks[j].norm === 'that') {
        thatAt = j;
        break;
      }
      // issue 11 (en): "told MPs the plan would work and stressed that ...": a finite or reporting verb before any
      // "that" means the content has already begun without one
      // (seventh session: not a noun modifier before a venue, "told a Senate estimates hearing that")
      if (j > k && (EN_FINITE.has(toks[j].norm) || EN_VERB.get(toks[j].norm)) && !(j + 1 < n && EN_VENUE.test(toks[j + 1].norm))) break;
    }
    if (thatAt >= 0) k = thatAt + 1;
    else {
      const m = ctx.mAt[k];
      if (m) {
        k = m.last + 1;
        if (k < n && toks[k].norm === 's' && /^['\u2019]$/.test(toks[k].sep)) {
          k++;
          while (k < n && toks[k].caps && toks[k].gap === 0) k++;
          if (k < n && toks[k].gap === 0 && /^(programme|program|show|podcast|radio|channel|newspaper|website)$/.test(toks[k].norm)) k++;
        }
      } else if (EN_RECIP.has(toks[k].norm)) {
        const det = EN_DET.has(toks[k].norm);
        k++;
        if (det) {
          // skip the rest of the NP: adjectives/nouns until a word that starts a clause
          let steps = 0;
          while (
            k < n &&
            doc.sentOf[k] === sent &&
            toks[k].gap < 2 &&
            steps < 4 &&
            !/^(the|a|an|he|she|it|they|we|i|there|this|his|her|its|their|our|mr|mrs|ms)$/.test(toks[k].norm) &&
            !ctx.mAt[k]
          ) {
            k++;
            steps++;
          }
          // "told the Observer his ...": the recipient is a named outlet
          if (
            steps === 0 &&
            k < n &&
            ctx.mAt[k] &&
            ctx.mAt[k]!.first === k &&
            ctx.set.byId.get(ctx.mAt[k]!.actorId)?.type === 'organization'
          ) {
            k = ctx.mAt[k]!.last + 1;
            // session 6 (enclaims): "told the BBC's Today programme the talks ...": the outlet's programme is the recipient
            if (k < n && toks[k].norm === 's' && /^['\u2019]$/.test(toks[k].sep)) {
              k++;
              while (k < n && toks[k].caps && toks[k].gap === 0 && doc.sentOf[k] === sent) k++;
              if (k < n && toks[k].gap === 0 && /^(programme|program|show|podcast|radio|channel|newspaper|website)$/.test(toks[k].norm))
                k++;
            }
          }
        }
      } else if (['accused', 'accuses', 'accusing', 'blamed', 'blames'].includes(verb)) {
        // the object is part of the content
      } else if (ctx.mAt[k] === undefined && toks[k].caps === 0 && verb !== 'warned' && verb !== 'warns') {
        k++;
      }
    }
  }
  // "told BBC Radio 4's Today programme: "..."": the colon after the recipient opens the content
  if (EN_OBJ_VERBS.has(verb) && k < n && !/:/.test(toks[k].sep)) {
    for (let r = k + 1; r < n && r <= k + 6 && !EN_FINITE.has(toks[r].norm) && toks[r - 1].norm !== 'that'; r++) {
      if (/:/.test(toks[r].sep) && !/[.!?]/.test(toks[r].sep)) {
        const qi0 = toks[r].sep.search(/["\u201C]/);
        const s0 = qi0 >= 0 ? toks[r].start - toks[r].sep.length + qi0 : toks[r].start;
        const qs0 = doc.quoteAt.get(s0);
        let e0 = qs0 !== undefined ? doc.quotes[qs0].close + 1 : doc.sents[doc.sentOf[r]].end;
        const nl = doc.src.indexOf('\n', s0);
        if (nl >= 0 && nl < e0) e0 = nl;
        return { s: s0, e: e0 };
      }
      if (doc.sentOf[r] !== sent || toks[r].gap >= 2) break;
    }
  }
  // adverbials: on Friday, last week, in a statement (issue 11: also "late last week", "early on Monday")
  if (
    k + 2 < n &&
    doc.sentOf[k] === sent &&
    /^(late|early)$/.test(toks[k].norm) &&
    /^(on|last|yesterday|today)$/.test(toks[k + 1].norm) &&
    toks[k + 1].gap === 0
  )
    k++;
  // "said Monday that ...", "said early Tuesday": a bare weekday (news agency style) is no content
  if (k + 1 < n && /^(late|early)$/.test(toks[k].norm) && EN_WEEKDAY.has(toks[k + 1].norm) && toks[k + 1].caps > 0) k++;
  if (k < n && doc.sentOf[k] === sent && EN_WEEKDAY.has(toks[k].norm) && toks[k].caps > 0 && toks[k].gap < 2) {
    k++;
    if (k >= n || doc.sentOf[k] !== sent || toks[k].gap >= 2) return undefined;
  }
  while (
    k < n &&
    doc.sentOf[k] === sent &&
    (toks[k].norm === 'on' ||
      toks[k].norm === 'last' ||
      toks[k].norm === 'yesterday' ||
      toks[k].norm === 'today' ||
      toks[k].norm === 'earlier' ||
      toks[k].norm === 'later') &&
    k + 1 < n &&
    EN_TIME.has(toks[k + 1].norm)
  ) {
    k += toks[k].norm === 'yesterday' || toks[k].norm === 'today' ? 1 : 2;
  }
  // "said on Twitter that ...", "told a news conference in Geneva that ...", "said in an interview that ...": a
  // prepositional phrase before the complementiser is not content
  if (k < n && (EN_PP_HEAD.has(toks[k].norm) || toks[k].norm === 'to') && toks[k].gap < 2) {
    for (
      let r = k + 1;
      (r < n && r <= k + 7 && doc.sentOf[r] === sent && toks[r].gap < 2 && !EN_FINITE.has(toks[r].norm) && !ctx.mAt[r]) ||
      (r < n && r <= k + 7 && ctx.mAt[r] && toks[r].gap < 2);
      r++
    ) {
      if (toks[r].norm === 'that') {
        k = r;
        break;
      }
    }
  }
  // "has said repeatedly that ...", "said publicly that ..."
  for (
    let r = k, hops = 0;
    r < n && hops < 2 && toks[r].gap === 0 && /^[a-z]+ly$/.test(toks[r].norm) && doc.sentOf[r] === sent && toks[r].caps === 0;
    r++, hops++
  ) {
    if (r + 1 < n && toks[r + 1].norm === 'that' && toks[r + 1].gap < 2) {
      k = r + 1;
      break;
    }
  }
  let hadThat = false;
  if (k < n && toks[k].norm === 'that' && toks[k].gap < 2) {
    k++;
    hadThat = true;
  }
  if (k >= n || doc.sentOf[k] !== sent) return undefined;
  // "X has said during a visit to Britain": a prepositional phrase is no content
  if (!hadThat && EN_PP_HEAD.has(toks[k].norm) && !enLooksClausal(ctx, k)) {
    // "said in an official statement: "..."" — the colon or quotation after the phrase opens the content
    let r = k + 1;
    while (r < n && r < k + 7 && doc.sentOf[r] === sent && toks[r].gap < 2 && !/[:"\u201C]/.test(toks[r].sep)) r++;
    if (!(r < n && r < k + 7 && /[:"\u201C]/.test(toks[r].sep) && (doc.sentOf[r] === sent || /:/.test(toks[r].sep)))) return undefined;
    const qi0 = toks[r].sep.search(/["\u201C]/);
    const s0 = qi0 >= 0 ? toks[r].start - toks[r].sep.length + qi0 : toks[r].start;
    const qs0 = doc.quoteAt.get(s0);
    return { s: s0, e: qs0 !== undefined ? doc.quotes[qs0].close + 1 : doc.sents[doc.sentOf[r]].end };
  }
  // "announced the settlements", "agreed a deal", "wrote an account": a noun object, not a reported proposition
  if (!hadThat && EN_NP_OBJ_VERBS.has(verb) && !/["\u201C]/.test(toks[k].sep) && !enLooksClausal(ctx, k)) return undefined;
  // fifth session: "Nvidia reported record revenue", "reported a 5% drop in sales": a company's results are an action,
  // not a report (a past-tense verb still makes a clause: "reported deliveries fell", "reported profits jumped")
  if (!hadThat && (verb === 'reported' || verb === 'reports') && !/["\u201C]/.test(toks[k].sep) && !enLooksClausal(ctx, k)) {
    let clause = false;
    for (let r = k + 1; r < toks.length && r < k + 7 && doc.sentOf[r] === sent && toks[r].gap < 2 && !clause; r++)
      clause = /ed$/.test(toks[r].norm) || EN_PAST_IRREGULAR.has(toks[r].norm);
    if (!clause) return undefined;
  }
  // quote opening right here?
  const sep = toks[k].sep;
  let s = toks[k].start;
  const qi = sep.search(/["\u201C]/);
  if (qi >= 0) s = toks[k].start - sep.length + qi;
  let e = doc.sents[sent].end;
  for (let qi = quoteIdxAt(doc, s); qi < doc.quotes.length && doc.quotes[qi].open < e; qi++) {
    const q = doc.quotes[qi];
    if (q.open >= s && q.close >= e) e = q.close + 1;
  }
  e = cutAtNextReport(ctx, s, e);
  e = enCutCoordinated(ctx, s, e);
  if (e - s < 8) return undefined;
  return { s, e };
}

/** Issue 11 (claim segmentation): the reported content ends where the reporter coordinates a new clause with its own
 * reporting verb, after an auxiliary or adverb ("denies X and has blamed Y", "say A, and have warned B") or with a new
 * named subject after a comma ("denied A, and President X has denied B", "say A, but Tory X said B"). The verb right
 * after "and" is cutAtNextReport's; words inside a quotation are speech, not the reporter's. */
export function enCutCoordinated(ctx: Ctx, s: number, e: number): number {
  const { doc } = ctx;
  const toks = doc.toks;
  const n = toks.length;
  for (let ti = tokenAt(doc, s); ti < n && toks[ti].start < e; ti++) {
    const t = toks[ti];
    // round 5 (en): "denied there was any snub - he is going to ...": an unpaired dash outside a quotation ends the
    // reported clause (what follows is the reporter's aside or a new clause); a paired dash is a parenthesis inside it
    if (t.start > s + 8 && doc.quoteOf[ti] < 0 && EN_DASH_SEP.test(t.sep)) {
      let close = -1;
      for (let r = ti + 1; r < n && toks[r].start < e && close < 0; r++) if (EN_DASH_SEP.test(toks[r].sep)) close = r;
      if (close < 0) return t.start - t.sep.length;
      ti = close; // the parenthesis is skipped whole (its closing dash ends nothing)
      continue;
    }
    // issue 11 (en): "said A - albeit stressing that B", "said A, while adding that B": the participle clause is the
    // reporter's (en-while-participle makes it its own claim of the same speaker)
    if (
      (t.norm === 'albeit' || t.norm === 'while') &&
      t.gap === 2 &&
      t.start > s &&
      doc.quoteOf[ti] < 0 &&
      ti + 2 < n &&
      EN_REPORT_ING.has(toks[ti + 1].norm) &&
      toks[ti + 1].gap === 0 &&
      toks[ti + 2].norm === 'that'
    )
      return t.start - t.sep.length;
    // issue 11 (en): "said A, calling the tariffs an incentive": the naming participle is its own claim (en-naming)
    if (t.start > s && t.gap === 2 && /,/.test(t.sep) && /^(calling|describing|referring)$/.test(t.norm) && doc.quoteOf[ti] < 0)
      return t.start - t.sep.length;
    if (t.start <= s || (t.norm !== 'and' && t.norm !== 'but') || t.script !== 'latin' || doc.quoteOf[ti] >= 0) continue;
    let r = ti + 1;
    let named = false;
    if (/,/.test(t.sep) && !/[.!?;:]/.test(t.sep)) {
      // ", and President X has denied": up to two capitalised title words, then a named actor opening the clause
      while (r < n && r < ti + 3 && toks[r].caps === 1 && !ctx.mAt[r] && toks[r].gap === 0) r++;
      const m = r < n ? ctx.mAt[r] : undefined;
      const a = m && m.first === r ? ctx.set.byId.get(m.actorId) : undefined;
      if (a && a.type !== 'location') {
        r = m!.last + 1;
        // "but Tory Liam Fox said", "but Gridco chief Lina Hart said": an affiliation (and a role word) before the name
        for (let r2 = r; r2 < n && r2 <= r + 2 && toks[r2].gap === 0; r2++) {
          const m2 = ctx.mAt[r2];
          if (m2 && m2.first === r2 && ctx.set.byId.get(m2.actorId)?.type === 'person') {
            r = m2.last + 1;
            break;
          }
          if (m2 || toks[r2].caps === 2) break;
        }
        named = true;
      } else r = ti + 1;
    }
    let aux = 0;
    // without a new subject, "had" is a backshifted tense inside the reported clause ("told jurors he met X ... and had
    // warned him ...")
    while (r < n && aux < 2 && EN_COORD_AUX.has(toks[r].norm) && toks[r].gap === 0 && (named || toks[r].norm !== 'had')) {
      r++;
      aux++;
    }
    if (!named && aux === 0) continue;
    const w = r < n ? toks[r] : undefined;
    if (!w || w.gap !== 0 || w.start >= e || doc.sentOf[r] !== doc.sentOf[ti] || !EN_VERB.get(w.norm) || EN_COORD_NOT.has(w.norm)) continue;
    return t.start - t.sep.length;
  }
  return e;
}

const EN_DASH_SEP = /\s[-\u2013\u2014]\s|\u2014/;
/** Auxiliaries and adverbs between "and" and a coordinated reporting verb. */
const EN_COORD_AUX = new Set(['has', 'have', 'had', 'also', 'again', 'later', 'then', 'since', 'previously', 'repeatedly']);
/** Verbs that coordinate inside the content as often as outside it ("A and B have agreed", "prices rose and continued"). */
const EN_COORD_NOT = new Set(['agreed', 'agrees', 'continued', 'called', 'states', 'ruled', 'rules', 'estimated', 'estimates']);

/** Does the text from token k look like a clause (a finite verb or a pronoun subject before the first comma)? */
/** Irregular past tenses frequent in reported results and events ("profits rose", "sales fell"). */
const EN_PAST_IRREGULAR = new Set([
  'rose',
  'fell',
  'grew',
  'sank',
  'shrank',
  'went',
  'came',
  'became',
  'made',
  'hit',
  'saw',
  'took',
  'broke',
  'won',
  'lost',
  'left',
  'began',
  'held',
  'led',
  'ran',
  'struck',
  'spent',
  'paid',
  'sold',
  'bought',
  'met',
  'kept',
]);

export function enLooksClausal(ctx: Ctx, k: number): boolean {
  const toks = ctx.doc.toks;
  const sent = ctx.doc.sentOf[k];
  if (EN_PRONOUNS[toks[k].norm] || /^(there|i|we|you)$/.test(toks[k].norm)) return true;
  for (let r = k; r < toks.length && r < k + 14 && ctx.doc.sentOf[r] === sent; r++) {
    if (r > k && toks[r].gap >= 2) return false;
    if (EN_FINITE.has(toks[r].norm)) return true;
  }
  return false;
}

export function quoteIdxAt(doc: Doc, pos: number): number {
  let lo = 0,
    hi = doc.quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.quotes[mid].open < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const EN_WEEKDAY = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
