// Generated from openapi.yaml by `npm run openapi`. Do not edit.
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness
         * @description Answers 200 while the process is up.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness
         * @description Answers 200 when the database is reachable, its schema is current and it can take writes; 503 otherwise (including while the disk is full, or when the database file has been deleted or replaced).
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/parse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Parse a page without storing it
         * @description Runs the parser over a captured page and returns everything it found: the story, the edition, the teasers, the UI language, and every line it removed with the reason. Nothing is stored, so no token is needed.
         */
        post: operations["parsePage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List and search articles
         * @description Articles, newest edition first then by id, filtered by publication, edition, edition date range, story language, page UI language and platform. With `q`, a full-text search over title, deck and body in masthead's search grammar (see `q`: words, "phrases", prefix*, -exclusions, OR; never a syntax error) ordered by relevance, each item with a highlighted `snippet`. Pages through `cursor`/`next_cursor` (also in `Link: rel="next"`): a walk returns each article once, even while others are ingested. `sort` picks another order (edition date either way, order stored either way, relevance with `q`); each order has its own cursors. `total` counts the whole list up to LIST_TOTAL_BOUND (10,000), then says `exact: false`. `distinct=story` returns one article per story (captures of one story share `story_id`). `fields` selects the fields returned.
         */
        get: operations["listArticles"];
        put?: never;
        /**
         * Ingest a page
         * @description Parses a captured newsstand page and stores its main story, source edition and teasers together with the raw document. Idempotent by the SHA-256 of the document: sending the same document again returns the stored article with 200. A page with no main story is not stored: the 422 problem carries the parse result so you can see why.
         */
        post: operations["ingestArticle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an article
         * @description The main story of an ingested page, with a summary of its edition and links, in JSON. Browsers and curl may also negotiate `text/markdown`, `text/plain` or `text/html` through `Accept`; the same representations have their own operations (`/v1/articles/{id}.md`, `.txt`, `.html`), so that generated clients type this one as the JSON article.
         */
        get: operations["getArticle"];
        put?: never;
        post?: never;
        /**
         * Delete an article
         * @description Removes the article, its teasers, the links of other teasers to it, its search rows and its raw document; an edition or publication left with no article goes too. Ids are never reused: the deleted URLs answer 404 for good.
         */
        delete: operations["deleteArticle"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}.md": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an article as Markdown
         * @description The article as `text/markdown`, as `GET /v1/articles/{id}` answers to `Accept: text/markdown`: the clean story with its header and edition line, and the teasers.
         */
        get: operations["getArticleMarkdown"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}.txt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an article as plain text
         * @description The article as `text/plain`, as `GET /v1/articles/{id}` answers to `Accept: text/plain`: the clean story with its header and edition line, and the teasers.
         */
        get: operations["getArticleText"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}.html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an article as an HTML page
         * @description The article as `text/html`, as `GET /v1/articles/{id}` answers to `Accept: text/html`: a minimal, accessible reader page.
         */
        get: operations["getArticleHtml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}/source": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an article's raw page
         * @description The document exactly as it was received, with its content type (the one it was last sent with). Its `ETag` comes from the SHA-256 stored with the document and its content type.
         */
        get: operations["getArticleSource"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}/edition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an article's source edition
         * @description The edition the story was printed in: publication, date (with the precision printed), the date as printed, platform, and the UI language of the page it was captured from.
         */
        get: operations["getArticleEdition"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}/teasers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List an article's teasers
         * @description The related-story teasers printed under the article, in page order. Each keeps its own publication and date where the card printed them, and `article_id` links it to the stored story it announces. Pages through `cursor`/`next_cursor` (also in `Link: rel="next"`) like every list; `teaser_count` on the article is the total.
         */
        get: operations["listArticleTeasers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles:batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ingest many pages
         * @description Up to 1000 page submissions (each as the JSON body of `POST /v1/articles`), as a JSON array, answered with a JSON array of results in the same order; or as newline-delimited JSON (`application/x-ndjson`, one submission per line), answered with a stream of results, one NDJSON line per non-empty input line, in order. Each result gives the line (or item) number, the status it would have had on its own (201, 200, 400, 413, 422), and the article id or a problem. A line or item is held to the single-page body limit (413 on that line). One bad line does not fail the others.
         */
        post: operations["ingestArticlesBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/editions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List editions
         * @description Editions (one per publication, date and platform), newest first, filtered by publication (id or exact name), edition date range and platform; `sort=date` for oldest first. Cursor-paged, with `total`.
         */
        get: operations["listEditions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/editions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an edition
         * @description One edition: publication, ISO date with the precision printed, the date as printed, platform.
         */
        get: operations["getEdition"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/editions/{id}/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List an edition's articles
         * @description The stored articles of one edition, by id. Cursor-paged.
         */
        get: operations["listEditionArticles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List publications
         * @description Publications by name, each with its counts of editions and articles and its first and last edition dates. Cursor-paged.
         */
        get: operations["listPublications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a publication
         * @description One publication with its counts of editions and articles and its first and last edition dates.
         */
        get: operations["getPublication"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publications/{id}/editions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a publication's editions
         * @description The editions of one publication, newest first. Cursor-paged.
         */
        get: operations["listPublicationEditions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/teasers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search teasers
         * @description Teasers of every stored page, in the order they were stored (`sort`: `-stored`, or `relevance` with `q`), with `total`, optionally filtered by a full-text query over titles and summaries and by publication. `article_id` links a teaser to the stored story it announces; `page_article_id` is the page it was printed on.
         */
        get: operations["searchTeasers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow changes to articles
         * @description Articles created, re-parsed (stored fields changed) and deleted, in commit order, after the `since` token. Store `next` verbatim and pass it back as `since`: you get exactly the changes committed after it, none missed and none twice, however long you were away, as long as they are still kept (the newest CHANGES_RETAINED, 1,000,000 by default). Past that, or with a token from another database, 410 `changes-gone`: resync (take `since=now`, re-read `/v1/articles`, then follow from that token). `has_more` true: ask again at once.
         */
        get: operations["listChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/reparse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-parse stored pages
         * @description Queues a background job that re-parses stored raw documents with the current parser (by default only those parsed by an older parser version) and rewrites their articles in place: same ids, never lost or duplicated; a page where the new parser finds no story keeps its article. One API node runs it; if that node stops, another takes it over and goes on. Follow its progress at the `Location` returned.
         */
        post: operations["startReparse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a background job
         * @description Status and progress of a background job such as a re-parse.
         */
        get: operations["getJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description The newsstand the page was captured from.
         * @enum {string}
         */
        PlatformInput: "magzter" | "pressreader" | "zinio" | "scribd";
        /**
         * @description A captured page in JSON: exactly one of `text` or `html`, optionally its URL.
         * @example {
         *       "text": "SEOUL - As evidence mounts of North Korea's plans to send as many as 12,000 of its special forces to aid Russia in the Ukraine war, the implications for South Korea are looking grave.\nAnalysts call it a major elevation of the mutual defence treaty signed by Russia and North Korea in June, which will turn Russia from being once a strategic partner of South Korea to a military threat.\nBy sending its troops to the battlefield for the first time since the Korean War in the 1950s, North Korea stands to gain valuable combat experience, which would embolden it to further threaten the South.\nTensions between the two Koreas have been running high, with North Korea blowing up sections of inter-Korean roads on Oct 15 in anger over South Korean drones flying over Pyongyang with propaganda leaflets. The same week, it amended its Constitution to label South Korea a \"hostile state\".\nBut the biggest concern for South Korea would be the much-coveted military technologies that North Korea could get from Russia in return for its aid.\nRussian President Vladimir Putin, \"by way of courting\" North Korean leader Kim Jong Un and his soldiers, is a threat to South Korea's security, Dr Lee Sung-yoon, global fellow at the Washington-based think-tank Woodrow Wilson International Centre for Scholars, told The Straits Times.\nOn Oct 18, South Korea's National Intelligence Service (NIS) said it believed North Korea plans to send about 12,000 members from its special forces unit to support Russia in its war with Ukraine. About 1,500 have already been deployed to the Russian city of Vladivostok for training as at Oct 8, NIS added.\nA video posted by the Ukrainian Centre for Strategic Communication on Oct 19 purportedly shows North Korean-looking soldiers collecting Russian military gear at a training centre in Russia.\nDiese Geschichte stammt aus der October 23, 2024-Ausgabe von The Straits Times.\nStarten Sie Ihre 7-tägige kostenlose Testversion von Magzter GOLD, um auf Tausende kuratierte Premium-Storys sowie über 8.000 Zeitschriften und Zeitungen zuzugreifen.\nBereits Abonnent ? Anmelden\nDiese Geschichte stammt aus der October 23, 2024-Ausgabe von The Straits Times.\nStarten Sie Ihre 7-tägige kostenlose Testversion von Magzter GOLD, um auf Tausende kuratierte Premium-Storys sowie über 8.000 Zeitschriften und Zeitungen zuzugreifen.\nBereits Abonnent? Anmelden\nCOFFEE AND A LOOK AT NORTH KOREA\nFor anyone curious about civilian life in North Korea, Starbucks is offering its customers in the south a peek into the world's most reclusive country while sipping a favourite brew.\nShaw Theatres to close cinema at The Seletar Mall\nShaw Theatres will close its cineplex at The Seletar Mall on Dec 15, it announced via a press statement on Dec 2.\nConservationist Robert Irwin pays tribute to late father as he turns 21\nAustralian conservationist, TV personality and wildlife photographer Robert Irwin marked his 21st birthday on Dec 1 with a touching tribute to his late father Steve Irwin.\nKRU first Malaysian act to use AI for music video\nMalaysian music group KRU have unveiled Voodoo, the first single and music video from their upcoming album Kaset.\nTitoudao actress Koe Yeet is engaged\nWedding bells are set to ring for Malaysian actress Koe Yeet.\nMoana 2 sails to $495m debut at global box office\nLOS ANGELES - Walt Disney's animated musical Moana 2 debuted with an estimated US$368 million (S$495 million) in global ticket sales through Dec 1, and combined with Wicked and Gladiator II to deliver the biggest Thanksgiving weekend in American and Canadian box-office history.\nThe road ahead for S'pore tourism\nSingapore Tourism Board chief weighs in on upcoming attractions, staying competitive and creating value for tourists\nBeyond the Angkor Wat\nFrom lotus farms to a colourful circus, Cambodia's Siem Reap is a city with much to offer\nIn chess, a fan and a legend get to meet on a board\nIt's Saturday afternoon and John Chan, 32, is possibly in a joyous daze.\nLIONESSES' LAST CHANCE\nThey must win third-place play-off to qualify for AFF Women's C'ship"
         *     }
         */
        PageSubmissionInput: {
            /** @description The page as captured plain text. */
            text?: string;
            /** @description The page as HTML. */
            html?: string;
            /**
             * Format: uri
             * @description Where the page was captured.
             */
            url?: string;
        };
        ReparseRequestInput: {
            /**
             * @description Re-parse every stored page, not only those parsed by an older parser version.
             * @default false
             */
            all: boolean;
        };
        /**
         * @description The newsstand the page was captured from.
         * @enum {string}
         */
        Platform: "magzter" | "pressreader" | "zinio" | "scribd";
        Story: {
            /** @description Headline, when the page prints one. */
            title: string | null;
            /** @description Standfirst under the headline. */
            deck: string | null;
            /** @description Writer's name only ("- By Name" gives "Name"). */
            byline: string | null;
            /** @description Place prefix of the first paragraph ("SEOUL" in "SEOUL - As …"); the paragraph keeps it. */
            dateline: string | null;
            /** @description Body paragraphs in order, trimmed. */
            paragraphs: string[];
            /** @description Figure captions of an HTML page (`<figcaption>`), never in the body; absent for text input. */
            captions?: string[];
            /** @description BCP 47 tag of the story text, detected; null when too short to tell. */
            language: string | null;
        };
        ParsedEdition: {
            /** @description Publication as printed in the edition line or header. */
            publication: string | null;
            /** @description ISO date with the precision printed: YYYY-MM-DD, YYYY-MM, or YYYY for an edition printed with the year only. */
            date: string | null;
            /** @description The date exactly as printed ("October 23, 2024"). */
            label: string | null;
            platform: components["schemas"]["Platform"] | null;
        };
        ParsedTeaser: {
            title: string;
            summary: string | null;
            /** @description The teaser's own publication, where printed. */
            publication: string | null;
            /** @description The teaser's own issue date as printed on its card (`OCT 2025`), where printed. */
            date: string | null;
            /** @description True when the card was cut by the end of the captured text. */
            partial: boolean;
        };
        /**
         * @example {
         *       "story": {
         *         "title": null,
         *         "deck": null,
         *         "byline": null,
         *         "dateline": "SEOUL",
         *         "paragraphs": [
         *           "SEOUL - As evidence mounts of North Korea's plans to send as many as 12,000 of its special forces to aid Russia in the Ukraine war, the implications for South Korea are looking grave.",
         *           "Analysts call it a major elevation of the mutual defence treaty signed by Russia and North Korea in June, which will turn Russia from being once a strategic partner of South Korea to a military threat.",
         *           "By sending its troops to the battlefield for the first time since the Korean War in the 1950s, North Korea stands to gain valuable combat experience, which would embolden it to further threaten the South.",
         *           "Tensions between the two Koreas have been running high, with North Korea blowing up sections of inter-Korean roads on Oct 15 in anger over South Korean drones flying over Pyongyang with propaganda leaflets. The same week, it amended its Constitution to label South Korea a \"hostile state\".",
         *           "But the biggest concern for South Korea would be the much-coveted military technologies that North Korea could get from Russia in return for its aid.",
         *           "Russian President Vladimir Putin, \"by way of courting\" North Korean leader Kim Jong Un and his soldiers, is a threat to South Korea's security, Dr Lee Sung-yoon, global fellow at the Washington-based think-tank Woodrow Wilson International Centre for Scholars, told The Straits Times.",
         *           "On Oct 18, South Korea's National Intelligence Service (NIS) said it believed North Korea plans to send about 12,000 members from its special forces unit to support Russia in its war with Ukraine. About 1,500 have already been deployed to the Russian city of Vladivostok for training as at Oct 8, NIS added.",
         *           "A video posted by the Ukrainian Centre for Strategic Communication on Oct 19 purportedly shows North Korean-looking soldiers collecting Russian military gear at a training centre in Russia."
         *         ],
         *         "language": "en"
         *       },
         *       "edition": {
         *         "publication": "The Straits Times",
         *         "date": "2024-10-23",
         *         "label": "October 23, 2024",
         *         "platform": "magzter"
         *       },
         *       "teasers": [
         *         {
         *           "title": "COFFEE AND A LOOK AT NORTH KOREA",
         *           "summary": "For anyone curious about civilian life in North Korea, Starbucks is offering its customers in the south a peek into the world's most reclusive country while sipping a favourite brew.",
         *           "publication": null,
         *           "date": null,
         *           "partial": false
         *         },
         *         {
         *           "title": "Shaw Theatres to close cinema at The Seletar Mall",
         *           "summary": "Shaw Theatres will close its cineplex at The Seletar Mall on Dec 15, it announced via a press statement on Dec 2.",
         *           "publication": null,
         *           "date": null,
         *           "partial": false
         *         },
         *         {
         *           "title": "Conservationist Robert Irwin pays tribute to late father as he turns 21",
         *           "summary": "Australian conservationist, TV personality and wildlife photographer Robert Irwin marked his 21st birthday on Dec 1 with a touching tribute to his late father Steve Irwin.",
         *           "publication": null,
         *           "date": null,
         *           "partial": false
         *         },
         *         {
         *           "title": "KRU first Malaysian act to use AI for music video",
         *           "summary": "Malaysian music group KRU have unveiled Voodoo, the first single and music video from their upcoming album Kaset.",
         *           "publication": null,
         *           "date": null,
         *           "partial": false
         *         },
         *         {
         *           "title": "Titoudao actress Koe Yeet is engaged",
         *           "summary": "Wedding bells are set to ring for Malaysian actress Koe Yeet.",
         *           "publication": null,
         *           "date": null,
         *           "partial": false
         *         },
         *         {
         *           "title": "Moana 2 sails to $495m debut at global box office",
         *           "summary": "LOS ANGELES - Walt Disney's animated musical Moana 2 debuted with an estimated US$368 million (S$495 million) in global ticket sales through Dec 1, and combined with Wicked and Gladiator II to deliver the biggest Thanksgiving weekend in American and Canadian box-office history.",
         *           "publication": null,
         *           "date": null,
         *           "partial": false
         *         },
         *         {
         *           "title": "The road ahead for S'pore tourism",
         *           "summary": "Singapore Tourism Board chief weighs in on upcoming attractions, staying competitive and creating value for tourists",
         *           "publication": null,
         *           "date": null,
         *           "partial": false
         *         },
         *         {
         *           "title": "Beyond the Angkor Wat",
         *           "summary": "From lotus farms to a colourful circus, Cambodia's Siem Reap is a city with much to offer",
         *           "publication": null,
         *           "date": null,
         *           "partial": false
         *         },
         *         {
         *           "title": "In chess, a fan and a legend get to meet on a board",
         *           "summary": "It's Saturday afternoon and John Chan, 32, is possibly in a joyous daze.",
         *           "publication": null,
         *           "date": null,
         *           "partial": false
         *         },
         *         {
         *           "title": "LIONESSES' LAST CHANCE",
         *           "summary": "They must win third-place play-off to qualify for AFF Women's C'ship",
         *           "publication": null,
         *           "date": null,
         *           "partial": false
         *         }
         *       ],
         *       "page_locale": "de",
         *       "removed": [
         *         {
         *           "text": "Diese Geschichte stammt aus der October 23, 2024-Ausgabe von The Straits Times.",
         *           "reason": "edition-line"
         *         },
         *         {
         *           "text": "Starten Sie Ihre 7-tägige kostenlose Testversion von Magzter GOLD, um auf Tausende kuratierte Premium-Storys sowie über 8.000 Zeitschriften und Zeitungen zuzugreifen.",
         *           "reason": "paywall"
         *         },
         *         {
         *           "text": "Bereits Abonnent ? Anmelden",
         *           "reason": "sign-in"
         *         },
         *         {
         *           "text": "Diese Geschichte stammt aus der October 23, 2024-Ausgabe von The Straits Times.",
         *           "reason": "edition-line"
         *         },
         *         {
         *           "text": "Starten Sie Ihre 7-tägige kostenlose Testversion von Magzter GOLD, um auf Tausende kuratierte Premium-Storys sowie über 8.000 Zeitschriften und Zeitungen zuzugreifen.",
         *           "reason": "paywall"
         *         },
         *         {
         *           "text": "Bereits Abonnent? Anmelden",
         *           "reason": "sign-in"
         *         }
         *       ],
         *       "warnings": []
         *     }
         */
        ParsedPage: {
            /** @description The main story; null when the page has none. */
            story: components["schemas"]["Story"] | null;
            edition: components["schemas"]["ParsedEdition"] | null;
            /** @description Related-story teasers, in page order. */
            teasers: components["schemas"]["ParsedTeaser"][];
            /** @description BCP 47 tag of the platform's UI text on the page. */
            page_locale: string | null;
            /** @description Every input line that went into no field, with the reason. */
            removed: {
                text: string;
                reason: string;
                /** @description With reason `learned-boilerplate`: how many distinct publications of the platform the corpus saw this line (its shape: numbers, prices, dates folded) on. */
                evidence?: number;
            }[];
            warnings: string[];
        };
        /**
         * @example {
         *       "id": 1,
         *       "title": null,
         *       "deck": null,
         *       "byline": null,
         *       "dateline": "SEOUL",
         *       "paragraphs": [
         *         "SEOUL - As evidence mounts of North Korea's plans to send as many as 12,000 of its special forces to aid Russia in the Ukraine war, the implications for South Korea are looking grave.",
         *         "Analysts call it a major elevation of the mutual defence treaty signed by Russia and North Korea in June, which will turn Russia from being once a strategic partner of South Korea to a military threat.",
         *         "By sending its troops to the battlefield for the first time since the Korean War in the 1950s, North Korea stands to gain valuable combat experience, which would embolden it to further threaten the South.",
         *         "Tensions between the two Koreas have been running high, with North Korea blowing up sections of inter-Korean roads on Oct 15 in anger over South Korean drones flying over Pyongyang with propaganda leaflets. The same week, it amended its Constitution to label South Korea a \"hostile state\".",
         *         "But the biggest concern for South Korea would be the much-coveted military technologies that North Korea could get from Russia in return for its aid.",
         *         "Russian President Vladimir Putin, \"by way of courting\" North Korean leader Kim Jong Un and his soldiers, is a threat to South Korea's security, Dr Lee Sung-yoon, global fellow at the Washington-based think-tank Woodrow Wilson International Centre for Scholars, told The Straits Times.",
         *         "On Oct 18, South Korea's National Intelligence Service (NIS) said it believed North Korea plans to send about 12,000 members from its special forces unit to support Russia in its war with Ukraine. About 1,500 have already been deployed to the Russian city of Vladivostok for training as at Oct 8, NIS added.",
         *         "A video posted by the Ukrainian Centre for Strategic Communication on Oct 19 purportedly shows North Korean-looking soldiers collecting Russian military gear at a training centre in Russia."
         *       ],
         *       "language": "en",
         *       "page_locale": "de",
         *       "word_count": 306,
         *       "edition": {
         *         "id": 1,
         *         "publication": "The Straits Times",
         *         "date": "2024-10-23"
         *       },
         *       "teaser_count": 10,
         *       "teased_by": [],
         *       "story_id": 1,
         *       "captures": [],
         *       "source_url": null,
         *       "ingested_at": "2026-11-30T06:30:00.000Z",
         *       "parser_version": "1.10.0",
         *       "links": {
         *         "self": "/v1/articles/1",
         *         "edition": "/v1/articles/1/edition",
         *         "teasers": "/v1/articles/1/teasers",
         *         "source": "/v1/articles/1/source"
         *       }
         *     }
         */
        Article: {
            id: number;
            /** @description Headline, when the page prints one. */
            title: string | null;
            /** @description Standfirst under the headline. */
            deck: string | null;
            /** @description Writer's name. */
            byline: string | null;
            /** @description Place prefix of the first paragraph. */
            dateline: string | null;
            paragraphs: string[];
            /** @description BCP 47 tag of the story text, detected. */
            language: string | null;
            /** @description BCP 47 tag of the platform's UI text on the page. */
            page_locale: string | null;
            word_count: number;
            /** @description The source edition in brief; null when the page printed no publication. */
            edition: {
                id: number;
                publication: string;
                date: string | null;
            } | null;
            teaser_count: number;
            /** @description Stored pages whose teasers announce this story (same publication, same normalised title). */
            teased_by: {
                article_id: number;
                position: number;
            }[];
            /** @description The story this article is a capture of: captures of the same story (under another UI language, from another platform, cut short, or twice) share it. It is the id of the story’s first capture, which may since have been deleted; treat it as opaque. */
            story_id: number;
            /** @description The story's other stored captures, oldest first (at most 20): what a client needs to pick one. */
            captures: {
                article_id: number;
                platform: components["schemas"]["Platform"] | null;
                /** @description BCP 47 tag of that page's UI text. */
                page_locale: string | null;
                /** @description The publication that capture was filed under. */
                publication: string | null;
                /** @description Its edition date (ISO, the precision printed). */
                edition_date: string | null;
            }[];
            source_url: string | null;
            /**
             * Format: date-time
             * @description When the page was first stored (UTC).
             */
            ingested_at: string;
            /** @description Version of the parser that produced these fields. */
            parser_version: string;
            links: {
                self: string;
                edition: string;
                teasers: string;
                source: string;
            };
        };
        /** @description An article; every field is present unless `fields` selected fewer. */
        ArticleListItem: {
            id?: number;
            /** @description Headline, when the page prints one. */
            title?: string | null;
            /** @description Standfirst under the headline. */
            deck?: string | null;
            /** @description Writer's name. */
            byline?: string | null;
            /** @description Place prefix of the first paragraph. */
            dateline?: string | null;
            paragraphs?: string[];
            /** @description BCP 47 tag of the story text, detected. */
            language?: string | null;
            /** @description BCP 47 tag of the platform's UI text on the page. */
            page_locale?: string | null;
            word_count?: number;
            /** @description The source edition in brief; null when the page printed no publication. */
            edition?: {
                id: number;
                publication: string;
                date: string | null;
            } | null;
            teaser_count?: number;
            /** @description Stored pages whose teasers announce this story (same publication, same normalised title). */
            teased_by?: {
                article_id: number;
                position: number;
            }[];
            /** @description The story this article is a capture of: captures of the same story (under another UI language, from another platform, cut short, or twice) share it. It is the id of the story’s first capture, which may since have been deleted; treat it as opaque. */
            story_id?: number;
            /** @description The story's other stored captures, oldest first (at most 20): what a client needs to pick one. */
            captures?: {
                article_id: number;
                platform: components["schemas"]["Platform"] | null;
                /** @description BCP 47 tag of that page's UI text. */
                page_locale: string | null;
                /** @description The publication that capture was filed under. */
                publication: string | null;
                /** @description Its edition date (ISO, the precision printed). */
                edition_date: string | null;
            }[];
            source_url?: string | null;
            /**
             * Format: date-time
             * @description When the page was first stored (UTC).
             */
            ingested_at?: string;
            /** @description Version of the parser that produced these fields. */
            parser_version?: string;
            links?: {
                self: string;
                edition: string;
                teasers: string;
                source: string;
            };
            /** @description With `q`: the best-matching passage, HTML-escaped, with matches in `<mark>`. */
            snippet?: string;
        };
        /** @description The size of the whole list with these filters, counted up to a bound so that counting costs at most that many index entries. */
        Total: {
            /** @description How many items the whole list has (all pages), or at least this many. */
            value: number;
            /** @description true: `value` is the exact count. false: the count stopped at its bound (10,000 by default, `LIST_TOTAL_BOUND`), so there are at least `value`. */
            exact: boolean;
        };
        /** @description Relevance search only (`sort=relevance`, the default with `q`): which matches were ranked. Ranking costs time per match, so a search ranks the newest matches only; the bound is the engine's own (10,000 on SQLite, 500 on PostgreSQL). */
        RankedWithin: {
            /** @description The bound: the search ranks at most this many matches, the newest (by id). */
            newest_matches: number;
            /** @description true: the query has no more matches than the bound, so every match was ranked. false: it has more; the results are the best of the newest `newest_matches`, not of all, and older ones need a narrower query (more words, a publication, a date range, a language) or another `sort`. */
            all_matches_ranked: boolean;
        };
        ArticleList: {
            items: components["schemas"]["ArticleListItem"][];
            /** @description Pass as `cursor` for the next page; null at the end. */
            next_cursor: string | null;
            total: components["schemas"]["Total"];
            ranked_within?: components["schemas"]["RankedWithin"];
        };
        /**
         * @example {
         *       "id": 1,
         *       "publication": {
         *         "id": 1,
         *         "name": "The Straits Times"
         *       },
         *       "date": "2024-10-23",
         *       "label": "October 23, 2024",
         *       "platform": "magzter",
         *       "page_locale": "de",
         *       "article_count": 1
         *     }
         */
        ArticleEdition: {
            id: number;
            publication: {
                id: number;
                name: string;
            };
            /** @description ISO date with the precision printed: YYYY-MM-DD, YYYY-MM, or YYYY for an edition printed with the year only. */
            date: string | null;
            /** @description The date exactly as printed. */
            label: string | null;
            platform: components["schemas"]["Platform"] | null;
            /** @description BCP 47 tag of the platform's UI text on this article's page. */
            page_locale: string | null;
            /** @description Articles stored from this edition. */
            article_count: number;
        };
        Teaser: {
            /** @description 1-based position on the page. */
            position: number;
            title: string;
            summary: string | null;
            /** @description The teaser's own publication, where printed. */
            publication: string | null;
            /** @description The teaser's own issue date as printed on its card (`OCT 2025`), where printed. */
            date: string | null;
            /** @description True when the card was cut by the end of the captured text. */
            partial: boolean;
            /** @description The stored story this teaser announces (same publication, same normalised title), if any. */
            article_id: number | null;
        };
        /**
         * @example {
         *       "items": [
         *         {
         *           "position": 1,
         *           "title": "COFFEE AND A LOOK AT NORTH KOREA",
         *           "summary": "For anyone curious about civilian life in North Korea, Starbucks is offering its customers in the south a peek into the world's most reclusive country while sipping a favourite brew.",
         *           "publication": null,
         *           "date": null,
         *           "partial": false,
         *           "article_id": null
         *         },
         *         {
         *           "position": 2,
         *           "title": "Shaw Theatres to close cinema at The Seletar Mall",
         *           "summary": "Shaw Theatres will close its cineplex at The Seletar Mall on Dec 15, it announced via a press statement on Dec 2.",
         *           "publication": null,
         *           "date": null,
         *           "partial": false,
         *           "article_id": null
         *         }
         *       ],
         *       "next_cursor": null
         *     }
         */
        TeaserList: {
            items: components["schemas"]["Teaser"][];
            /** @description Pass as `cursor` for the next page; null at the end. */
            next_cursor: string | null;
        };
        TeaserSearchItem: {
            /** @description 1-based position on the page. */
            position: number;
            title: string;
            summary: string | null;
            /** @description The teaser's own publication, where printed. */
            publication: string | null;
            /** @description The teaser's own issue date as printed on its card (`OCT 2025`), where printed. */
            date: string | null;
            /** @description True when the card was cut by the end of the captured text. */
            partial: boolean;
            /** @description The stored story this teaser announces (same publication, same normalised title), if any. */
            article_id: number | null;
            id: number;
            /** @description The article whose page printed this teaser. */
            page_article_id: number;
        };
        TeaserSearchList: {
            items: components["schemas"]["TeaserSearchItem"][];
            next_cursor: string | null;
            total: components["schemas"]["Total"];
            ranked_within?: components["schemas"]["RankedWithin"];
        };
        Edition: {
            id: number;
            publication: {
                id: number;
                name: string;
            };
            /** @description ISO date with the precision printed: YYYY-MM-DD, YYYY-MM, or YYYY for an edition printed with the year only. */
            date: string | null;
            /** @description The date exactly as printed. */
            label: string | null;
            platform: components["schemas"]["Platform"] | null;
            /** @description Articles stored from this edition. */
            article_count: number;
            links: {
                self: string;
                articles: string;
                publication: string;
            };
        };
        EditionList: {
            items: components["schemas"]["Edition"][];
            next_cursor: string | null;
            total: components["schemas"]["Total"];
        };
        /**
         * @example {
         *       "id": 1,
         *       "name": "The Straits Times",
         *       "edition_count": 1,
         *       "article_count": 1,
         *       "first_edition_date": "2024-10-23",
         *       "last_edition_date": "2024-10-23",
         *       "links": {
         *         "self": "/v1/publications/1",
         *         "editions": "/v1/publications/1/editions",
         *         "articles": "/v1/articles?publication=1"
         *       }
         *     }
         */
        Publication: {
            id: number;
            name: string;
            edition_count: number;
            article_count: number;
            /** @description Earliest edition date stored (ISO, precision as printed). */
            first_edition_date: string | null;
            /** @description Latest edition date stored (ISO, precision as printed). */
            last_edition_date: string | null;
            links: {
                self: string;
                editions: string;
                articles: string;
            };
        };
        PublicationList: {
            items: components["schemas"]["Publication"][];
            next_cursor: string | null;
            total: components["schemas"]["Total"];
        };
        Change: {
            /** @description Position in the feed: strictly increasing in commit order, never reused. For ordering only. */
            seq: number;
            /** @description Opaque: pass as `since` to resume after this change. Store it verbatim; do not build or parse it. */
            token: string;
            /**
             * @description `created`: a new article was stored; `reparsed`: a re-parse changed its stored fields; `deleted`: it was removed (its id is never reused).
             * @enum {string}
             */
            kind: "created" | "reparsed" | "deleted";
            article_id: number;
            /** @description The page URL given at ingest (kept on deletes too). */
            source_url: string | null;
            /** @description When the change was committed (ISO 8601, UTC). */
            changed_at: string;
            /** @description Where to read the article as it is now. */
            links: {
                /** @description The article (404 once deleted). */
                article: string;
            };
        };
        ChangeList: {
            items: components["schemas"]["Change"][];
            /** @description Pass as `since` for the changes after this page; present even when there are none yet. Store it verbatim. */
            next: string;
            /** @description More changes are committed after `next` already: ask again at once. */
            has_more: boolean;
        };
        Job: {
            id: string;
            /** @enum {string} */
            kind: "reparse";
            /** @enum {string} */
            status: "queued" | "running" | "succeeded" | "failed";
            /** @description Pages to process, when known. */
            total: number | null;
            processed: number;
            /** @description Articles whose fields changed. */
            updated: number;
            /** @description Articles the current parser reads the same way. */
            unchanged: number;
            /** @description Pages not written: the current parser finds no story in them (kept as they were), or their article was deleted while the job ran. */
            skipped: number;
            failed: number;
            error: string | null;
            /** Format: date-time */
            created_at: string;
            started_at: string | null;
            finished_at: string | null;
            /** @description The API node running the job, or that ran it last (`host:pid:random`); null while no node has claimed it. Any node may take a job over when its node stops sending heartbeats. */
            node: string | null;
            /** @description The running node's last heartbeat: another node takes the job over when it is older than the lease. */
            heartbeat_at: string | null;
            links: {
                self: string;
            };
        };
        /**
         * @description An RFC 9457 problem details object.
         * @example {
         *       "type": "urn:masthead:problem:not-found",
         *       "title": "Not Found",
         *       "status": 404,
         *       "detail": "article 42 does not exist",
         *       "instance": "/v1/articles/42",
         *       "request_id": "req-1"
         *     }
         */
        Problem: {
            /** @description URI identifying the problem type. */
            type: string;
            /** @description Short summary of the problem type. */
            title: string;
            status: number;
            /** @description What went wrong with this request, for people. */
            detail?: string;
            /** @description The request path this problem occurred on. */
            instance?: string;
            /** @description Quote it when reporting a problem. */
            request_id?: string;
            /** @description Validation failures, one per field, with JSON-pointer-like paths. */
            errors?: {
                path: string;
                message: string;
            }[];
            /** @description For pages with no main story: what the parser found. */
            parse_result?: components["schemas"]["ParsedPage"];
        };
        BatchResult: {
            /** @description 1-based line number in the request body. */
            line: number;
            /** @description The status this line would have had on its own: 201, 200, 400, 413, 422, 503 or 500. */
            status: number;
            /** @description The stored article, for 201 and 200. */
            id?: number;
            location?: string;
            /** @description Why this line was not stored. */
            problem?: {
                /** @description URI identifying the problem type. */
                type: string;
                /** @description Short summary of the problem type. */
                title: string;
                status: number;
                /** @description What went wrong with this request, for people. */
                detail?: string;
                /** @description Validation failures, one per field, with JSON-pointer-like paths. */
                errors?: {
                    path: string;
                    message: string;
                }[];
            };
        };
        /**
         * @example {
         *       "status": "ok"
         *     }
         */
        Health: {
            /** @constant */
            status: "ok";
        };
        /**
         * @example {
         *       "status": "ready",
         *       "schema_version": 1
         *     }
         */
        Readiness: {
            /** @constant */
            status: "ready";
            schema_version: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready to serve. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description - `not-ready`: `/readyz` when the database is unreachable, behind, out of space, or its file is gone; or shutting down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:not-ready",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "detail": "the database is unreachable",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    parsePage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PageSubmissionInput"];
                /**
                 * @example SEOUL - As evidence mounts of North Korea's plans to send as many as 12,000 of its special forces to aid Russia in the Ukraine war, the implications for South Korea are looking grave.
                 *     Analysts call it a major elevation of the mutual defence treaty signed by Russia and North Korea in June, which will turn Russia from being once a strategic partner of South Korea to a military threat.
                 *     By sending its troops to the battlefield for the first time since the Korean War in the 1950s, North Korea stands to gain valuable combat experience, which would embolden it to further threaten the South.
                 *     Tensions between the two Koreas have been running high, with North Korea blowing up sections of inter-Korean roads on Oct 15 in anger over South Korean drones flying over Pyongyang with propaganda leaflets. The same week, it amended its Constitution to label South Korea a "hostile state".
                 *     But the biggest concern for South Korea would be the much-coveted military technologies that North Korea could get from Russia in return for its aid.
                 *     Russian President Vladimir Putin, "by way of courting" North Korean leader Kim Jong Un and his soldiers, is a threat to South Korea's security, Dr Lee Sung-yoon, global fellow at the Washington-based think-tank Woodrow Wilson International Centre for Scholars, told The Straits Times.
                 *     On Oct 18, South Korea's National Intelligence Service (NIS) said it believed North Korea plans to send about 12,000 members from its special forces unit to support Russia in its war with Ukraine. About 1,500 have already been deployed to the Russian city of Vladivostok for training as at Oct 8, NIS added.
                 *     A video posted by the Ukrainian Centre for Strategic Communication on Oct 19 purportedly shows North Korean-looking soldiers collecting Russian military gear at a training centre in Russia.
                 *     Diese Geschichte stammt aus der October 23, 2024-Ausgabe von The Straits Times.
                 *     Starten Sie Ihre 7-tägige kostenlose Testversion von Magzter GOLD, um auf Tausende kuratierte Premium-Storys sowie über 8.000 Zeitschriften und Zeitungen zuzugreifen.
                 *     Bereits Abonnent ? Anmelden
                 *     Diese Geschichte stammt aus der October 23, 2024-Ausgabe von The Straits Times.
                 *     Starten Sie Ihre 7-tägige kostenlose Testversion von Magzter GOLD, um auf Tausende kuratierte Premium-Storys sowie über 8.000 Zeitschriften und Zeitungen zuzugreifen.
                 *     Bereits Abonnent? Anmelden
                 *     COFFEE AND A LOOK AT NORTH KOREA
                 *     For anyone curious about civilian life in North Korea, Starbucks is offering its customers in the south a peek into the world's most reclusive country while sipping a favourite brew.
                 *     Shaw Theatres to close cinema at The Seletar Mall
                 *     Shaw Theatres will close its cineplex at The Seletar Mall on Dec 15, it announced via a press statement on Dec 2.
                 *     Conservationist Robert Irwin pays tribute to late father as he turns 21
                 *     Australian conservationist, TV personality and wildlife photographer Robert Irwin marked his 21st birthday on Dec 1 with a touching tribute to his late father Steve Irwin.
                 *     KRU first Malaysian act to use AI for music video
                 *     Malaysian music group KRU have unveiled Voodoo, the first single and music video from their upcoming album Kaset.
                 *     Titoudao actress Koe Yeet is engaged
                 *     Wedding bells are set to ring for Malaysian actress Koe Yeet.
                 *     Moana 2 sails to $495m debut at global box office
                 *     LOS ANGELES - Walt Disney's animated musical Moana 2 debuted with an estimated US$368 million (S$495 million) in global ticket sales through Dec 1, and combined with Wicked and Gladiator II to deliver the biggest Thanksgiving weekend in American and Canadian box-office history.
                 *     The road ahead for S'pore tourism
                 *     Singapore Tourism Board chief weighs in on upcoming attractions, staying competitive and creating value for tourists
                 *     Beyond the Angkor Wat
                 *     From lotus farms to a colourful circus, Cambodia's Siem Reap is a city with much to offer
                 *     In chess, a fan and a legend get to meet on a board
                 *     It's Saturday afternoon and John Chan, 32, is possibly in a joyous daze.
                 *     LIONESSES' LAST CHANCE
                 *     They must win third-place play-off to qualify for AFF Women's C'ship
                 */
                "text/plain": string;
                "text/html": string;
            };
        };
        responses: {
            /** @description What the parser found. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParsedPage"];
                };
            };
            /**
             * @description - `validation`: a field, parameter or body is invalid (`errors` says which)
             *     - `malformed-json`: the JSON body does not parse, or carries `__proto__`/`constructor` keys
             *     - `invalid-encoding`: the body is not valid UTF-8, or not valid for its `Content-Encoding`
             *     - `invalid-text`: the text holds a NUL character or a lone UTF-16 surrogate (SQLite would not store it as sent)
             *     - `malformed-request`: bytes that are not HTTP/1.1, an HTTP/1.1 request without `Host`, or a path with a broken %-escape
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:validation",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "invalid querystring: /limit: Too big: expected number to be <=100",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `payload-too-large`: body over `BODY_LIMIT_BYTES` (`BATCH_BODY_LIMIT_BYTES` for a batch), also when chunked; sent instead of `100 Continue` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "detail": "the body is larger than 2097152 bytes",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `unsupported-media-type`: not a type the endpoint reads (the detail names them; NDJSON goes to `:batch`), a `{"text"}` JSON body sent as `text/plain`, or not UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "detail": "send text/plain, text/html or application/json (UTF-8)",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description - `no-story`: the page has no main story (`parse_result` shows what was found)
             *     - `parse-timeout`: the page was not parsed within `PARSE_BUDGET_MS`: it was cut off and nothing was stored
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:no-story",
                     *       "title": "Unprocessable Entity",
                     *       "status": 422,
                     *       "detail": "the page has no main story, so nothing was stored",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `rate-limited`: over a rate limit; `Retry-After` and `RateLimit-*` say when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:rate-limited",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "too many requests; retry after 12 seconds",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description - `overloaded`: too many pages waiting to be parsed, searches waiting to be ranked, or bodies held over `BODY_BUDGET_BYTES`; retry after `Retry-After`
             *     - `not-ready`: `/readyz` when the database is unreachable, behind, out of space, or its file is gone; or shutting down
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:overloaded",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "detail": "too many pages are waiting to be parsed; retry shortly",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listArticles: {
        parameters: {
            query?: {
                /** @description Publication id, or its exact name. */
                publication?: string;
                /**
                 * @description Edition id, written as a canonical decimal id: a positive integer without sign, leading zeros or spaces.
                 * @example 1
                 */
                edition_id?: number;
                /** @description Edition date from (inclusive); a month-precision edition falls in its month. */
                from?: string;
                /** @description Edition date to (inclusive). */
                to?: string;
                /** @description Story language (BCP 47). */
                language?: string;
                /** @description UI language of the page (BCP 47). */
                page_locale?: string;
                platform?: components["schemas"]["PlatformInput"];
                /** @description `story`: one article per story (see `story_id`), the capture that comes first in the list order (newest edition, then lowest id) among those the other filters keep; cursors page through the stories. With `q`, among the captures the search finds. */
                distinct?: "story";
                /** @description Full-text search over title, deck and body; results by relevance, each with a `snippet`. Words are all required (`whales fjord`); `"a phrase"` (an unclosed quote runs to the end); `-word`, `-"a phrase"` or `NOT word` excludes; `a OR b` matches either; `whal*` is a prefix (at least 2 characters); `AND` is implicit. Words are cut as the index cuts text, case and accents ignored: `inter-Korean`, `U.S.`, `12,000` and `C++` search the phrases "inter korean", "u s", "12 000" and "c". Everything else is literal text: no input is a syntax error, and a query with nothing required (only exclusions or punctuation) matches nothing. 1–256 characters, at most 32 words. */
                q?: string;
                /** @description Order, `-` for descending: `-edition_date` (default without `q`: newest edition first, a month-precision edition before that month's days, undated last, then by id), `edition_date` (its exact reverse), `-ingested` (newest stored first), `ingested` (in the order stored), `relevance` (default with `q`; needs `q`). A cursor belongs to its order. */
                sort?: "-edition_date" | "edition_date" | "-ingested" | "ingested" | "relevance";
                /** @description Only these fields, comma-separated (`id` is always included): id, title, deck, byline, dateline, paragraphs, language, page_locale, word_count, edition, teaser_count, teased_by, story_id, captures, source_url, ingested_at, parser_version, links. */
                fields?: string;
                /** @description Page size, 1–100. */
                limit?: number;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of articles. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArticleList"];
                };
            };
            /**
             * @description - `validation`: a field, parameter or body is invalid (`errors` says which)
             *     - `malformed-request`: bytes that are not HTTP/1.1, an HTTP/1.1 request without `Host`, or a path with a broken %-escape
             *     - `invalid-cursor`: a cursor this server did not issue, from another list, or from a search with another `q` or filters
             *     - `invalid-search`: a `q` of more than 32 words or with a one-letter prefix (`t*`); any other `q` is searched (see **Search**)
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:validation",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "invalid querystring: /limit: Too big: expected number to be <=100",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `rate-limited`: over a rate limit; `Retry-After` and `RateLimit-*` say when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:rate-limited",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "too many requests; retry after 12 seconds",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `overloaded`: too many pages waiting to be parsed, searches waiting to be ranked, or bodies held over `BODY_BUDGET_BYTES`; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:overloaded",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "detail": "too many pages are waiting to be parsed; retry shortly",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ingestArticle: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PageSubmissionInput"];
                /**
                 * @example SEOUL - As evidence mounts of North Korea's plans to send as many as 12,000 of its special forces to aid Russia in the Ukraine war, the implications for South Korea are looking grave.
                 *     Analysts call it a major elevation of the mutual defence treaty signed by Russia and North Korea in June, which will turn Russia from being once a strategic partner of South Korea to a military threat.
                 *     By sending its troops to the battlefield for the first time since the Korean War in the 1950s, North Korea stands to gain valuable combat experience, which would embolden it to further threaten the South.
                 *     Tensions between the two Koreas have been running high, with North Korea blowing up sections of inter-Korean roads on Oct 15 in anger over South Korean drones flying over Pyongyang with propaganda leaflets. The same week, it amended its Constitution to label South Korea a "hostile state".
                 *     But the biggest concern for South Korea would be the much-coveted military technologies that North Korea could get from Russia in return for its aid.
                 *     Russian President Vladimir Putin, "by way of courting" North Korean leader Kim Jong Un and his soldiers, is a threat to South Korea's security, Dr Lee Sung-yoon, global fellow at the Washington-based think-tank Woodrow Wilson International Centre for Scholars, told The Straits Times.
                 *     On Oct 18, South Korea's National Intelligence Service (NIS) said it believed North Korea plans to send about 12,000 members from its special forces unit to support Russia in its war with Ukraine. About 1,500 have already been deployed to the Russian city of Vladivostok for training as at Oct 8, NIS added.
                 *     A video posted by the Ukrainian Centre for Strategic Communication on Oct 19 purportedly shows North Korean-looking soldiers collecting Russian military gear at a training centre in Russia.
                 *     Diese Geschichte stammt aus der October 23, 2024-Ausgabe von The Straits Times.
                 *     Starten Sie Ihre 7-tägige kostenlose Testversion von Magzter GOLD, um auf Tausende kuratierte Premium-Storys sowie über 8.000 Zeitschriften und Zeitungen zuzugreifen.
                 *     Bereits Abonnent ? Anmelden
                 *     Diese Geschichte stammt aus der October 23, 2024-Ausgabe von The Straits Times.
                 *     Starten Sie Ihre 7-tägige kostenlose Testversion von Magzter GOLD, um auf Tausende kuratierte Premium-Storys sowie über 8.000 Zeitschriften und Zeitungen zuzugreifen.
                 *     Bereits Abonnent? Anmelden
                 *     COFFEE AND A LOOK AT NORTH KOREA
                 *     For anyone curious about civilian life in North Korea, Starbucks is offering its customers in the south a peek into the world's most reclusive country while sipping a favourite brew.
                 *     Shaw Theatres to close cinema at The Seletar Mall
                 *     Shaw Theatres will close its cineplex at The Seletar Mall on Dec 15, it announced via a press statement on Dec 2.
                 *     Conservationist Robert Irwin pays tribute to late father as he turns 21
                 *     Australian conservationist, TV personality and wildlife photographer Robert Irwin marked his 21st birthday on Dec 1 with a touching tribute to his late father Steve Irwin.
                 *     KRU first Malaysian act to use AI for music video
                 *     Malaysian music group KRU have unveiled Voodoo, the first single and music video from their upcoming album Kaset.
                 *     Titoudao actress Koe Yeet is engaged
                 *     Wedding bells are set to ring for Malaysian actress Koe Yeet.
                 *     Moana 2 sails to $495m debut at global box office
                 *     LOS ANGELES - Walt Disney's animated musical Moana 2 debuted with an estimated US$368 million (S$495 million) in global ticket sales through Dec 1, and combined with Wicked and Gladiator II to deliver the biggest Thanksgiving weekend in American and Canadian box-office history.
                 *     The road ahead for S'pore tourism
                 *     Singapore Tourism Board chief weighs in on upcoming attractions, staying competitive and creating value for tourists
                 *     Beyond the Angkor Wat
                 *     From lotus farms to a colourful circus, Cambodia's Siem Reap is a city with much to offer
                 *     In chess, a fan and a legend get to meet on a board
                 *     It's Saturday afternoon and John Chan, 32, is possibly in a joyous daze.
                 *     LIONESSES' LAST CHANCE
                 *     They must win third-place play-off to qualify for AFF Women's C'ship
                 */
                "text/plain": string;
                "text/html": string;
            };
        };
        responses: {
            /** @description This document was already ingested: the stored article. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Article"];
                };
            };
            /** @description Stored; `Location` points at the new article. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Article"];
                };
            };
            /**
             * @description - `validation`: a field, parameter or body is invalid (`errors` says which)
             *     - `malformed-json`: the JSON body does not parse, or carries `__proto__`/`constructor` keys
             *     - `invalid-encoding`: the body is not valid UTF-8, or not valid for its `Content-Encoding`
             *     - `invalid-text`: the text holds a NUL character or a lone UTF-16 surrogate (SQLite would not store it as sent)
             *     - `malformed-request`: bytes that are not HTTP/1.1, an HTTP/1.1 request without `Host`, or a path with a broken %-escape
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:validation",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "invalid querystring: /limit: Too big: expected number to be <=100",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `unauthorized`: missing or wrong bearer token (`WWW-Authenticate` says how) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "this endpoint needs an Authorization: Bearer <token> header",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `forbidden`: a write from a non-loopback client while no tokens are configured */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "writes are accepted from loopback clients only, because the server has no API_TOKENS configured",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `payload-too-large`: body over `BODY_LIMIT_BYTES` (`BATCH_BODY_LIMIT_BYTES` for a batch), also when chunked; sent instead of `100 Continue` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "detail": "the body is larger than 2097152 bytes",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `unsupported-media-type`: not a type the endpoint reads (the detail names them; NDJSON goes to `:batch`), a `{"text"}` JSON body sent as `text/plain`, or not UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "detail": "send text/plain, text/html or application/json (UTF-8)",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description - `no-story`: the page has no main story (`parse_result` shows what was found)
             *     - `parse-timeout`: the page was not parsed within `PARSE_BUDGET_MS`: it was cut off and nothing was stored
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:no-story",
                     *       "title": "Unprocessable Entity",
                     *       "status": 422,
                     *       "detail": "the page has no main story, so nothing was stored",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `rate-limited`: over a rate limit; `Retry-After` and `RateLimit-*` say when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:rate-limited",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "too many requests; retry after 12 seconds",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description - `overloaded`: too many pages waiting to be parsed, searches waiting to be ranked, or bodies held over `BODY_BUDGET_BYTES`; retry after `Retry-After`
             *     - `not-ready`: `/readyz` when the database is unreachable, behind, out of space, or its file is gone; or shutting down
             *     - `storage-busy`: another process (an import, a second server) kept the database locked 5 s; retry after `Retry-After`
             *     - `storage-unavailable`: the database file was deleted or replaced while the server ran; nothing stored; restart
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:overloaded",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "detail": "too many pages are waiting to be parsed; retry shortly",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `storage-full`: no space left for the database; nothing stored; `/readyz` is 503 until there is room again */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:storage-full",
                     *       "title": "Insufficient Storage",
                     *       "status": 507,
                     *       "detail": "no space left for the database; nothing was stored",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArticle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id, written as a canonical decimal id: a positive integer without sign, leading zeros or spaces (at most 2^53 - 1); any other spelling (`02`, `+2`, `0x2`, `2.0`) is a 400 `validation` problem.
                 * @example 1
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The article. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Article"];
                };
            };
            /**
             * @description - `validation`: a field, parameter or body is invalid (`errors` says which)
             *     - `malformed-request`: bytes that are not HTTP/1.1, an HTTP/1.1 request without `Host`, or a path with a broken %-escape
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:validation",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "invalid querystring: /limit: Too big: expected number to be <=100",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `not-found`: no such route or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "article 42 does not exist",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `not-acceptable`: `Accept` names no representation the resource has */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:not-acceptable",
                     *       "title": "Not Acceptable",
                     *       "status": 406,
                     *       "detail": "this resource is available as application/json, text/markdown, text/plain, text/html",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteArticle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id, written as a canonical decimal id: a positive integer without sign, leading zeros or spaces (at most 2^53 - 1); any other spelling (`02`, `+2`, `0x2`, `2.0`) is a 400 `validation` problem.
                 * @example 1
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; no body. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description - `validation`: a field, parameter or body is invalid (`errors` says which)
             *     - `malformed-json`: the JSON body does not parse, or carries `__proto__`/`constructor` keys
             *     - `invalid-encoding`: the body is not valid UTF-8, or not valid for its `Content-Encoding`
             *     - `invalid-text`: the text holds a NUL character or a lone UTF-16 surrogate (SQLite would not store it as sent)
             *     - `malformed-request`: bytes that are not HTTP/1.1, an HTTP/1.1 request without `Host`, or a path with a broken %-escape
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:validation",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "invalid querystring: /limit: Too big: expected number to be <=100",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `unauthorized`: missing or wrong bearer token (`WWW-Authenticate` says how) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "this endpoint needs an Authorization: Bearer <token> header",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `forbidden`: a write from a non-loopback client while no tokens are configured */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "writes are accepted from loopback clients only, because the server has no API_TOKENS configured",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `not-found`: no such route or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "article 42 does not exist",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `payload-too-large`: body over `BODY_LIMIT_BYTES` (`BATCH_BODY_LIMIT_BYTES` for a batch), also when chunked; sent instead of `100 Continue` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "detail": "the body is larger than 2097152 bytes",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `unsupported-media-type`: not a type the endpoint reads (the detail names them; NDJSON goes to `:batch`), a `{"text"}` JSON body sent as `text/plain`, or not UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "detail": "send text/plain, text/html or application/json (UTF-8)",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `rate-limited`: over a rate limit; `Retry-After` and `RateLimit-*` say when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:rate-limited",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "too many requests; retry after 12 seconds",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description - `overloaded`: too many pages waiting to be parsed, searches waiting to be ranked, or bodies held over `BODY_BUDGET_BYTES`; retry after `Retry-After`
             *     - `storage-busy`: another process (an import, a second server) kept the database locked 5 s; retry after `Retry-After`
             *     - `storage-unavailable`: the database file was deleted or replaced while the server ran; nothing stored; restart
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:overloaded",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "detail": "too many pages are waiting to be parsed; retry shortly",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `storage-full`: no space left for the database; nothing stored; `/readyz` is 503 until there is room again */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:storage-full",
                     *       "title": "Insufficient Storage",
                     *       "status": 507,
                     *       "detail": "no space left for the database; nothing was stored",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArticleMarkdown: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id, written as a canonical decimal id: a positive integer without sign, leading zeros or spaces (at most 2^53 - 1); any other spelling (`02`, `+2`, `0x2`, `2.0`) is a 400 `validation` problem.
                 * @example 1
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The article as text/markdown. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/markdown": string;
                };
            };
            /**
             * @description - `validation`: a field, parameter or body is invalid (`errors` says which)
             *     - `malformed-request`: bytes that are not HTTP/1.1, an HTTP/1.1 request without `Host`, or a path with a broken %-escape
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:validation",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "invalid querystring: /limit: Too big: expected number to be <=100",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `not-found`: no such route or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "article 42 does not exist",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArticleText: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id, written as a canonical decimal id: a positive integer without sign, leading zeros or spaces (at most 2^53 - 1); any other spelling (`02`, `+2`, `0x2`, `2.0`) is a 400 `validation` problem.
                 * @example 1
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The article as text/plain. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /**
             * @description - `validation`: a field, parameter or body is invalid (`errors` says which)
             *     - `malformed-request`: bytes that are not HTTP/1.1, an HTTP/1.1 request without `Host`, or a path with a broken %-escape
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:validation",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "invalid querystring: /limit: Too big: expected number to be <=100",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `not-found`: no such route or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "article 42 does not exist",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArticleHtml: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id, written as a canonical decimal id: a positive integer without sign, leading zeros or spaces (at most 2^53 - 1); any other spelling (`02`, `+2`, `0x2`, `2.0`) is a 400 `validation` problem.
                 * @example 1
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The article as text/html. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /**
             * @description - `validation`: a field, parameter or body is invalid (`errors` says which)
             *     - `malformed-request`: bytes that are not HTTP/1.1, an HTTP/1.1 request without `Host`, or a path with a broken %-escape
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:validation",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "invalid querystring: /limit: Too big: expected number to be <=100",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `not-found`: no such route or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "article 42 does not exist",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArticleSource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id, written as a canonical decimal id: a positive integer without sign, leading zeros or spaces (at most 2^53 - 1); any other spelling (`02`, `+2`, `0x2`, `2.0`) is a 400 `validation` problem.
                 * @example 1
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The raw document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                    "text/html": string;
                };
            };
            /**
             * @description - `validation`: a field, parameter or body is invalid (`errors` says which)
             *     - `malformed-request`: bytes that are not HTTP/1.1, an HTTP/1.1 request without `Host`, or a path with a broken %-escape
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:validation",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "invalid querystring: /limit: Too big: expected number to be <=100",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `not-found`: no such route or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "article 42 does not exist",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArticleEdition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id, written as a canonical decimal id: a positive integer without sign, leading zeros or spaces (at most 2^53 - 1); any other spelling (`02`, `+2`, `0x2`, `2.0`) is a 400 `validation` problem.
                 * @example 1
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The article's source edition. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArticleEdition"];
                };
            };
            /**
             * @description - `validation`: a field, parameter or body is invalid (`errors` says which)
             *     - `malformed-request`: bytes that are not HTTP/1.1, an HTTP/1.1 request without `Host`, or a path with a broken %-escape
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:validation",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "invalid querystring: /limit: Too big: expected number to be <=100",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description - `not-found`: no such route or resource
             *     - `no-edition`: the article's page printed no publication
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "article 42 does not exist",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listArticleTeasers: {
        parameters: {
            query?: {
                /** @description Page size, 1–100. */
                limit?: number;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id, written as a canonical decimal id: a positive integer without sign, leading zeros or spaces (at most 2^53 - 1); any other spelling (`02`, `+2`, `0x2`, `2.0`) is a 400 `validation` problem.
                 * @example 1
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of teasers, in page order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeaserList"];
                };
            };
            /**
             * @description - `validation`: a field, parameter or body is invalid (`errors` says which)
             *     - `malformed-request`: bytes that are not HTTP/1.1, an HTTP/1.1 request without `Host`, or a path with a broken %-escape
             *     - `invalid-cursor`: a cursor this server did not issue, from another list, or from a search with another `q` or filters
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:validation",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "invalid querystring: /limit: Too big: expected number to be <=100",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `not-found`: no such route or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "article 42 does not exist",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ingestArticlesBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PageSubmissionInput"][];
                "application/x-ndjson": string;
            };
        };
        responses: {
            /** @description One BatchResult per item, in order. An `application/x-ndjson` request is answered as `application/x-ndjson`: the same results, one per line, streamed as they are ready. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchResult"][];
                };
            };
            /**
             * @description - `validation`: a field, parameter or body is invalid (`errors` says which)
             *     - `malformed-json`: the JSON body does not parse, or carries `__proto__`/`constructor` keys
             *     - `invalid-encoding`: the body is not valid UTF-8, or not valid for its `Content-Encoding`
             *     - `invalid-text`: the text holds a NUL character or a lone UTF-16 surrogate (SQLite would not store it as sent)
             *     - `malformed-request`: bytes that are not HTTP/1.1, an HTTP/1.1 request without `Host`, or a path with a broken %-escape
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:validation",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "invalid querystring: /limit: Too big: expected number to be <=100",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `unauthorized`: missing or wrong bearer token (`WWW-Authenticate` says how) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "this endpoint needs an Authorization: Bearer <token> header",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `forbidden`: a write from a non-loopback client while no tokens are configured */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "writes are accepted from loopback clients only, because the server has no API_TOKENS configured",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description - `payload-too-large`: body over `BODY_LIMIT_BYTES` (`BATCH_BODY_LIMIT_BYTES` for a batch), also when chunked; sent instead of `100 Continue`
             *     - `too-many-lines`: a batch of more than 1,000 lines or JSON items
             */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "detail": "the body is larger than 2097152 bytes",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `unsupported-media-type`: not a type the endpoint reads (the detail names them; NDJSON goes to `:batch`), a `{"text"}` JSON body sent as `text/plain`, or not UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "detail": "send text/plain, text/html or application/json (UTF-8)",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `rate-limited`: over a rate limit; `Retry-After` and `RateLimit-*` say when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:rate-limited",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "too many requests; retry after 12 seconds",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `overloaded`: too many pages waiting to be parsed, searches waiting to be ranked, or bodies held over `BODY_BUDGET_BYTES`; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:overloaded",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "detail": "too many pages are waiting to be parsed; retry shortly",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEditions: {
        parameters: {
            query?: {
                /** @description `-date` (default): newest first, then by id; `date`: its exact reverse. A cursor belongs to its order. */
                sort?: "-date" | "date";
                /** @description Publication id, or its exact name. */
                publication?: string;
                /** @description Edition date from (inclusive). */
                from?: string;
                /** @description Edition date to (inclusive). */
                to?: string;
                platform?: components["schemas"]["PlatformInput"];
                /** @description Page size, 1–100. */
                limit?: number;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of editions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EditionList"];
                };
            };
            /**
             * @description - `validation`: a field, parameter or body is invalid (`errors` says which)
             *     - `malformed-request`: bytes that are not HTTP/1.1, an HTTP/1.1 request without `Host`, or a path with a broken %-escape
             *     - `invalid-cursor`: a cursor this server did not issue, from another list, or from a search with another `q` or filters
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:validation",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "invalid querystring: /limit: Too big: expected number to be <=100",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEdition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id, written as a canonical decimal id: a positive integer without sign, leading zeros or spaces (at most 2^53 - 1); any other spelling (`02`, `+2`, `0x2`, `2.0`) is a 400 `validation` problem.
                 * @example 1
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The edition. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Edition"];
                };
            };
            /**
             * @description - `validation`: a field, parameter or body is invalid (`errors` says which)
             *     - `malformed-request`: bytes that are not HTTP/1.1, an HTTP/1.1 request without `Host`, or a path with a broken %-escape
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:validation",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "invalid querystring: /limit: Too big: expected number to be <=100",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `not-found`: no such route or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "article 42 does not exist",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEditionArticles: {
        parameters: {
            query?: {
                /** @description Page size, 1–100. */
                limit?: number;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id, written as a canonical decimal id: a positive integer without sign, leading zeros or spaces (at most 2^53 - 1); any other spelling (`02`, `+2`, `0x2`, `2.0`) is a 400 `validation` problem.
                 * @example 1
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of articles. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArticleList"];
                };
            };
            /**
             * @description - `validation`: a field, parameter or body is invalid (`errors` says which)
             *     - `malformed-request`: bytes that are not HTTP/1.1, an HTTP/1.1 request without `Host`, or a path with a broken %-escape
             *     - `invalid-cursor`: a cursor this server did not issue, from another list, or from a search with another `q` or filters
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:validation",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "invalid querystring: /limit: Too big: expected number to be <=100",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `not-found`: no such route or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "article 42 does not exist",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPublications: {
        parameters: {
            query?: {
                /** @description Page size, 1–100. */
                limit?: number;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of publications. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicationList"];
                };
            };
            /**
             * @description - `validation`: a field, parameter or body is invalid (`errors` says which)
             *     - `malformed-request`: bytes that are not HTTP/1.1, an HTTP/1.1 request without `Host`, or a path with a broken %-escape
             *     - `invalid-cursor`: a cursor this server did not issue, from another list, or from a search with another `q` or filters
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:validation",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "invalid querystring: /limit: Too big: expected number to be <=100",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPublication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Numeric id, written as a canonical decimal id: a positive integer without sign, leading zeros or spaces (at most 2^53 - 1); any other spelling (`02`, `+2`, `0x2`, `2.0`) is a 400 `validation` problem.
                 * @example 1
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The publication. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Publication"];
                };
            };
            /**
             * @description - `validation`: a field, parameter or body is invalid (`errors` says which)
             *     - `malformed-request`: bytes that are not HTTP/1.1, an HTTP/1.1 request without `Host`, or a path with a broken %-escape
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:validation",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "invalid querystring: /limit: Too big: expected number to be <=100",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `not-found`: no such route or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "article 42 does not exist",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPublicationEditions: {
        parameters: {
            query?: {
                /** @description Page size, 1–100. */
                limit?: number;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Numeric id, written as a canonical decimal id: a positive integer without sign, leading zeros or spaces (at most 2^53 - 1); any other spelling (`02`, `+2`, `0x2`, `2.0`) is a 400 `validation` problem.
                 * @example 1
                 */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of editions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EditionList"];
                };
            };
            /**
             * @description - `validation`: a field, parameter or body is invalid (`errors` says which)
             *     - `malformed-request`: bytes that are not HTTP/1.1, an HTTP/1.1 request without `Host`, or a path with a broken %-escape
             *     - `invalid-cursor`: a cursor this server did not issue, from another list, or from a search with another `q` or filters
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:validation",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "invalid querystring: /limit: Too big: expected number to be <=100",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `not-found`: no such route or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "article 42 does not exist",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchTeasers: {
        parameters: {
            query?: {
                /** @description Full-text search over teaser titles and summaries. Words are all required (`whales fjord`); `"a phrase"` (an unclosed quote runs to the end); `-word`, `-"a phrase"` or `NOT word` excludes; `a OR b` matches either; `whal*` is a prefix (at least 2 characters); `AND` is implicit. Words are cut as the index cuts text, case and accents ignored: `inter-Korean`, `U.S.`, `12,000` and `C++` search the phrases "inter korean", "u s", "12 000" and "c". Everything else is literal text: no input is a syntax error, and a query with nothing required (only exclusions or punctuation) matches nothing. 1–256 characters, at most 32 words. */
                q?: string;
                /** @description `stored` (default): in the order stored; `-stored`: newest first; `relevance`: best match first (needs `q`). A cursor belongs to its order. */
                sort?: "stored" | "-stored" | "relevance";
                /** @description The teaser's publication (exact name, any case). */
                publication?: string;
                /** @description Page size, 1–100. */
                limit?: number;
                /** @description `next_cursor` of the previous page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of teasers. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TeaserSearchList"];
                };
            };
            /**
             * @description - `validation`: a field, parameter or body is invalid (`errors` says which)
             *     - `malformed-request`: bytes that are not HTTP/1.1, an HTTP/1.1 request without `Host`, or a path with a broken %-escape
             *     - `invalid-cursor`: a cursor this server did not issue, from another list, or from a search with another `q` or filters
             *     - `invalid-search`: a `q` of more than 32 words or with a one-letter prefix (`t*`); any other `q` is searched (see **Search**)
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:validation",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "invalid querystring: /limit: Too big: expected number to be <=100",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `rate-limited`: over a rate limit; `Retry-After` and `RateLimit-*` say when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:rate-limited",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "too many requests; retry after 12 seconds",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `overloaded`: too many pages waiting to be parsed, searches waiting to be ranked, or bodies held over `BODY_BUDGET_BYTES`; retry after `Retry-After` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:overloaded",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "detail": "too many pages are waiting to be parsed; retry shortly",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listChanges: {
        parameters: {
            query?: {
                /** @description A `next` or item `token` from an earlier answer: the changes committed after it. `now`: no items, and a `next` at the current head (take it before a full resync). Absent: from the oldest change kept. */
                since?: string;
                /** @description Page size, 1–1000. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of changes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangeList"];
                };
            };
            /**
             * @description - `validation`: a field, parameter or body is invalid (`errors` says which)
             *     - `malformed-request`: bytes that are not HTTP/1.1, an HTTP/1.1 request without `Host`, or a path with a broken %-escape
             *     - `invalid-cursor`: a cursor this server did not issue, from another list, or from a search with another `q` or filters
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:validation",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "invalid querystring: /limit: Too big: expected number to be <=100",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `changes-gone`: a `since` token whose changes are no longer kept (past `CHANGES_RETAINED`), or from another database: resync */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:changes-gone",
                     *       "title": "Gone",
                     *       "status": 410,
                     *       "detail": "changes after this token are no longer kept (changes up to 1200 were pruned): resync, then follow from since=now",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startReparse: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ReparseRequestInput"] | null;
            };
        };
        responses: {
            /** @description The job, queued; `Location` is where to follow it. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /**
             * @description - `validation`: a field, parameter or body is invalid (`errors` says which)
             *     - `malformed-json`: the JSON body does not parse, or carries `__proto__`/`constructor` keys
             *     - `invalid-encoding`: the body is not valid UTF-8, or not valid for its `Content-Encoding`
             *     - `invalid-text`: the text holds a NUL character or a lone UTF-16 surrogate (SQLite would not store it as sent)
             *     - `malformed-request`: bytes that are not HTTP/1.1, an HTTP/1.1 request without `Host`, or a path with a broken %-escape
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:validation",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "invalid querystring: /limit: Too big: expected number to be <=100",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `unauthorized`: missing or wrong bearer token (`WWW-Authenticate` says how) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:unauthorized",
                     *       "title": "Unauthorized",
                     *       "status": 401,
                     *       "detail": "this endpoint needs an Authorization: Bearer <token> header",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `forbidden`: a write from a non-loopback client while no tokens are configured */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "detail": "writes are accepted from loopback clients only, because the server has no API_TOKENS configured",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `payload-too-large`: body over `BODY_LIMIT_BYTES` (`BATCH_BODY_LIMIT_BYTES` for a batch), also when chunked; sent instead of `100 Continue` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:payload-too-large",
                     *       "title": "Payload Too Large",
                     *       "status": 413,
                     *       "detail": "the body is larger than 2097152 bytes",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `unsupported-media-type`: not a type the endpoint reads (the detail names them; NDJSON goes to `:batch`), a `{"text"}` JSON body sent as `text/plain`, or not UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:unsupported-media-type",
                     *       "title": "Unsupported Media Type",
                     *       "status": 415,
                     *       "detail": "send text/plain, text/html or application/json (UTF-8)",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `rate-limited`: over a rate limit; `Retry-After` and `RateLimit-*` say when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:rate-limited",
                     *       "title": "Too Many Requests",
                     *       "status": 429,
                     *       "detail": "too many requests; retry after 12 seconds",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /**
             * @description - `overloaded`: too many pages waiting to be parsed, searches waiting to be ranked, or bodies held over `BODY_BUDGET_BYTES`; retry after `Retry-After`
             *     - `storage-busy`: another process (an import, a second server) kept the database locked 5 s; retry after `Retry-After`
             *     - `storage-unavailable`: the database file was deleted or replaced while the server ran; nothing stored; restart
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:overloaded",
                     *       "title": "Service Unavailable",
                     *       "status": 503,
                     *       "detail": "too many pages are waiting to be parsed; retry shortly",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `storage-full`: no space left for the database; nothing stored; `/readyz` is 503 until there is room again */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:storage-full",
                     *       "title": "Insufficient Storage",
                     *       "status": 507,
                     *       "detail": "no space left for the database; nothing was stored",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Job id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            /**
             * @description - `validation`: a field, parameter or body is invalid (`errors` says which)
             *     - `malformed-request`: bytes that are not HTTP/1.1, an HTTP/1.1 request without `Host`, or a path with a broken %-escape
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:validation",
                     *       "title": "Bad Request",
                     *       "status": 400,
                     *       "detail": "invalid querystring: /limit: Too big: expected number to be <=100",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description - `not-found`: no such route or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:masthead:problem:not-found",
                     *       "title": "Not Found",
                     *       "status": 404,
                     *       "detail": "article 42 does not exist",
                     *       "request_id": "1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
