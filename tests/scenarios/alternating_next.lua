-- A `next` hook that answers a different step from one item to the next
-- (remous remembers a hook's last answer by its string: each change must
-- still be looked up), and a variant with a step more. Items arrive every
-- 10 from t = 10 (19 before the horizon at 200: ids 1 to 19) and take 1 at
-- "sort"; odd ids (10 of them) then take 1 at "file", even ones leave. The
-- variant sends the filed ones on to "scan".
scenario "alternating next" { horizon = 200, replications = 2 }
role "clerk" { count = 1 }
arrivals "letters" { interarrival = 10, to = "sort" }
activity "sort" { role = "clerk", duration = 1,
                  next = function(item) if item.id % 2 == 1 then return "file" end return "exit" end }
activity "file" { role = "clerk", duration = 1 }
variant "with a scan" {
  apply = function()
    activity "scan" { role = "clerk", duration = 1 }
    activity "file" { next = "scan" }
  end
}
