/**
 * What tells a Latin-script language from its neighbours in a few short UI lines, where
 * trigram models guess (franc-min has no Catalan or Slovak model, and answers Spanish or
 * Polish for them): the letters its spelling uses beyond a–z, and a few short function
 * words that are frequent in it and rare in its neighbours. A sample holding a letter a
 * language never writes is not in that language (`ò` is not Spanish, `ť` is not Polish).
 * Words are whole words, lower case; a word two neighbours share is listed for neither.
 */

export interface LatinLanguage {
  /** BCP 47 tag, as `page_locale` reports it. */
  tag: string;
  /** Every lower-case letter beyond a–z the language writes (`àèéíïòóúüç` for Catalan). */
  letters: string;
  /** Function words that point to it rather than a neighbour (`els`, `amb` for Catalan). */
  words: readonly string[];
}

export const LATIN_LANGUAGES: readonly LatinLanguage[] = [
  { tag: 'en', letters: '', words: ['the', 'and', 'of', 'your', 'with', 'this', 'from', 'all'] },
  {
    tag: 'es',
    letters: 'áéíóúüñ',
    words: ['los', 'las', 'del', 'y', 'para', 'ya', 'esta', 'pero', 'como', 'sus', 'muy'],
  },
  {
    tag: 'ca',
    letters: 'àèéíïòóúüç',
    words: ['els', 'amb', 'dels', 'aquesta', 'aquest', 'més', 'però', 'ets', 'és', 'seu', 'tots'],
  },
  {
    tag: 'pt',
    letters: 'áâãàçéêíóôõú',
    words: ['os', 'as', 'não', 'em', 'do', 'dos', 'das', 'com', 'você', 'seu', 'sua', 'já'],
  },
  {
    tag: 'it',
    letters: 'àèéìíòóù',
    words: ['il', 'gli', 'della', 'di', 'che', 'sono', 'dei', 'è', 'questa', 'questo', 'nel', 'alla'],
  },
  {
    tag: 'fr',
    letters: 'àâæçéèêëîïôœùûüÿ',
    words: ['le', 'les', 'des', 'du', 'et', 'est', 'une', 'pour', 'dans', 'vous', 'votre', 'sur', 'au'],
  },
  {
    tag: 'de',
    letters: 'äöüß',
    words: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'sie', 'mit', 'von', 'zu', 'dem', 'ein', 'eine'],
  },
  { tag: 'nl', letters: 'éëïóöü', words: ['het', 'een', 'en', 'van', 'niet', 'zijn', 'voor', 'op'] },
  { tag: 'pl', letters: 'ąćęłńóśźż', words: ['w', 'na', 'nie', 'się', 'jest', 'do', 'że', 'jak', 'już'] },
  {
    tag: 'cs',
    letters: 'áčďéěíňóřšťúůýž',
    words: ['se', 'jako', 'jste', 'již', 'pro', 'také', 'není', 'které', 'který', 'jsou'],
  },
  {
    tag: 'sk',
    letters: 'áäčďéíĺľňóôŕšťúýž',
    words: ['sa', 'ako', 'ste', 'už', 'pre', 'aj', 'sú', 'ktoré', 'ktorý', 'alebo', 'zo', 'vo'],
  },
  { tag: 'hr', letters: 'čćđšž', words: ['je', 'u', 'su', 'nije', 'za', 'od', 'iz'] },
  { tag: 'hu', letters: 'áéíóöőúüű', words: ['az', 'és', 'hogy', 'nem', 'egy', 'van', 'meg', 'már'] },
  { tag: 'ro', letters: 'ăâîșțşţ', words: ['și', 'în', 'cu', 'pe', 'nu', 'este', 'sau'] },
  { tag: 'tr', letters: 'çğıöşüâî', words: ['ve', 'bir', 'bu', 'için', 'ile', 'çok', 'daha'] },
  { tag: 'id', letters: '', words: ['dan', 'yang', 'di', 'ini', 'untuk', 'dengan', 'dari', 'tidak'] },
  // Languages franc-min has no model for, or confuses with a neighbour on a few UI lines: their
  // letters settle most pages (`ħ` is Maltese, `ð` with `ø` Faroese), their words the rest.
  { tag: 'da', letters: 'æøåé', words: ['af', 'blev', 'hvad', 'meget'] },
  { tag: 'nb', letters: 'æøåé', words: ['av', 'ble', 'hva', 'mye', 'dere', 'nå'] },
  { tag: 'sv', letters: 'åäöé', words: ['och', 'att', 'inte', 'är', 'för', 'jag'] },
  { tag: 'fi', letters: 'äöåšž', words: ['että', 'kun', 'mutta', 'tämä', 'sinun'] },
  { tag: 'is', letters: 'áéíóúýæöðþ', words: ['að', 'ekki', 'þú', 'þetta', 'með'] },
  { tag: 'fo', letters: 'áíóúýæøð', words: ['hetta', 'tú', 'ikki', 'hesa', 'tín'] },
  { tag: 'mt', letters: 'àèìòùċġħż', words: ['għal', 'jew', 'mhux', 'huwa', 'biex'] },
  { tag: 'ga', letters: 'áéíóú', words: ['agus', 'leis', 'atá', 'níl', 'bhfuil', 'ár'] },
  { tag: 'cy', letters: 'âêîôûŵŷáéíóúàèìòùäëïöüÿ', words: ['yn', 'yr', 'ac', 'eich', 'gyda', 'hwn'] },
  { tag: 'eu', letters: '', words: ['eta', 'ez', 'bat', 'dira', 'zure', 'edo', 'baina', 'gehiago'] },
  { tag: 'lb', letters: 'äëéè', words: ['ass', 'vun', 'mat', 'dës', 'fir'] },
  { tag: 'ku', letters: 'çêîşû', words: ['û', 'ji', 'bi', 'ku', 'li', 'vê', 'ev', 'xwe'] },
  { tag: 'lt', letters: 'ąčęėįšųūž', words: ['yra', 'kad', 'tai', 'jūsų', 'ši'] },
  { tag: 'lv', letters: 'āčēģīķļņšūž', words: ['jūsu', 'šis', 'kas', 'ar'] },
  { tag: 'et', letters: 'äõöüšž', words: ['oma', 'teie', 'või', 'kui'] },
  { tag: 'az', letters: 'çəğıöşü', words: ['və', 'üçün', 'ilə', 'sizin'] },
  { tag: 'sq', letters: 'çë', words: ['dhe', 'në', 'një', 'për', 'nga', 'është'] },
  { tag: 'ha', letters: 'ɓɗƙƴ', words: ['cikin', 'wannan', 'kuma', 'zuwa', 'domin'] },
  { tag: 'yo', letters: 'áàéèẹíìóòọṣúùńḿ', words: ['àti', 'ní', 'wọn', 'fún', 'láti'] },
  { tag: 'mi', letters: 'āēīōū', words: ['ngā', 'tēnei', 'kei', 'mō'] },
  // Samoan: the ʻokina (which Uzbek writes too, after o and g) and macrons
  { tag: 'sm', letters: 'ʻāēīōū', words: ['lenei', 'uma', 'ua', 'ʻua', 'mai', 'ma', 'lou', 'mo'] },
  { tag: 'se', letters: 'áčđŋšŧž', words: ['lea', 'dát', 'dahje', 'gos'] },
  // Upper Sorbian: `ř` with `ł`, `ń` or `ć` (Czech writes the first, Polish the others, neither both)
  { tag: 'hsb', letters: 'čćěłńóřšźž', words: ['wot', 'sće', 'hižo', 'tutón', 'wšitke'] },
  // Setswana and Sesotho (Lingala to the trigrams; their possessive `ya` is a Spanish word too):
  // told from each other by their own words (`go` / `ho`, `gago` / `hao`)
  { tag: 'tn', letters: 'š', words: ['gago', 'gore', 'kgotsa', 'kgang', 'dikgang', 'setse', 'malatsi'] },
  { tag: 'st', letters: 'š', words: ['hao', 'hore', 'kapa', 'hape', 'matsatsi', 'dipale'] },
  // Manx (English or Portuguese to the trigrams and the particles: its `as` is 'and')
  { tag: 'gv', letters: 'ç', words: ['jeh', 'veih', 'shoh', 'ayns', 'rish', 'lhaih'] },
  // Tok Pisin (Tagalog to the trigrams): written in a–z, named by its own words
  { tag: 'tpi', letters: '', words: ['bilong', 'olgeta', 'olsem', 'ol', 'kisim', 'ritim'] },
  // Luganda (Kinyarwanda to the trigrams): its velar nasal, its own words
  {
    tag: 'lg',
    letters: 'ŋ',
    words: ['luno', 'okuva', 'kwo', 'bwereere', 'dda', 'yingira', 'ennaku', 'emboozi'],
  },
  // Limburgish (Dutch to the trigrams and Dutch's words): its own spellings of them
  { tag: 'li', letters: 'äëéèöòóü', words: ['vaan', 'oet', 'uch', 'neet', 'veur', 'gein', 'mèt'] },
  // Fijian (Lingala to the trigrams; its article `na` is a Polish word): its own words
  { tag: 'fj', letters: '', words: ['kece', 'ena', 'vosa', 'taqomaki', 'dodonu', 'niusiveva'] },
  // Friulian: French's circumflexes with Italian's `ì` and `ò`, and its own words
  { tag: 'fur', letters: 'àâçèêìîòôùû', words: ['cun', 'lis', 'cheste', 'chest', 'plui', 'ancje'] },
  // The other Latin-script languages franc-min may answer for a UI (settings.ts) that write
  // letters beyond a–z, so that its guess is checked against the sample's letters: Faroese is
  // not Uzbek. One written in a–z alone (Malay, Zulu) is not listed: a name's stray `é` would
  // rule it out.
  {
    tag: 'vi',
    letters: 'àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ',
    words: ['của', 'và', 'là', 'được', 'này', 'không', 'những', 'với'],
  },
  { tag: 'uz', letters: 'ʻ', words: ['va', 'uchun', 'bilan', 'sizning'] },
  { tag: 'ig', letters: 'ịọụṅáàéèíìóòúù', words: ['nke', 'ndị', 'maka'] },
  { tag: 'ny', letters: 'ŵ', words: ['ndi', 'kapena', 'kuti'] },
  { tag: 'ln', letters: 'ɛɔáéíóú', words: ['mpe'] },
  // Ewe (no franc-min model; its trigrams answer Igbo): `ɖ ƒ ɣ ʋ` no other listed language writes
  { tag: 'ee', letters: 'ɖɛƒɣŋɔʋàáãèéẽìíĩòóõùúũ', words: ['kple', 'ƒe', 'nye', 'siwo', 'wò'] },
  // Twi (no franc-min model; its trigrams answer Hausa): Lingala's open vowels, its own words
  { tag: 'ak', letters: 'ɛɔ', words: ['asɛm', 'nsɛm', 'wɔ', 'yɛ', 'sɛ', 'ɛna'] },
  { tag: 'mg', letters: 'àâéèêëìîïôñ', words: ['ny', 'sy', 'amin', 'izay'] },
  // Kinyarwanda and Kirundi, listed so that a Luganda UI their trigrams answer is checked
  // against Luganda's words (their letters: the vowels with the tone marks some texts print, so
  // that such a vowel does not rule them out)
  { tag: 'rw', letters: 'áâéêíîóôúû', words: ['kandi', 'cyangwa', 'iyi', 'kuri'] },
  { tag: 'rn', letters: 'áâéêíîóôúû', words: ['kandi', 'canke', 'iyi', 'kuri'] },
  // Tagalog, listed so that a Tok Pisin UI its trigrams answer is checked against Tok Pisin's
  // words (its letters: `ñ` and the accented vowels of its formal spelling)
  { tag: 'tl', letters: 'ñáàâéèêíìîóòôúùû', words: ['ang', 'mga', 'ito', 'ng', 'ay', 'iyong', 'nang'] },
  { tag: 'jv', letters: 'éèê', words: ['lan', 'sing', 'iki', 'kanggo'] },
  { tag: 'su', letters: 'éèêö', words: ['jeung', 'ieu', 'pikeun'] },
];

/**
 * Sister languages that the trigrams of a UI line or two do not tell apart (Malay and Indonesian
 * share most words), or a language franc-min models and a neighbour in the same letters it has
 * no model for (Konkani in Devanagari, which it reads as Marathi): for each, frequent UI words
 * its sister does not write (lower case). A detected member gives way to its sister only where
 * the sample holds more of the sister's words than of its own.
 */
export const SISTER_LANGUAGE_WORDS: readonly Readonly<Record<string, readonly string[]>>[] = [
  {
    ms: [
      'daripada',
      'percuma',
      'percubaan',
      'mulakan',
      'akhbar',
      'melanggan',
      'boleh',
      'sahaja',
      'kerana',
      // tax, an issue (a store's tax note and issue count)
      'cukai',
      'keluaran',
    ],
    id: [
      'gratis',
      'mulai',
      'uji',
      'coba',
      'koran',
      'kabar',
      'berlangganan',
      'bisa',
      'saja',
      'karena',
      'berasal',
      'pajak',
      'edisi',
    ],
  },
  {
    // and, is / are, for, from, more, to you, here: the trial sentence's "and" in every wording
    mr: ['आणि', 'आहे', 'आहेत', 'साठी', 'पासून', 'मधून', 'जास्त', 'तुम्हाला', 'येथे'],
    kok: ['आनी', 'आसा', 'आसात', 'खातीर', 'थावन', 'चड', 'तुमकां', 'हांगा'],
  },
  {
    // Swedish, Danish, Norwegian (the full franc models all three; a footer link or two whose only
    // letter beyond a–z is the `å` they share is as near one as another): the small words and UI
    // words each spells its own way (from / of / read / rights / the issue / newspapers)
    sv: ['från', 'och', 'att', 'inte', 'är', 'för', 'till', 'läs', 'tidningar', 'rättigheter', 'utgåvan'],
    da: ['af', 'blev', 'hvad', 'meget', 'læs', 'rettigheder', 'forbeholdes', 'udgaven', 'nyheder'],
    nb: ['ble', 'hva', 'mye', 'å', 'rettigheter', 'forbeholdt', 'utgaven', 'etter', 'fortsett'],
  },
];
