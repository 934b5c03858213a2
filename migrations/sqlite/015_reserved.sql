-- masthead schema, version 015: held for another branch's migration (issue 14).
--
-- Placeholder so that 016 applies on this branch (versions run without gaps); the branch that
-- owns 015 replaces this file when the two are merged.
SELECT 1;
