-- A reminder's next instant is computed from the user's time zone and day start (packages/core).
-- Whatever changes them — the settings route, an import, a script — its reminders are marked to
-- be planned again (next_fire_at null), in the same transaction; the reminder sender plans them
-- from the current instant on, never for a habit day that already fired (last_fired_date).
CREATE FUNCTION replan_user_reminders() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE reminders SET next_fire_at = NULL, next_fire_date = NULL
  WHERE user_id = NEW.user_id;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER user_settings_replan_reminders AFTER UPDATE OF time_zone, day_start_hour ON user_settings
  FOR EACH ROW
  WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone OR OLD.day_start_hour IS DISTINCT FROM NEW.day_start_hour)
  EXECUTE FUNCTION replan_user_reminders();
