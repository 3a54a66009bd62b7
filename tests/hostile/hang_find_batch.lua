string.find(string.rep("a", 40000), ".-.-.-.-b")
