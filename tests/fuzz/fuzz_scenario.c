/* libFuzzer target: any text as a scenario, through the sandbox, the
 * prelude and the model compiler. A
 * scenario file and a data file d.csv (the same bytes) are written to a
 * private folder, so that empirical("d.csv", ...) reads fuzzed CSV too.
 * Loading only: a fuzzed scenario may legitimately simulate for hours. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "remous.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void write_file(const char *path, const uint8_t *data, size_t size) {
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(data, 1, size, f);
        fclose(f);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static char dir[64], path[128], csv[128];
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/remous-fuzz-%ld", (long)getpid());
        mkdir(dir, 0700);
        snprintf(path, sizeof path, "%s/s.lua", dir);
        snprintf(csv, sizeof csv, "%s/d.csv", dir);
    }
    write_file(path, data, size);
    write_file(csv, data, size);
    remous_options opt = remous_default_options();
    char err[1024];
    remous_scenario *sc = remous_open(path, &opt, err, sizeof err);
    remous_close(sc);                            /* loading is what is fuzzed: a run may take hours */
    return 0;
}
