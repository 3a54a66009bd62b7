/* A set of output files (summary.csv, replications.csv, ...) put into a
 * folder as one: an interrupted write leaves the folder's old set whole, or
 * the new one whole, never some of each.
 *
 * The set is written into a fresh folder next to it (PARENT/.NAME.remous-PID),
 * then swapped with it in one rename (Linux's RENAME_EXCHANGE), or renamed
 * to its name when it did not exist. The folder's other files (a report
 * written there before) are linked into the new folder first, so they stay;
 * a file of the set that this write does not make (compare.csv after a
 * `run`) goes with the old set. Where a swap cannot be made (the folder is
 * ".", a link, holds sub-folders, or its file system cannot swap), each file
 * is renamed into place in turn, as a single file always is. What a killed
 * write left (a fresh folder, a temporary file of a process that is gone)
 * is removed by the next write into the same folder or next to it. */
#ifndef RM_OUTSET_H
#define RM_OUTSET_H

#include <stddef.h>

typedef struct rm_outset {
    char dir[4096];           /* where the set goes */
    char work[8400];          /* where its files are written now: a fresh folder, or dir itself */
    int in_place;             /* no swap: the files are renamed into dir one by one */
} rm_outset;

/* Makes dir's parents and the folder to write into (s->work). Returns 0,
 * or -1 with the reason in err. */
int rm_outset_begin(rm_outset *s, const char *dir, char *err, size_t errlen);

/* Puts the files written into s->work in place, all at once. Returns 0, or
 * -1 with the reason in err (dir then holds its old set). */
int rm_outset_commit(rm_outset *s, char *err, size_t errlen);

/* Gives up: removes the fresh folder and what was written into it. */
void rm_outset_abort(rm_outset *s);

#endif
