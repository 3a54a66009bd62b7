-- expect: 2 check
-- line: remous: text_nul_calendar.lua:4: calendar "c": a text holding a NUL byte (\0): remove it
scenario "s" { horizon = days(1) }
calendar "c" { "mon-fri 09:00-17:00\0sat 00:00-24:00" }
