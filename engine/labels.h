/* What people read instead of names. A name is an identifier (the scenario,
 * the CSV files, --set and --rank use it); a label is words ("booksellers",
 * "advising readers"). Where an element has no label, people read its name
 * with each `_` shown as a space ("count_the_till" reads "count the till").
 * The digest, the table, the report, the workshop and the sweep pages ask
 * here; the CSV writers never do. */
#ifndef RM_LABELS_H
#define RM_LABELS_H

#include <stddef.h>

#include "model.h"

/* The label if not empty, else the name with `_` as spaces, into buf (len
 * bytes, cut at a UTF-8 character boundary when too long); returns buf. */
const char *rm_shown(const char *label, const char *name, char *buf, size_t len);

/* What people read for `name`, an element of m of kind `element` as the
 * CSV files write it ("queue", "role", "person", "activity", "arrivals",
 * "tool", "scenario", "metric": a metric the scenario declares). A person, "role#K", reads as its role's label and
 * its number ("booksellers #2"; "libraires nº 2" in French). An element m
 * does not have reads as its name. Returns buf. */
const char *rm_label_of(const rm_model *m, const char *element, const char *name, const char *lang,
                        char *buf, size_t len);

/* The label of the element of m called name ("" when it has none), or
 * NULL when m has no such element; element as for rm_label_of, not "person". */
const char *rm_element_label(const rm_model *m, const char *element, const char *name);

/* A kind's words, from the scenario's `kinds`. Returns buf. */
const char *rm_kind_label(const rm_model *m, const char *kind, const char *lang, char *buf, size_t len);

/* A run's words: the variant's label, or "baseline" ("situation actuelle"
 * in French) for the file itself. m is that run's model. Returns buf. */
const char *rm_variant_label(const rm_model *m, const char *variant, const char *lang, char *buf, size_t len);

/* A param's words: its label (the third argument of param), else its name. */
const char *rm_param_label(const rm_param *p, char *buf, size_t len);

/* Cuts s to at most max bytes (max >= 1) without splitting a UTF-8
 * character. */
void rm_utf8_cut(char *s, size_t max);

/* The characters of UTF-8 text s (a terminal shows most in one column). */
size_t rm_utf8_length(const char *s);

#endif
