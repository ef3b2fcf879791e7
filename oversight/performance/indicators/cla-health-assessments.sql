-- id: cla-health-assessments
-- title: Children in care a year with their health assessments up to date
-- theme: Children in care
-- definition: Of the children looked after continuously for 12 months at a 31 March in
--   the period (those with the year's outcomes recorded: the SSDA903 OC2 cohort), the
--   percentage whose health assessments were up to date in that year, as the year's
--   outcomes record it. A child whose outcomes do not say counts as not up to date.
-- source: DfE Children looked after statistics (children looked after for at least 12 months whose health assessments were up to date)
-- unit: percent
-- polarity: higher
-- numerator: children whose health assessments were up to date
-- denominator: children looked after for 12 months at 31 March, with the year's outcomes
-- period: period
SELECT child_id, year_end AS at, coalesce(health_assessment, FALSE) AS counted,
       NULL AS team_id, NULL AS worker_id, 'looked after for 12 months at 31 March' AS event
FROM yearoutcomes
WHERE year_end BETWEEN $start AND $end
