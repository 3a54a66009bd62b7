#!/usr/bin/env remous
scenario "shebang" { horizon = 100 }
role "r" { count = nil + 1 }
