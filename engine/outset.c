/* A set of output files put into a folder as one (see outset.h). */
#define _GNU_SOURCE                 /* renameat2 and RENAME_EXCHANGE (Linux, glibc 2.28) */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outset.h"

#include "csv_out.h"

/* The files of a set (what output.c writes): a folder's other files are
 * kept, these are replaced, or dropped when this write does not make them. */
static const char *const set_files[] = {"summary.csv", "replications.csv", "timeseries.csv", "params.csv",
                                        "compare.csv", NULL};

static int in_set(const char *name) {
    for (int i = 0; set_files[i]; i++)
        if (strcmp(name, set_files[i]) == 0)
            return 1;
    return 0;
}

/* Whether process pid may still be writing (it exists). */
static int alive(long pid) {
    return pid > 0 && (kill((pid_t)pid, 0) == 0 || errno == EPERM);
}

/* The pid at the end of name after prefix ("PREFIX1234"), or 0. */
static long pid_after(const char *name, const char *prefix) {
    size_t n = strlen(prefix);
    if (strncmp(name, prefix, n) != 0 || !name[n])
        return 0;
    char *end;
    long pid = strtol(name + n, &end, 10);
    return *end == '\0' ? pid : 0;
}

/* A temporary file of the set left by a write that was killed:
 * ".summary.csv.tmp.PID" (output.c's) of a process that is gone. */
static int stale_tmp(const char *name) {
    if (name[0] != '.')
        return 0;
    for (int i = 0; set_files[i]; i++) {
        char prefix[64];
        snprintf(prefix, sizeof prefix, ".%s.tmp.", set_files[i]);
        long pid = pid_after(name, prefix);
        if (pid)
            return !alive(pid);
    }
    return 0;
}

/* Removes folder path and the files in it (a set's folder holds nothing else). */
static void remove_folder(const char *path) {
    DIR *d = opendir(path);
    if (d) {
        for (struct dirent *e; (e = readdir(d)); )
            if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
                unlinkat(dirfd(d), e->d_name, 0);
        closedir(d);
    }
    rmdir(path);
}

/* Whether dir can be swapped whole: a real folder (not a link) holding
 * files only. 1 when it does not exist yet. */
static int swappable(const char *dir) {
    struct stat st;
    if (lstat(dir, &st) != 0)
        return errno == ENOENT;
    if (!S_ISDIR(st.st_mode))
        return 0;
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int files_only = 1;
    for (struct dirent *e; files_only && (e = readdir(d)); ) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        struct stat es;
        files_only = fstatat(dirfd(d), e->d_name, &es, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISDIR(es.st_mode);
    }
    closedir(d);
    return files_only;
}

/* The temporary files of writes killed earlier, in dir. */
static void remove_stale_tmps(const char *dir) {
    DIR *d = opendir(dir);
    if (!d)
        return;
    for (struct dirent *e; (e = readdir(d)); )
        if (stale_tmp(e->d_name))
            unlinkat(dirfd(d), e->d_name, 0);
    closedir(d);
}

int rm_outset_begin(rm_outset *s, const char *dir, char *err, size_t errlen) {
    snprintf(s->dir, sizeof s->dir, "%s", dir);
    size_t n = strlen(s->dir);
    while (n > 1 && s->dir[n - 1] == '/')        /* "out/" is "out" */
        s->dir[--n] = '\0';
    const char *slash = strrchr(s->dir, '/');
    const char *base = slash ? slash + 1 : s->dir;
    char parent[4096];
    snprintf(parent, sizeof parent, "%.*s", slash ? (int)(slash - s->dir) + (slash == s->dir) : 1,
             slash ? s->dir : ".");
    s->in_place = strcmp(base, ".") == 0 || strcmp(base, "..") == 0 || !*base || !swappable(s->dir);
    if (s->in_place) {
        snprintf(s->work, sizeof s->work, "%s", s->dir);
        if (rm_make_dirs(s->dir, err, errlen) < 0)
            return -1;
        remove_stale_tmps(s->dir);
        return 0;
    }
    if (rm_make_dirs(parent, err, errlen) < 0)
        return -1;
    char prefix[4200];                           /* the fresh folders of killed writes: gone */
    snprintf(prefix, sizeof prefix, ".%s.remous-", base);
    /* looked for once per folder and thread: a sweep writes 100000 points
     * into one folder, which a look at each would read 100000 times */
    static _Thread_local char scanned[4096];
    int again = strcmp(scanned, parent) == 0;
    snprintf(scanned, sizeof scanned, "%s", parent);
    DIR *d = again ? NULL : opendir(parent);
    for (struct dirent *e; d && (e = readdir(d)); ) {   /* ".NAME.remous-PID", of any NAME there */
        const char *mark = e->d_name[0] == '.' ? strstr(e->d_name, ".remous-") : NULL;
        long pid = mark && mark > e->d_name ? pid_after(mark, ".remous-") : 0;
        if (pid && pid != (long)getpid() && !alive(pid)) {    /* (this process's: a write under way in a thread) */
            char stale[8400];
            snprintf(stale, sizeof stale, "%s/%s", parent, e->d_name);
            remove_folder(stale);
        }
    }
    if (d)
        closedir(d);
    snprintf(s->work, sizeof s->work, "%s/%s%ld", parent, prefix, (long)getpid());
    if (mkdir(s->work, 0777) != 0) {
        snprintf(err, errlen, "cannot write %s: %s", s->dir, strerror(errno));
        return -1;
    }
    struct stat st;                              /* the folder's permissions (a private one stays so) */
    if (stat(s->dir, &st) == 0)
        chmod(s->work, st.st_mode & 07777);
    remove_stale_tmps(s->dir);
    return 0;
}

/* Links dir's files that are not of the set into the fresh folder: they
 * stay through the swap. Returns 0 or -1. */
static int carry_over(const rm_outset *s) {
    DIR *d = opendir(s->dir);
    int w = open(s->work, O_RDONLY | O_DIRECTORY);
    int rc = d && w >= 0 ? 0 : -1;
    for (struct dirent *e; rc == 0 && (e = readdir(d)); ) {
        const char *name = e->d_name;
        if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0 || in_set(name) || stale_tmp(name))
            continue;
        if (linkat(dirfd(d), name, w, name, 0) != 0 && errno != EEXIST)
            rc = -1;                             /* a folder, or a file we may not link: no swap */
    }
    if (d)
        closedir(d);
    if (w >= 0)
        close(w);
    return rc;
}

/* The fallback: each file of the fresh folder renamed into dir. */
static int move_each(rm_outset *s, char *err, size_t errlen) {
    DIR *d = opendir(s->work);
    int rc = 0;
    for (struct dirent *e; d && rc == 0 && (e = readdir(d)); ) {
        if (!in_set(e->d_name))
            continue;
        char from[8800], to[8800];
        snprintf(from, sizeof from, "%s/%s", s->work, e->d_name);
        snprintf(to, sizeof to, "%s/%s", s->dir, e->d_name);
        if (rename(from, to) != 0) {
            snprintf(err, errlen, "cannot write %s: %s", to, strerror(errno));
            rc = -1;
        }
    }
    if (d)
        closedir(d);
    remove_folder(s->work);
    return rc;
}

int rm_outset_commit(rm_outset *s, char *err, size_t errlen) {
    if (s->in_place)
        return 0;                                /* each file is in place already */
    if (rename(s->work, s->dir) == 0)            /* dir did not exist (or was an empty folder) */
        return 0;
    if (errno != EEXIST && errno != ENOTEMPTY) {
        snprintf(err, errlen, "cannot write %s: %s", s->dir, strerror(errno));
        rm_outset_abort(s);
        return -1;
    }
    if (carry_over(s) != 0 || renameat2(AT_FDCWD, s->work, AT_FDCWD, s->dir, RENAME_EXCHANGE) != 0) {
        if (rm_make_dirs(s->dir, err, errlen) < 0) {
            rm_outset_abort(s);
            return -1;
        }
        return move_each(s, err, errlen);
    }
    remove_folder(s->work);                      /* now the old set (and links to the files kept) */
    return 0;
}

void rm_outset_abort(rm_outset *s) {
    if (!s->in_place)
        remove_folder(s->work);
}
