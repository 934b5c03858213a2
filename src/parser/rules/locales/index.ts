/**
 * Every UI locale the parser knows. Adding a locale = one file here plus the
 * fixtures that prove it.
 */

import type { LocaleRules } from '../types.js';
import { ar } from './ar.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { hi } from './hi.js';
import { nb } from './nb.js';
import { tr } from './tr.js';

export const LOCALES: readonly LocaleRules[] = [en, de, fr, es, ar, hi, nb, tr];
