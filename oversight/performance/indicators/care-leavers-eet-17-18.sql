-- id: care-leavers-eet-17-18
-- title: Care leavers in education, employment or training, aged 17 to 18
-- theme: Care leavers
-- definition: Of the care leavers whose 17th or 18th birthday fell in the period
--   (young people who had a pathway plan by that birthday), the percentage in education, employment or training (full or part time) around their birthday: the status recorded
--   nearest the birthday between 3 months before it and 1 month after it, as the DfE
--   collects it. A care leaver with no status recorded in that window counts as not
--   known, and so not in education, employment or training.
-- source: DfE Children looked after statistics (Care leavers' activity: in education, employment or training, aged 17 to 18)
-- unit: percent
-- polarity: higher
-- numerator: care leavers in education, employment or training around their birthday
-- denominator: care leavers aged 17 to 18 whose birthday fell in the period
-- period: period
SELECT child_id, birthday AS at, eet AS counted, NULL AS team_id, NULL AS worker_id, event
FROM care_leavers(17, 18, $start, $end)
