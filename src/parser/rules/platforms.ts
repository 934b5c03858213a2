/** Platform rules: how each newsstand is recognised, and its untranslated chrome. */

import type { PlatformRules } from './types.js';

export const PLATFORMS: readonly PlatformRules[] = [
  {
    platform: 'magzter',
    hosts: ['magzter.com'],
    textMarkers: ['Magzter GOLD', 'मैगज़्टर गोल्ड'],
    brandNames: ['Magzter GOLD', 'मैगज़्टर गोल्ड'],
    chromeLines: [],
    gluedReadingTime: [],
    leadingPublication: false,
  },
  {
    platform: 'pressreader',
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
    creditLine: {
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
      ],
      otherCredits: ['FOTO:', 'FOTOS:', 'PHOTO:', 'PHOTOS:', 'PHOTOGRAPHS:', 'ILLUSTRATION:'],
    },
    dropCaps: true,
  },
  {
    platform: 'zinio',
    hosts: ['zinio.com'],
    textMarkers: ['ZINIO logo'],
    brandNames: [],
    chromeLines: ['ZINIO logo'],
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
  },
  {
    platform: 'scribd',
    hosts: ['scribd.com'],
    textMarkers: [],
    brandNames: ['Scribd Everand'],
    chromeLines: [],
    gluedReadingTime: ['min read'],
    leadingPublication: false,
  },
];
