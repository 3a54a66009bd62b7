-- Constant durations: every replication is the same, so each change is
-- certain (significant whatever the correction), and only its size decides
-- whether the digest lists it (tests/digest_test.sh).
scenario "listed" { horizon = days(1), replications = 3 }
role "clerk" {}
arrivals "visitors" { interarrival = 20, to = "serve" }
activity "serve" { role = "clerk", duration = 5, next = "check" }
activity "check" { role = "clerk", duration = 2, next = "pack" }
activity "pack" { role = "clerk", duration = 10 }
variant "faster" {
  apply = function()
    activity "serve" { duration = 2.5 }   -- a large change: 50%, 2.5 minutes
    activity "check" { duration = 2.2 }   -- real but tiny: 10%, 0.2 minute (under half a minute)
    activity "pack" { duration = 10.7 }   -- 7%, 0.7 minute: listed, unless --min-change 8%
  end,
}
