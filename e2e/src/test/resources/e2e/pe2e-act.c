/*
 * pe2e-act: the actions of the end-to-end tests that no standard tool performs.
 *   pe2e-act setuid MARKER   setuid(0) (run as root: succeeds, as the rule wants)
 *   pe2e-act ptrace MARKER   PTRACE_ATTACH to a child of its own, then detach and kill it
 *   pe2e-act memfd MARKER    copy /bin/true into a memfd named MARKER and execute it from there
 * MARKER only makes the command line unique to one action of one test run.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
extern char **environ;
int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: %s setuid|ptrace|memfd MARKER\n", argv[0]); return 2; }
  const char *what = argv[1], *marker = argv[2];
  if (!strcmp(what, "setuid")) { if (setuid(0) != 0) { perror("setuid"); return 1; } return 0; }
  if (!strcmp(what, "ptrace")) {
    pid_t c = fork();
    if (c < 0) { perror("fork"); return 1; }
    if (c == 0) { for (;;) pause(); }
    int st;
    if (ptrace(PTRACE_ATTACH, c, 0, 0) != 0) { perror("ptrace"); kill(c, SIGKILL); return 1; }
    waitpid(c, &st, 0);
    ptrace(PTRACE_DETACH, c, 0, 0);
    kill(c, SIGKILL); waitpid(c, &st, 0);
    return 0;
  }
  if (!strcmp(what, "memfd")) {
    int fd = memfd_create(marker, 0);
    int in = open("/bin/true", O_RDONLY);
    if (fd < 0 || in < 0) { perror("memfd"); return 1; }
    char buf[65536]; ssize_t n;
    while ((n = read(in, buf, sizeof buf)) > 0) if (write(fd, buf, n) != n) { perror("write"); return 1; }
    close(in);
    char *args[] = { "memfd-true", (char *) marker, NULL };
    fexecve(fd, args, environ);
    perror("fexecve"); return 1;
  }
  fprintf(stderr, "unknown action %s\n", what); return 2;
}
