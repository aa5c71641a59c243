-- At-most habits now count an empty day that is over as 0, within the limit (decision 0016):
-- their stored summaries were folded under the old rule. The release command rebuilds them.
UPDATE "habits" SET "summary_through" = NULL, "summary_week_start" = NULL, "summary_score" = NULL,
  "summary_run" = NULL, "summary_best" = NULL, "summary_reads_from" = NULL
WHERE "target_direction" = 'at_most';
