/* A sweep point's CSV file checked before it joins the final files (see
 * point_check.h). A damaged shard (a disk that filled, a copy cut short, a
 * file edited by hand) must not be concatenated into results that look whole. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "point_check.h"

/* The columns output.c writes, the grid's inserted before `grid_before`;
 * `numbers` marks the columns that hold a number or nothing. */
static const struct layout {
    const char *name;
    const char *columns[10];
    const char *grid_before;
    const char *numbers;      /* one char per column: 'n' a number, '-' text */
} layouts[] = {
    {"summary.csv", {"variant", "element", "name", "metric", "mean", "ci95_low", "ci95_high", "stdev", "n"},
     "metric", "----nnnnn"},
    {"replications.csv", {"variant", "replication", "element", "name", "metric", "value"}, "metric", "-n---n"},
    {"timeseries.csv", {"variant", "period_start", "element", "name", "metric", "mean", "ci95_low", "ci95_high"},
     "metric", "-n---nnn"},
    {"params.csv", {"variant", "name", "value", "source"}, "name", "----"},
};

#define MAX_COLUMNS (10 + 64)

typedef struct checker {
    const rm_point_key *key;
    const char *path;
    const char *columns[MAX_COLUMNS];   /* the header expected */
    char kind[MAX_COLUMNS];             /* 'n' a number, 'g' grid value g, 'v' the variant, '-' text */
    int grid_at[MAX_COLUMNS];
    int ncolumns;
    size_t field;             /* of the row being read */
    long row;                 /* 1: the header */
    char *err;
    size_t errlen;
} checker;

/* What output.c writes for a number: %.10g, or nothing. */
static int is_number(const char *s, size_t len) {
    if (len == 0)
        return 1;
    if (len > 40)
        return 0;
    char buf[48], *end;
    memcpy(buf, s, len);
    buf[len] = '\0';
    if (strstr(buf, "0x") || strstr(buf, "0X") || !(buf[0] == '-' || buf[0] == 'i' || (buf[0] >= '0' && buf[0] <= '9')))
        return 0;
    strtod(buf, &end);
    return *end == '\0';
}

/* A field, shown on one line and short. */
static void shown(const char *s, size_t len, char *out, size_t outlen) {
    size_t k = 0;
    for (; k < len && k + 1 < outlen && k < 40; k++)
        out[k] = (unsigned char)s[k] < ' ' ? '?' : s[k];
    out[k] = '\0';
}

static void on_field(void *data, size_t len, void *ctx) {
    checker *c = ctx;
    const char *s = data ? data : "";
    size_t f = c->field++;
    if (c->err[0])
        return;
    if (f >= (size_t)c->ncolumns)
        return;                                  /* counted at the end of the row */
    char what[64];
    if (c->row == 1) {
        if (len != strlen(c->columns[f]) || memcmp(s, c->columns[f], len) != 0) {
            shown(s, len, what, sizeof what);
            snprintf(c->err, c->errlen, "%s:1: column %zu of the header is \"%s\", where remous writes \"%s\"", c->path, f + 1, what, c->columns[f]);
        }
        return;
    }
    const char *want = c->kind[f] == 'v' ? c->key->variant : c->kind[f] == 'g' ? c->key->grid_values[c->grid_at[f]] : NULL;
    if (want && (len != strlen(want) || memcmp(s, want, len) != 0)) {
        shown(s, len, what, sizeof what);
        snprintf(c->err, c->errlen, "%s:%ld: %s is \"%s\" where this point has \"%s\"",
                 c->path, c->row, c->columns[f], what, want);
    } else if (c->kind[f] == 'n' && !is_number(s, len)) {
        shown(s, len, what, sizeof what);
        snprintf(c->err, c->errlen, "%s:%ld: column \"%s\": \"%s\" is not a number", c->path,
                 c->row, c->columns[f], what);
    }
}

static void on_row(int term, void *ctx) {
    checker *c = ctx;
    (void)term;
    if (!c->err[0] && c->field != (size_t)c->ncolumns) {
        if (c->row == 1)
            snprintf(c->err, c->errlen, "%s:1: the header has %zu columns where remous writes %d", c->path, c->field, c->ncolumns);
        else
            snprintf(c->err, c->errlen, "%s:%ld: %zu fields where the header has %d", c->path,
                     c->row, c->field, c->ncolumns);
    }
    c->row++;
    c->field = 0;
}

int rm_point_check(const char *path, const char *name, const char *text, size_t len, const rm_point_key *key,
                   char *err, size_t errlen) {
    const struct layout *lay = NULL;
    for (size_t i = 0; i < sizeof layouts / sizeof layouts[0]; i++)
        if (strcmp(layouts[i].name, name) == 0)
            lay = &layouts[i];
    if (!lay || key->ngrid > 64) {
        snprintf(err, errlen, "%s: not a file of a sweep's point", path);
        return -1;
    }
    checker c = {.key = key, .path = path, .row = 1, .err = err, .errlen = errlen};
    err[0] = '\0';
    for (int i = 0; lay->columns[i]; i++) {
        if (strcmp(lay->columns[i], lay->grid_before) == 0)
            for (int g = 0; g < key->ngrid; g++) {
                c.columns[c.ncolumns] = key->grid_names[g];
                c.kind[c.ncolumns] = 'g';
                c.grid_at[c.ncolumns++] = g;
            }
        c.columns[c.ncolumns] = lay->columns[i];
        c.kind[c.ncolumns++] = i == 0 ? 'v' : lay->numbers[i] == 'n' ? 'n' : '-';
    }
    if (len == 0) {
        snprintf(err, errlen, "%s:1: the file is empty", path);
        return -1;
    }
    if (memchr(text, '\0', len)) {
        long line = 1;
        for (const char *p = text; *p; p++)
            line += *p == '\n';
        snprintf(err, errlen, "%s:%ld: a NUL byte", path, line);
        return -1;
    }
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    size_t used = csv_parse(&p, text, len, on_field, on_row, &c);
    if (!err[0] && used != len)
        snprintf(err, errlen, "%s:%ld: not CSV as remous writes it (%s)", path, c.row,
                 csv_strerror(csv_error(&p)));
    if (!err[0] && text[len - 1] != '\n')       /* rows end with CRLF: a file cut short does not */
        snprintf(err, errlen, "%s:%ld: the last line is cut short", path, c.row);
    if (!err[0] && csv_fini(&p, on_field, on_row, &c) != 0)
        snprintf(err, errlen, "%s:%ld: not CSV as remous writes it (%s)", path, c.row,
                 csv_strerror(csv_error(&p)));
    csv_free(&p);
    if (!err[0] && c.row <= 2)
        snprintf(err, errlen, "%s:2: the header and no rows", path);
    return err[0] ? -1 : 0;
}
