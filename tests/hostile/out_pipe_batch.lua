-- write_csv over a pipe (or a device) left in --out: refused, the pipe stays
write_csv("c.csv", { { a = 1 } })
