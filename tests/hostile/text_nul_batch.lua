-- expect: 2 batch --out /tmp
-- line: remous: text_nul_batch.lua:3: write_csv: a text holding a NUL byte (\0): remove it
write_csv("a\0b.csv", { { a = 1 } })
