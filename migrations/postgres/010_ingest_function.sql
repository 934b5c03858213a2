-- masthead schema, version 10: a group of ingests in one function call.
--
-- Measured before (bench/postgres-ingest-profile.ts): three statements per ingest, each
-- planned again on every call (no named prepared statements: pgbouncer in transaction pooling
-- forbids them), run one after another on the group's connection. A plpgsql function keeps
-- its statements' plans for the life of the server connection and is called by one unnamed
-- statement, which works through pgbouncer; one call per group also pays one round trip for
-- the whole group instead of three per ingest.
--
-- The rules are those of src/storage/postgres/articles.ts (writeIngest: read its comments);
-- the client computes everything that needs no database (keys, date bounds, fingerprint, line
-- shapes) and sends it as one jsonb object per ingest (see ingestArgument there). Each
-- statement in a plpgsql function takes a new snapshot (READ COMMITTED), so a lookup after a
-- lock sees what the lock waited for, as the separate statements did.

-- The search vector of a text, cut into words as FTS5's unicode61 cuts them: at every run of
-- characters that are neither letters nor digits (PostgreSQL's own parser keeps `u.s`,
-- `jong-un`, hosts and paths whole, so `U.S.` found nothing). Every article and teaser vector is
-- written through it (searchVector in src/storage/postgres/search.ts), and searched phrases are
-- cut the same way there.
CREATE FUNCTION masthead_search_vector(document text) RETURNS tsvector
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('masthead', regexp_replace(coalesce(document, ''), '[^[:alnum:]]+', ' ', 'g'))
$$;

-- The story of the candidate most like the fingerprint: bestStory in
-- src/storage/postgres/stories.ts, the same arithmetic (jaccard = equal minima / 64; containment
-- from the shingle counts; the most alike wins, between equals the older story; a clear match
-- ends the search), over candidateFingerprints' candidates in its order (the same query: one
-- band key after another through the primary key, whatever the table's statistics say).
CREATE FUNCTION masthead_best_story(signature bytea, shingles integer, band_keys bigint[])
RETURNS bigint LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  candidate record;
  equal integer;
  jaccard double precision;
  containment double precision;
  best_story bigint;
  best_jaccard double precision;
BEGIN
  FOR candidate IN
    SELECT f.story_id, f.shingles, f.signature
      FROM (SELECT article_id, count(*) AS shared
              FROM (SELECT b.article_id
                      FROM (SELECT DISTINCT k FROM unnest(band_keys) k ORDER BY k) band,
                           LATERAL (SELECT s.article_id FROM story_bands s
                                     WHERE s.band_key = band.k AND s.article_id <> 0
                                     ORDER BY s.article_id LIMIT 256) b
                     LIMIT 256) band_rows
             GROUP BY article_id ORDER BY count(*) DESC, article_id LIMIT 16) c
      JOIN story_fingerprints f ON f.article_id = c.article_id
     ORDER BY c.shared DESC, c.article_id
  LOOP
    CONTINUE WHEN octet_length(candidate.signature) <> 256;
    SELECT count(*) INTO equal FROM generate_series(0, 63) i
     WHERE substring(candidate.signature FROM i * 4 + 1 FOR 4) = substring(signature FROM i * 4 + 1 FOR 4);
    jaccard := equal::double precision / 64;
    containment := least(1, (jaccard * (shingles + candidate.shingles)) / (1 + jaccard)
                            / least(shingles, candidate.shingles));
    IF (jaccard >= 0.5 OR (jaccard >= 0.25 AND containment >= 0.7))
       AND (best_story IS NULL OR jaccard > best_jaccard
            OR (jaccard = best_jaccard AND candidate.story_id < best_story)) THEN
      best_story := candidate.story_id;
      best_jaccard := jaccard;
      EXIT WHEN jaccard >= 0.9;
    END IF;
  END LOOP;
  RETURN best_story;
END;
$$;

-- One ingest (writeIngest's steps): lock the link and band keys, look the document and
-- edition up, create the edition when missing, find the story, write. `created` is false when
-- the document was stored already (by this transaction, another before it, or another that
-- committed while this one waited on its row).
CREATE FUNCTION masthead_ingest(r jsonb, OUT article_id bigint, OUT created boolean)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  edition_ref bigint;
  publication_ref bigint;
  story_ref bigint;
  signature_bytes bytea := decode(r ->> 'signature', 'base64');
  band_keys bigint[] := ARRAY(SELECT jsonb_array_elements_text(r -> 'bandKeys')::bigint);
BEGIN
  -- the advisory locks of articles.ts (classes 8010 and 8011), sorted, before any lookup
  PERFORM pg_advisory_xact_lock(8010, hashtext(k))
     FROM (SELECT k FROM jsonb_array_elements_text(r -> 'linkKeys') k ORDER BY k) sorted;
  PERFORM pg_advisory_xact_lock(8011, (k % 2147483647)::int)
     FROM (SELECT DISTINCT k FROM unnest(band_keys) k ORDER BY k) sorted;

  SELECT a.id INTO article_id FROM articles a JOIN raw_documents d ON d.id = a.raw_document_id
   WHERE d.sha256 = r ->> 'sha256';
  IF article_id IS NOT NULL THEN
    created := false;
    RETURN;
  END IF;

  IF r ->> 'publication' IS NOT NULL THEN
    SELECT e.id INTO edition_ref FROM editions e JOIN publications p ON p.id = e.publication_id
     WHERE masthead_nocase(p.name) = masthead_nocase(r ->> 'publication')
       AND e.date IS NOT DISTINCT FROM r ->> 'editionDate' AND e.platform IS NOT DISTINCT FROM r ->> 'platform';
    IF edition_ref IS NULL THEN
      -- as findOrCreatePublication/findOrCreateEdition: look up, insert when missing, and
      -- read the winner's row when another transaction inserted it meanwhile
      SELECT id INTO publication_ref FROM publications
       WHERE masthead_nocase(name) = masthead_nocase(r ->> 'publication');
      IF publication_ref IS NULL THEN
        INSERT INTO publications (name, created_at) VALUES (r ->> 'publication', r ->> 'ingestedAt')
        ON CONFLICT ((masthead_nocase(name))) DO NOTHING RETURNING id INTO publication_ref;
        IF publication_ref IS NULL THEN
          SELECT id INTO publication_ref FROM publications
           WHERE masthead_nocase(name) = masthead_nocase(r ->> 'publication');
        END IF;
        IF publication_ref IS NULL THEN
          RAISE EXCEPTION 'publication % conflicted but is not visible', r ->> 'publication';
        END IF;
      END IF;
      SELECT id INTO edition_ref FROM editions
       WHERE publication_id = publication_ref AND date IS NOT DISTINCT FROM r ->> 'editionDate'
         AND platform IS NOT DISTINCT FROM r ->> 'platform';
      IF edition_ref IS NULL THEN
        INSERT INTO editions (publication_id, date, label, platform, created_at)
        VALUES (publication_ref, r ->> 'editionDate', r ->> 'editionLabel', r ->> 'platform', r ->> 'ingestedAt')
        ON CONFLICT ON CONSTRAINT editions_identity DO NOTHING RETURNING id INTO edition_ref;
        IF edition_ref IS NULL THEN
          SELECT id INTO edition_ref FROM editions
           WHERE publication_id = publication_ref AND date IS NOT DISTINCT FROM r ->> 'editionDate'
             AND platform IS NOT DISTINCT FROM r ->> 'platform';
        END IF;
        IF edition_ref IS NULL THEN
          RAISE EXCEPTION 'edition conflicted but is not visible';
        END IF;
      END IF;
    END IF;
  END IF;

  IF signature_bytes IS NOT NULL THEN
    story_ref := masthead_best_story(signature_bytes, (r ->> 'shingles')::integer, band_keys);
  END IF;

  WITH doc AS (
    INSERT INTO raw_documents (sha256, content_type, body, source_url, received_at)
    VALUES (r ->> 'sha256', r ->> 'contentType', r ->> 'body', r ->> 'sourceUrl', r ->> 'receivedAt')
    ON CONFLICT (sha256) DO NOTHING RETURNING id),
  art AS (
    INSERT INTO articles (id, raw_document_id, edition_id, title, deck, byline, dateline, paragraphs,
                          language, page_locale, word_count, parser_version, ingested_at,
                          title_key, publication_key, edition_start, edition_end, sort_key,
                          teaser_count, source_url, story_id, search)
    OVERRIDING SYSTEM VALUE
    SELECT n.id, doc.id, edition_ref, r ->> 'title', r ->> 'deck', r ->> 'byline', r ->> 'dateline',
           r ->> 'paragraphs', r ->> 'language', r ->> 'pageLocale', (r ->> 'wordCount')::integer,
           r ->> 'parserVersion', r ->> 'ingestedAt', r ->> 'titleKey', r ->> 'publicationKey',
           r ->> 'editionStart', r ->> 'editionEnd', r ->> 'sortKey', (r ->> 'teaserCount')::integer,
           r ->> 'sourceUrl',
           -- a new story is named after its first capture: this row's id
           coalesce(story_ref, n.id),
           setweight(masthead_search_vector(r ->> 'title'), 'A') ||
           setweight(masthead_search_vector(r ->> 'deck'), 'B') ||
           setweight(masthead_search_vector(r ->> 'bodyText'), 'C')
      FROM doc, (SELECT nextval(pg_get_serial_sequence('articles', 'id')) AS id) n
    RETURNING id, story_id),
  fingerprint AS (
    INSERT INTO story_fingerprints (article_id, story_id, shingles, signature)
    SELECT art.id, art.story_id, (r ->> 'shingles')::integer, signature_bytes FROM art
     WHERE signature_bytes IS NOT NULL),
  bands AS (
    INSERT INTO story_bands (band_key, article_id)
    SELECT DISTINCT key, art.id FROM art, unnest(band_keys) AS key
    ON CONFLICT DO NOTHING),
  new_teasers AS (
    INSERT INTO teasers (article_id, position, title, summary, publication, date, partial,
                         title_key, publication_key, linked_article_id, search)
    SELECT art.id, t.position, t.title, t.summary, t.publication, t.date, t.partial, t.title_key,
           t.publication_key,
           (SELECT a.id FROM articles a
             WHERE a.publication_key = t.publication_key AND a.title_key = t.title_key
             ORDER BY a.id LIMIT 1),
           setweight(masthead_search_vector(t.title), 'A') ||
           setweight(masthead_search_vector(t.summary), 'B')
      FROM art, jsonb_to_recordset(r -> 'teasers')
           AS t(position integer, title text, summary text, publication text, date text, partial integer,
                title_key text, publication_key text)),
  linked AS (
    UPDATE teasers SET linked_article_id = art.id FROM art
     WHERE r ->> 'titleKey' IS NOT NULL AND r ->> 'publicationKey' IS NOT NULL
       AND teasers.publication_key = r ->> 'publicationKey' AND teasers.title_key = r ->> 'titleKey'
       AND teasers.linked_article_id IS NULL),
  page_shapes AS (SELECT * FROM jsonb_to_recordset(r -> 'shapes') AS s(hash bigint, shape text)),
  noted AS (
    INSERT INTO learned_line_publications (platform, shape_hash, publication_key, first_story)
    SELECT r ->> 'shapePlatform', hash, r ->> 'publicationKey', (r ->> 'firstStory')::bigint
      FROM page_shapes, art
    ON CONFLICT (platform, shape_hash, publication_key)
    DO UPDATE SET counted = 1
     WHERE learned_line_publications.counted = 0
       AND learned_line_publications.first_story IS DISTINCT FROM excluded.first_story
    RETURNING shape_hash, counted),
  counted AS (
    INSERT INTO learned_shapes AS l (platform, shape_hash, publications, shape, first_story)
    SELECT r ->> 'shapePlatform', shape_hash, 1, NULL, (r ->> 'firstStory')::bigint FROM noted WHERE counted = 1
    ON CONFLICT (platform, shape_hash)
    DO UPDATE SET publications = l.publications + 1,
                  shape = coalesce(l.shape, (SELECT s.shape FROM page_shapes s WHERE s.hash = excluded.shape_hash)),
                  stories_differ = greatest(l.stories_differ,
                                            (l.first_story IS DISTINCT FROM excluded.first_story)::int))
  SELECT (SELECT id FROM art) INTO article_id;

  IF article_id IS NOT NULL THEN
    created := true;
    RETURN;
  END IF;
  -- Another writer stored the same document and committed while this insert waited.
  SELECT a.id INTO article_id FROM articles a JOIN raw_documents d ON d.id = a.raw_document_id
   WHERE d.sha256 = r ->> 'sha256';
  IF article_id IS NULL THEN
    RAISE EXCEPTION 'document % conflicted but has no article', r ->> 'sha256';
  END IF;
  created := false;
END;
$$;

-- A group's ingests, in order, in the caller's transaction: one row per ingest, in the
-- array's order (ids follow call order). Should one fail, the call fails, and the group
-- committer runs the group again one masthead_ingest per savepoint (group-commit.ts).
CREATE FUNCTION masthead_ingest_group(records jsonb)
RETURNS TABLE (article_id bigint, created boolean) LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  r jsonb;
BEGIN
  FOR r IN SELECT value FROM jsonb_array_elements(records) WITH ORDINALITY ORDER BY ordinality LOOP
    SELECT i.article_id, i.created INTO article_id, created FROM masthead_ingest(r) i;
    RETURN NEXT;
  END LOOP;
END;
$$;
