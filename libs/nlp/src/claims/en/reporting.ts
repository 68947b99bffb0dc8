// English claims, reporting-verb phase: the main pass (X said/told/warned ..., "...," X said, according to X),
// multi-paragraph quotations and quoted continuations of a claim.

import type { ActorAcc } from '../../actors/shared';
import { tokenAt } from '../../doc';
import {
  EN_DESCRIPTIONS,
  EN_DET,
  EN_INV_ROLE,
  EN_INV_SKIP,
  EN_PERSON_TITLES,
  EN_FINITE,
  EN_INVERTIBLE,
  EN_PARTICIPLES,
  EN_PASSIVE,
  EN_PP_HEAD,
  EN_PRONOUNS,
  EN_RECIP,
  EN_REPORT_ING,
  EN_TIME,
  EN_VERB,
  EN_VERB_OR_CLAIM,
} from '../../lexicon/en';
import { inSpans } from '../../text';
import { actorOf, type ClaimX, type Ctx, cutAtNextReport, lastActor, lastClaimBefore, mentionText, orderAt, pushClaim } from '../shared';
import { contentAfter, enLooksClausal } from './content';
import { englishAttribution, englishView, type EnglishEngineView, isEnglishTrigger, relativeWho } from './families';
import { lastClaimSpeakerOfType } from './coref';
import { enJoint, invertedSpeaker, quoteBefore, resolveNP, type Subj, subjectBefore, subjectOfSentence } from './speaker';

/** session 6b: verbs whose passive with an agent reports the agent's that-clause ("were told by X that"). */
const EN_PASSIVE_TOLD = new Set(['told', 'warned', 'assured', 'informed', 'reminded']);
/** session 6b: hearsay participles before "to have said/told/warned" ("is reported to have said"). */
const EN_HEARSAY = new Set(['reported', 'said', 'understood', 'believed', 'thought', 'alleged', 'known']);
export function englishClaims(ctx: Ctx): void {
  const { doc } = ctx;
  const toks = doc.toks;
  const src = doc.src;
  const n = toks.length;
  let view: EnglishEngineView | undefined; // built on the first trigger
  const nav = enNavigationSentences(ctx);
  for (let v = 0; v < n; v++) {
    const t = toks[v];
    if (t.script !== 'latin') continue;
    if (nav && nav.has(doc.sentOf[v])) continue;
    // ADR 0016 hook: the attribution families of en/families.ts (progressive, while + participle, did warn, ...)
    if (isEnglishTrigger(t.norm) && englishAttribution((view ??= englishView(ctx)), v)) continue;
    const w = t.norm;
    let kind = EN_VERB_OR_CLAIM.get(w);
    let verbTokEnd = v;
    if (w === 'according' && v + 1 < n && toks[v + 1].norm === 'to') {
      kind = 'statement';
      verbTokEnd = v + 1;
    }
    if (!kind && (w === 'asked' || w === 'asks')) kind = 'question';
    if (!kind) continue;
    if (t.caps === 2) continue;
    if (enPluralNoun(ctx, v)) continue;
    // "he asked why/whether ...", '"...?" he asked' — not "asked X to ...", "Asked about X, he said"
    if (
      kind === 'question' &&
      (doc.sentStart[v] ||
        !(
          quoteBefore(ctx, v) ||
          (v + 1 < n && /^(why|whether|if|how|what|when|who|where)$/.test(toks[v + 1].norm)) ||
          (v + 1 < n && /[:"\u201C]/.test(toks[v + 1].sep))
        ))
    )
      continue;
    if (inSpans(doc.skip, t.start, t.end)) continue;
    const prev = v > 0 ? toks[v - 1] : undefined;
    const wentOnTo = prev && prev.norm === 'to' && v >= 3 && /^(on)$/.test(toks[v - 2].norm) && /^(went|goes|go)$/.test(toks[v - 3].norm);
    if (prev && EN_PASSIVE.has(prev.norm) && prev.gap === 0 && t.gap === 0 && w !== 'according' && !wentOnTo) {
      // "His claims were denied by Foreign Secretary Jack Straw": a deny/reject-type passive with its agent; the subject
      // is the content
      if (
        /^(denied|disputed|refuted|contested)$/.test(w) &&
        /^(was|were|been|is|are)$/.test(prev.norm) &&
        v + 2 < n &&
        toks[v + 1].norm === 'by' &&
        toks[v + 1].gap === 0 &&
        doc.sentOf[v + 1] === doc.sentOf[v]
      ) {
        const ag = invertedSpeaker(ctx, v + 2);
        let aux = v - 1;
        if (aux > 0 && /^(has|have|had)$/.test(toks[aux - 1].norm)) aux--;
        const s0 = clauseStartBefore(ctx, v);
        const e0 = toks[aux].start - toks[aux].sep.length;
        if (
          ag &&
          e0 > s0 &&
          pushClaim(((ctx.rule = 'en-passive-agent'), ctx), ag.actor, ag.text, src.slice(t.start, t.end), kind, s0, e0, v)
        )
          continue;
      }
      if (EN_PASSIVE_TOLD.has(w) && passiveTold(ctx, v, kind)) continue;
      continue;
    }
    if (prev && prev.norm === 'have' && hearsay(ctx, v, kind)) continue;
    if (wentOnTo) {
      // "Chief Supt Deats went on to warn: ..."
      const sb0 = subjectBefore(ctx, v - 3);
      const c0 = sb0 ? contentAfter(ctx, v, w) : undefined;
      if (sb0 && c0 && pushClaim(((ctx.rule = 'en-sv'), ctx), sb0.actor, sb0.text, src.slice(t.start, t.end), kind, c0.s, c0.e, v))
        continue;
    }
    if (v + 1 < n && toks[v + 1].norm === 'to' && w !== 'told' && w !== 'according' && (w === 'said' || w === 'says')) continue; // "said to be"
    const sent = doc.sentOf[v];
    if (w === 'according') {
      englishAccording(ctx, v, verbTokEnd);
      continue;
    }
    // "X, who insists ...": the antecedent of the relative pronoun; issue 11 (en): also with auxiliaries and short
    // adverbials between the pronoun and the verb ("X, who this week criticised", "X - who has at times doubted that")
    const wi = relativeWho(doc, ctx.mAt, v);
    if (wi > 0 && (toks[wi].gap === 2 || ctx.mAt[wi - 1])) {
      // the antecedent may sit in a prepositional phrase ("rejected by Mr Blair, who said: ...")
      const am = ctx.mAt[wi - 1];
      const aa = am && am.last === wi - 1 ? ctx.set.byId.get(am.actorId) : undefined;
      const ant =
        aa && aa.type !== 'location' ? { actor: aa, text: src.slice(am!.start, am!.end), pronoun: false } : resolveNP(ctx, wi - 1, wi + 1);
      const c = ant && !ant.pronoun ? contentAfter(ctx, v, w) : undefined;
      // "Mr Mubanga, who insists he does not feel bitter, said: ..." — the relative clause ends before the main verb
      if (c)
        for (let r = v + 2; r < n && toks[r].start < c.e; r++)
          // (also after a closing quotation: 'X, who called it "a row", told ...', 'X - who called it "a row" - told ...')
          if (
            (toks[r].gap === 2 || (toks[r].gap === 4 && /[,\u2013\u2014]|\s-\s/.test(toks[r].sep))) &&
            (EN_VERB.get(toks[r].norm) || EN_REL_MAIN_AUX.has(toks[r].norm)) &&
            doc.quoteOf[r] < 0
          ) {
            c.e = toks[r].start - toks[r].sep.length;
            break;
          }
      if (c && (kind === 'promise' || kind === 'demand') && /^(to|for)\s/i.test(src.slice(c.s, c.s + 4))) continue;
      if (ant && c && pushClaim(((ctx.rule = 'en-relative'), ctx), ant.actor, ant.text, t.norm, kind, c.s, c.e, v)) continue;
      if (wi < v - 1) continue; // an auxiliary reading of the relative clause: never the main-clause rules
    }
    // "was quoted as saying", "quoted by KCNA as saying"
    if (w === 'saying' && prev && prev.norm === 'as') {
      // "CONTENT, minister Yuri Trutnev was quoted as saying (by Interfax)." — the content comes first
      if (
        v >= 3 &&
        toks[v - 2].norm === 'quoted' &&
        /^(was|were)$/.test(toks[v - 3].norm) &&
        (v + 1 >= n || doc.sentOf[v + 1] !== sent || toks[v + 1].norm === 'by' || toks[v + 1].gap >= 2)
      ) {
        const sq = subjectBefore(ctx, v - 3);
        if (sq && !sq.pronoun) {
          let ct = sq.first;
          for (let r = ct, hops = 0; hops < 4 && r > 0 && toks[r].gap < 2 && doc.sentOf[r - 1] === sent; hops++) {
            const wv = toks[r - 1];
            if (ctx.mAt[r - 1] || !(wv.caps === 0 || EN_INV_SKIP.has(wv.norm))) break;
            r--;
            if (toks[r].gap === 2) {
              ct = r;
              break;
            }
          }
          const s0 = doc.sents[sent].start;
          const e0 = toks[ct].start - toks[ct].sep.length + Math.max(0, toks[ct].sep.indexOf(','));
          if (
            toks[ct].gap === 2 &&
            e0 - s0 > 10 &&
            pushClaim(((ctx.rule = 'en-quoted-as'), ctx), sq.actor, sq.text, 'quoted as saying', kind, s0, e0, v)
          )
            continue;
        }
      }
      const sp0 = subjectOfSentence(ctx, v);
      const c = sp0 ? contentAfter(ctx, v, w) : undefined;
      if (sp0 && c && pushClaim(((ctx.rule = 'en-quoted-as'), ctx), sp0, '', 'quoted as saying', kind, c.s, c.e, v)) continue;
    }
    // seventh session: "X defended the record, telling a House hearing that ..." → the subject of the sentence, when no
    // subject sits right before "telling" (else the rules below, as before: 'Mr X, ..., telling the meeting: "..."').
    // It reports only with "that", a colon or a quotation after the recipient (", telling them to leave" is a request).
    if (w === 'telling' && t.gap === 2 && !subjectBefore(ctx, v)) {
      const sp = subjectOfSentence(ctx, v);
      const c = sp ? contentAfter(ctx, v, w) : undefined;
      if (sp && c && /(?:\bthat|[:"\u201C])\s*$/.test(src.slice(t.end, c.s))) {
        pushClaim(((ctx.rule = 'en-participle'), ctx), sp, '', t.norm, kind, c.s, c.e, v);
        continue;
      }
    }
    // participle clause: ", saying ..." → the subject of the sentence
    const withSubj =
      t.gap === 0 && v >= 2 && ctx.mAt[v - 1] && ctx.mAt[v - 1]!.last === v - 1 && toks[ctx.mAt[v - 1]!.first - 1]?.norm === 'with';
    if (
      EN_PARTICIPLES.has(w) &&
      (t.gap === 2 ||
        (t.gap === 4 && /,/.test(t.sep) && !/[.!?:;]/.test(t.sep)) ||
        (prev && prev.norm === 'by' && prev.gap === 0 && t.gap === 0) ||
        withSubj)
    ) {
      const lc = lastClaimBefore(ctx, v);
      let sp: ActorAcc | undefined;
      if (lc && doc.sentOf[lc.at] === sent) sp = ctx.set.byId.get(lc.speaker.actorId!);
      // "..., with Mr Trutnev suggesting that ...": the participle's own subject
      if (!sp && t.gap === 0 && prev && ctx.mAt[v - 1] && ctx.mAt[v - 1]!.last === v - 1) {
        const a = actorOf(ctx, v - 1);
        if (a && a.type !== 'location') sp = a;
      }
      if (!sp) sp = subjectOfSentence(ctx, v);
      if (!sp) continue;
      const c = contentAfter(ctx, v, w);
      if (c && !((kind === 'warning' || kind === 'demand') && isRequest(src.slice(c.s, Math.min(c.e, c.s + 60)))))
        pushClaim(((ctx.rule = 'en-participle'), ctx), sp, '', t.norm, kind, c.s, c.e, v);
      continue;
    }
    if (EN_PARTICIPLES.has(w) && w !== 'warning') continue;
    // (A) quote before the verb: "...," X said / "...," said X / "...," he said
    const qa = quoteBefore(ctx, v);
    if (qa) {
      const sp = qa.speaker;
      if (sp) {
        const q = doc.quotes[qa.q];
        // '"A.¶¶"B," he said': one claim per paragraph segment of the quotation
        const segs: [number, number][] = [];
        for (let a0 = q.open + 1, nl = src.indexOf('\n', a0); ; nl = src.indexOf('\n', a0)) {
          if (nl < 0 || nl >= q.close) {
            segs.push([a0, q.close]);
            break;
          }
          segs.push([a0, nl]);
          let p = nl;
          while (p < q.close && /\s/.test(src[p])) p++;
          if (/["\u201C]/.test(src[p])) p++;
          a0 = p;
        }
        // round 5 (en): 'Roads will close to "reduce congestion", the council said': a quoted fragment that ends the
        // reported clause is part of it; the content runs from the clause start (no colon, quotation or verb of its
        // own before the fragment)
        let quoted = true;
        if (segs.length === 1) {
          const cs = enClauseBeforeFragment(ctx, q.open);
          if (cs >= 0) {
            segs[0] = [cs, Math.min(q.close + 1, doc.src.length)];
            quoted = false;
          }
        }
        const verbText = src.slice(t.start, t.end);
        const emit = (who: typeof sp, text: string, [s, e]: [number, number]) =>
          pushClaim(((ctx.rule = 'en-quote-before'), ctx), who, text, verbText, kind, s, e, v, quoted);
        let c: ClaimX | undefined;
        // the last segment's claim stands for the quotation; a joint subject's other speakers get each segment too
        for (let si = segs.length - 1; si >= 0; si--) {
          const cc = emit(sp, qa.text, segs[si]);
          if (si === segs.length - 1) c = cc;
          for (const o of qa.others ?? []) emit(o, o.name, segs[si]);
        }
        if (c) {
          ctx.usedQuotes.add(qa.q);
          continue;
        }
      }
    }
    if (ctx.doc.quoteOf[v] >= 0) continue; // reporting verbs inside a quotation belong to the quoted speech
    // (C') "CONTENT, said X [of Y / , a role]." — verb-subject inversion after a comma (say-type verbs only: "..., accused
    // Mr Clarke of ..." has its subject before); also without the comma ("... turn to Windows said Dominic Hirsch, ...")
    const inv = v + 1 < n && EN_INVERTIBLE.has(w) ? invertedSpeaker(ctx, v + 1) : undefined;
    const noComma =
      inv &&
      t.gap === 0 &&
      (!ctx.mAt[v - 1] || actorOf(ctx, v - 1)!.type === 'location') &&
      !EN_PRONOUNS[toks[v - 1].norm] &&
      !EN_DET.has(toks[v - 1].norm) &&
      v - tokenAt(doc, doc.sents[sent].start) >= 6 &&
      /^(said|says|added|argued)$/.test(w);
    if (inv && (t.gap === 2 || noComma)) {
      const e2 = inv.last + 1;
      let rest = 0;
      for (let r = e2; r < n && doc.sentOf[r] === sent; r++) rest++;
      if (
        !noComma &&
        e2 < n &&
        doc.sentOf[e2] === sent &&
        toks[e2].gap === 2 &&
        rest >= 4 &&
        !EN_INV_ROLE.has(toks[e2].norm) &&
        !EN_DET.has(toks[e2].norm) &&
        // fifth session: an apposition or relative clause on the speaker is no content ("said X, chair of Y, in a
        // statement", "argued X, who chairs the committee")
        !EN_PERSON_TITLES.has(toks[e2].norm) &&
        !/^(who|whose|whom|which)$/.test(toks[e2].norm)
      ) {
        // "Incidents like this happen, said Mr Thiemann, because when banks ..." — the content follows
        const e1 = cutAtNextReport(ctx, toks[e2].start, doc.sents[sent].end);
        if (
          pushClaim(((ctx.rule = 'en-inversion-after'), ctx), inv.actor, inv.text, src.slice(t.start, t.end), kind, toks[e2].start, e1, v)
        )
          continue;
      }
      if (
        e2 >= n ||
        doc.sentOf[e2] !== sent ||
        (toks[e2].gap >= 2 && toks[e2].gap !== 4) ||
        ['of', 'at', 'from', 'for'].includes(toks[e2].norm)
      ) {
        const s0 = clauseStartBefore(ctx, v);
        const e0 = noComma
          ? toks[v].start - toks[v].sep.length
          : toks[v].start - toks[v].sep.length + Math.max(0, toks[v].sep.indexOf(','));
        if (e0 - s0 > 10 && pushClaim(((ctx.rule = 'en-inversion'), ctx), inv.actor, inv.text, src.slice(t.start, t.end), kind, s0, e0, v))
          continue;
      }
    }
    // (B) subject before, content after
    let sb = subjectBefore(ctx, v);
    // seventh session: "criticised by X for what he called ...": a pronoun subject inside the content of a claim already
    // made in this sentence is that speaker's own nested remark (not split out by the gold), never another actor's
    if (sb?.pronoun && insideClaim(ctx, t.start, sent)) continue;
    // "... and has blamed ...", "..., and have warned ...": an auxiliary or adverb may sit between "and" and the verb
    let cj = v - 1;
    while (cj > 0 && v - cj <= 2 && /^(has|have|had|also|again)$/.test(toks[cj].norm) && toks[cj + 1].gap === 0) cj--;
    const coord = cj >= 0 && cj < v && (toks[cj].norm === 'and' || toks[cj].norm === 'but') && toks[cj + 1].gap === 0;
    if (v > 0 && coord && (!sb || sb.pronoun || (cj < v - 1 && !ctx.mAt[v - 1] && sb.first < cj))) {
      // coordinated verb: the subject of the sentence (the speaker of its first claim, if any, with its joint speakers)
      let a0: ActorAcc | undefined;
      let joint: ActorAcc[] | undefined;
      for (const c of ctx.claims)
        if (doc.sentOf[c.at] === sent && c.at < v) {
          a0 = ctx.set.byId.get(c.speaker.actorId!);
          joint = enJoint.get(c);
          // "KCNA reported that Kim Jong Un had inspected ... and said ...": inside that claim's content, the subject of
          // the reported clause is the one that speaks
          if (c.start <= t.start && (t.start < c.end || doc.src.slice(c.end, t.start).trim() === 'and')) {
            for (let i = orderAt(ctx, c.start); i < ctx.order.length && ctx.order[i].end <= t.start; i++) {
              const a = ctx.set.byId.get(ctx.order[i].actorId);
              if (a && a.type !== 'location' && a.id !== c.speaker.actorId) {
                if (ctx.order[i].first <= tokenAt(doc, c.start) + 1) {
                  a0 = a;
                  joint = undefined;
                }
                break;
              }
            }
          }
          break;
        }
      if (a0 && joint) sb = { actor: a0, text: '', first: cj, others: joint };
      else {
        a0 ??= subjectOfSentence(ctx, v);
        if (a0) sb = { actor: a0, text: '', first: cj };
      }
    }
    // (C) content before: "CONTENT, X said." / "CONTENT, said X."
    // "..., the company said on Tuesday." / "..., he said last week." — a trailing time adverbial still ends the clause
    const endsHere = (k: number) => {
      // "..., President Musharraf has said during a visit to Britain."
      if (k < n && doc.sentOf[k] === sent && toks[k].gap < 2 && EN_PP_HEAD.has(toks[k].norm) && !enLooksClausal(ctx, k)) return true;
      // issue 11 (en): "said late last week", "said early on Monday": the degree word before a time adverbial
      if (
        k + 1 < n &&
        doc.sentOf[k] === sent &&
        toks[k].gap < 2 &&
        /^(late|early)$/.test(toks[k].norm) &&
        (/^(on|last|this|yesterday|today)$/.test(toks[k + 1].norm) || EN_WEEKDAYS.has(toks[k + 1].norm))
      )
        k++;
      // issue 11 (en): "..., the ministry said Monday." — a bare weekday (news agency style)
      if (k < n && doc.sentOf[k] === sent && toks[k].gap < 2 && EN_WEEKDAYS.has(toks[k].norm) && toks[k].caps > 0) k++;
      else if (
        k < n &&
        doc.sentOf[k] === sent &&
        toks[k].gap < 2 &&
        /^(on|last|yesterday|today|earlier|later|this|in)$/.test(toks[k].norm)
      ) {
        let r = toks[k].norm === 'yesterday' || toks[k].norm === 'today' ? k + 1 : k + 2;
        if (
          toks[k].norm === 'in' &&
          !(k + 2 < n && /^(a|an|the)$/.test(toks[k + 1].norm) && /^(statement|interview|letter|speech)$/.test(toks[k + 2].norm))
        )
          return false;
        if (toks[k].norm === 'in') r = k + 3;
        else if (r === k + 2 && !(k + 1 < n && EN_TIME.has(toks[k + 1].norm))) return false;
        k = r;
      }
      return k >= n || doc.sentOf[k] !== sent || toks[k].gap >= 2;
    };
    // "..., X told a US network on Sunday.": the recipient (and a time adverbial) close the sentence, the content is before
    // (not 'told the BBC: "..."', where the colon opens the content)
    const rcp = EN_TELL.has(w) ? enAfterRecipient(ctx, v + 1) : v + 1;
    const recipientEnds = rcp > v + 1 && endsHere(rcp) && enNothingReported(ctx, rcp);
    const after = recipientEnds ? undefined : contentAfter(ctx, verbTokEnd, w);
    if (after) after.e = enCutTrailingAside(ctx, after.s, after.e);
    // fifth session: "said it had notified customers, adding that ...": a content that opens on a reporting participle
    // belongs to the participle rule, not to this verb (seventh session: the content before may still be this verb's,
    // "CONTENT, X warned on Monday, adding that ..." — the rules in (C) below decide)
    const opensOnParticiple =
      !!after &&
      EN_REPORT_ING.has(
        src
          .slice(after.s, Math.min(after.e, after.s + 12))
          .split(/\s/, 1)[0]
          .toLowerCase(),
      );
    if (sb && after && !opensOnParticiple) {
      // round 5 (en): "told him last month about X", "told members of the committee", "told Sanders but nobody told
      // him": after a recipient, a topic or a conjunction is no proposition
      if (EN_TELL_TOPIC.has(w) && /^(about|of|but|and|or)\s/i.test(src.slice(after.s, after.s + 6))) continue;
      // "pledged to oppose", "urged X to ...", "called for": commitments and requests without a proposition
      const head = src.slice(after.s, Math.min(after.e, after.s + 4)).toLowerCase();
      if ((kind === 'promise' || kind === 'demand') && (/^to\s/.test(head) || /^for\s/.test(head))) continue;
      // issue 11 (en): "urged all sides, however, to avoid ...": a request with an adverb aside before its infinitive
      if (
        (kind === 'promise' || kind === 'demand') &&
        isRequest(src.slice(after.s, Math.min(after.e, after.s + 80)).replace(/^([^,]{1,40}),\s*[a-z]+,\s*to\s/i, '$1 to '))
      )
        continue;
      // session 6 (enclaims): "demanded that the agency explain ...", "urged that he resign": a that-clause with a bare
      // (subjunctive) verb is a request; a finite auxiliary or modal early in the clause makes it a statement
      if (kind === 'demand' && v + 1 < n && toks[v + 1].norm === 'that' && enSubjunctiveClause(ctx, v + 2)) continue;
      enPushJoint(ctx, sb, (a, tx) => pushClaim(((ctx.rule = 'en-sv'), ctx), a, tx, src.slice(t.start, t.end), kind, after.s, after.e, v));
      continue;
    }
    let sp: ActorAcc | undefined;
    let spText = '';
    let endTok = v + 1;
    if (sb && (endsHere(v + 1) || recipientEnds)) {
      sp = sb.actor;
      spText = sb.text;
    } else if (!sb && v + 1 < n && doc.sentOf[v + 1] === sent && toks[v + 1].gap < 2 && actorOf(ctx, v + 1)) {
      const m = ctx.mAt[v + 1]!;
      endTok = m.last + 1;
      if (endsHere(endTok)) {
        sp = actorOf(ctx, v + 1);
        spText = mentionText(ctx, v + 1);
      }
    }
    // "Already, he said, there have been ..." / "Incidents like this happen, said Mr Thiemann, because ..." — attribution in the middle
    // (fifth session: "The plan, Treasury Secretary X said, would ..." — from the start of the title phrase before the name)
    const attrStart = sb ? enTitleStart(ctx, sb.first, sent) : v;
    if (sp && v + 1 < n && endTok < n && doc.sentOf[endTok] === sent && toks[endTok].gap === 2 && toks[attrStart].gap === 2) {
      let rest = 0;
      for (let r = endTok; r < n && doc.sentOf[r] === sent; r++) rest++;
      // round 5 (en): "CLAUSE, he said, including X." — a participle or prepositional tail after the attribution adds to
      // the clause before it, which is the content (below); only a clausal remainder is the mid-attribution content
      const tail = toks[endTok].norm;
      // (fifth session: "CLAUSE, X said, adding that ..." — a reporting participle opens a claim of its own, the participle
      // rule's, even though its that-clause looks clausal)
      const tailAdjunct =
        (((/ing$/.test(tail) || EN_PP_HEAD.has(tail) || /^(including|with|without|as|despite)$/.test(tail)) &&
          !enLooksClausal(ctx, endTok)) ||
          EN_REPORT_ING.has(tail)) &&
        attrStart - tokenAt(doc, doc.sents[sent].start) >= 4;
      if (rest >= 4 && !tailAdjunct) {
        const s1 = toks[endTok].start;
        const e1 = cutAtNextReport(ctx, s1, doc.sents[sent].end);
        if (pushClaim(((ctx.rule = 'en-mid'), ctx), sp, spText, src.slice(t.start, t.end), kind, s1, e1, v)) continue;
      }
    }
    if (sp) {
      // the content runs from the sentence start to the comma before the speaker/verb
      // "..., watchdog Ofcom has said", "..., Secretary of State X told", "..., Tesla Chief Executive X said"
      const commaTok = attrStart;
      if (toks[commaTok].gap !== 2) continue;
      const s0 = doc.sents[sent].start;
      const e0 = toks[commaTok].start - toks[commaTok].sep.length;
      if (e0 - s0 < 10) continue;
      const e1 = e0 + toks[commaTok].sep.indexOf(',') + 0;
      if (sb && sp === sb.actor)
        enPushJoint(ctx, sb, (a, tx) =>
          pushClaim(((ctx.rule = 'en-content-before'), ctx), a, tx, src.slice(t.start, t.end), kind, s0, e1, v),
        );
      else pushClaim(((ctx.rule = 'en-content-before'), ctx), sp, spText, src.slice(t.start, t.end), kind, s0, e1, v);
    }
  }
  enParagraphQuotes(ctx);
  continuationQuotes(ctx);
}

/** The first token of the title phrase before a speaker's name, when a comma opens it; else `first`. Role words
 * ("watchdog Ofcom", "opposition leader X"), multi-word titles (issue 11: "Secretary of State X") and, fifth session, a
 * country or body that modifies a title word right after it ("Russian Foreign Minister X", "Tesla Chief Executive X",
 * "U.S. Treasury Secretary X"): before, such a mention stopped the walk and the content before the comma was lost. */
function enTitleStart(ctx: Ctx, first: number, sent: number): number {
  const { doc } = ctx;
  const toks = doc.toks;
  for (let r = first, hops = 0; hops < 6 && r > 0 && doc.sentOf[r - 1] === sent; hops++) {
    const wv = toks[r - 1];
    const m = ctx.mAt[r - 1];
    // only a space between the words (or an abbreviation's full stop after a mention: "U.S. Secretary of State X")
    if (toks[r].gap >= 2 && !(m && /^\.?\s+$/.test(doc.src.slice(m.end, toks[r].start)))) return first;
    if (m) {
      // only a modifier: a non-person mention directly before a title word
      const a = ctx.set.byId.get(m.actorId);
      if (!a || a.type === 'person' || m.last !== r - 1 || !EN_PERSON_TITLES.has(toks[r].norm)) return first;
      r = m.first;
    } else {
      // (session 6: a capitalised modifier inside a title, "Chief Financial Officer", "Chief Operating Officer")
      const titleMod = wv.caps === 1 && hops > 0 && (EN_PERSON_TITLES.has(toks[r].norm) || EN_INV_SKIP.has(toks[r].norm));
      if (EN_VERB.get(wv.norm) || !(wv.caps === 0 || titleMod || EN_INV_SKIP.has(wv.norm) || EN_PERSON_TITLES.has(wv.norm))) return first;
      r--;
    }
    if (toks[r].gap === 2) return r;
  }
  return first;
}

/** Issue 11: "CONTENT, X told reporters." / "..., X told a local newspaper on Sunday." — the token after the recipient of a
 * told-type verb (a named outlet, a plural audience noun, or a short determiner phrase), or k when there is none. */
function enAfterRecipient(ctx: Ctx, k: number): number {
  const { doc } = ctx;
  const toks = doc.toks;
  const n = toks.length;
  if (k >= n || toks[k].gap >= 2 || doc.sentOf[k] !== doc.sentOf[k - 1]) return k;
  const m = ctx.mAt[k];
  if (m && m.first === k) return ctx.set.byId.get(m.actorId)?.type === 'organization' ? m.last + 1 : k;
  if (!EN_RECIP.has(toks[k].norm)) return k;
  if (!EN_DET.has(toks[k].norm)) return k + 1;
  // "a local newspaper", "the BBC", "a US network": up to four words, a named outlet may close it
  let r = k + 1;
  for (let steps = 0; r < n && steps < 4 && toks[r].gap < 2 && doc.sentOf[r] === doc.sentOf[k]; steps++) {
    const mr = ctx.mAt[r];
    if (mr && mr.first === r) {
      r = mr.last + 1;
      continue;
    }
    if (EN_VERB.get(toks[r].norm) || EN_FINITE.has(toks[r].norm) || EN_PRONOUNS[toks[r].norm] || toks[r].norm === 'that') return k;
    r++;
  }
  return r;
}

/** Issue 11 (spurious claims): "claims", "reports", "denials"-like -s forms used as nouns — after a possessive or a
 * determiner ("Russia's claims that", "its reports"), or after a noun phrase that is the object of a preposition ("scoffed
 * at the US claims that"). A sentence subject ("The US claims that ...") stays a verb. */
function enPluralNoun(ctx: Ctx, v: number): boolean {
  const toks = ctx.doc.toks;
  const w = toks[v].norm;
  if (v < 1 || !/s$/.test(w) || toks[v].gap !== 0) return false;
  const b = toks[v - 1];
  if (b.norm === 's' && /['\u2019]/.test(b.sep) && b.gap <= 1) return true;
  if (/^(the|his|her|its|their|these|those|our|such)$/.test(b.norm)) return true;
  const m = ctx.mAt[v - 1];
  if (!m || m.last !== v - 1) return false;
  let j = m.first - 1;
  if (j >= 0 && /^(the|a|an)$/.test(toks[j].norm) && toks[m.first].gap === 0) j--;
  // (seventh session: also after a told-type verb, "told a Senate estimates hearing")
  return (
    j >= 0 &&
    toks[j + 1].gap === 0 &&
    /^(at|of|to|with|by|on|against|over|about|despite|from|into|for|before|told|telling|tells)$/.test(toks[j].norm)
  );
}

/** A claim of sentence `sent` whose content holds offset `pos`. */
function insideClaim(ctx: Ctx, pos: number, sent: number): boolean {
  for (let i = ctx.claims.length - 1, lim = 0; i >= 0 && lim < 8; i--, lim++) {
    const c = ctx.claims[i];
    if (c.start <= pos && pos < c.end && ctx.doc.sentOf[c.at] === sent) return true;
  }
  return false;
}

/** Verbs whose object is the addressee, not the content. */
const EN_TELL = new Set(['told', 'tells', 'assured', 'informed']);

/** Nothing after token k in its sentence opens reported content (no "that", colon or quotation, at most six words). */
function enNothingReported(ctx: Ctx, k: number): boolean {
  const { doc } = ctx;
  const toks = doc.toks;
  const sent = doc.sentOf[k - 1];
  for (let r = k; r < toks.length && doc.sentOf[r] === sent; r++) {
    if (r - k > 6 || toks[r].norm === 'that' || /[:"\u201C]/.test(toks[r].sep)) return false;
  }
  return true;
}

const EN_FINITE_MARK = /^(is|are|was|were|has|have|had|will|would|should|could|must|can|may|might|shall|did|does|do)$/;

/** session 6 (enclaims): no finite auxiliary/modal or past-tense form in the first eight tokens of the clause from k. */
function enSubjunctiveClause(ctx: Ctx, k: number): boolean {
  const { doc } = ctx;
  const toks = doc.toks;
  const sent = doc.sentOf[k - 1];
  for (let r = k; r < Math.min(toks.length, k + 8) && doc.sentOf[r] === sent; r++) {
    if (r > k && toks[r].gap >= 2) break;
    const w = toks[r].norm;
    if (EN_FINITE_MARK.test(w) || (toks[r].caps === 0 && /[^e]ed$/.test(w))) return false;
  }
  return true;
}

/** "exchanges to lock down ...", "them to leave": warn/urge + object + to-infinitive is a request, not a statement. */
function isRequest(head: string): boolean {
  return /^(?:[\w'’-]+\s+){0,3}to\s+[a-z]/i.test(head) && !/\bthat\b/i.test(head.split(/\s+to\s+/)[0]);
}

const EN_QCHARS = /["\u201C\u201D]/g;

/** BBC-style quotation over several paragraphs: 'X said: "A.¶¶"B.¶¶"C."' — the quotation is left open at a paragraph
 * end and the next paragraph reopens it; each paragraph is its own segment of the same speaker's claim. */
function enParagraphQuotes(ctx: Ctx, only?: ClaimX[]): void {
  const src = ctx.doc.src;
  const made = only ?? ctx.claims.filter((c) => c.rule.startsWith('en-'));
  for (const c0 of made) {
    let c: ClaimX | undefined = c0;
    for (let guard = 0; c && guard < 8; guard++) {
      // the content's quotation must still be open at the end of its paragraph
      let pe = src.indexOf('\n', c.end);
      if (pe < 0) break;
      if (!/["\u201C]/.test(src[c.start - 1] ?? '')) break;
      if ((src.slice(c.start, pe).match(EN_QCHARS) ?? []).length !== 0) break;
      let p = pe;
      while (p < src.length && /\s/.test(src[p])) p++;
      if (!/["\u201C]/.test(src[p] ?? '')) break;
      pe = src.indexOf('\n', p);
      if (pe < 0) pe = src.length;
      const close = src.slice(p + 1, pe).search(/["\u201D]/);
      const e = close >= 0 ? p + 1 + close : pe;
      const a = ctx.set.byId.get(c.speaker.actorId!);
      if (!a) break;
      const nc = pushClaim(
        ((ctx.rule = 'en-paragraph-quote'), ctx),
        a,
        c.speaker.text,
        c.verb,
        c.kind,
        p + 1,
        e,
        tokenAt(ctx.doc, p),
        true,
      );
      if (!nc || close >= 0) break;
      c = nc;
    }
  }
}

/** Push one claim for the subject and one per co-speaker of a joint statement; remember the group for "they". */
function enPushJoint(ctx: Ctx, sb: Subj, push: (a: ActorAcc, text: string) => ClaimX | undefined): ClaimX | undefined {
  const c = push(sb.actor, sb.text);
  if (!sb.others?.length) return c;
  const group = [sb.actor, ...sb.others];
  const made: ClaimX[] = c ? [c] : [];
  for (const o of sb.others) {
    const co = push(o, o.name);
    if (co) made.push(co);
  }
  for (const m of made)
    enJoint.set(
      m,
      group.filter((a) => a.id !== m.speaker.actorId),
    );
  return c;
}

/** "..., state media reported." / "..., officials said." closing a content span is a reporter aside. */
function enCutTrailingAside(ctx: Ctx, s: number, e: number): number {
  const { doc } = ctx;
  const toks = doc.toks;
  let last = tokenAt(doc, e) - 1;
  while (last >= 0 && toks[last].end > e) last--;
  if (last < 0 || !(EN_VERB.get(toks[last].norm) || /^(reported|reports|reporting)$/.test(toks[last].norm)) || doc.quoteOf[last] >= 0)
    return e;
  for (let r = last; r > last - 5 && r >= 0 && toks[r].start > s; r--) {
    if (toks[r].gap >= 2) {
      if (!/,/.test(toks[r].sep) || (ctx.mAt[r] && r === last - 1)) return e; // ", Mr X said" is handled as content-before elsewhere
      return toks[r].start - toks[r].sep.length + toks[r].sep.indexOf(',');
    }
  }
  return e;
}

/** Start of the clause ending at token v: its sentence's start. */
function clauseStartBefore(ctx: Ctx, v: number): number {
  const { doc } = ctx;
  return doc.sents[doc.sentOf[v]].start;
}

function englishAccording(ctx: Ctx, v: number, toIdx: number): void {
  const { doc } = ctx;
  const toks = doc.toks;
  const k = toIdx + 1;
  if (k >= toks.length) return;
  let a = actorOf(ctx, k);
  let kk = k;
  if (!a) {
    for (let r = k + 1; r < Math.min(toks.length, k + 6); r++) {
      if (toks[r].gap >= 2) break;
      a = actorOf(ctx, r);
      if (a) {
        kk = r;
        break;
      }
    }
  }
  let m = a ? ctx.mAt[kk]! : undefined;
  if (!a && EN_DET.has(toks[k].norm)) {
    // "According to the bureau," → the last organisation so named
    for (let r = k + 1; r < Math.min(toks.length, k + 4); r++) {
      if (toks[r].gap >= 2) break;
      // issue 11 (en): "according to the order/notification/filing" — a document of the body that spoke just before
      // ("X said in an online notification ... . Y, according to the order."); nobody else is guessed
      if (EN_ACCORDING_DOCS.has(toks[r].norm)) {
        const lc = lastClaimBefore(ctx, v);
        const la = lc?.speaker.actorId ? ctx.set.byId.get(lc.speaker.actorId) : undefined;
        if (lc && la && la.type !== 'person' && la.type !== 'location' && doc.sentOf[v] - doc.sentOf[lc.at] <= 2) {
          a = la;
          kk = r;
          m = { actorId: la.id, start: toks[k].start, end: toks[r].end, first: k, last: r, field: doc.field };
        }
        break;
      }
      const d =
        EN_DESCRIPTIONS[toks[r].norm] ??
        (/^(bureau|office|agency|ministry|department|statement|report)$/.test(toks[r].norm) ? 'organization' : undefined);
      if (d === 'organization') {
        const w = toks[r].norm;
        a =
          lastActor(ctx, k, (x) => x.type === 'organization' && x.name.toLowerCase().includes(w)) ??
          lastClaimSpeakerOfType(ctx, v, 'organization');
        if (a) {
          kk = r;
          m = { actorId: a.id, start: toks[k].start, end: toks[r].end, first: k, last: r, field: doc.field };
        }
        break;
      }
    }
  }
  if (!a || a.type === 'location' || !m) return;
  const sent = doc.sentOf[v];
  const s0 = doc.sents[sent].start;
  const e0 = doc.sents[sent].end;
  if (doc.sentStart[v]) {
    // According to X, CONTENT.
    let c = m.last + 1;
    while (c < toks.length && doc.sentOf[c] === sent && toks[c].gap !== 2) c++;
    if (c >= toks.length || doc.sentOf[c] !== sent) return;
    pushClaim(((ctx.rule = 'en-according'), ctx), a, doc.src.slice(m.start, m.end), 'according to', 'statement', toks[c].start, e0, v);
  } else if (toks[v].gap === 2 || (toks[v].gap === 4 && /,\s*$/.test(toks[v].sep))) {
    // (issue 11: also after a closing quotation mark, '... "for any other purpose", according to the order')
    // "The ministry said ..., according to the Associated Press": the agency relays the ministry's statement
    for (let b = v - 1; b >= 0 && doc.sentOf[b] === sent; b--)
      if (EN_VERB.get(toks[b].norm) && toks[b].script === 'latin' && doc.quoteOf[b] < 0 && !(b > 0 && EN_PASSIVE.has(toks[b - 1].norm)))
        return;
    pushClaim(
      ((ctx.rule = 'en-according-end'), ctx),
      a,
      doc.src.slice(m.start, m.end),
      'according to',
      'statement',
      s0,
      toks[v].start - toks[v].sep.length,
      v,
    );
  }
}

/** A quoted sentence/paragraph right after a claim, without attribution of its own, continues it. */
function continuationQuotes(ctx: Ctx): void {
  const { doc } = ctx;
  const toks = doc.toks;
  const byStart = [...ctx.claims].sort((a, b) => a.start - b.start);
  let ptr = 0;
  let prev: ClaimX | undefined;
  for (let qi = 0; qi < doc.quotes.length; qi++) {
    while (ptr < byStart.length && byStart[ptr].end <= doc.quotes[qi].open) {
      if (!prev || byStart[ptr].end >= prev.end) prev = byStart[ptr];
      ptr++;
    }
    if (ctx.usedQuotes.has(qi)) continue;
    const q = doc.quotes[qi];
    // the quote must start a sentence or paragraph
    let p = q.open - 1;
    while (p >= 0 && (doc.src[p] === ' ' || doc.src[p] === '\t')) p--;
    // round 5 (en): or it resumes a quotation split by its attribution ('"A," said X, "B."', '"A," X said, "B."'): the
    // previous claim is that quotation and only the attribution and a comma stand between
    const resumes =
      p >= 0 &&
      doc.src[p] === ',' &&
      !!prev &&
      prev.quoted &&
      prev.rule === 'en-quote-before' &&
      EN_SPLIT_ATTR.test(doc.src.slice(prev.end, q.open));
    if (p >= 0 && !resumes && !/[.!?\n]/.test(doc.src[p]) && !/["\u201D]/.test(doc.src[p])) continue;
    // already covered by a claim?
    let overl = false;
    for (let j = Math.max(0, ptr - 3); j < Math.min(byStart.length, ptr + 3); j++) {
      const c = byStart[j];
      if (c.start < q.close && q.open < c.end) overl = true;
    }
    if (overl) continue;
    // the previous claim ends within ~2 sentences before
    if (!prev) continue;
    const between = doc.src.slice(prev.end, q.open);
    const sentsBetween = (between.match(/[.!?\n]/g) ?? []).length;
    if (between.length > 220 || sentsBetween > 3) continue;
    // something other than the attribution between? (another named actor → skip)
    let other = false;
    const prevSent = doc.sentOf[Math.min(toks.length - 1, Math.max(0, prev.at))];
    for (let ti = tokenAt(doc, prev.end); ti < toks.length && toks[ti].end <= q.open; ti++)
      if (doc.sentOf[ti] > prevSent && ctx.mAt[ti] && ctx.mAt[ti]!.actorId !== prev.speaker.actorId) other = true;
    if (other) continue;
    // after the quote, an attribution of its own ('"...," she said') that found no speaker: not a continuation
    {
      let ti = tokenAt(doc, q.close + 1);
      let own = false;
      // only a quotation ended by a comma ('"...," she said') announces its own attribution
      if (!(doc.src[q.close - 1] === ',' || /^\s*,/.test(doc.src.slice(q.close + 1, q.close + 4)))) ti = toks.length;
      for (
        let h = 0;
        ti < toks.length &&
        h < 4 &&
        !/[.!?\n]/.test(
          doc.src
            .slice(q.close + 1, toks[ti].start)
            .replace(/^["\u201D]/, '')
            .replace(/^\s*,/, ''),
        );
        ti++, h++
      )
        if (EN_VERB.get(toks[ti].norm)) {
          own = true;
          break;
        }
      if (own) continue;
    }
    // after the quote, an attribution to someone else? (handled by quoteBefore already)
    const a = ctx.set.byId.get(prev.speaker.actorId!);
    if (!a) continue;
    // a quotation "closed" only by the next paragraph's opening mark ends at its own paragraph
    const nl = doc.src.indexOf('\n', q.open);
    const qe = nl >= 0 && nl < q.close ? nl : q.close;
    const c = pushClaim(
      ((ctx.rule = 'en-continuation'), ctx),
      a,
      prev.speaker.text,
      prev.verb,
      prev.kind,
      q.open + 1,
      qe,
      tokenAt(doc, q.open),
      true,
    );
    if (c) {
      ctx.usedQuotes.add(qi);
      prev = c;
      if (qe !== q.close) {
        const before = ctx.claims.length;
        enParagraphQuotes(ctx, [c]);
        if (ctx.claims.length > before) prev = ctx.claims[ctx.claims.length - 1];
      }
    }
  }
}

/** Round 5 (en): the start of the reported clause around a quoted fragment opening at `open`, or -1: the sentence
 * start, when at least three words of the same sentence stand before the fragment with no quotation mark, colon or
 * reporting verb among them, and the sentence opens in upper case (not a continuation). */
function enClauseBeforeFragment(ctx: Ctx, open: number): number {
  const { doc } = ctx;
  const toks = doc.toks;
  const k = tokenAt(doc, open);
  if (k <= 0 || k >= toks.length) return -1;
  const sent = doc.sentOf[Math.min(k, toks.length - 1)];
  const s0 = doc.sents[sent].start;
  if (s0 >= open) return -1;
  const pre = doc.src.slice(s0, open);
  if (/["\u201C\u201D:;\n]/.test(pre) || !/^[A-Z]/.test(pre)) return -1;
  let words = 0;
  for (let r = tokenAt(doc, s0); r < toks.length && toks[r].start < open; r++) {
    if (EN_VERB.get(toks[r].norm)) return -1;
    const m = ctx.mAt[r];
    if (m && ctx.set.byId.get(m.actorId)?.type !== 'location') return -1; // a named actor: maybe the fragment's own speaker
    words++;
  }
  return words >= 3 ? s0 : -1;
}

const EN_TELL_TOPIC = new Set(['told', 'tells', 'tell', 'telling', 'informed', 'assured']);

/** Round 5 (en): sentences that are navigation, not reporting — a link line opened by a label ("Related: X says ...",
 * "More: ...", "Read more: ...", "See also: ..."). One look at each sentence start; undefined when there is none. */
function enNavigationSentences(ctx: Ctx): Set<number> | undefined {
  const { doc } = ctx;
  let out: Set<number> | undefined;
  for (let i = 0; i < doc.sents.length; i++) {
    const st = doc.sents[i].start;
    const c = doc.src.charCodeAt(st);
    // first letters of the labels (R M S A W L): most sentences are passed over without a slice
    if (c !== 82 && c !== 77 && c !== 83 && c !== 65 && c !== 87 && c !== 76) continue;
    if (EN_NAV_LABEL.test(doc.src.slice(st, st + 14))) (out ??= new Set()).add(i);
  }
  return out;
}
const EN_NAV_LABEL = /^(Related|More|Read more|Read also|See also|Also read|Watch|Listen)\s*:/;

/** The attribution between the two halves of a split quotation: '," said X, ' (closing mark, comma, up to 60 characters
 * with no sentence end or quotation mark, comma). */
const EN_SPLIT_ATTR = /^["\u201D]?,?["\u201D]?\s+[^.!?;:"\u201C\u201D\n]{2,60},\s*$/;

/** issue 11 (en): an auxiliary after the comma that closes a relative clause starts the main clause ("X, who warned
 * that A, will meet ..."). */
const EN_REL_MAIN_AUX = new Set([
  'will',
  'would',
  'has',
  'have',
  'had',
  'is',
  'was',
  'are',
  'were',
  'can',
  'could',
  'may',
  'might',
  'must',
  'should',
  'did',
  'does',
]);

const EN_WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Documents a body issues, for "according to the order" (issue 11). */
const EN_ACCORDING_DOCS = new Set([
  'order',
  'notification',
  'notice',
  'filing',
  'complaint',
  'indictment',
  'document',
  'circular',
  'directive',
]);

/** session 6b (enpassive): "Staff were told by X that CLAUSE", "were warned by X that": the agent reports the
 * that-clause (only with an explicit "that" right after the agent). Kept out of the main loop (its size). */
function passiveTold(ctx: Ctx, v: number, kind: string): boolean {
  const { doc } = ctx;
  const toks = doc.toks;
  const n = toks.length;
  const prev = toks[v - 1];
  if (
    !/^(was|were|been|being)$/.test(prev.norm) ||
    v + 3 >= n ||
    toks[v + 1].norm !== 'by' ||
    toks[v + 1].gap !== 0 ||
    doc.sentOf[v + 1] !== doc.sentOf[v]
  )
    return false;
  const ag = invertedSpeaker(ctx, v + 2);
  if (!ag) return false;
  const th = ag.last + 1;
  if (!(th + 1 < n && toks[th].norm === 'that' && toks[th].gap === 0 && doc.sentOf[th] === doc.sentOf[v])) return false;
  const c = contentAfter(ctx, ag.last, 'said');
  const t = toks[v];
  return !!c && !!pushClaim(((ctx.rule = 'en-passive-told'), ctx), ag.actor, ag.text, doc.src.slice(t.start, t.end), kind, c.s, c.e, v);
}

/** session 6b (enpassive): hearsay attribution "X is reported to have said that ...", "X was said to have told staff
 * that ...", "X is understood to have warned that ..." → X (the report is X's, the hedge is the outlet's). */
function hearsay(ctx: Ctx, v: number, kind: string): boolean {
  const { doc } = ctx;
  const toks = doc.toks;
  if (
    v < 4 ||
    toks[v - 2].norm !== 'to' ||
    !EN_HEARSAY.has(toks[v - 3].norm) ||
    !/^(is|was|are|were)$/.test(toks[v - 4].norm) ||
    toks[v].gap !== 0 ||
    toks[v - 1].gap !== 0 ||
    toks[v - 2].gap !== 0 ||
    toks[v - 3].gap !== 0
  )
    return false;
  const sh = subjectBefore(ctx, v - 4);
  const ch = sh ? contentAfter(ctx, v, toks[v].norm) : undefined;
  return (
    !!sh &&
    !!ch &&
    !!pushClaim(((ctx.rule = 'en-hearsay'), ctx), sh.actor, sh.text, doc.src.slice(toks[v - 3].start, toks[v].end), kind, ch.s, ch.e, v)
  );
}
