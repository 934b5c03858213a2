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
];
