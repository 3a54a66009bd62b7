/* libFuzzer target: any bytes as the CSV file of empirical(), read by the
 * engine's CSV reader (libcsv, strict) through a fixed scenario. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "remous.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static char dir[64], path[128], csv[128];
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/remous-fuzzcsv-%ld", (long)getpid());
        mkdir(dir, 0700);
        snprintf(path, sizeof path, "%s/s.lua", dir);
        snprintf(csv, sizeof csv, "%s/d.csv", dir);
        FILE *f = fopen(path, "w");
        if (f) {
            fputs("scenario 'f' { horizon = 100, replications = 1 }\n"
                  "arrivals 'a' { interarrival = empirical('d.csv', 'gap'), to = 'exit', limit = 20 }\n", f);
            fclose(f);
        }
    }
    FILE *f = fopen(csv, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    remous_options opt = remous_default_options();
    char err[1024];
    remous_scenario *sc = remous_open(path, &opt, err, sizeof err);
    remous_close(sc);                            /* loading is what is fuzzed: a run may take hours */
    return 0;
}
