-- id: cla-dental-checks
-- title: Children in care a year who had their teeth checked
-- theme: Children in care
-- definition: Of the children looked after continuously for 12 months at a 31 March in
--   the period (those with the year's outcomes recorded: the SSDA903 OC2 cohort), the
--   percentage who had their teeth checked by a dentist in that year, as the year's
--   outcomes record it. A child whose outcomes do not say counts as not checked.
-- source: DfE Children looked after statistics (children looked after for at least 12 months who had their teeth checked by a dentist)
-- unit: percent
-- polarity: higher
-- numerator: children who had their teeth checked by a dentist in the year
-- denominator: children looked after for 12 months at 31 March, with the year's outcomes
-- period: period
SELECT child_id, year_end AS at, coalesce(teeth_check, FALSE) AS counted,
       NULL AS team_id, NULL AS worker_id, 'looked after for 12 months at 31 March' AS event
FROM yearoutcomes
WHERE year_end BETWEEN $start AND $end
