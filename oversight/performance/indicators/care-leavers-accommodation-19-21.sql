-- id: care-leavers-accommodation-19-21
-- title: Care leavers in suitable accommodation, aged 19 to 21
-- theme: Care leavers
-- definition: Of the care leavers whose 19th, 20th or 21st birthday fell in the period
--   (young people who had a pathway plan by that birthday), the percentage in accommodation judged suitable around their birthday: the status recorded
--   nearest the birthday between 3 months before it and 1 month after it, as the DfE
--   collects it. A care leaver with no status recorded in that window counts as not
--   known, and so not in suitable accommodation.
-- source: DfE Children looked after statistics (Care leavers in suitable accommodation, aged 19 to 21)
-- unit: percent
-- polarity: higher
-- numerator: care leavers in suitable accommodation around their birthday
-- denominator: care leavers aged 19 to 21 whose birthday fell in the period
-- period: period
SELECT child_id, birthday AS at, suitable AS counted, NULL AS team_id, NULL AS worker_id, event
FROM care_leavers(19, 21, $start, $end)
