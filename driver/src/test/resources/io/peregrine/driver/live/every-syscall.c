/* Makes one real call of every syscall the probe has a handler for, through syscall(2) so that the
 * C library picks no other call, and prints "name result" for each. Calls that would change the
 * host are made so that they fail harmlessly (a missing path, a bad fd): a failed call is recorded
 * like a successful one. Runs in its own directory (argv[1]). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/bpf.h>
#include <linux/capability.h>
#include <linux/openat2.h>
#include <linux/sched.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static long show(const char *name, long r)
{
	printf("%s %ld\n", name, r < 0 ? -1L : r);
	return r;
}

#define CALL(name, ...) show(#name, syscall(SYS_##name, ##__VA_ARGS__))

int main(int argc, char **argv)
{
	if (argc < 2 || chdir(argv[1]) != 0)
		return 2;
	setvbuf(stdout, NULL, _IOLBF, 0);
	char buf[64] = "x";
	long fd = CALL(open, "f1", O_CREAT | O_RDWR, 0600);
	CALL(write, fd, buf, 1);
	CALL(lseek, fd, 0, SEEK_SET);
	CALL(read, fd, buf, 1);
	CALL(close, fd);
	void *m = (void *)CALL(mmap, NULL, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CALL(mprotect, m, 4096, PROT_READ);
	int p[2];
	CALL(pipe, p);
	CALL(pipe2, p, O_CLOEXEC);
	CALL(dup, 0);
	CALL(dup2, 0, 100);
	CALL(dup3, 0, 101, O_CLOEXEC);
	CALL(fcntl, 0, F_GETFD);

	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t alen = sizeof(a);
	long srv = CALL(socket, AF_INET, SOCK_STREAM, 0);
	CALL(bind, srv, &a, sizeof(a));
	getsockname(srv, (struct sockaddr *)&a, &alen);
	CALL(listen, srv, 4);
	long cli = socket(AF_INET, SOCK_STREAM, 0);
	CALL(connect, cli, &a, sizeof(a));
	long acc = CALL(accept, srv, NULL, NULL);
	long cli2 = socket(AF_INET, SOCK_STREAM, 0);
	connect(cli2, (struct sockaddr *)&a, sizeof(a));
	CALL(accept4, srv, NULL, NULL, SOCK_CLOEXEC);
	/* the listener again through its IPv4-mapped address, and ::1 at its port (refused, or not
	 * reachable without IPv6: the addresses are recorded either way) */
	struct sockaddr_in6 m6 = {.sin6_family = AF_INET6, .sin6_port = a.sin_port};
	m6.sin6_addr.s6_addr[10] = 0xff;
	m6.sin6_addr.s6_addr[11] = 0xff;
	memcpy(&m6.sin6_addr.s6_addr[12], &a.sin_addr, 4);
	long cli6 = socket(AF_INET6, SOCK_STREAM, 0);
	connect(cli6, (struct sockaddr *)&m6, sizeof(m6));
	struct sockaddr_in6 l6 = {.sin6_family = AF_INET6, .sin6_port = a.sin_port, .sin6_addr = IN6ADDR_LOOPBACK_INIT};
	long lo6 = socket(AF_INET6, SOCK_STREAM, 0);
	connect(lo6, (struct sockaddr *)&l6, sizeof(l6));
	CALL(sendto, cli, "ab", 2, 0, NULL, 0);
	CALL(recvfrom, acc, buf, 2, 0, NULL, NULL);
	struct iovec iov = {.iov_base = buf, .iov_len = 2};
	struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1};
	CALL(sendmsg, cli, &mh, 0);
	CALL(recvmsg, acc, &mh, 0);
	CALL(shutdown, cli, SHUT_RDWR);
	int sp[2];
	CALL(socketpair, AF_UNIX, SOCK_STREAM, 0, sp);

	CALL(mkdir, "d1", 0750);
	CALL(chdir, "d1");
	long dfd = open("..", O_RDONLY | O_DIRECTORY);
	CALL(fchdir, dfd);
	CALL(rmdir, "d1");
	CALL(mkdirat, AT_FDCWD, "d2", 0750);
	CALL(unlinkat, AT_FDCWD, "d2", AT_REMOVEDIR);
	CALL(rename, "f1", "f2");
	CALL(renameat, AT_FDCWD, "f2", AT_FDCWD, "f3");
	CALL(renameat2, AT_FDCWD, "f3", AT_FDCWD, "f1", 0);
	CALL(creat, "f4", 0600);
	CALL(link, "f1", "l1");
	CALL(linkat, AT_FDCWD, "f1", AT_FDCWD, "l2", 0);
	CALL(symlink, "f1", "s1");
	CALL(symlinkat, "f1", AT_FDCWD, "s2");
	CALL(unlink, "l1");
	CALL(chmod, "f1", 0640);
	long f1 = CALL(openat, AT_FDCWD, "f1", O_RDONLY);
	struct open_how how = {.flags = O_RDONLY};
	CALL(openat2, AT_FDCWD, "f1", &how, sizeof(how));
	CALL(fchmod, f1, 0600);
	CALL(fchmodat, AT_FDCWD, "f1", 0644, 0);
	CALL(chown, "f1", 0, 0);
	CALL(fchown, f1, 0, 0);
	CALL(lchown, "s1", 0, 0);
	CALL(fchownat, AT_FDCWD, "f1", 0, 0, 0);
	CALL(memfd_create, "every-syscall", 0);

	CALL(setuid, getuid());
	CALL(setgid, getgid());
	CALL(setreuid, -1, -1);
	CALL(setregid, -1, -1);
	CALL(setresuid, -1, -1, -1);
	CALL(setresgid, -1, -1, -1);
	struct __user_cap_header_struct ch = {.version = _LINUX_CAPABILITY_VERSION_3};
	struct __user_cap_data_struct cd[2];
	syscall(SYS_capget, &ch, cd);
	CALL(capset, &ch, cd);
	CALL(prctl, PR_GET_DUMPABLE, 0, 0, 0, 0);
	CALL(chroot, "/nonexistent-peregrine");
	CALL(mount, "none", "/nonexistent-peregrine", "tmpfs", 0, NULL);
	CALL(umount2, "/nonexistent-peregrine", 0);
	CALL(init_module, NULL, 0, "");
	CALL(finit_module, -1, "", 0);
	CALL(unshare, 0);
	CALL(setns, -1, 0);
	CALL(userfaultfd, O_CLOEXEC);
	CALL(ptrace, PTRACE_PEEKDATA, 1, NULL, NULL);
	CALL(kill, getpid(), 0);
	CALL(tkill, gettid(), 0);
	CALL(tgkill, getpid(), gettid(), 0);

	/* bpf: a map every kernel with BPF has, and a two-instruction socket filter (r0 = 0; exit) */
	union bpf_attr attr;
	memset(&attr, 0, sizeof(attr));
	attr.map_type = BPF_MAP_TYPE_ARRAY;
	attr.key_size = 4;
	attr.value_size = 4;
	attr.max_entries = 1;
	long map = syscall(SYS_bpf, BPF_MAP_CREATE, &attr, sizeof(attr));
	printf("bpf_map_create %ld\n", map < 0 ? -1L : map);
	struct bpf_insn prog[2] = {
		{.code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 0},
		{.code = BPF_JMP | BPF_EXIT},
	};
	memset(&attr, 0, sizeof(attr));
	attr.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	attr.insns = (uintptr_t)prog;
	attr.insn_cnt = 2;
	attr.license = (uintptr_t)"GPL";
	long pl = syscall(SYS_bpf, BPF_PROG_LOAD, &attr, sizeof(attr));
	printf("bpf_prog_load %ld\n", pl < 0 ? -1L : pl);

	/* the process syscalls: each child exits at once, printing nothing; glibc's vfork() is the
	 * vfork syscall, and it must not return through syscall(2) in the child, which shares the
	 * parent's stack */
	long c = syscall(SYS_fork);
	if (c == 0)
		_exit(0);
	show("fork", c);
	waitpid(c, NULL, 0);
	c = vfork();
	if (c == 0)
		_exit(0);
	show("vfork", c);
	waitpid(c, NULL, 0);
	c = syscall(SYS_clone, SIGCHLD, 0, NULL, NULL, 0);
	if (c == 0)
		_exit(0);
	show("clone", c);
	waitpid(c, NULL, 0);
	struct clone_args ca = {.exit_signal = SIGCHLD};
	c = syscall(SYS_clone3, &ca, sizeof(ca));
	if (c == 0)
		_exit(0);
	show("clone3", c);
	waitpid(c, NULL, 0);
	char *args[] = {"none", NULL};
	CALL(execveat, AT_FDCWD, "/nonexistent-peregrine", args, args, 0);
	CALL(execve, "/nonexistent-peregrine", args, args);
	CALL(exit_group, 0);
	return 1;
}
