/**
 * Platform rules: how each newsstand is recognised, and its untranslated chrome. The one list
 * of platforms: `Platform`, its API schema and the display names derive from it, so adding a
 * platform is one entry here.
 */

import type { PlatformRules } from './types.js';

/** Keeps each entry's `platform` as its literal, so that `Platform` is their union. */
const platformTable = <Key extends string>(
  rules: readonly PlatformRules<Key>[],
): readonly PlatformRules<Key>[] => rules;

export const PLATFORMS = platformTable([
  {
    platform: 'magzter',
    displayName: 'Magzter',
    hosts: ['magzter.com'],
    textMarkers: ['Magzter GOLD', 'मैगज़्टर गोल्ड'],
    brandNames: ['Magzter GOLD', 'मैगज़्टर गोल्ड'],
    chromeLines: [],
    gluedReadingTime: [],
    leadingPublication: false,
    // its edition line, trial and sign-in prompts: no other platform prints them
    exclusiveLineKinds: ['edition-line', 'trial', 'sign-in', 'try-gold'],
  },
  {
    platform: 'pressreader',
    displayName: 'PressReader',
    hosts: ['pressreader.com'],
    textMarkers: ['© PressReader'],
    brandNames: [],
    // footers; `Newspapers in English` / `Newspapers from India` are navigation prefixes of the locales
    chromeLines: [
      '© PressReader. All rights reserved.',
      '© PressReader. All rights reserved',
      '© PressReader',
    ],
    gluedReadingTime: [],
    leadingPublication: true,
    footerBrands: ['PressReader'],
    creditLine: {
      // editions in other languages join the same parts with a middle dot, an en dash or a slash
      separators: ['-', '–', '—', '·', '/'],
      writerOpeners: [
        'By/TEXT:',
        'By:',
        'By',
        'TEXT:',
        'TEXTO:',
        'TEXTE:',
        'TEKST:',
        'TESTO:',
        'Por',
        'Von',
        'Par',
        // nl, de/pt/pl/cs, cs/sk/pl, tr, sv, da: as PressReader prints them in each edition's language
        'Door',
        'Autor:',
        'Autorka:',
        'Autor',
        'Na',
        'Haber:',
        'Yazan:',
        'Av',
        'Af',
        // el: `ΤΟΥ NAME` / `ΤΗΣ NAME` (of, masculine / feminine), the name in capitals
        'ΤΟΥ',
        'ΤΗΣ',
      ],
      otherCredits: [
        'FOTO:',
        'FOTOS:',
        "FOTO'S:",
        'PHOTO:',
        'PHOTOS:',
        'PHOTOGRAPHS:',
        'ILLUSTRATION:',
        'FOTOĞRAF:',
        'FOTOĞRAFLAR:',
        'ZDJĘCIA:',
        'FOT.',
        'BILD:',
        'BILDER:',
      ],
    },
    dropCaps: true,
  },
  {
    platform: 'zinio',
    displayName: 'Zinio',
    hosts: ['zinio.com'],
    textMarkers: ['ZINIO logo'],
    brandNames: [],
    chromeLines: ['ZINIO logo'],
    logoNames: ['ZINIO'],
    gluedReadingTime: [],
    leadingPublication: false,
    // Material icon names the capture keeps as text: `Read Morekeyboard_arrow_down`, `access_time1 min.`
    iconLigatures: [
      'keyboard_arrow_down',
      'keyboard_arrow_up',
      'keyboard_arrow_right',
      'keyboard_arrow_left',
      'category_outlined',
      'access_time',
      'arrow_forward_ios',
      'arrow_back_ios',
      'chevron_right',
      'chevron_left',
      'expand_more',
      'expand_less',
    ],
    clockIcons: ['access_time'],
    linkIcons: [
      'keyboard_arrow_down',
      'keyboard_arrow_right',
      'arrow_forward_ios',
      'chevron_right',
      'expand_more',
    ],
  },
  {
    platform: 'scribd',
    displayName: 'Scribd',
    hosts: ['scribd.com'],
    textMarkers: [],
    brandNames: ['Scribd Everand'],
    wallBrands: ['Scribd', 'Everand'],
    chromeLines: [],
    gluedReadingTime: ['min read'],
    leadingPublication: false,
    labelledHeader: true,
    previewWall: true,
  },
]);

/** The newsstands masthead reads: `magzter`, `pressreader`, `zinio`, `scribd`. */
export type Platform = (typeof PLATFORMS)[number]['platform'];
