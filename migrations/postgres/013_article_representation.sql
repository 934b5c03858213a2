-- masthead schema, version 13: an article's whole representation from one function call.
--
-- Measured before (docs/measurements/2026-12-07-pg-get.md): the read of one article (one
-- statement joining its edition and publication, with who teases it and its story's other
-- captures) was planned again on every call (0.5–0.7 ms of planning in EXPLAIN, as much as it
-- took to run): statements stay unnamed (pgbouncer in transaction pooling forbids prepared
-- ones). Through this function, the server's CPU per read fell from ~1.4 to ~0.47 ms. A
-- plpgsql function keeps its statements' plans for the life of the server connection and is
-- called by one unnamed statement that costs next to nothing to plan. It returns one json
-- value in the port's own shape (ArticleRecord in src/storage/repository.ts), so the node
-- parses one value instead of mapping a row of columns and arrays.
--
-- STABLE: it reads with the calling statement's snapshot, so a read inside a write
-- transaction sees that transaction's writes and the articles of a list page are read at one
-- moment. The story's other captures are listed oldest first, at most max_captures
-- (MAX_CAPTURES), read in order through articles_story (story_id, id).
CREATE FUNCTION masthead_article(article_id bigint, max_captures integer) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (
    SELECT json_build_object(
             'id', a.id,
             'title', a.title,
             'deck', a.deck,
             'byline', a.byline,
             'dateline', a.dateline,
             -- Stored as a JSON array (checked on insert): embedded as it is, not re-parsed.
             'paragraphs', a.paragraphs::json,
             'language', a.language,
             'pageLocale', a.page_locale,
             'wordCount', a.word_count,
             'edition', CASE WHEN p.name IS NULL THEN NULL
                             ELSE json_build_object('id', e.id, 'publication', p.name, 'date', e.date) END,
             'teaserCount', a.teaser_count,
             'teasedBy',
             (SELECT coalesce(json_agg(json_build_object('articleId', t.article_id, 'position', t.position)
                                       ORDER BY t.article_id, t.position), '[]'::json)
                FROM teasers t WHERE t.linked_article_id = a.id),
             'storyId', coalesce(a.story_id, a.id),
             'captures',
             (SELECT coalesce(json_agg(json_build_object('articleId', c.id, 'platform', c.platform,
                                                         'pageLocale', c.page_locale,
                                                         'publication', c.publication,
                                                         'editionDate', c.edition_date)
                                       ORDER BY c.id), '[]'::json)
                FROM (SELECT o.id, oe.platform, o.page_locale, op.name AS publication, oe.date AS edition_date
                        FROM articles o
                        LEFT JOIN editions oe ON oe.id = o.edition_id
                        LEFT JOIN publications op ON op.id = oe.publication_id
                       WHERE o.story_id = a.story_id AND o.id <> a.id
                       ORDER BY o.id LIMIT max_captures) c),
             'sourceUrl', a.source_url,
             'ingestedAt', a.ingested_at,
             'parserVersion', a.parser_version)
      FROM articles a
      LEFT JOIN editions e ON e.id = a.edition_id
      LEFT JOIN publications p ON p.id = e.publication_id
     WHERE a.id = article_id);
END
$$;
