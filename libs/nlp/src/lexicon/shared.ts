// Word-list helpers and the lists both languages use (entries folded like text tokens: lower case, Arabic
// letters unified by the shared table, ADR 0015). Loaded into Sets/Maps once, at module load.

import { foldText } from '../text';
/** A word set; entries are folded like text tokens (Arabic letter variants unified, lower case). */
export const set = (s: string) =>
  new Set(
    s
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => foldText(w)),
  );

/** Map views of EN_VERBS and of `EN_VERBS[w] ?? EN_CLAIM_VERBS[w]` for the per-token lookups: indexing a plain
 * object with a token's (sliced, never internalised) string costs V8 a string-table probe per lookup (~0.2 µs,
 * ~3 % of the engine in englishClaims alone); Map.get hashes the string once. Object.prototype's names
 * ("constructor", "toString", …) map to what the object lookups returned, so every result is unchanged. */
export function mapView(...objs: Record<string, string>[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const k of Object.keys(objs[0])) m.set(k, objs[0][k]);
  for (const k of Object.getOwnPropertyNames(Object.prototype)) if (!m.has(k)) m.set(k, objs[0][k]);
  for (const o of objs.slice(1)) for (const k of Object.keys(o)) if (!m.has(k)) m.set(k, o[k]);
  return m;
}

/** Capital cities (folded, en/ar/fr/ru): a KB country metonym after a locative preposition is a place. */
export const CAPITALS =
  set(`moscow washington london paris beijing tehran riyadh cairo ankara berlin damascus baghdad beirut doha kiev kyiv tokyo seoul pyongyang
brussels amman sanaa tripoli khartoum kabul islamabad delhi rome madrid vienna ottawa canberra brasilia caracas havana minsk warsaw budapest prague athens
lisbon stockholm oslo helsinki copenhagen dublin bern rabat algiers tunis muscat manama kuwait jerusalem tel nicosia baku tbilisi yerevan tashkent
موسكو واشنطن لندن باريس بكين طهران الرياض القاهره انقره برلين دمشق بغداد بيروت الدوحه كييف كيف طوكيو سيول سول بيونغ بروكسل صنعاء طرابلس الخرطوم كابول
روما مدريد فيينا اوتاوا كانبرا مينسك وارسو بودابست براغ اثينا لشبونه ستوكهولم اوسلو هلسنكي كوبنهاغن دبلن برن الرباط الجزائر تونس مسقط المنامه
باكو تبليسي يريفان طشقند ابوظبي نيودلهي اسلام
москва вашингтон лондон париж пекин тегеран киев токио сеул берлин`);
export const LOCATIVE_PREPS = set(
  'in at from to into near inside outside across via visiting visit في من الي الى علي إلى داخل خارج قرب عبر نحو',
);

// ---------------- Role words of both languages (claims: who a title refers back to)

export const TITLE_KEYS =
  set(`رئيس رئيسه وزير وزيره متحدث متحدثه ناطق ناطقه نائبه سفير سفيره مستشار مستشاره امين زعيم ملك امير نائب مدير مديره قائد مبعوث مندوب عمده محافظ حاكم
president minister secretary spokesman spokeswoman chancellor ambassador leader chairman chief director governor mayor envoy king prince premier`);
