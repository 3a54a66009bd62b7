scenario "hang" { horizon = 100 }
string.find(string.rep("a", 40000), ".-.-.-.-b")
