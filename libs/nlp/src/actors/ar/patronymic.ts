// issue 11 (session 6; ADR 0017): Arabic patronymic chains — NAME بن NAME (بن NAME)* [ال-FAMILY] is one person.
// Gulf protocol news names nearly everyone this way ("صاحب السمو الملكي الأمير فيصل بن مشعل بن سعود"، "معالي
// الدكتور مساعد بن محمد العيبان"، "سلطان بن ناصر الدوسري"), and the other rules cut such names: a one-word KB person
// inside the chain took it (بن مشعل → Khaled Meshaal), a given-name rule started at the father's name (ناصر الدوسري),
// a first name that is also a title or a common word was dropped (بن محمد), and a family name without the nisba -ي
// ending was left out (سعود بن خالد [الفيصل]). The word before بن is a given name; a title never stands there.

import { AR_ADJ_STOP, AR_COMP, AR_DAYS, AR_NAME_CONNECT, AR_ORG_HEADS, AR_PERSON_TITLES, AR_STOP } from '../../lexicon/ar';
import { AR_CORPUS_COMMON } from '../../lexicon/ar-common';
import { addRule, type ExtractCtx, uncover } from '../shared';
import { AR_FIRST_NAME_GENDER } from './given-names';
import { arVerbOf } from './names';

const LINKS = new Set(['بن', 'ابن', 'بنت']);

/** A name word of the chain at k: Arabic, not a function word, verb, title or head (ال only after a link: بن الحسين). */
function chainWord(ctx: ExtractCtx, k: number, afterLink: boolean): boolean {
  const t = ctx.doc.toks[k];
  if (!t || t.script !== 'arabic' || t.norm.length < 2) return false;
  const w = t.norm;
  if (afterLink && w === 'علي') return true; // (the name Ali after a link, however its ي is written)
  if (LINKS.has(w) || AR_STOP.has(w) || AR_DAYS.has(w) || arVerbOf(t)) return false;
  if (AR_ORG_HEADS.has(w)) return false;
  if (w.startsWith('ال') && !afterLink) return false;
  if (/[\u064B-\u064D]/.test(ctx.doc.src.slice(t.start, t.end))) return false;
  return true;
}

/** Covered by a non-person actor (a body, a country): the chain cannot run through it. */
function blocked(ctx: ExtractCtx, k: number): boolean {
  const c = ctx.cover[k];
  if (!c) return false;
  if (c.startsWith('skip:')) return true;
  return ctx.set.byId.get(c)?.type !== 'person';
}

export function arPatronymicChains(ctx: ExtractCtx): void {
  const { doc, cover } = ctx;
  const toks = doc.toks;
  const n = toks.length;
  for (let b = 1; b + 1 < n; b++) {
    if (!LINKS.has(toks[b].norm) || toks[b].gap > 1 || toks[b + 1].gap > 1) continue;
    // the given name before the first link: a title word only when it is also a given name or follows a title
    // (الدكتور مساعد بن محمد: مساعد "assistant" is the name)
    const x = b - 1;
    if (!chainWord(ctx, x, false) || blocked(ctx, x)) continue;
    const xw = toks[x].norm;
    if (AR_PERSON_TITLES.has(xw) && !AR_FIRST_NAME_GENDER.has(xw) && !(x > 0 && AR_PERSON_TITLES.has(toks[x - 1].norm))) continue;
    if (AR_CORPUS_COMMON.has(xw) && !AR_FIRST_NAME_GENDER.has(xw) && !(x > 0 && AR_PERSON_TITLES.has(toks[x - 1].norm))) continue;
    // a link before the given name: the chain started earlier (handled from that link)
    if (x > 0 && LINKS.has(toks[x - 1].norm) && toks[x].gap <= 1) continue;
    let e = b + 1;
    if (!chainWord(ctx, e, true) || blocked(ctx, e)) continue;
    // عبد + name, عبد ال…: the connector keeps the next word in the name
    while (e + 1 < n && toks[e + 1].gap <= 1 && AR_NAME_CONNECT.has(toks[e].norm) && !LINKS.has(toks[e].norm) && !blocked(ctx, e + 1)) e++;
    while (e + 2 < n && LINKS.has(toks[e + 1].norm) && toks[e + 1].gap <= 1 && toks[e + 2].gap <= 1) {
      if (!chainWord(ctx, e + 2, true) || blocked(ctx, e + 2)) break;
      e += 2;
      while (e + 1 < n && toks[e + 1].gap <= 1 && AR_NAME_CONNECT.has(toks[e].norm) && !LINKS.has(toks[e].norm) && !blocked(ctx, e + 1))
        e++;
    }
    // a family name: an ال-word that is no title, day, adjective, head or common word (الفيصل، الغامدي، العيبان)
    if (e + 1 < n && toks[e + 1].gap <= 1 && !toks[e].norm.startsWith('ال')) {
      const f = toks[e + 1];
      const fw = f.norm;
      const fc = cover[e + 1];
      const famOk =
        fw.startsWith('ال') &&
        fw.length >= 5 &&
        !AR_DAYS.has(fw) &&
        !AR_ADJ_STOP.has(fw) &&
        !AR_STOP.has(fw) &&
        !AR_PERSON_TITLES.has(fw) &&
        !AR_ORG_HEADS.has(fw) &&
        !AR_CORPUS_COMMON.has(fw) &&
        !arVerbOf(f) &&
        (!fc || ctx.set.byId.get(fc)?.type === 'person' || (ctx.set.byId.get(fc)?.type === 'country' && fw.endsWith('ي')));
      // an ال-word not shaped like a nisba may be the verb's object (افتتح الأمير X بن Y المعرض، …): only before a title
      // in apposition, a complementiser, a reporting verb, the next list item or a full stop (not a comma)
      const nx = e + 2 < n ? toks[e + 2] : undefined;
      const closed =
        fw.endsWith('ي') ||
        !nx ||
        (nx.gap >= 3 && !/[،,]/.test(nx.sep)) ||
        AR_PERSON_TITLES.has(nx.norm) ||
        nx.norm === 'امير' ||
        AR_COMP.has(nx.norm) ||
        !!arVerbOf(nx) ||
        (nx.norm[0] === 'و' && nx.gap <= 1);
      if (famOk && closed) e++;
    }
    // what already covers the chain: a person mention wholly inside it is a fragment (بن محمد، ناصر الدوسري) or a
    // one-word KB person (مشعل) — replaced; a multi-word KB person (سلمان بن عبد العزيز) keeps its identity and
    // takes the longer mention
    let kbKeep: string | undefined;
    let inside = true;
    let same = false;
    for (let k = x; k <= e; k++) {
      const c = cover[k];
      if (!c) continue;
      const a = ctx.set.byId.get(c);
      const m = a?.mentions.find((mm) => mm.field === doc.field && mm.first <= k && k <= mm.last);
      if (!a || !m) continue;
      if (m.first < x || m.last > e) inside = false;
      if (m.first === x && m.last === e) same = true;
      if (a.source === 'kb' && m.last > m.first) kbKeep = a.id;
    }
    if (!inside || same) {
      b = e;
      continue;
    }
    if (kbKeep) {
      const a = ctx.set.byId.get(kbKeep)!;
      for (let k = x; k <= e; k++) if (cover[k] && cover[k] !== kbKeep) uncover(ctx, k);
      a.mentions = a.mentions.filter((mm) => !(mm.field === doc.field && mm.first >= x && mm.last <= e));
      ctx.set.mention(a, { start: toks[x].start, end: toks[e].end, first: x, last: e, field: doc.field });
      for (let k = x; k <= e; k++) cover[k] = kbKeep;
      b = e;
      continue;
    }
    for (let k = x; k <= e; k++) if (cover[k]) uncover(ctx, k);
    const a = addRule(ctx, 'person', doc.src.slice(toks[x].start, toks[e].end), x, e);
    a.nameToks = toks.slice(x, e + 1).map((t) => t.norm);
    a.gender = toks[b].norm === 'بنت' ? 'f' : 'm'; // (X بن/بنت: the link gives X's gender)
    b = e;
  }
}
