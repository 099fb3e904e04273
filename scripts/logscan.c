/*
 * logscan: the floor of a byte scan of a jPOS log. Counts the "<log " entries of FILE on one core, reading it with
 * read() into a 1 MiB buffer and finding each occurrence with memmem (an entry split between two reads is still
 * counted: the buffer keeps the last 4 bytes of the read before). Prints the count. Used by scripts/bench, which
 * compiles it into bench-data/ on first use (gcc -O2).
 *
 *   logscan FILE
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BUF (1 << 20)
static const char NEEDLE[] = "<log ";
#define NLEN (sizeof NEEDLE - 1)

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: logscan FILE\n");
        return 2;
    }
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, "logscan: %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    static char buf[NLEN - 1 + BUF];
    size_t keep = 0; /* bytes carried over from the read before (at most NLEN - 1) */
    unsigned long long count = 0;
    for (;;) {
        ssize_t n = read(fd, buf + keep, BUF);
        if (n < 0) {
            if (errno == EINTR) continue;
            fprintf(stderr, "logscan: %s: %s\n", argv[1], strerror(errno));
            return 1;
        }
        if (n == 0) break;
        size_t len = keep + (size_t) n;
        const char *p = buf, *end = buf + len, *hit;
        while ((hit = memmem(p, (size_t) (end - p), NEEDLE, NLEN)) != NULL) {
            count++;
            p = hit + NLEN;
        }
        /* keep the tail that could begin an entry split by the next read (never part of a counted one) */
        keep = len < NLEN - 1 ? len : NLEN - 1;
        if ((size_t) (end - p) < keep) keep = (size_t) (end - p);
        memmove(buf, end - keep, keep);
    }
    close(fd);
    printf("%llu\n", count);
    return 0;
}
