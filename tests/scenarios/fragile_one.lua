-- Fragility worked out by hand (tests/fragility_test.sh). One clerk, a
-- form every hour (at 60, 120, ... minutes), 30 minutes each, due within
-- 310 minutes. Without absence every form is done at once.
--
-- The clerk away 10 hours from the end of the warm-up (minute 1440, idle
-- then): the forms of 1440, 1500, ..., 1980 wait (10 at the return, 2040).
-- Back, the clerk takes form m (arrived 1440 + 60m) at 2040 + 30m while
-- that is not before it arrived (m <= 20): form m is done in 630 - 30m
-- minutes, over 310 for m = 0..10, so 11 forms miss their deadline. Just
-- before hour h after the return, h forms more have come and 2h have been
-- taken: 10 - h wait, none at h = 10: the backlog clears in 10 hours.
-- Their waits add up to sum(600 - 30m, m = 0..19) = 6300 minutes.
--
-- From minute 1450 (busy with the form of 1440 until 1470, which the clerk
-- finishes first), back at 2050: the forms of 1500 ... 2040 wait (10), form
-- m (arrived 1500 + 60m) is done in 580 - 30m, over 310 for m = 0..8: 9
-- miss their deadline; 10 - h still wait just before hour h: 10 hours.
--
-- The variant has two clerks: one away, the other keeps up (nothing
-- changes). Both away: the same 10 forms wait at the return, but two take
-- them, form m at 2040 + 30 floor(m/2): done in 630 + 30 floor(m/2) - 60m,
-- over 310 for m = 0..6 (7 miss their deadline); just before 2220 one form
-- still waits, none before 2280: 4 hours.
scenario "one clerk" { unit = "minute", horizon = days(3), warmup = days(1), replications = 2 }
role "clerk" { label = "the clerk" }
arrivals "forms" { interarrival = 60, to = "handle", deadline = 310 }
activity "handle" { role = "clerk", duration = 30 }
variant "two clerks" { apply = function() role "clerk" { count = 2 } end }
-- Away anyway: the clerk's own absence runs from 1000 to 3000 (then from
-- 4000): the knock-out of 1440 to 2040 falls inside it and changes nothing.
variant "away anyway" {
  apply = function() role "clerk" { absence = { every = 1000, lasts = 2000 } } end,
}
