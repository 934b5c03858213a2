-- masthead schema, version 14: reserved for another branch's migration (this file only keeps
-- the versions without a gap on branch pg-common-term; drop it when that branch's 014 lands).
SELECT 1;
