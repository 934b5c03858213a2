/**
 * Tunables of the parser, in one place. Every threshold the pipeline uses is
 * named here so that a change in behaviour is a change in this file. (Two numbers in
 * language.ts stay there: they restate franc's internals, not choices of ours.)
 */

/** Inputs longer than this are cut (with a warning) before parsing. */
export const MAX_INPUT_CHARS = 4 * 1024 * 1024;

/**
 * Inputs with more lines than this are cut (with a warning) before parsing. Real pages have
 * tens to hundreds of lines; per-line work is what makes a flood of tiny lines expensive.
 */
export const MAX_INPUT_LINES = 20_000;

/**
 * Captures are cut at about this many UTF-8 bytes. When the caller does not say
 * whether a capture was cut, a text of this size (within the slack) whose last
 * line has no newline is taken as cut by the capture.
 */
export const CAPTURE_BYTE_LIMIT = 2000;
export const CAPTURE_BYTE_SLACK = 40;

/** A cut last line must be at least this long to be matched as the start of a known boilerplate sentence. */
export const MIN_CUT_BOILERPLATE_CHARS = 12;
/** A cut "… से और कहानियाँ"-style suffix must keep at least this many characters. */
export const MIN_CUT_SUFFIX_CHARS = 8;

/** How many content lines at the top of a story are searched for the header's metadata. */
export const HEADER_META_MAX_OFFSET = 2;
/** How many content lines at the top may precede a `- Byline` marker in a header without metadata. */
export const HEADER_BYLINE_MAX_OFFSET = 3;
/** A title line in a header without metadata is at most this long. */
export const TITLE_MAX_CHARS = 200;
/** A line where the title would be, closed by a stop and at least this many words long, is a standfirst (the deck). */
export const STANDFIRST_MIN_WORDS = 14;
/** A deck (standfirst) longer than this is taken as the first body paragraph. */
export const DECK_MAX_CHARS = 400;
/** A line between the title and a PressReader credit line printed under the deck is the deck when it has at least this many words… */
export const DECK_ABOVE_CREDIT_MIN_WORDS = 8;
/** …and this many more than the title above it (a kicker or masthead over a title is shorter than the title). */
export const DECK_ABOVE_CREDIT_MORE_WORDS = 3;
/** A title-less opening standfirst (a question and its answer) is short: longer, it is the lede. */
export const OPENING_STANDFIRST_MAX_CHARS = 200;
/** A title-less opening standfirst of two statements is short (`The mill closed in 1982. Its weavers never left town.`). */
export const SHORT_STANDFIRST_MAX_CHARS = 100;
/** …and a title-less standfirst has at least this many words (`Why now?` opens a body). */
export const SHORT_STANDFIRST_MIN_WORDS = 5;
/** The paragraph under a title-less one-question or two-sentence standfirst is at least this many times as long (the body proper). */
export const STANDFIRST_BODY_MIN_RATIO = 2;
/** A title-less opening question is an interview's first when a line this close below it is a question too. */
export const INTERVIEW_QUESTION_LOOKAHEAD_LINES = 8;

/** A byline is at most this many words and characters. */
export const BYLINE_MAX_WORDS = 5;
export const BYLINE_MAX_CHARS = 60;
/** An author label before a colon (`Συντάκτης: Name`) is one word of at most this many characters. */
export const BYLINE_LABEL_MAX_CHARS = 16;
/** The lower-case word joining two writers' names (`and`, `und`, `и`) is at most this long. */
export const NAME_JOINER_MAX_CHARS = 4;
/** A lower-case word that opens a byline by its shape (`di Marco Ferri`, `od Jana Nováka`) has at most this many characters. */
export const BYLINE_SHAPE_OPENER_MAX_CHARS = 4;
/** A credential after a byline's comma (`PhD`, `MBA`, `DPhil`) is one word of at most this many characters. */
export const CREDENTIAL_MAX_CHARS = 5;

/** A dateline is a capitalised place name of at most this many characters before ` - `. */
export const DATELINE_MAX_CHARS = 32;
/** The day and month a dateline may print after its place (`VILNIUS, spalio 16 d. –`) are at most this long. */
export const DATELINE_DATE_MAX_CHARS = 24;
/** A place in ordinary case alone before a dash (`Reggio Emilia - …`) has at most this many words. */
export const DATELINE_TITLE_CASE_MAX_WORDS = 2;
/** A place closed by a period (`СОФИЯ. …`) has at least this many characters: `AI. It…` is no dateline. */
export const DATELINE_PERIOD_PLACE_MIN_CHARS = 3;

/**
 * A photo caption told by its shape (`Caption sentence. Mynd: Name`, `…＝4日午前、国交省で`) is at
 * most CAPTION_MAX_CHARS long; the when-and-where after a Japanese caption's `＝` at most
 * CAPTION_WHEN_WHERE_MAX_CHARS.
 */
export const CAPTION_MAX_CHARS = 200;
/** A caption all in capitals after its label (`LABEL: THE NETS DRY ON THE QUAY`): at least this many words after the colon. */
export const CAPTION_CAPITALS_MIN_WORDS = 5;
export const CAPTION_WHEN_WHERE_MAX_CHARS = 30;
/**
 * A photo caption with no label and no credit, printed between two paragraphs: one sentence of at
 * most SHORT_CAPTION_MAX_CHARS, each paragraph around it at least CAPTION_NEIGHBOUR_MIN_RATIO times as long.
 */
export const SHORT_CAPTION_MAX_CHARS = 100;
export const CAPTION_NEIGHBOUR_MIN_RATIO = 3;
/** `Name (links)`: a position in parentheses after a name is one lower-case word of at most this many letters. */
export const CAPTION_POSITION_MAX_CHARS = 12;
/** A line inserted mid-sentence (pull quote) is at most this long. */
export const PULL_QUOTE_MAX_CHARS = 300;
/** A pull quote that repeats a body sentence holds at least this many words (`"Yes."` is dialogue). */
export const PULL_QUOTE_MIN_WORDS = 4;
/** …or, in a script written without spaces, at least this many letters (`「地元の人が…」`). */
export const PULL_QUOTE_MIN_UNSPACED_LETTERS = 8;
/** A pull quote printed before the passage it quotes repeats one of the next this many body lines. */
export const PULL_QUOTE_LOOKAHEAD_LINES = 2;
/** …and repeats one of the body lines at most this many lines above it. */
export const PULL_QUOTE_LOOKBACK_LINES = 8;
/** A pull quote that repeats nothing: one sentence of at most this many words, wholly in quotes. */
export const PULL_QUOTE_ALONE_MAX_WORDS = 20;

/** A teaser-card publication line is at most this long. */
export const CARD_PUBLICATION_MAX_CHARS = 80;
/** Two copies of a title closer than this (in content lines) are thumbnail alt text + title, not a publication. */
export const CARD_ALT_WINDOW = 2;
/** Cards printed Title / reading time / Summary: at least this many such cards say the layout is one (`readingTimesUnderTitles`). */
export const READING_TIME_INSIDE_MIN_CARDS = 2;
/** Title / Summary cards paired by shape around a title-only card: at least this many full cards (`pairsByShape`). */
export const SHAPE_PAIRED_MIN_CARDS = 2;
/** Bare Title / Summary cards: at most this many lines above the first pair are no card (a heading, a UI line; `leadingLines`). */
export const SHAPE_LEADING_LINES_MAX = 1;
/** A store's panel closing a story page prints at most this many name lines above its price (publisher, country: `storePanelAtEnd`). */
export const STORE_PUBLISHER_LINES = 2;
/**
 * Cards each closed by an anchor printed after them (a reading time, a page reference, a date): at
 * least this many say every card of the zone closes so (`anchorClosed`): a card before them that is
 * not closed is no card, and a last one not closed where the zone ends is cut by the capture.
 */
export const ANCHOR_CLOSED_MIN_CARDS = 2;
/** Title-only cards each opened by its publication (Pub / Title / reading time / date): at least this many (`namesOverTitles`). */
export const NAMED_TITLE_ONLY_MIN_CARDS = 2;
/**
 * A reading time with a story's body under it is the story's (a header's), not a card's: within
 * the next BODY_UNDER_READING_TIME_LINES lines, all text, BODY_UNDER_READING_TIME_SENTENCES
 * sentences in a row (cards alternate a title and a summary: never two in a row).
 */
export const BODY_UNDER_READING_TIME_LINES = 6;
export const BODY_UNDER_READING_TIME_SENTENCES = 3;
/** Cards printed Title / Summary / Pub / date (the oldest paywall's related cards): at least this many (`namesUnderSummaries`). */
export const NAMES_UNDER_SUMMARIES_MIN_CARDS = 2;

/** A line naming the paid tier (Magzter GOLD) this short, without a full stop, is a label, not a sentence. */
export const TIER_LINE_MAX_CHARS = 60;
/** An edition line recognised by its shape (a printed date and a publication) is at most this long. */
export const EDITION_LINE_MAX_CHARS = 160;

/** An unknown line repeated inside the paywall block within this many lines is boilerplate. */
export const PAYWALL_REPEAT_WINDOW = 8;
/** An unknown short question line right after a trial sentence is a sign-in prompt (generic fallback). */
export const SIGN_IN_MAX_CHARS = 80;
/** Generic "Try GOLD - Free"-shaped label at the top of a page: at most this long. */
export const TRY_GOLD_MAX_CHARS = 40;
/** A line of a platform's print footer (`Printed and distributed by PressReader`) is at most this long. */
export const FOOTER_LINE_MAX_CHARS = 80;
/** A platform's print footer is found among this many last lines. */
export const FOOTER_MAX_LINES = 5;
/** Category / navigation labels are at most this long. */
export const NAVIGATION_MAX_CHARS = 40;
/**
 * An upsell block in unknown wording is searched for only above a header whose
 * metadata (`|`, a date) is within this many lines of the top, and its lines
 * of unknown wording are at most this long (the price sentence is ~100).
 */
export const UPSELL_HEADER_WINDOW = 14;
export const UPSELL_LINE_MAX_CHARS = 160;
/** A store breadcrumb (`Home//Pub/Issue/In This Issue`) is at most this long, with at least this many `/` parts. */
export const BREADCRUMB_MAX_CHARS = 120;
export const BREADCRUMB_MIN_PARTS = 3;
/** A note in brackets after a price (`(Incl. tax)`, `(含稅)`) is at most this long, brackets included. */
export const PRICE_NOTE_MAX_CHARS = 20;
/** A "View all"-style label glued to the end of a publication name is at most this long. */
export const GLUED_LABEL_MAX_CHARS = 20;
/** A reading-time line (`10+ min  |`, `5 min läsning`) is at most this long. */
export const READING_TIME_MAX_CHARS = 32;
/**
 * A glued card line whose reading time no table knows (`Pub4 λεπτά ανάγνωσηςSection`): its unit is
 * at most GLUED_UNIT_MAX_WORDS words, and the same unit is printed on at least GLUED_UNIT_MIN_CARDS lines.
 */
export const GLUED_UNIT_MAX_WORDS = 3;
export const GLUED_UNIT_MIN_CARDS = 2;

/** Summaries a site clips at one length: the shortest is at least this share of the longest. */
export const CLIPPED_SUMMARY_CUT_SHARE = 0.9;

/**
 * Below that length, the last summary, open at the capture's end, is cut by the capture when it is
 * shorter than this share of the shortest other one (a short description is printed whole).
 */
export const CAPTURE_CUT_SUMMARY_SHARE = 0.5;

/** A carousel printed again for looping repeats at least this many lines (one card's worth). */
export const CLONE_MIN_LINES = 3;
/** Looking for that clone compares at most this many lines per line of the teaser zone in all. */
export const CLONE_COMPARISONS_PER_LINE = 4;

/** Cards after the first that must open with their own name for the first card's name above its title to be its publication. */
export const CARDS_OPENED_BY_NAME_MIN = 2;
/** A reading-time unit no table knows (`λεπτά` in `7 λεπτά  |`, after a clock icon) is one word of at most this many letters. */
export const READING_UNIT_MAX_CHARS = 12;
/** A reading-time unit in a script without spaces (`分で読める`) is at most this many characters. */
export const CASELESS_READING_UNIT_MAX_CHARS = 8;

/**
 * Corpus-learned boilerplate (learned.ts): a line shape printed on pages of at least this
 * many distinct publications of one platform is platform text. Publications, not pages: one
 * story ingested again, or under three UI languages, is still one publication.
 */
export const LEARNED_MIN_PUBLICATIONS = 3;
/** The snapshot holds at most this many shapes, the most widespread first: building and sending it stays bounded. */
export const LEARNED_MAX_SHAPES = 20_000;
/** Lines longer than this are neither counted nor looked up (platform lines are short; paragraphs are not). */
export const LEARNED_MAX_CHARS = 200;
/** Lines with fewer letters than this (`2.`, `$4.99`, `|`) are neither counted nor looked up. */
export const LEARNED_MIN_LETTERS = 4;
/** At most this many distinct line shapes of one page are counted (bounds the writes per ingest). */
export const LEARNED_MAX_LINES_PER_PAGE = 200;

/** Story language: the body prefix sampled, and the least text franc will judge. */
export const LANGUAGE_SAMPLE_CHARS = 200;
export const LANGUAGE_MIN_CHARS = 40;
/** UI language of platform lines in no known wording: short lines, so a smaller least sample. */
export const UI_LANGUAGE_MIN_CHARS = 12;
/**
 * A function word of at most this many letters (`ya`, `na`, `as`), when it is the only one of a
 * language's the UI lines hold, is no evidence against the trigram guess: unrelated languages
 * spell their particles alike.
 */
export const SHARED_PARTICLE_MAX_LETTERS = 2;

/**
 * Languages newsstands publish in (ISO 639-3, as franc names them). franc
 * compares a sample only against these: half the time of its full list, and
 * no exotic near-neighbours (Scots for English, Tagalog dialects) to confuse.
 * Languages franc-min has no model for (Danish, Norwegian, Finnish, Catalan…)
 * cannot be told and are left out; single-script ones (Japanese, Greek…) are
 * told by their script and must be listed to be returned.
 */
export const LANGUAGE_CANDIDATES: readonly string[] = [
  'eng',
  'deu',
  'fra',
  'spa',
  'por',
  'ita',
  'nld',
  'swe',
  'pol',
  'ces',
  'hun',
  'ron',
  'hrv',
  'ell',
  'tur',
  'rus',
  'ukr',
  'bul',
  'srp',
  'arb',
  'heb',
  'pes',
  'urd',
  'hin',
  'mar',
  'ben',
  'tam',
  'tel',
  'kan',
  'mal',
  'guj',
  'pan',
  'tha',
  'vie',
  'ind',
  'zlm',
  'tgl',
  'jpn',
  'kor',
  'cmn',
  'swh',
];

/**
 * …and the languages a page's UI lines may be in, beyond them: the newsstands machine-translate
 * their UI into many more languages than they publish in. Every franc-min language with an ISO
 * 639-1 code (and Sorani, Cebuano), except Bosnian, which franc cannot tell from Croatian and
 * Serbian on a few lines; and Finnish and Danish from the full franc's models.
 */
export const UI_LANGUAGE_CANDIDATES: readonly string[] = [
  ...LANGUAGE_CANDIDATES,
  'bel',
  'kaz',
  'uzn',
  'azj',
  'hau',
  'yor',
  'ibo',
  'zul',
  'som',
  'kin',
  'run',
  'nya',
  'lin',
  'plt',
  'jav',
  'sun',
  'pbu',
  'npi',
  'ckb',
  'ceb',
  'qug',
  // models of the full franc only (franc-min has none). Norwegian is not listed: its model is
  // Danish's near twin on a line or two; Danish answers, and the words only Norwegian spells
  // (rules/alphabets.ts SISTER_LANGUAGE_WORDS) turn it to Norwegian
  'fin',
  'dan',
];

/**
 * UI candidates that answer only a sample holding one of the letters their spelling writes beyond
 * a–z (rules/alphabets.ts): Danish shares its short words with English, German and the other
 * Scandinavian languages (`for`, `top`, `sign`), and on a few ASCII menu words its model wins by
 * chance. Finnish is not listed: no candidate is near it, and its store categories are often ASCII
 * (`Uutiset ja politiikka`).
 */
export const UI_LANGUAGES_NEEDING_OWN_LETTER: readonly string[] = ['dan'];

/**
 * Evidence of a story. Without a platform, edition or byline signal, a page is
 * a story only when its deck and body hold at least this many sentences of
 * running prose: closed by sentence punctuation, of at least this many words
 * (or, in scripts written without spaces, this many letters), and with at most
 * this share of the symbols code and data are written in (`{ } " = < >`).
 */
export const PROSE_MIN_SENTENCES = 2;
export const PROSE_SENTENCE_MIN_WORDS = 6;
export const PROSE_SENTENCE_MIN_LETTERS_UNSPACED = 12;
export const PROSE_MAX_SYMBOL_RATIO = 0.05;

/**
 * Evidence against a story, read from the shape of the lines in any language (evidence.ts),
 * and applied even on a platform's page (a sign-in wall, a 404 or a search page has the
 * platform's URL but no story). A story's title, deck and paragraphs are mostly running prose:
 * with fewer than this share of them holding a sentence of prose, no line of at least
 * PROSE_PARAGRAPH_MIN_SENTENCES sentences (a real paragraph) and no story header (byline,
 * dated `Pub|Date`), the lines are chrome, form labels or result cards. Of the 100 labelled
 * stories (golden and the two older hold-outs) 97 hold such a paragraph; the other three
 * have a header, and shares 0.40, 0.75 and 1.00. The non-story pages written for it (370–372): 0.17, 0.18, 0.24.
 */
export const PROSE_MIN_LINE_SHARE = 1 / 3;
export const PROSE_PARAGRAPH_MIN_SENTENCES = 2;
/**
 * Nor when this many lines of prose follow one another (one-sentence paragraphs): a result
 * card or a form has one prose line between labels, an error page two; an article after
 * thousands of lines of markup junk (the HTML fallback) has its paragraphs in a row.
 */
export const PROSE_MIN_RUN = 3;
/**
 * A form prints its field labels one under another (`Email` / `Password`, `E-mail` / `Senha`,
 * `メールアドレス` / `パスワード`): this many label lines in a row, on a page with no paragraph,
 * are a form whatever share of its lines hold a sentence. A story's subhead stands alone.
 */
export const FORM_MIN_LABELS = 2;
/** A form asks for a few fields: a longer run of short lines is a list (or junk markup), not a form. */
export const FORM_MAX_LABELS = 12;
/** A form holds at most this many lines of prose (the sign-in and register prompts, the lost-password question). */
export const FORM_MAX_PROSE_LINES = 3;
/**
 * A sign-in form's buttons differ only in the provider's name (`Continue with Google` /
 * `Continue with Apple`): this many of them in a row under field labels, or
 * FORM_MIN_BUTTONS_ALONE without, make a form whatever prose its notices add (terms, a cookie
 * notice), on a page with at most FORM_MAX_PARAGRAPHS line of two sentences or more.
 */
export const FORM_MIN_BUTTONS = 2;
export const FORM_MIN_BUTTONS_ALONE = 3;
export const FORM_MAX_PARAGRAPHS = 1;
/** A button: at most this many words and characters, no sentence stop. */
export const FORM_BUTTON_MAX_WORDS = 5;
export const FORM_BUTTON_MAX_CHARS = 40;
/** Two one-word buttons (`Googleで続ける`) share a label of at least this many characters. */
export const FORM_BUTTON_LABEL_MIN_CHARS = 2;
/** A field label: at most this many words and characters, no digit, no sentence stop. */
export const FORM_LABEL_MAX_WORDS = 2;
export const FORM_LABEL_MAX_CHARS = 24;
/**
 * An e-mail: at least this many `Key: value` header lines among the first MAIL_HEADER_WINDOW
 * lines of the story region, one of them holding an address (`name@host.tld`).
 */
export const MAIL_HEADER_MIN_LINES = 3;
export const MAIL_HEADER_WINDOW = 6;
/** A header key (`From`, `Betreff`, `件名`) is at most this long. */
export const MAIL_HEADER_KEY_MAX_CHARS = 24;
/**
 * Records, not prose: when at least this share of the story region's lines (and at least
 * RECORD_MIN_LINES of them) are log, CSV, INI or subtitle records (a leading timestamp,
 * `key=value`, `[section]`, `00:01:02,000 --> …`), the text is data.
 */
export const RECORD_MIN_SHARE = 0.5;
export const RECORD_MIN_LINES = 3;

/**
 * A document of records (a bibliography export, a review section, a social thread): its lines
 * are entries (`field = {value}`, `@type{key,`), account handles (`@user@host`) with their
 * relative times, rating rows (`5 stars 58%`), or the rows of buttons every record repeats
 * (`Reply` / `Boost` / `Favourite`). When such lines are at least RECORD_DOCUMENT_MIN_SHARE of
 * all lines and of at least two kinds (or RECORD_MIN_SHARE of one kind), the text is no page.
 */
export const RECORD_DOCUMENT_MIN_SHARE = 0.3;
/** A labelled field of a catalogue record (`Idioma: Español`) is at most this long; a longer line is prose (an abstract). */
export const RECORD_FIELD_MAX_CHARS = 80;
/** A row of buttons is two adjacent short lines printed, in that order, at least this often. */
export const RECORD_BUTTON_ROW_MIN_REPEATS = 3;
/** … or at least this often where handles or rating rows already show records (a thread of two posts). */
export const RECORD_ROW_MIN_REPEATS_WITH_RECORDS = 2;
/** A record's counter line (`12 people found this helpful`): at most this many words. */
export const RECORD_COUNTER_MAX_WORDS = 8;
/** A button's label: at most this many words and characters, no digit, no sentence stop. */
export const RECORD_BUTTON_MAX_WORDS = 3;
export const RECORD_BUTTON_MAX_CHARS = 24;
/** Rating rows (`5 stars 58%`): a histogram has at least this many in a row. */
export const RECORD_RATING_MIN_ROWS = 3;
/** A rating row (`★★★★☆ 21 %`, `5 stars 58%`) is at most this long. */
export const RATING_ROW_MAX_CHARS = 40;

/**
 * Result cards (a search or listing page): at least RESULT_CARDS_MIN dates alone on their line,
 * each under a card's publication, at most RESULT_CARD_MAX_LINES lines apart (date, snippet,
 * title, `Pub · date`, publication).
 */
export const RESULT_CARDS_MIN = 2;
export const RESULT_CARD_MAX_LINES = 5;

/**
 * A letter or an e-mail without headers (judged only off a newsstand): its first line is a
 * greeting of at most LETTER_GREETING_MAX_WORDS words ending in a comma, and one of its last
 * LETTER_SIGN_OFF_WINDOW lines a sign-off of at most LETTER_SIGN_OFF_MAX_WORDS words ending in one.
 */
export const LETTER_GREETING_MAX_WORDS = 4;
export const LETTER_SIGN_OFF_MAX_WORDS = 3;
export const LETTER_SIGN_OFF_WINDOW = 3;

/**
 * Text that is not a newsstand page: a Markdown file prints at least MARKUP_MIN_LINES lines of
 * Markdown syntax (headings, code fences, table rows, links, rules), of at least MARKUP_MIN_KINDS
 * kinds; a recipe prints a run of at least QUANTITY_RUN_MIN_LINES short lines (at most
 * QUANTITY_LINE_MAX_CHARS) that open with a quantity (`300 g de farina`, `1/2 chávena`).
 */
export const MARKUP_MIN_LINES = 3;
/**
 * Off a newsstand, a text closed by a numbered list of at least NOTICES_MIN_ITEMS items
 * (`1.` `2.` `3.`, with at most NOTICES_MAX_LINES_AFTER line after the last: a closing
 * thank-you) is a bulletin, minutes or an agenda, not a story.
 */
export const NOTICES_MIN_ITEMS = 3;
export const NOTICES_MAX_LINES_AFTER = 1;
export const MARKUP_MIN_KINDS = 2;
export const QUANTITY_RUN_MIN_LINES = 4;
export const QUANTITY_LINE_MAX_CHARS = 48;
/**
 * A shopping or to-do list off a newsstand: a run of at least LIST_RUN_MIN_LINES item lines (at most
 * LIST_ITEM_MAX_WORDS words, no sentence), making at least LIST_MIN_SHARE of the text's lines.
 */
export const LIST_RUN_MIN_LINES = 8;
export const LIST_ITEM_MAX_WORDS = 5;
export const LIST_MIN_SHARE = 0.5;
/** A list item holds at most this many numbers (`Bread 1.20`); a table's row holds more (`1 Kyle Busch 5040 5`). */
export const LIST_ITEM_MAX_NUMBERS = 2;

/** A PressReader-style credit line (`Pub (City) - - Section - By Name, FOTO: …`) is at most this long. */
export const CREDIT_LINE_MAX_CHARS = 200;
/** A credit line's date slot (`2. ožujka 2023.`) is at most this long; a writer word before a colon (`Piše:`) too. */
export const CREDIT_DATE_SLOT_MAX_CHARS = 24;
export const CREDIT_OPENER_MAX_CHARS = 12;

/** A credits line (`Text: Ana Ruiz, Photos: Rui Gaudêncio`) is at most this long. */
export const CREDITS_LINE_MAX_CHARS = 120;

/** A preview wall (`You're reading a free preview.` / `Read the rest with a free trial of Scribd.`) is at most this many lines… */
export const PREVIEW_WALL_MAX_LINES = 5;
/** …each at most this long: the story's paragraphs above it are longer. */
export const PREVIEW_WALL_LINE_MAX_CHARS = 90;
/** A preview's own header prints its date on one of its first this many lines (Pub / date, Title / Pub / date). */
export const PREVIEW_HEADER_DATE_LINES = 2;
/** A wall that does not name the brand and ends with its button (`Comece seu teste gratuito`) is the offer, its terms and the button. */
export const PREVIEW_WALL_BUTTON_BLOCK_LINES = 3;
/** A content-type label over a story's header (`Artigo`, `Artículo`, `記事`) is one word of at most this many characters. */
export const CONTENT_LABEL_MAX_CHARS = 20;

// Edition dates and edition lines (edition.ts).

/** A printed year outside these bounds is no date (a number, a price, a page reference). */
export const PRINTED_YEAR_MIN = 1800;
export const PRINTED_YEAR_MAX = 2199;

/** Longest date range a page prints (`December 2024 - January 2025`). */
export const DATE_RANGE_MAX_CHARS = 48;

/** An edition line's issue text that is not a date (`Issue 231`) is at most this long. */
export const ISSUE_TEXT_MAX_CHARS = 40;

// Prices and the locale vote (classify.ts).

/** Longest per-period suffix of a price (`/Año`, `/Year`). */
export const PRICE_PERIOD_MAX_CHARS = 12;

/** A price line (two glued prices and a period at most) is at most this long. */
export const PRICE_LINE_MAX_CHARS = 48;

/**
 * A price's period word (`/Year`) is often left in English on pages in other
 * UI languages: it counts half a vote, so a translated label outweighs it.
 */
export const PRICE_PERIOD_VOTE = 0.5;

/** Weight of the edition line's locale against the other UI lines' votes. */
export const EDITION_LINE_VOTES = 100;

// Credits and PressReader credit lines (credits.ts, platform-grammars.ts).

/** A credit's label is at most this many words (`Text and photos`). */
export const CREDIT_LABEL_MAX_WORDS = 3;

/** An opener-less writer after the section is at least this many words (`Pieter Jansens`, not `Binnenland`). */
export const BARE_WRITER_MIN_WORDS = 2;

/** A line cut inside the brand keeps at least this much of it (`PressRe`): `Press` alone is a common word. */
export const CUT_BRAND_MIN_CHARS = 6;

// Contents pages (evidence.ts).

/** A contents line holds its page number and at most an item number (digit runs); a table row holds more. */
export const CONTENTS_MAX_NUMBERS = 2;

// Segmenting a page: teaser headers, story headers, paywall and footers (segment.ts).

/** A generic "More stories from {pub}" header holds at most this much text besides the publication. */
export const MORE_STORIES_EXTRA_CHARS = 40;

/** How many lines below the top of the story the header's `Pub` / `|` / date lines may sit. */
export const HEADER_SCAN_LINES = 6;

/** Under a story's repeated title, the audio player, toolbar and ad slot fill at most this many lines. */
export const PLAYER_MAX_LINES = 6;
/** Lines of the header between a story's title and its copy over the body: more than this many. */
export const REPEATED_TITLE_MIN_GAP = 2;

/** Lines after a Zinio story's issue title that may be its header (title, byline, its own reading time). */
export const STORY_HEADER_MAX_LINES = 4;

/**
 * A store's issue page with no known wording (Zinio): the panel between the issue title and the
 * first card is read for at most STORE_PANEL_MAX_LINES lines, and it takes STORE_PANEL_MIN_SIGNS
 * kinds of store line (the blurb, a price, a link, an issue count, a promo) to make an issue page.
 */
export const STORE_PANEL_MAX_LINES = 10;
export const STORE_PANEL_MIN_SIGNS = 2;

/** How far below the top label the header's metadata may start. */
export const TOP_LABEL_META_LOOKAHEAD = 4;

/** At most this many repeated lines are tried as card publications (keeps the header search linear). */
export const CARD_PUBLICATION_MAX_CANDIDATES = 8;

/** Words two "Continue reading your story on the app / … in the magazine" lines share at least. */
export const PAYWALL_PAIR_MIN_SHARED_WORDS = 3;

/** In a script without spaces, the two lines share at least this many opening characters (more than their endings). */
export const PAYWALL_PAIR_MIN_SHARED_CHARS = 8;

/** …and at most this many words differ at their ends (fewer than they share). */
export const PAYWALL_PAIR_MAX_DIFFERENT_WORDS = 3;

/** At most this many footer links sit between a listing's last card and the closing `© site` line. */
export const FOOTER_LINKS_MAX = 3;
/**
 * A mirror's contents heading sits within the first CONTENTS_HEADER_MAX_LINE lines; at most
 * CONTENTS_LINKS_MAX short links (`read online`, `download PDF`) stand between it and the first entry.
 */
export const CONTENTS_HEADER_MAX_LINE = 4;
export const CONTENTS_LINKS_MAX = 3;

// Story headers (story.ts).

/** How many header lines before a `- Byline` marker name the publication, title and deck. */
export const PRESS_HEADER_WITH_PUBLICATION = 3;

/** The word for "logo" after a platform's name in its logo's alt text (`ZINIO लोगो`) is at most this long. */
export const LOGO_WORD_MAX_CHARS = 12;
/** Before the name (`Logo ZINIO`, `Logotipo de ZINIO`): the word for "logo" and at most one preposition. */
export const LOGO_WORDS_BEFORE_MAX = 2;

/** A paper's code after a dateline's place (`LYON, LP –`) is at most this many capitals; `LONDON, UK` drops its code too. */
export const PAPER_CODE_MAX_CHARS = 4;
/** A place in a script without case set off by a colon glued to it (`काठमाडौं: …`) is at most this many words. */
export const CASELESS_PLACE_GLUED_COLON_MAX_WORDS = 2;

/** A job title after a writer's name and a pipe under a credit line holds at most this many words (`Senior Political Editor`). */
export const CREDIT_ROLE_MAX_WORDS = 4;

/** An article toolbar line (`SharePrintListenTranslate`, `Share Print Listen Translate`) is at most this long… */
export const TOOLBAR_MAX_CHARS = 60;
/** …and prints this many labels, or more (a three-word title-case deck under a credit line is rare)… */
export const TOOLBAR_MIN_LABELS = 3;
/** …and at most this many. */
export const TOOLBAR_MAX_LABELS = 6;
/** Toolbar buttons printed one a line (`Share` / `Print`) come in a run of at least this many lines. */
export const TOOLBAR_MIN_LINES = 2;
/** A Hebrew-calendar date (`כ״ה באדר ב׳ התשפ״ד`) is at most this many words. */
export const HEBREW_DATE_MAX_WORDS = 5;

/**
 * Site banners (a cookie notice, an app banner) around the page: a button is a label of at most
 * BANNER_BUTTON_MAX_WORDS words and BANNER_BUTTON_MAX_CHARS characters (`Get it on Google
 * Play`), a banner at most BANNER_MAX_BUTTONS of them under one notice line of at most
 * BANNER_NOTICE_MAX_CHARS characters; on top, banners fill at most BANNER_TOP_MAX_LINES lines.
 */
export const BANNER_BUTTON_MAX_WORDS = 5;
export const BANNER_BUTTON_MAX_CHARS = 40;
export const BANNER_MAX_BUTTONS = 3;
/** An app banner above the footer: at least this many buttons (the two stores). */
export const BANNER_MIN_APP_BUTTONS = 2;
/** Above a footer's chrome line, its links printed one per line: at most this many. */
export const FOOTER_LINK_LINES_MAX = 8;
export const BANNER_NOTICE_MAX_CHARS = 300;
/** A banner's notice fills at most this many lines (a cookie notice and its privacy sentence). */
export const BANNER_NOTICE_MAX_LINES = 2;
export const BANNER_TOP_MAX_LINES = 10;
/** A footer links line (`About · Help · Privacy`): at least this many links of at most FOOTER_LINK_MAX_WORDS words. */
export const FOOTER_LINKS_LINE_MIN_LINKS = 3;
export const FOOTER_LINK_MAX_WORDS = 3;

/** A site's menu under the platform's logo: at least MENU_MIN_LABELS labels of at most MENU_LABEL_MAX_WORDS words. */
export const MENU_MIN_LABELS = 2;
export const MENU_LABEL_MAX_WORDS = 3;

/**
 * A card's reading time in no table's wording with capitals or a label (`Lesezeit: 6 Min.`,
 * `Nkeji 4 agụ`): at most LOOSE_READING_TIME_MAX_WORDS words, its last maybe an abbreviation of
 * at most ABBREVIATION_MAX_CHARS characters with its dot, printed alike (numbers aside) on at
 * least LOOSE_READING_TIME_MIN_CARDS cards right above their dates.
 */
export const LOOSE_READING_TIME_MAX_WORDS = 4;
export const ABBREVIATION_MAX_CHARS = 5;
export const LOOSE_READING_TIME_MIN_CARDS = 2;

/** A footer's two links closing the page open with one word of at least this many letters (`Newspapers`, `Koran`). */
export const FOOTER_PAIR_MIN_WORD_CHARS = 4;
/** A footer pair's last link cut inside the word both links open with keeps at least this many characters of it (`Újs`). */
export const FOOTER_CUT_LINK_MIN_CHARS = 3;

/** A label header (Scribd) may print at most this many lines (a deck, a credit) between its title and its date. */
export const LABELLED_HEADER_MAX_EXTRA_LINES = 2;

/**
 * A Try-GOLD label or old paywall line of the tables with one word swapped (`Experimente GOLD - Grátis`
 * for `… OURO …`, a loanword for "article"): the table line is looked up by its first or last
 * SWAP_INDEX_CHARS characters; the swapped word (in a script without spaces, run) is at most
 * SWAP_SPAN_MAX_CHARS long, and the rest, at least SWAP_MIN_SHARED_SHARE of the table line, is the same.
 */
export const SWAP_INDEX_CHARS = 2;
export const SWAP_SPAN_MAX_CHARS = 12;
export const SWAP_MIN_SHARED_SHARE = 0.6;
