-- arg() of a number given --set n=1e309: read as inf by Lua, refused as not a number
print(arg("n", 1))
