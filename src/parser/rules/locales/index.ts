/**
 * Every UI locale the parser knows. Adding a locale = one file here plus the
 * fixtures that prove it.
 */

import type { LocaleRules } from '../types.js';
import { ar } from './ar.js';
import { da } from './da.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { hi } from './hi.js';
import { id } from './id.js';
import { it } from './it.js';
import { ja } from './ja.js';
import { nb } from './nb.js';
import { nl } from './nl.js';
import { pt } from './pt.js';
import { ru } from './ru.js';
import { sv } from './sv.js';
import { tr } from './tr.js';
import { zh } from './zh.js';

export const LOCALES: readonly LocaleRules[] = [
  en,
  de,
  fr,
  es,
  it,
  pt,
  nl,
  nb,
  sv,
  da,
  tr,
  ar,
  hi,
  id,
  ru,
  ja,
  zh,
];
