-- test/reliability/churn.sql -- one round of updates, deletes, inserts and
-- VACUUM on the churn table.  psql variables: rows, round.
-- key columns change (index entries move), HOT updates (note only),
-- deletes by id and by value, new rows, NULLs in and out
UPDATE churn SET p = (rel_port(random(), random()))::port, r = rel_range(random(), random(), random())
WHERE id % 7 = :round;
UPDATE churn SET note = note || '.' WHERE id % 5 = :round;
UPDATE churn c SET q = CASE WHEN c.q IS NULL THEN x.q END, m = x.m, ps = x.ps
FROM rel_rows(1, :rows * 2, 'u') x
WHERE x.id = c.id AND c.id % 13 = :round;
DELETE FROM churn WHERE id % 11 = :round;
DELETE FROM churn WHERE p BETWEEN 1000 + 2000 * :round AND 1400 + 2000 * :round;
INSERT INTO churn SELECT * FROM rel_rows(:rows * (:round + 1) + 1, :rows * (:round + 1) + :rows / 4, 'r');
VACUUM churn;
UPDATE churn SET r = 'empty' WHERE id % 17 = :round;
UPDATE churn SET p = 65535 - p WHERE id % 19 = :round;
DELETE FROM churn WHERE r && '[40000,40100]'::portrange AND id % 2 = 0;
VACUUM (ANALYZE) churn;
