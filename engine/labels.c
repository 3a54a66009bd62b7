/* What people read instead of names, see labels.h. */
#include "labels.h"
#include "words.h"

#include <stdio.h>
#include <string.h>


void rm_utf8_cut(char *s, size_t max) {
    size_t n = strlen(s);
    if (n <= max)
        return;
    n = max;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;                                     /* s[n] continues a character: cut before it */
    s[n] = '\0';
}

size_t rm_utf8_length(const char *s) {
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* src into buf (len >= 1 bytes), cut at a character boundary. */
static void copy_cut(char *buf, size_t len, const char *src) {
    size_t n = strlen(src);
    if (n >= len)
        for (n = len - 1; n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80; n--)
            ;                                    /* src[n] continues a character: cut before it */
    memcpy(buf, src, n);
    buf[n] = '\0';
}

const char *rm_shown(const char *label, const char *name, char *buf, size_t len) {
    if (len == 0)
        return buf;
    int labelled = label && label[0];
    copy_cut(buf, len, labelled ? label : name ? name : "");
    if (!labelled)
        for (char *c = buf; *c; c++)
            if (*c == '_')
                *c = ' ';
    return buf;
}

/* The label of the element called name in an array of n structs, each
 * starting with its name and label (as every element struct of model.h). */
#define FIND_LABEL(array, n, name)                                   \
    do {                                                             \
        for (int i_ = 0; (array) && i_ < (n); i_++)                  \
            if (strcmp((array)[i_].name, (name)) == 0)               \
                return (array)[i_].label;                            \
    } while (0)

const char *rm_element_label(const rm_model *m, const char *element, const char *name) {
    if (strcmp(element, "queue") == 0)
        FIND_LABEL(m->queues, m->nqueues, name);
    else if (strcmp(element, "role") == 0)
        FIND_LABEL(m->roles, m->nroles, name);
    else if (strcmp(element, "activity") == 0)
        FIND_LABEL(m->activities, m->nactivities, name);
    else if (strcmp(element, "arrivals") == 0)
        FIND_LABEL(m->arrivals, m->narrivals, name);
    else if (strcmp(element, "tool") == 0)
        FIND_LABEL(m->tools, m->ntools, name);
    else if (strcmp(element, "metric") == 0)
        FIND_LABEL(m->derived, m->nderived, name);
    else if (strcmp(element, "scenario") == 0 && strcmp(m->name, name) == 0)
        return m->label;
    return NULL;
}

const char *rm_label_of(const rm_model *m, const char *element, const char *name, const char *lang,
                        char *buf, size_t len) {
    if (m && strcmp(element, "person") == 0) {
        const char *hash = strrchr(name, '#');   /* role#K: the role's name may hold a # too */
        for (int r = 0; hash && r < m->nroles; r++) {
            const char *role = m->roles[r].name;
            if (strlen(role) == (size_t)(hash - name) && strncmp(role, name, (size_t)(hash - name)) == 0) {
                char who[256], whole[300];
                rm_shown(m->roles[r].label, role, who, sizeof who);
                snprintf(whole, sizeof whole, rm_word(lang, "labels.person"), who, hash + 1);
                copy_cut(buf, len, whole);
                return buf;
            }
        }
    }
    return rm_shown(m ? rm_element_label(m, element, name) : NULL, name, buf, len);
}

const char *rm_kind_label(const rm_model *m, const char *kind, const char *lang, char *buf, size_t len) {
    for (int k = 0; m && m->kind_labels && k < m->nkinds; k++)
        if (strcmp(m->kinds[k], kind) == 0 && m->kind_labels[k][0])
            return rm_shown(m->kind_labels[k], kind, buf, len);
    if (strcmp(kind, "work") == 0)               /* the default kind, unlabelled */
        return rm_shown(rm_word(lang, "labels.work"), kind, buf, len);
    return rm_shown(NULL, kind, buf, len);
}

const char *rm_variant_label(const rm_model *m, const char *variant, const char *lang, char *buf, size_t len) {
    if (strcmp(variant, "baseline") == 0)
        return rm_shown(rm_word(lang, "labels.baseline"), variant, buf, len);
    return rm_shown(m ? m->variant_label : NULL, variant, buf, len);
}

const char *rm_param_label(const rm_param *p, char *buf, size_t len) {
    return rm_shown(p->label, p->name, buf, len);
}
