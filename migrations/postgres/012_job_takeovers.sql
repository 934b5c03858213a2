-- masthead schema, version 12 (PostgreSQL): how many times a job was taken over. Same column
-- and meaning as migrations/sqlite/012_job_takeovers.sql (read it there).
ALTER TABLE jobs ADD COLUMN takeovers integer NOT NULL DEFAULT 0;
