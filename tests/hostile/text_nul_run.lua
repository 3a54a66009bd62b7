-- expect: 2 batch
-- line: remous: text_nul_run.lua:3: run: a text holding a NUL byte (\0): remove it
run("dist_zeros.lua\0x")
