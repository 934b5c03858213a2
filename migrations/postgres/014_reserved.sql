-- masthead schema, version 014: held for another branch's migration (issue 14).
--
-- Placeholder so that 016 applies on this branch (versions run without gaps); the branch that
-- owns 014 replaces this file when the two are merged.
SELECT 1;
