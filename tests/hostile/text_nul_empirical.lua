-- expect: 2 check
-- line: remous: text_nul_empirical.lua:6: empirical: a text holding a NUL byte (\0): remove it
scenario "s" { horizon = days(1) }
role "r" { count = 1 }
arrivals "a" { interarrival = exponential(60), to = "x" }
activity "x" { duration = empirical("dist_zeros.csv\0../../x.csv", "m"), role = "r" }
