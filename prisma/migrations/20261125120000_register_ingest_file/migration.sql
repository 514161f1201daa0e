-- Registers a received file in one statement (a drop folder of thousands of small files paid
-- six round trips per file for it). Under a transaction lock on the content's hash, so that
-- two receptions of the same content are serialised: a file whose content is already loaded or
-- being loaded is recorded as a duplicate of that file, with its source; any other file is
-- recorded as processing. The caller takes the processing file's session lock in the same
-- statement (lib/pipeline/ingest/register-file.ts).
CREATE FUNCTION register_ingest_file(p_file_name text, p_size_bytes bigint, p_sha256 text, p_channel "IngestChannel", p_received_by_id uuid)
RETURNS TABLE (id bigint, duplicate_of_id bigint, source text)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
  original record;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(p_sha256, 0));
  -- A statement of its own, after the lock: it sees every registration committed before.
  SELECT o.id, o.source INTO original FROM ingest_file o
   WHERE o.sha256 = p_sha256 AND o.status IN ('processing', 'loaded') ORDER BY o.id LIMIT 1;
  IF FOUND THEN
    RETURN QUERY
      INSERT INTO ingest_file AS f (file_name, size_bytes, sha256, channel, received_by_id, status, duplicate_of_id, source, finished_at)
      VALUES (p_file_name, p_size_bytes, p_sha256, p_channel, p_received_by_id, 'duplicate', original.id, original.source, now())
      RETURNING f.id, f.duplicate_of_id, f.source;
  ELSE
    RETURN QUERY
      INSERT INTO ingest_file AS f (file_name, size_bytes, sha256, channel, received_by_id, status)
      VALUES (p_file_name, p_size_bytes, p_sha256, p_channel, p_received_by_id, 'processing')
      RETURNING f.id, f.duplicate_of_id, f.source;
  END IF;
END $$;
