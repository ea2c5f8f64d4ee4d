/*
 * storm: the pipeline benchmark's syscall load, native so that the load generator is not what
 * the benchmark measures. The calls mirror what the rules' interest selects: openat of /dev/null
 * (in the interest: evaluated) and its close (captured and tracked by state, outside the
 * interest), in batches of 64 pairs; after each batch a TCP connect to a local listener (socket,
 * connect, close); every 4096 pairs a spawn of /bin/true (fork and exec in the interest).
 *
 *   storm RATE SECONDS PORT CPU
 *     RATE     syscalls per second to aim at; 0 runs flat out
 *     SECONDS  how long to storm
 *     PORT     local TCP port to connect to after each batch; 0 leaves connects out
 *     CPU      CPU to pin the storm to; -1 leaves it unpinned
 *
 * Paced by a token bucket on the monotonic clock (read through the vDSO, no syscall): a batch
 * starts only when the calls made so far are behind the target; otherwise the storm sleeps until
 * the batch is due. Prints one line: calls made (openat, close, socket, connect; a spawn's own
 * calls are left out), seconds, and the CPU the storm and its spawned children used
 * (getrusage), in microseconds of user and system time.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sched.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

enum { PAIRS_PER_BATCH = 64, PAIRS_PER_SPAWN = 4096 };

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static long usec(struct timeval t) { return t.tv_sec * 1000000L + t.tv_usec; }

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: %s RATE SECONDS PORT CPU\n", argv[0]);
    return 2;
  }
  double rate = atof(argv[1]), secs = atof(argv[2]);
  int port = atoi(argv[3]), cpu = atoi(argv[4]);
  if (rate < 0 || secs <= 0 || port < 0 || port > 65535) {
    fprintf(stderr, "storm: bad RATE, SECONDS or PORT\n");
    return 2;
  }
  if (cpu >= 0) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set) != 0) {
      perror("storm: sched_setaffinity");
      return 1;
    }
  }
  struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  char *const spawn_argv[] = {"/bin/true", NULL};
  long made = 0, pairs = 0, failed = 0;
  double t0 = now(), end = t0 + secs, t;
  while ((t = now()) < end) {
    if (rate > 0 && made >= (t - t0) * rate) {
      // ahead of the target: sleep until the next batch is due (never past the end)
      double due = t0 + (made + 1) / rate;
      if (due > end) due = end;
      double wait = due - t;
      struct timespec ts = {(time_t) wait, (long) ((wait - (time_t) wait) * 1e9)};
      nanosleep(&ts, NULL);
      continue;
    }
    for (int i = 0; i < PAIRS_PER_BATCH; i++) {
      int fd = open("/dev/null", O_RDONLY);
      if (fd < 0) { failed++; made++; continue; }
      close(fd);
      made += 2;
      if (++pairs % PAIRS_PER_SPAWN == 0) {
        pid_t child;
        if (posix_spawn(&child, "/bin/true", NULL, NULL, spawn_argv, environ) == 0) waitpid(child, NULL, 0);
        else failed++;
      }
    }
    if (port > 0) {
      int s = socket(AF_INET, SOCK_STREAM, 0);
      made++;
      if (s >= 0) {
        if (connect(s, (struct sockaddr *) &to, sizeof to) != 0) failed++;
        close(s);
        made += 2;
      } else {
        failed++;
      }
    }
  }
  double took = now() - t0;
  struct rusage self, kids;
  getrusage(RUSAGE_SELF, &self);
  getrusage(RUSAGE_CHILDREN, &kids);
  printf("made %ld seconds %.6f user_us %ld system_us %ld failed %ld\n", made, took,
         usec(self.ru_utime) + usec(kids.ru_utime), usec(self.ru_stime) + usec(kids.ru_stime), failed);
  return failed > made / 100 ? 1 : 0;
}
