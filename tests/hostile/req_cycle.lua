-- expect: 2 check
-- line: remous: ./mod_cycle_b.lua:2: require: module "mod_cycle_a" requires itself (through the modules it requires): a cycle; move what they share into a third module
require("mod_cycle_a")   -- which requires mod_cycle_b, which requires mod_cycle_a: was "prelude:31: stack overflow"
scenario "s" { horizon = days(1) }
