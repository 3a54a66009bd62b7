/* Writing a CSV file safely (output.c): RFC 4180, fields escaped by libcsv
 * when they need it, through a temporary file renamed into place on close. */
#ifndef RM_CSV_OUT_H
#define RM_CSV_OUT_H

#include <stddef.h>
#include <stdio.h>

typedef struct rm_csv {
    FILE *f;
    char tmp[4096], path[4096];
    int first;                /* next field is the first of its row */
    int failed;
} rm_csv;

/* Creates dir and its parents as needed. Returns 0, or -1 with the message. */
int rm_make_dirs(const char *dir, char *err, size_t errlen);

/* 0 if path may be replaced by a file written to a temporary name and
 * renamed: nothing is there, or a regular file (links followed). A device
 * (/dev/null), a pipe, a socket or a folder would be replaced by the rename
 * (or, for a folder, refused with a vague error): -1 with the message. */
int rm_output_replaceable(const char *path, char *err, size_t errlen);

/* Opens dir/name for writing (refused where rm_output_replaceable is) (as a temporary file). Returns 0 or -1. */
int rm_csv_open(rm_csv *o, const char *dir, const char *name, char *err, size_t errlen);
void rm_csv_field(rm_csv *o, const char *s);
void rm_csv_number(rm_csv *o, double v);          /* NaN: an empty field */
void rm_csv_integer(rm_csv *o, long v);
/* v exactly as snprintf's "%.10g" writes it, without printf for most values
 * (a large output is mostly numbers: printf's exact decimal conversion
 * was the most of replications.csv's time). */
#define RM_G10_LEN 32
void rm_format_g10(char buf[RM_G10_LEN], double v);
void rm_csv_end_row(rm_csv *o);
void rm_csv_row(rm_csv *o, const char *const *fields);   /* NULL-terminated */
/* Flushes, closes and renames into place; removes the temporary file on
 * any error. Returns 0 or -1. */
int rm_csv_close(rm_csv *o, char *err, size_t errlen);

/* Whether rm_csv_close syncs each file to the disk (1, the default). A
 * sweep's points are written unsynced (0): a sync per file made the disk,
 * not the cores, set the pace of a sweep; a point a power cut damaged is
 * found when the points are put together (point_check.h), and named. */
void rm_csv_set_durable(int on);

/* The batch's sync of those unsynced files: the file system holding dir
 * synced (syncfs) when this process last did it a second ago or more, or
 * `now`. A sweep's process calls it after each point and once at the end:
 * one sync per batch of points, so that a power cut loses at most the last
 * second's points (named by the merge, run again by --resume); a killed
 * sweep loses nothing (its files are the kernel's). Returns 0 or -1. */
int rm_csv_sync_batch(const char *dir, int now);

#endif
