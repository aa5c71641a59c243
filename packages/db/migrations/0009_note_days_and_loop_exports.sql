ALTER TABLE "checkins" DROP CONSTRAINT "checkins_state_check";--> statement-breakpoint
ALTER TABLE "exports" ADD COLUMN "format" text DEFAULT 'habit-tracker' NOT NULL;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_note_only_check" CHECK ("checkins"."state" <> 'note' or ("checkins"."note" is not null and "checkins"."value" is null));--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_state_check" CHECK ("checkins"."state" in ('done', 'skipped', 'note'));--> statement-breakpoint
ALTER TABLE "exports" ADD CONSTRAINT "exports_format_check" CHECK ("exports"."format" in ('habit-tracker', 'loop'));