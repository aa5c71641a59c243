ALTER TABLE "habits" ADD COLUMN "summary_through" date;--> statement-breakpoint
ALTER TABLE "habits" ADD COLUMN "summary_week_start" smallint;--> statement-breakpoint
ALTER TABLE "habits" ADD COLUMN "summary_score" double precision;--> statement-breakpoint
ALTER TABLE "habits" ADD COLUMN "summary_run" integer;--> statement-breakpoint
ALTER TABLE "habits" ADD COLUMN "summary_best" integer;--> statement-breakpoint
ALTER TABLE "habits" ADD COLUMN "summary_reads_from" date;--> statement-breakpoint
ALTER TABLE "habits" ADD CONSTRAINT "habits_summary_check" CHECK (("habits"."summary_through" is null and "habits"."summary_week_start" is null and "habits"."summary_score" is null
          and "habits"."summary_run" is null and "habits"."summary_best" is null and "habits"."summary_reads_from" is null)
        or ("habits"."summary_through" is not null and "habits"."summary_week_start" is not null
          and "habits"."summary_score" is not null and "habits"."summary_run" is not null
          and "habits"."summary_best" is not null and "habits"."summary_reads_from" is not null));