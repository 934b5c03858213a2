/**
 * Shapes of the parser's vocabulary. Locale files and platform rules are plain
 * data of these types; the pipeline never tests a locale by name.
 */

import type { Platform } from '../types.js';

/**
 * Strings a newsstand prints in one UI language. Every entry is a whole line
 * (compared case-insensitively) unless its comment says otherwise. Templates
 * use `{date}` and `{pub}` placeholders.
 */
export interface LocaleRules {
  /** BCP 47 tag reported as `page_locale`. */
  tag: string;
  /** "This story is from the {date} edition of {pub}." Exact, with placeholders. */
  editionLines: readonly string[];
  /** Substrings that identify the free-trial / subscribe sentence. */
  trialMarkers: readonly string[];
  /** Trial sentences as printed: a last line cut by the capture is matched against their starts. */
  trialSentences: readonly string[];
  /** "Already a subscriber" (before the `?`) and "Sign In" (after it). */
  signInQuestions: readonly string[];
  signInActions: readonly string[];
  /** "More stories from {pub}" headers (templates, case-insensitive). */
  moreStories: readonly string[];
  /** Link labels the page glues to the end of a "More stories" header (`…View all`). */
  viewAll: readonly string[];
  /** The 2025 "Try GOLD - Free" label, as translated. */
  tryGold: readonly string[];
  /** Line starts of the 2025 upsell block ("Go Unlimited with Magzter GOLD", price sentence). */
  upsellPrefixes: readonly string[];
  /** Old paywall lines ("Continue reading your story on the app"). */
  paywallLines: readonly string[];
  /** Store navigation labels ("Read More"). */
  navigationLines: readonly string[];
  /** Issue-page headers that open the list of the issue's stories ("in this issue"). */
  issueContents: readonly string[];
  /**
   * Line starts of a table-of-contents header that names the issue and the
   * publication (`Table of contents for Issue 50 2019 in India Today`), as
   * printed by sites that mirror newsstand issue pages. Optional.
   */
  issueContentsPrefixes?: readonly string[];
  /** Issue-count labels on store pages, `{n}` for the number ("12 Issues"). */
  issueCounts: readonly string[];
  /** Promotional lines on store pages (prefixes, case-insensitive). */
  promoPrefixes: readonly string[];
  /** Per-period words after a price (`$74.99/Year`): a price line with one votes for the locale. */
  pricePeriods: readonly string[];
  /** Reading-time labels printed on their own line above the time (`time to read`). */
  readingTimeLabels: readonly string[];
  /** Words after the number of a reading time (`min read` in `2 min read`, `min läsning`). */
  readingTimeUnits: readonly string[];
  /** Platform navigation links printed as whole lines (PressReader's `Newspapers in English`), as prefixes. */
  navigationPrefixes: readonly string[];
}

/** One platform: how to recognise it, and its non-translated UI strings. */
export interface PlatformRules<Key extends string = Platform> {
  /** The platform's id in the API (`pressreader`): `Platform` and its schema are these. */
  platform: Key;
  /** Its name as people write it (`PressReader`), in descriptions and rendered edition lines. */
  displayName: string;
  /** Host names (suffix match) of the platform's URLs. */
  hosts: readonly string[];
  /** Substrings whose presence in the text identifies the platform. */
  textMarkers: readonly string[];
  /** Brand names of the paid tier; a line naming one is boilerplate in any language. */
  brandNames: readonly string[];
  /** Whole lines of untranslated platform chrome ("ZINIO logo"). */
  chromeLines: readonly string[];
  /**
   * The platform's name as its logo's alt text opens with it (`ZINIO logo`, translated as
   * `ZINIO लोगो`): a line of the name and one word is that logo in any language. Case-sensitive.
   */
  logoNames?: readonly string[];
  /** Marker glued between a card's publication and its section label (`Pub3 min readSection`). */
  gluedReadingTime: readonly string[];
  /** Story pages open with the publication's name above the title (PressReader). */
  leadingPublication: boolean;
  /**
   * Names the platform signs its print footer with (`Printed and distributed by PressReader`,
   * `PressReader.com +1 604…`), in whatever language the rest of the line is. Case-sensitive.
   */
  footerBrands?: readonly string[];
  /**
   * Names the platform's preview wall prints (`…with a free trial of Scribd`), in whatever
   * language the rest of the wall is: short lines closing a story, one of them naming the brand
   * as a word, are the wall. Case-sensitive.
   */
  wallBrands?: readonly string[];
  /** A credit line under the title that names the edition and the writer (PressReader). */
  creditLine?: CreditLineRules;
  /** Story pages set the first letter as a drop cap, which captures lose, double or lower-case (`TTata`). */
  dropCaps?: boolean;
  /**
   * Story pages may open with a one-word content-type label in the UI's language (`Artigo`,
   * `Artículo`, `記事`), then the publication, the title and the date: a header with no deck.
   */
  labelledHeader?: boolean;
  /**
   * The story is a preview closed by a wall in the UI's language that need not name the brand
   * (`Este artigo é exclusivo para assinantes.` / … / `Comece seu teste gratuito`).
   */
  previewWall?: boolean;
  /**
   * Names of icon-font ligatures the capture keeps as text, glued to labels
   * (`Read Morekeyboard_arrow_down`, `access_time1 min.`, `category_outlined / News`).
   * They are cut out of every line before it is classified.
   */
  iconLigatures?: readonly string[];
  /**
   * The icon ligatures printed after a link's label (`Read Morekeyboard_arrow_down`,
   * `閱讀更多keyboard_arrow_down`): a short label glued to one is a link in any language.
   */
  linkIcons?: readonly string[];
  /**
   * The clock icon ligatures printed before a reading time (`access_time7 min`, `access_time5 דקות`):
   * a number glued after one is a reading time whatever the word for minutes.
   */
  clockIcons?: readonly string[];
  /**
   * Line kinds only this platform prints (Magzter's edition line, trial and sign-in prompts):
   * a page with one is the platform's when neither its URL nor a text marker said so.
   */
  exclusiveLineKinds?: readonly string[];
  /** Lines the platform prints above a store page's contents: a `/ Section` breadcrumb opens with one of these. */
  breadcrumbPrefixes?: readonly string[];
}

/**
 * `Hindustan Times (Mumbai) - - Business - By Rhea Mogul`,
 * `El Tiempo (Bogotá) - - Nación - TEXTO: Ana Ruiz, FOTO: EFE`: the
 * publication, an empty (or dated) slot, the section and the credits, joined
 * by ` - `.
 */
export interface CreditLineRules {
  /** Characters joining the parts, printed between spaces (`-` in `Pub - - Section`, `·`, `–`, `/`). */
  separators: readonly string[];
  /** Words that open the writer's credit (`By`, `TEXT:`), case-insensitive, with their punctuation. */
  writerOpeners: readonly string[];
  /** Words that open another credit after the writer's (`FOTO:`, `PHOTO:`), case-insensitive. */
  otherCredits: readonly string[];
}

/** A compiled edition-line template. */
export interface EditionTemplate {
  prefix: string;
  between: string;
  suffix: string;
  /** The suffix without its final full stop, for lines printed (or cut) without it. */
  suffixLoose: string;
  order: 'date-pub' | 'pub-date';
  locale: string;
}
