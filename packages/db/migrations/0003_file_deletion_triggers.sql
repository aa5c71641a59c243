-- Deleting a file row (directly, or by cascade from its check-in, habit or user) queues its
-- objects for deletion from storage in the same transaction; the server drains the queue after
-- commit (apps/server/src/lib/object-cleanup.ts). Object keys are built by packages/storage from
-- (kind, user_id, object_id): the layout stays out of SQL.
CREATE FUNCTION queue_object_deletion() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO object_deletions (kind, user_id, object_id)
  VALUES (TG_ARGV[0], OLD.user_id, OLD.id)
  ON CONFLICT DO NOTHING;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER photos_queue_object_deletion AFTER DELETE ON photos
  FOR EACH ROW EXECUTE FUNCTION queue_object_deletion('photo');
--> statement-breakpoint
CREATE TRIGGER exports_queue_object_deletion AFTER DELETE ON exports
  FOR EACH ROW EXECUTE FUNCTION queue_object_deletion('export');
--> statement-breakpoint
CREATE TRIGGER imports_queue_object_deletion AFTER DELETE ON imports
  FOR EACH ROW EXECUTE FUNCTION queue_object_deletion('importUpload');
