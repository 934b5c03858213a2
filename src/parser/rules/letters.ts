/**
 * Letters that only one of the languages newsstands print writes: a short UI string holding
 * one (`Știri & Politică`, `Hírek & Kőbánya`) is in that language, where two or three words
 * are too few for a trigram model. Lower case; compared with the lower-cased text.
 */
export const DISTINCTIVE_LETTERS: ReadonlyMap<string, string> = new Map([
  // Romanian: s and t with a comma below (the cedilla forms are Turkish too)
  ['ș', 'ro'],
  ['ț', 'ro'],
  // Hungarian: the double acute
  ['ő', 'hu'],
  ['ű', 'hu'],
  // Polish
  ['ł', 'pl'],
  ['ś', 'pl'],
  ['ź', 'pl'],
  ['ż', 'pl'],
  ['ń', 'pl'],
  // Czech
  ['ř', 'cs'],
  ['ů', 'cs'],
  ['ě', 'cs'],
  // Turkish: the dotless i and the breve g
  ['ı', 'tr'],
  ['ğ', 'tr'],
  // Portuguese: the nasal vowels with a tilde
  ['ã', 'pt'],
  ['õ', 'pt'],
  // Spanish
  ['ñ', 'es'],
  // German
  ['ß', 'de'],
]);
