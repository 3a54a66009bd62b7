/* libFuzzer target: the calendar parsers (opening hours, points of the
 * week, the scenario's start) on any text, then the profile's queries. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    char err[512];
    rm_profile p;
    rm_profile_init(&p, 10080, 0);
    if (rm_calendar_parse(&p, text, err, sizeof err) == 0) {
        double t = 0;
        for (int i = 0; i < 50; i++) {           /* the queries stay sane */
            double next = rm_profile_next_change(&p, t);
            if (!(next > t))
                break;
            (void)rm_profile_integral(&p, t, next);
            (void)rm_profile_advance(&p, t, 7);
            t = next;
        }
    }
    rm_profile_free(&p);
    double *times;
    int n;
    if (rm_calendar_parse_points(text, 10080, &times, &n, err, sizeof err) == 0)
        free(times);
    double offset;
    (void)rm_calendar_parse_start(text, 10080, &offset, err, sizeof err);
    free(text);
    return 0;
}
