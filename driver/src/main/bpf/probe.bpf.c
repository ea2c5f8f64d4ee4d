// SPDX-License-Identifier: GPL-2.0
/* Peregrine syscall probe.
 *
 * Writes scap-layout records (little-endian: u64 ts, u64 tid, u32 len, u16 type, u32 nparams,
 * nparams u16 lengths, parameter bytes) into one BPF ring buffer. Exit events carry every
 * parameter of a call (at sys_exit the arguments are still in pt_regs and the result is known).
 * Enter events are produced only for the syscalls selected for enter, with the enter-side
 * parameters of the scap table, read at sys_enter before the kernel acts on them.
 * sched_process_fork produces the child-side clone record as soon as the child exists.
 *
 * Hot-path shape: sys_enter and sys_exit each check their own selection map (and then the exclusion:
 * excluded thread groups, excluded cgroups) and tail-call the handler of that syscall. An
 * unselected syscall costs the two hooks, one array lookup and a branch in each.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>
#include "peregrine.h"

char LICENSE[] SEC("license") = "GPL";

#define MAX_SYSCALLS 512
#define SCRATCH_SIZE (1 << 15)
#define SCRATCH_HALF (1 << 14)
#define SCRATCH_MASK (SCRATCH_HALF - 1)
#define MAX_PARAMS 32
#define MAX_PATH 4096    /* bound for one path or string parameter */
#define MAX_ARGS 4096    /* bound for execve argv (and env) bytes, documented in docs/driver.md */
#define MAX_ENV 1024
#define MAX_COMM 16
#define RINGBUF_SIZE (8 << 20)
#define TS_COMPAT 0x0002  /* thread_info.status: an ia32 syscall is running (x86_64) */

/* x86_64 syscall numbers used by the handlers' table. */
#define NR_read 0
#define NR_write 1
#define NR_open 2
#define NR_close 3
#define NR_dup 32
#define NR_dup2 33
#define NR_socket 41
#define NR_connect 42
#define NR_accept 43
#define NR_bind 49
#define NR_listen 50
#define NR_clone 56
#define NR_fork 57
#define NR_vfork 58
#define NR_execve 59
#define NR_kill 62
#define NR_rename 82
#define NR_creat 85
#define NR_unlink 87
#define NR_ptrace 101
#define NR_setuid 105
#define NR_setgid 106
#define NR_setreuid 113
#define NR_setregid 114
#define NR_setresuid 117
#define NR_setresgid 119
#define NR_tkill 200
#define NR_tgkill 234
#define NR_openat 257
#define NR_unlinkat 263
#define NR_renameat 264
#define NR_accept4 288
#define NR_dup3 292
#define NR_renameat2 316
#define NR_memfd_create 319
#define NR_execveat 322
#define NR_openat2 437
#define NR_mmap 9
#define NR_mprotect 10
#define NR_pipe 22
#define NR_shutdown 48
#define NR_socketpair 53
#define NR_fcntl 72
#define NR_chdir 80
#define NR_fchdir 81
#define NR_mkdir 83
#define NR_rmdir 84
#define NR_link 86
#define NR_symlink 88
#define NR_chmod 90
#define NR_fchmod 91
#define NR_chown 92
#define NR_fchown 93
#define NR_lchown 94
#define NR_capset 126
#define NR_prctl 157
#define NR_chroot 161
#define NR_mount 165
#define NR_umount2 166
#define NR_init_module 175
#define NR_mkdirat 258
#define NR_fchownat 260
#define NR_linkat 265
#define NR_symlinkat 266
#define NR_fchmodat 268
#define NR_unshare 272
#define NR_pipe2 293
#define NR_setns 308
#define NR_finit_module 313
#define NR_bpf 321
#define NR_userfaultfd 323
#define NR_sendto 44
#define NR_recvfrom 45
#define NR_sendmsg 46
#define NR_recvmsg 47
#define NR_clone3 435

struct scratch {
	__u8 data[SCRATCH_SIZE];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, RINGBUF_SIZE);
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, MAX_SYSCALLS);
	__type(key, __u32);
	__type(value, __u8);
} selection SEC(".maps");

/* Which syscalls produce an enter event: separate from `selection`, empty unless set from Java. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, MAX_SYSCALLS);
	__type(key, __u32);
	__type(value, __u8);
} enter_selection SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct pg_settings);
} settings SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct pg_counters);
} counters SEC(".maps");

/* Thread groups whose activity is not recorded (Peregrine's own processes), keyed by tgid as the
 * kernel knows it (the initial pid namespace's), never by name; the value holds PG_EXCL_* flags.
 * Set from Java; sched_fork adds the children of a group excluded with PG_EXCL_DESCENDANTS,
 * sched_exit removes a thread group when its last thread exits, so that a reused pid is never
 * excluded. A full map leaves the child visible: it fails towards being seen. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, PG_MAX_EXCLUDED_TGIDS);
	__type(key, __u32);
	__type(value, __u8);
} excluded_tgids SEC(".maps");

/* cgroup v2 ids (the cgroup directory's inode number) whose tasks, and those of every cgroup below
 * them, are not recorded. Set from Java. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, PG_MAX_EXCLUDED_CGROUPS);
	__type(key, __u64);
	__type(value, __u8);
} excluded_cgroups SEC(".maps");

/* One entry: non-zero when excluded_cgroups has entries, so that without excluded cgroups the
 * exclusion costs one hash lookup and no cgroup walk. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} cgroup_exclusion SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct scratch);
} scratch_map SEC(".maps");

/* ---------------------------------------------------------------- record building */

struct rec {
	__u8 *buf;
	__u32 pos;     /* next parameter byte */
	__u32 nparams;
	__u32 idx;     /* next parameter index */
};

static __always_inline struct pg_counters *cnt(void)
{
	__u32 zero = 0;
	return bpf_map_lookup_elem(&counters, &zero);
}

static __always_inline int rec_begin(struct rec *r, __u16 type, __u32 nparams)
{
	__u32 zero = 0;
	r->buf = bpf_map_lookup_elem(&scratch_map, &zero);
	if (!r->buf)
		return -1;
	r->nparams = nparams;
	r->idx = 0;
	r->pos = PG_HEADER_SIZE + nparams * 2;
	struct pg_settings *s = bpf_map_lookup_elem(&settings, &zero);
	__u64 ts = bpf_ktime_get_boot_ns() + (s ? s->boot_time_ns : 0);
	__u64 tid = (__u32)bpf_get_current_pid_tgid();
	/* Plain stores even where unaligned: x86_64 has efficient unaligned access and the verifier
	 * does not enforce alignment there; memcpy would be split into single-byte stores. */
	*(__u64 *)(r->buf) = ts;
	*(__u64 *)(r->buf + 8) = tid;
	*(__u16 *)(r->buf + 20) = type;
	*(__u32 *)(r->buf + 22) = nparams;
	return 0;
}

static __always_inline void set_len(struct rec *r, __u16 len)
{
	__u32 off = PG_HEADER_SIZE + (r->idx & (MAX_PARAMS - 1)) * 2;
	*(__u16 *)(r->buf + off) = len;
	r->idx++;
	r->pos += len;
}

#define PUT_SCALAR(name, T)                                                     \
	static __always_inline void name(struct rec *r, T v)                    \
	{                                                                       \
		*(T *)(r->buf + (r->pos & SCRATCH_MASK)) = v;                    \
		set_len(r, sizeof(T));                                          \
	}
PUT_SCALAR(put_u8, __u8)
PUT_SCALAR(put_u16, __u16)
PUT_SCALAR(put_u32, __u32)
PUT_SCALAR(put_u64, __u64)
PUT_SCALAR(put_s64, __s64)

static __always_inline void put_empty(struct rec *r)
{
	set_len(r, 0);
}

/* A NUL-terminated string from user memory; empty parameter when unreadable. */
static __always_inline void put_user_str(struct rec *r, const void *p)
{
	long n = 0;
	if (p)
		n = bpf_probe_read_user_str(r->buf + (r->pos & SCRATCH_MASK), MAX_PATH, p);
	set_len(r, n > 0 ? (__u16)n : 0);
}

static __always_inline void put_kernel_str(struct rec *r, const void *p)
{
	long n = 0;
	if (p)
		n = bpf_probe_read_kernel_str(r->buf + (r->pos & SCRATCH_MASK), MAX_PATH, p);
	set_len(r, n > 0 ? (__u16)n : 0);
}

static __always_inline void put_user_bytes(struct rec *r, const void *p, __u32 n, __u32 max)
{
	if (n > max)
		n = max;
	/* keep the bound visible to the verifier: the compiler would drop a redundant mask */
	asm volatile("%[n] &= %[m]" : [n] "+r"(n) : [m] "i"(MAX_ARGS * 2 - 1));
	if (!p || n == 0 || bpf_probe_read_user(r->buf + (r->pos & SCRATCH_MASK), n, p) != 0) {
		set_len(r, 0);
		return;
	}
	set_len(r, n);
}

/* The data parameter of an I/O call (PT_BYTEBUF): the first min(snaplen, n) bytes at p, n being
 * what the call transferred. Empty when snaplen is 0, nothing was transferred or the memory is not
 * readable without faulting. */
static __always_inline void put_data(struct rec *r, const void *p, long n)
{
	__u32 zero = 0;
	struct pg_settings *s = bpf_map_lookup_elem(&settings, &zero);
	__u32 len = s ? s->snaplen : 0;
	if (n <= 0 || !p || len == 0) {
		set_len(r, 0);
		return;
	}
	if ((__u64)n < len)
		len = (__u32)n;
	if (len > PG_SNAPLEN_MAX)
		len = PG_SNAPLEN_MAX;
	/* keep the bound visible to the verifier: the compiler would drop a redundant mask */
	asm volatile("%[n] &= %[m]" : [n] "+r"(len) : [m] "i"(PG_SNAPLEN_MAX * 2 - 1));
	if (bpf_probe_read_user(r->buf + (r->pos & SCRATCH_MASK), len, p) != 0) {
		set_len(r, 0);
		return;
	}
	set_len(r, len);
}

#define MAX_IOVECS 16  /* iovecs of a sendmsg/recvmsg walked for its data parameter */

/* As put_data for a message's scatter list: the first min(snaplen, n) bytes across its first
 * MAX_IOVECS iovecs, in order. */
static __always_inline void put_data_iov(struct rec *r, const struct iovec *iov, __u64 iovlen, long n)
{
	__u32 zero = 0;
	struct pg_settings *s = bpf_map_lookup_elem(&settings, &zero);
	__u32 total = s ? s->snaplen : 0;
	if (n <= 0 || !iov || total == 0) {
		set_len(r, 0);
		return;
	}
	if ((__u64)n < total)
		total = (__u32)n;
	if (total > PG_SNAPLEN_MAX)
		total = PG_SNAPLEN_MAX;
	__u32 done = 0;
	for (int i = 0; i < MAX_IOVECS; i++) {
		if (i >= iovlen || done >= total)
			break;
		struct iovec v;
		if (bpf_probe_read_user(&v, sizeof(v), &iov[i]) != 0)
			break;
		__u32 want = total - done;
		if (v.iov_len < want)
			want = (__u32)v.iov_len;
		asm volatile("%[n] &= %[m]" : [n] "+r"(want) : [m] "i"(PG_SNAPLEN_MAX * 2 - 1));
		if (bpf_probe_read_user(r->buf + ((r->pos + done) & SCRATCH_MASK), want, v.iov_base) != 0)
			break;
		done += want;
	}
	set_len(r, (__u16)done);
}

/* Copies the finished record into the ring; counts it or its loss. */
static __always_inline void rec_submit(struct rec *r)
{
	struct pg_counters *c = cnt();
	__u32 len = r->pos;
	*(__u32 *)(r->buf + 16) = len;
	if (len > SCRATCH_HALF) {
		if (c)
			c->too_large++;
		return;
	}
	len &= (SCRATCH_HALF - 1);
	if (len < PG_HEADER_SIZE)
		return;
	/* BPF_RB_NO_WAKEUP: the reader polls positions, so no wake-up (an irq_work per record when the
	 * reader has caught up) is ever needed */
	if (bpf_ringbuf_output(&events, r->buf, len, BPF_RB_NO_WAKEUP) != 0) {
		if (c)
			c->drops++;
		return;
	}
	if (c)
		c->events++;
}

/* ---------------------------------------------------------------- kernel state */

static __always_inline __u64 arg(struct pt_regs *regs, int i)
{
	switch (i) {
	case 0: return regs->di;
	case 1: return regs->si;
	case 2: return regs->dx;
	case 3: return regs->r10;
	case 4: return regs->r8;
	default: return regs->r9;
	}
}

static __always_inline struct file *fd_file(struct task_struct *t, long fd)
{
	if (fd < 0)
		return NULL;
	struct files_struct *files = BPF_CORE_READ(t, files);
	if (!files)
		return NULL;
	struct fdtable *fdt = BPF_CORE_READ(files, fdt);
	unsigned int max = BPF_CORE_READ(fdt, max_fds);
	if ((unsigned long)fd >= max)
		return NULL;
	struct file **fds = BPF_CORE_READ(fdt, fd);
	struct file *f = NULL;
	bpf_probe_read_kernel(&f, sizeof(f), &fds[fd]);
	return f;
}

/* Device number encoded as user space sees it in st_dev (new_encode_dev). */
static __always_inline __u32 encode_dev(__u32 kdev)
{
	__u32 major = kdev >> 20, minor = kdev & ((1U << 20) - 1);
	return (minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12);
}

static __always_inline void file_dev_ino(struct file *f, __u32 *dev, __u64 *ino)
{
	*dev = 0;
	*ino = 0;
	if (!f)
		return;
	struct inode *in = BPF_CORE_READ(f, f_inode);
	*ino = BPF_CORE_READ(in, i_ino);
	*dev = encode_dev(BPF_CORE_READ(in, i_sb, s_dev));
}

/* Linux open flags to scap PPM_O_* flags. */
static __always_inline __u32 open_flags(__u64 f)
{
	__u32 r = 0;
	switch (f & 3) {
	case 0: r = 1; break;       /* PPM_O_RDONLY */
	case 1: r = 2; break;       /* PPM_O_WRONLY */
	case 2: r = 3; break;       /* PPM_O_RDWR */
	}
	if (f & 0100) r |= 1 << 2;          /* O_CREAT */
	if (f & 02000) r |= 1 << 3;         /* O_APPEND */
	if (f & 010000) r |= 1 << 4;        /* O_DSYNC */
	if (f & 0200) r |= 1 << 5;          /* O_EXCL */
	if (f & 04000) r |= 1 << 6;         /* O_NONBLOCK */
	if ((f & 04010000) == 04010000) r |= 1 << 7; /* O_SYNC */
	if (f & 01000) r |= 1 << 8;         /* O_TRUNC */
	if (f & 040000) r |= 1 << 9;        /* O_DIRECT */
	if (f & 0200000) r |= 1 << 10;      /* O_DIRECTORY */
	if (f & 0100000) r |= 1 << 11;      /* O_LARGEFILE */
	if (f & 02000000) r |= 1 << 12;     /* O_CLOEXEC */
	if ((f & 020200000) == 020200000) r |= 1 << 13; /* O_TMPFILE */
	return r;
}

static __always_inline __u32 clone_flags(__u64 f)
{
	__u32 r = 0;
	if (f & 0x00000400) r |= 1 << 0;  /* CLONE_FILES */
	if (f & 0x00000200) r |= 1 << 1;  /* CLONE_FS */
	if (f & 0x80000000) r |= 1 << 2;  /* CLONE_IO */
	if (f & 0x08000000) r |= 1 << 3;  /* CLONE_NEWIPC */
	if (f & 0x40000000) r |= 1 << 4;  /* CLONE_NEWNET */
	if (f & 0x00020000) r |= 1 << 5;  /* CLONE_NEWNS */
	if (f & 0x20000000) r |= 1 << 6;  /* CLONE_NEWPID */
	if (f & 0x04000000) r |= 1 << 7;  /* CLONE_NEWUTS */
	if (f & 0x00008000) r |= 1 << 8;  /* CLONE_PARENT */
	if (f & 0x00100000) r |= 1 << 9;  /* CLONE_PARENT_SETTID */
	if (f & 0x00002000) r |= 1 << 10; /* CLONE_PTRACE */
	if (f & 0x00000800) r |= 1 << 11; /* CLONE_SIGHAND */
	if (f & 0x00040000) r |= 1 << 12; /* CLONE_SYSVSEM */
	if (f & 0x00010000) r |= 1 << 13; /* CLONE_THREAD */
	if (f & 0x00800000) r |= 1 << 14; /* CLONE_UNTRACED */
	if (f & 0x00000100) r |= 1 << 15; /* CLONE_VM */
	if (f & 0x10000000) r |= 1 << 20; /* CLONE_NEWUSER */
	if (f & 0x00200000) r |= 1 << 23; /* CLONE_CHILD_CLEARTID */
	if (f & 0x01000000) r |= 1 << 24; /* CLONE_CHILD_SETTID */
	if (f & 0x00080000) r |= 1 << 25; /* CLONE_SETTLS */
	if (f & 0x00004000) r |= 1 << 27; /* CLONE_VFORK */
	if (f & 0x02000000) r |= 1 << 28; /* CLONE_NEWCGROUP */
	return r;
}

/* The pid number of `p` as seen from the namespace at `level` (0 = initial namespace). */
static __always_inline __s64 pid_at(struct pid *p, unsigned int level)
{
	if (!p)
		return 0;
	unsigned int l = BPF_CORE_READ(p, level);
	if (level > l)
		return 0;
	int nr = 0;
	bpf_probe_read_kernel(&nr, sizeof(nr), &p->numbers[level & 7].nr);
	return nr;
}

static __always_inline unsigned int ns_level(struct task_struct *t)
{
	struct pid *p = BPF_CORE_READ(t, thread_pid);
	return p ? BPF_CORE_READ(p, level) : 0;
}

static __always_inline __u32 tty_of(struct task_struct *t)
{
	struct tty_struct *tty = BPF_CORE_READ(t, signal, tty);
	if (!tty)
		return 0;
	int index = BPF_CORE_READ(tty, index);
	int major = BPF_CORE_READ(tty, driver, major);
	int minor = BPF_CORE_READ(tty, driver, minor_start);
	return encode_dev(((__u32)major << 20) | (__u32)(minor + index));
}

static __always_inline __u64 cap_val(kernel_cap_t c)
{
	return c.val;
}

/* ---------------------------------------------------------------- paths */

/* Paths are assembled backwards (the kernel links a dentry to its parent) in an area at the top of
 * the scratch buffer, well above any record being built, then copied into the record. */
#define PATH_AREA 4096
#define PATH_AREA_OFF (SCRATCH_SIZE - PATH_AREA - 512)
#define PATH_MAX_COMPONENTS 32

struct kernfs_node___pre618 {
	struct kernfs_node *parent;
};

static __always_inline __u8 *scratch(void)
{
	__u32 zero = 0;
	return bpf_map_lookup_elem(&scratch_map, &zero);
}

static __always_inline __u32 path_push(__u8 *buf, __u32 pos, const void *name, __u32 len)
{
	len &= 255;
	if (len + 1 >= pos)
		return 0;
	pos -= len;
	bpf_probe_read_kernel(buf + PATH_AREA_OFF + (pos & (PATH_AREA - 1)), len, name);
	pos -= 1;
	buf[PATH_AREA_OFF + (pos & (PATH_AREA - 1))] = '/';
	return pos;
}

/* Walks run in bpf_loop callbacks: the verifier checks one step, not every unrolled iteration. */
struct dentry_walk {
	struct dentry *d;
	struct vfsmount *vfsmnt;
	struct mount *mnt;
};

/* Walk positions live in the scratch map, not on the stack: a value loaded from a map is unknown to
 * the verifier, so every step looks alike and the walk is verified once instead of once per
 * possible position. */
#define WALK_STATE_OFF (PATH_AREA_OFF - 512)
#define WALK_POS(buf) (*(__u32 *)((buf) + WALK_STATE_OFF))
#define WALK_LEN(buf) (*(__u32 *)((buf) + WALK_STATE_OFF + 4))

static long dentry_step(__u32 i, void *ctx)
{
	/* copy out of the walk state first: CO-RE reads must start from kernel types */
	struct dentry_walk *w = ctx;
	struct dentry *d = w->d;
	struct vfsmount *vfsmnt = w->vfsmnt;
	struct mount *mnt = w->mnt;
	__u8 *buf = scratch();
	if (!buf || !d)
		return 1;
	struct dentry *root = BPF_CORE_READ(vfsmnt, mnt_root);
	struct dentry *parent = BPF_CORE_READ(d, d_parent);
	if (d == root || d == parent) {
		if (d != root)
			return 1;
		struct mount *up = BPF_CORE_READ(mnt, mnt_parent);
		if (up == mnt)
			return 1;
		w->d = BPF_CORE_READ(mnt, mnt_mountpoint);
		w->mnt = up;
		w->vfsmnt = (struct vfsmount *)((void *)up + bpf_core_field_offset(struct mount, mnt));
		return 0;
	}
	__u32 pos = path_push(buf, WALK_POS(buf), BPF_CORE_READ(d, d_name.name), BPF_CORE_READ(d, d_name.len));
	WALK_POS(buf) = pos;
	if (!pos)
		return 1;
	w->d = parent;
	return 0;
}

static __always_inline __u32 path_finish(__u8 *buf, __u32 pos)
{
	if (pos == PATH_AREA - 1) {
		pos--;
		buf[PATH_AREA_OFF + (pos & (PATH_AREA - 1))] = '/';
	}
	return pos;
}

/* Builds the absolute path of (dentry, vfsmount), crossing mount points, at the end of the path
 * area; returns its start (the string runs to the area's end, NUL included), 0 when too long. */
static __always_inline __u32 path_build(__u8 *buf, struct dentry *d, struct vfsmount *vfsmnt)
{
	struct dentry_walk w = {
		.d = d,
		.vfsmnt = vfsmnt,
		.mnt = container_of(vfsmnt, struct mount, mnt),
	};
	buf[PATH_AREA_OFF + PATH_AREA - 1] = 0;
	WALK_POS(buf) = PATH_AREA - 1;
	bpf_loop(PATH_MAX_COMPONENTS, dentry_step, &w, 0);
	__u32 pos = WALK_POS(buf);
	return pos ? path_finish(buf, pos) : 0;
}

static __always_inline struct kernfs_node *kn_parent(struct kernfs_node *kn)
{
	if (bpf_core_field_exists(kn->__parent))
		return BPF_CORE_READ(kn, __parent);
	return BPF_CORE_READ((struct kernfs_node___pre618 *)kn, parent);
}

struct kn_walk {
	struct kernfs_node *kn;
};

static long kn_step(__u32 i, void *ctx)
{
	struct kn_walk *w = ctx;
	struct kernfs_node *kn = w->kn;
	__u8 *buf = scratch();
	if (!buf || !kn)
		return 1;
	struct kernfs_node *parent = kn_parent(kn);
	if (!parent)
		return 1;
	const char *name = BPF_CORE_READ(kn, name);
	/* the name's length: read it once just below the area */
	long n = bpf_probe_read_kernel_str(buf + PATH_AREA_OFF - 256, 256, name);
	if (n <= 1)
		return 1;
	__u32 pos = path_push(buf, WALK_POS(buf), name, (__u32)(n - 1));
	WALK_POS(buf) = pos;
	if (!pos)
		return 1;
	w->kn = parent;
	return 0;
}

/* The cgroup path of a kernfs node, built like path_build. */
static __always_inline __u32 kn_path_build(__u8 *buf, struct kernfs_node *kn)
{
	struct kn_walk w = {.kn = kn};
	buf[PATH_AREA_OFF + PATH_AREA - 1] = 0;
	WALK_POS(buf) = PATH_AREA - 1;
	bpf_loop(PATH_MAX_COMPONENTS, kn_step, &w, 0);
	__u32 pos = WALK_POS(buf);
	return pos ? path_finish(buf, pos) : 0;
}

/* Copies the path built at `start` into the record at offset `at` from the parameter's start;
 * returns the bytes written (NUL included). */
static __always_inline __u32 path_copy(struct rec *r, __u32 at, __u32 start)
{
	__u32 n = PATH_AREA - start;
	if (!start || n > PATH_AREA)
		return 0;
	asm volatile("%[n] &= %[m]" : [n] "+r"(n) : [m] "i"(PATH_AREA * 2 - 1));
	bpf_probe_read_kernel(r->buf + ((r->pos + at) & SCRATCH_MASK), n,
			      r->buf + PATH_AREA_OFF + (start & (PATH_AREA - 1)));
	return n;
}

static __always_inline void put_path(struct rec *r, struct dentry *d, struct vfsmount *mnt)
{
	set_len(r, (__u16)path_copy(r, 0, d && mnt ? path_build(r->buf, d, mnt) : 0));
}

/* scap "cgroups": subsys=path pairs, NUL-separated, one per controller attached to the task. The
 * path is the task's cgroup in the unified (v2) hierarchy, as /proc/<pid>/cgroup shows it; on v2
 * every controller is in that hierarchy. Built once, then copied for each controller. */
struct cgroups_walk {
	struct css_set *cs;
	__u32 base;   /* the parameter's offset in the record */
};

static __always_inline __u32 kn_path_build(__u8 *buf, struct kernfs_node *kn);

/* One controller: "<name>=<path of its cgroup>\0". The name is the legacy (v1) one where the kernel
 * has one, as /proc/<pid>/cgroup shows it. */
static long cgroups_step(__u32 i, void *ctx)
{
	struct cgroups_walk *w = ctx;
	struct css_set *cs = w->cs;
	__u8 *buf = scratch();
	if (!buf || i >= CGROUP_SUBSYS_COUNT)
		return 1;
	struct cgroup_subsys_state *css = BPF_CORE_READ(cs, subsys[i & 15]);
	if (!css)
		return 0;
	struct cgroup_subsys *ss = BPF_CORE_READ(css, ss);
	const char *name = BPF_CORE_READ(ss, legacy_name);
	if (!name)
		name = BPF_CORE_READ(ss, name);
	__u32 start = kn_path_build(buf, BPF_CORE_READ(css, cgroup, kn));
	__u32 len = WALK_LEN(buf);
	__u32 at = (w->base + len) & SCRATCH_MASK;
	long n = bpf_probe_read_kernel_str(buf + at, 32, name);
	if (n <= 1)
		return 0;
	at = (at + (__u32)n - 1) & SCRATCH_MASK;
	buf[at] = '=';
	at = (at + 1) & SCRATCH_MASK;
	__u32 pn = PATH_AREA - start;
	if (!start || pn > PATH_AREA) {
		buf[at] = 0;
		pn = 1;
	} else {
		asm volatile("%[n] &= %[m]" : [n] "+r"(pn) : [m] "i"(PATH_AREA * 2 - 1));
		bpf_probe_read_kernel(buf + at, pn, buf + PATH_AREA_OFF + (start & (PATH_AREA - 1)));
	}
	len += (__u32)n + pn;
	WALK_LEN(buf) = len;
	return len > 2048;
}

/* scap "cgroups": controller=path pairs, NUL-separated, one per controller of the task. */
static __always_inline void put_cgroups(struct rec *r, struct task_struct *t)
{
	struct css_set *cs = BPF_CORE_READ(t, cgroups);
	if (!cs) {
		set_len(r, 0);
		return;
	}
	struct cgroups_walk w = {.cs = cs, .base = r->pos};
	WALK_LEN(r->buf) = 0;
	bpf_loop(CGROUP_SUBSYS_COUNT, cgroups_step, &w, 0);
	__u32 len = WALK_LEN(r->buf);
	set_len(r, len > 4096 ? 0 : (__u16)len);
}

/* Parameters shared by clone/fork/vfork/clone3 exit and execve exit (scap positions 2..15). */
static __always_inline void put_process_common(struct rec *r, struct task_struct *t, int with_args)
{
	struct mm_struct *mm = BPF_CORE_READ(t, mm);
	unsigned long as = mm ? BPF_CORE_READ(mm, arg_start) : 0;
	unsigned long ae = mm ? BPF_CORE_READ(mm, arg_end) : 0;
	/* exe: argv[0]; args: the rest of argv, NUL-separated */
	long n0 = 0;
	if (as && ae > as)
		n0 = bpf_probe_read_user_str(r->buf + (r->pos & SCRATCH_MASK), MAX_PATH, (void *)as);
	if (n0 < 0)
		n0 = 0;
	set_len(r, (__u16)n0);
	if (with_args && as && ae > as + n0)
		put_user_bytes(r, (void *)(as + n0), (__u32)(ae - as - n0), MAX_ARGS);
	else
		put_empty(r);
	put_s64(r, BPF_CORE_READ(t, pid));
	put_s64(r, BPF_CORE_READ(t, tgid));
	put_s64(r, BPF_CORE_READ(t, real_parent, tgid));
	put_path(r, BPF_CORE_READ(t, fs, pwd.dentry), BPF_CORE_READ(t, fs, pwd.mnt));
	put_u64(r, BPF_CORE_READ(t, signal, rlim[7].rlim_cur)); /* RLIMIT_NOFILE */
	put_u64(r, BPF_CORE_READ(t, maj_flt));
	put_u64(r, BPF_CORE_READ(t, min_flt));
	__u32 vm_size = 0, vm_rss = 0, vm_swap = 0;
	if (mm) {
		vm_size = BPF_CORE_READ(mm, total_vm) << 2; /* pages to KiB */
		__s64 file = BPF_CORE_READ(mm, rss_stat[0].count);
		__s64 anon = BPF_CORE_READ(mm, rss_stat[1].count);
		__s64 swap = BPF_CORE_READ(mm, rss_stat[2].count);
		__s64 shm = BPF_CORE_READ(mm, rss_stat[3].count);
		__s64 rss = file + anon + shm;
		vm_rss = rss > 0 ? (__u32)(rss << 2) : 0;
		vm_swap = swap > 0 ? (__u32)(swap << 2) : 0;
	}
	put_u32(r, vm_size);
	put_u32(r, vm_rss);
	put_u32(r, vm_swap);
	long c = bpf_probe_read_kernel_str(r->buf + (r->pos & SCRATCH_MASK), MAX_COMM, &t->comm);
	set_len(r, c > 0 ? (__u16)c : 0);
	put_cgroups(r, t);
}

static __always_inline void put_clone_exit(struct rec *r, struct task_struct *t, long ret, __u32 flags)
{
	put_s64(r, ret);
	put_process_common(r, t, 1);
	put_u32(r, flags);
	const struct cred *cr = BPF_CORE_READ(t, cred);
	put_u32(r, BPF_CORE_READ(cr, euid.val));
	put_u32(r, BPF_CORE_READ(cr, egid.val));
	unsigned int lvl = ns_level(t);
	put_s64(r, pid_at(BPF_CORE_READ(t, thread_pid), lvl));
	put_s64(r, pid_at(BPF_CORE_READ(t, signal, pids[PIDTYPE_TGID]), lvl));
	/* pidns_init_start_ts, on the child side as scap fills it: start_time (CLOCK_MONOTONIC ns) of
	 * the init process (child reaper) of the pid namespace the child's pid lives in */
	__u64 init_start = 0;
	if (ret == 0) {
		struct pid *p = BPF_CORE_READ(t, thread_pid);
		struct pid_namespace *ns = BPF_CORE_READ(p, numbers[lvl & 31].ns);
		init_start = BPF_CORE_READ(ns, child_reaper, start_time);
	}
	put_u64(r, init_start);
}

/* ---------------------------------------------------------------- sockets */

/* PT_SOCKADDR from a user sockaddr. */
static __always_inline void put_user_sockaddr(struct rec *r, void *uaddr, long alen)
{
	__u16 family = 0;
	__u8 *d = r->buf + (r->pos & SCRATCH_MASK);
	if (!uaddr || alen < 2 || bpf_probe_read_user(&family, 2, uaddr) != 0) {
		set_len(r, 0);
		return;
	}
	if (family == 2 /* AF_INET */) {
		struct sockaddr_in sin = {};
		bpf_probe_read_user(&sin, sizeof(sin), uaddr);
		d[0] = 2;
		__builtin_memcpy(d + 1, &sin.sin_addr.s_addr, 4);
		__u16 port = bpf_ntohs(sin.sin_port);
		__builtin_memcpy(d + 5, &port, 2);
		set_len(r, 7);
	} else if (family == 10 /* AF_INET6 */) {
		struct sockaddr_in6 sin6 = {};
		bpf_probe_read_user(&sin6, sizeof(sin6), uaddr);
		d[0] = 10;
		__builtin_memcpy(d + 1, &sin6.sin6_addr, 16);
		__u16 port = bpf_ntohs(sin6.sin6_port);
		__builtin_memcpy(d + 17, &port, 2);
		set_len(r, 19);
	} else if (family == 1 /* AF_UNIX */) {
		d[0] = 1;
		long n = bpf_probe_read_user_str(d + 1, 108, (__u8 *)uaddr + 2);
		if (n <= 1) { /* abstract socket: keep the leading NUL and the name */
			d[1] = 0;
			n = 1;
		}
		set_len(r, 1 + (__u16)n);
	} else {
		d[0] = (__u8)family;
		set_len(r, 1);
	}
}

static __always_inline struct sock *file_sock(struct file *f)
{
	if (!f)
		return NULL;
	struct socket *s = BPF_CORE_READ(f, private_data);
	return s ? BPF_CORE_READ(s, sk) : NULL;
}

/* PT_SOCKTUPLE from a connected socket: local side first, then remote. */
static __always_inline void put_socktuple_peer(struct rec *r, struct sock *sk, void *upeer, int inbound);

/* Outbound tuple (connect, send): local side first, as scap writes it. */
static __always_inline void put_socktuple(struct rec *r, struct sock *sk)
{
	put_socktuple_peer(r, sk, NULL, 0);
}

/* As put_socktuple, with the remote side taken from a user sockaddr when one is given (datagrams
 * on unconnected sockets name their peer per call). Inbound tuples (accept, recvfrom, recvmsg)
 * put the remote side first, as scap does, so that an accepted socket reads client->server. */
static __always_inline void put_socktuple_peer(struct rec *r, struct sock *sk, void *upeer, int inbound)
{
	__u8 *d = r->buf + (r->pos & SCRATCH_MASK);
	if (!sk) {
		set_len(r, 0);
		return;
	}
	__u16 family = BPF_CORE_READ(sk, __sk_common.skc_family);
	if (family == 2) {
		__u32 sip = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
		__u32 dip = BPF_CORE_READ(sk, __sk_common.skc_daddr);
		__u16 sport = bpf_ntohs(BPF_CORE_READ((struct inet_sock *)sk, inet_sport));
		__u16 dport = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
		struct sockaddr_in peer = {};
		if (upeer && bpf_probe_read_user(&peer, sizeof(peer), upeer) == 0 && peer.sin_family == 2) {
			dip = peer.sin_addr.s_addr;
			dport = bpf_ntohs(peer.sin_port);
		}
		d[0] = 2;
		if (inbound) {
			__builtin_memcpy(d + 1, &dip, 4);
			__builtin_memcpy(d + 5, &dport, 2);
			__builtin_memcpy(d + 7, &sip, 4);
			__builtin_memcpy(d + 11, &sport, 2);
		} else {
			__builtin_memcpy(d + 1, &sip, 4);
			__builtin_memcpy(d + 5, &sport, 2);
			__builtin_memcpy(d + 7, &dip, 4);
			__builtin_memcpy(d + 11, &dport, 2);
		}
		set_len(r, 13);
	} else if (family == 10) {
		/* The addresses are read whole into the stack first: BPF_CORE_READ_INTO copies
		 * sizeof(*dst) bytes, so a byte pointer into the record would take one byte and leave
		 * the rest of the field to whatever an earlier record left in the scratch buffer. */
		struct in6_addr sip = {}, dip = {};
		BPF_CORE_READ_INTO(&sip, sk, __sk_common.skc_v6_rcv_saddr);
		BPF_CORE_READ_INTO(&dip, sk, __sk_common.skc_v6_daddr);
		__u16 sport = bpf_ntohs(BPF_CORE_READ((struct inet_sock *)sk, inet_sport));
		__u16 dport = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
		struct sockaddr_in6 peer = {};
		if (upeer && bpf_probe_read_user(&peer, sizeof(peer), upeer) == 0 && peer.sin6_family == 10) {
			dip = peer.sin6_addr;
			dport = bpf_ntohs(peer.sin6_port);
		}
		d[0] = 10;
		if (inbound) {
			__builtin_memcpy(d + 1, &dip, 16);
			__builtin_memcpy(d + 17, &dport, 2);
			__builtin_memcpy(d + 19, &sip, 16);
			__builtin_memcpy(d + 35, &sport, 2);
		} else {
			__builtin_memcpy(d + 1, &sip, 16);
			__builtin_memcpy(d + 17, &sport, 2);
			__builtin_memcpy(d + 19, &dip, 16);
			__builtin_memcpy(d + 35, &dport, 2);
		}
		set_len(r, 37);
	} else if (family == 1) {
		/* unix, as scap's drivers pack it: two kernel socket addresses as identities, the peer
		 * first on outbound calls and this socket first on inbound ones (so a connect and its
		 * accept name the pair alike: server side, client side), then the path of the server
		 * end (the peer's outbound, this socket's inbound; the other one when that has none). An
		 * abstract name is written without its leading NUL. */
		struct unix_sock *us = (struct unix_sock *)sk;
		__u64 self = (__u64)sk;
		__u64 peer = (__u64)BPF_CORE_READ(us, peer);
		d[0] = 1;
		__builtin_memcpy(d + 1, inbound ? &self : &peer, 8);
		__builtin_memcpy(d + 9, inbound ? &peer : &self, 8);
		struct unix_address *own = BPF_CORE_READ(us, addr);
		struct unix_address *other = peer ? BPF_CORE_READ((struct unix_sock *)peer, addr) : NULL;
		struct unix_address *ua = inbound ? own : other;
		if (!ua)
			ua = inbound ? other : own;
		long n = 0;
		if (ua) {
			char *path = ua->name[0].sun_path;
			char first = 0;
			bpf_probe_read_kernel(&first, 1, path);
			if (first) {
				n = bpf_probe_read_kernel_str(d + 17, 108, path);
			} else {
				/* an abstract name is not NUL-terminated: the address's length bounds it
				 * (after sun_family and the leading NUL), or the bytes after it would leak */
				__u32 len = (__u32)BPF_CORE_READ(ua, len) - 3;
				if (len > 0 && len <= 107) {
					bpf_probe_read_kernel(d + 17, len & 127, path + 1);
					d[17 + (len & 127)] = 0;
					n = len + 1;
				}
			}
		}
		if (n <= 0) {
			d[17] = 0;
			n = 1;
		}
		set_len(r, 17 + (__u16)n);
	} else {
		d[0] = (__u8)family;
		set_len(r, 1);
	}
}

/* ---------------------------------------------------------------- dispatch */


static __always_inline int excluded_tgid(__u32 tgid)
{
	return bpf_map_lookup_elem(&excluded_tgids, &tgid) != NULL;
}

/* Whether t's cgroup v2 cgroup, or one of its ancestors up to PG_CGROUP_LEVELS above it, is
 * excluded: excluding a Kubernetes pod's cgroup covers the cgroups of its containers. */
static __always_inline int excluded_cgroup(struct task_struct *t)
{
	__u32 zero = 0;
	__u32 *on = bpf_map_lookup_elem(&cgroup_exclusion, &zero);
	if (!on || !*on)
		return 0;
	struct cgroup *cg = BPF_CORE_READ(t, cgroups, dfl_cgrp);
	for (int i = 0; i < PG_CGROUP_LEVELS && cg; i++) {
		__u64 id = BPF_CORE_READ(cg, kn, id);
		if (bpf_map_lookup_elem(&excluded_cgroups, &id))
			return 1;
		/* `self` is the first member of struct cgroup: its parent css is the parent cgroup */
		cg = (struct cgroup *)BPF_CORE_READ(cg, self.parent);
	}
	return 0;
}

/* The current task is one of Peregrine's own, by kernel identity (tgid, cgroup). */
static __always_inline int excluded(__u64 pid_tgid)
{
	return excluded_tgid((__u32)(pid_tgid >> 32)) || excluded_cgroup(bpf_get_current_task_btf());
}

static __always_inline int selected(__u32 nr)
{
	__u8 *sel = bpf_map_lookup_elem(&selection, &nr);
	return sel && (*sel & PG_SEL_EXIT);
}

#define EXIT_HANDLER(name) \
	SEC("tp_btf/sys_exit") int BPF_PROG(name, struct pt_regs *regs, long ret)

EXIT_HANDLER(open_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_OPEN_X, 6))
		return 0;
	__u32 dev; __u64 ino;
	file_dev_ino(ret >= 0 ? fd_file(bpf_get_current_task_btf(), ret) : NULL, &dev, &ino);
	put_s64(&r, ret);
	put_user_str(&r, (void *)arg(regs, 0));
	put_u32(&r, open_flags(arg(regs, 1)));
	put_u32(&r, (__u32)arg(regs, 2));
	put_u32(&r, dev);
	put_u64(&r, ino);
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(openat_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_OPENAT_2_X, 7))
		return 0;
	__u32 dev; __u64 ino;
	file_dev_ino(ret >= 0 ? fd_file(bpf_get_current_task_btf(), ret) : NULL, &dev, &ino);
	put_s64(&r, ret);
	put_s64(&r, (__s32)arg(regs, 0));
	put_user_str(&r, (void *)arg(regs, 1));
	put_u32(&r, open_flags(arg(regs, 2)));
	put_u32(&r, (__u32)arg(regs, 3));
	put_u32(&r, dev);
	put_u64(&r, ino);
	rec_submit(&r);
	return 0;
}

/* Linux RESOLVE_* bits to PPM_RESOLVE_* bits */
static __always_inline __u32 resolve_flags(__u64 v)
{
	__u32 res = 0;
	if (v & 0x08) res |= 1 << 0; /* RESOLVE_BENEATH */
	if (v & 0x10) res |= 1 << 1; /* RESOLVE_IN_ROOT */
	if (v & 0x02) res |= 1 << 2; /* RESOLVE_NO_MAGICLINKS */
	if (v & 0x04) res |= 1 << 3; /* RESOLVE_NO_SYMLINKS */
	if (v & 0x01) res |= 1 << 4; /* RESOLVE_NO_XDEV */
	if (v & 0x20) res |= 1 << 5; /* RESOLVE_CACHED */
	return res;
}

EXIT_HANDLER(openat2_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_OPENAT2_X, 8))
		return 0;
	struct open_how how = {};
	bpf_probe_read_user(&how, sizeof(how), (void *)arg(regs, 2));
	__u32 dev; __u64 ino;
	file_dev_ino(ret >= 0 ? fd_file(bpf_get_current_task_btf(), ret) : NULL, &dev, &ino);
	put_s64(&r, ret);
	put_s64(&r, (__s32)arg(regs, 0));
	put_user_str(&r, (void *)arg(regs, 1));
	put_u32(&r, open_flags(how.flags));
	put_u32(&r, (__u32)how.mode);
	put_u32(&r, resolve_flags(how.resolve));
	put_u32(&r, dev);
	put_u64(&r, ino);
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(creat_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_CREAT_X, 6))
		return 0;
	__u32 dev; __u64 ino;
	file_dev_ino(ret >= 0 ? fd_file(bpf_get_current_task_btf(), ret) : NULL, &dev, &ino);
	put_s64(&r, ret);
	put_user_str(&r, (void *)arg(regs, 0));
	put_u32(&r, (__u32)arg(regs, 1));
	put_u32(&r, dev);
	put_u64(&r, ino);
	put_u16(&r, 0); /* creat_flags */
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(close_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_CLOSE_X, 2))
		return 0;
	put_s64(&r, ret);
	put_s64(&r, (__s32)arg(regs, 0));
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(dup_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_DUP_1_X, 2))
		return 0;
	put_s64(&r, ret);
	put_s64(&r, (__s32)arg(regs, 0));
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(dup2_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_DUP2_X, 3))
		return 0;
	put_s64(&r, ret);
	put_s64(&r, (__s32)arg(regs, 0));
	put_s64(&r, (__s32)arg(regs, 1));
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(dup3_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_DUP3_X, 4))
		return 0;
	put_s64(&r, ret);
	put_s64(&r, (__s32)arg(regs, 0));
	put_s64(&r, (__s32)arg(regs, 1));
	put_u32(&r, open_flags(arg(regs, 2)) & (1 << 12));
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(rename_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_RENAME_X, 3))
		return 0;
	put_s64(&r, ret);
	put_user_str(&r, (void *)arg(regs, 0));
	put_user_str(&r, (void *)arg(regs, 1));
	rec_submit(&r);
	return 0;
}

static __always_inline int renameat_common(struct pt_regs *regs, long ret, int two)
{
	struct rec r;
	if (rec_begin(&r, two ? PPME_SYSCALL_RENAMEAT2_X : PPME_SYSCALL_RENAMEAT_X, two ? 6 : 5))
		return 0;
	put_s64(&r, ret);
	put_s64(&r, (__s32)arg(regs, 0));
	put_user_str(&r, (void *)arg(regs, 1));
	put_s64(&r, (__s32)arg(regs, 2));
	put_user_str(&r, (void *)arg(regs, 3));
	if (two)
		put_u32(&r, (__u32)arg(regs, 4) & 7); /* NOREPLACE, EXCHANGE, WHITEOUT match PPM bits */
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(renameat_x) { return renameat_common(regs, ret, 0); }
EXIT_HANDLER(renameat2_x) { return renameat_common(regs, ret, 1); }

EXIT_HANDLER(unlink_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_UNLINK_2_X, 2))
		return 0;
	put_s64(&r, ret);
	put_user_str(&r, (void *)arg(regs, 0));
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(unlinkat_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_UNLINKAT_2_X, 4))
		return 0;
	put_s64(&r, ret);
	put_s64(&r, (__s32)arg(regs, 0));
	put_user_str(&r, (void *)arg(regs, 1));
	put_u32(&r, (arg(regs, 2) & 0x200) ? 0x200 : 0); /* AT_REMOVEDIR = PPM_AT_REMOVEDIR */
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(socket_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SOCKET_SOCKET_X, 5))
		return 0;
	__u64 type = arg(regs, 1);
	put_s64(&r, ret);
	put_u32(&r, (__u32)arg(regs, 0)); /* Linux AF_* numbers equal PPM_AF_* */
	put_u32(&r, (__u32)type);
	put_u32(&r, (__u32)arg(regs, 2));
	put_u32(&r, open_flags(type & (02000000 | 04000)) & ((1 << 12) | (1 << 6)));
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(connect_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SOCKET_CONNECT_X, 4))
		return 0;
	long fd = (__s32)arg(regs, 0);
	put_s64(&r, ret);
	/* the tuple is meaningful once connected (or in progress for non-blocking sockets) */
	if (ret == 0 || ret == -115 /* EINPROGRESS */)
		put_socktuple(&r, file_sock(fd_file(bpf_get_current_task_btf(), fd)));
	else
		put_empty(&r);
	put_s64(&r, fd);
	put_user_sockaddr(&r, (void *)arg(regs, 1), (long)arg(regs, 2));
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(bind_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SOCKET_BIND_X, 3))
		return 0;
	put_s64(&r, ret);
	put_user_sockaddr(&r, (void *)arg(regs, 1), (long)arg(regs, 2));
	put_s64(&r, (__s32)arg(regs, 0));
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(listen_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SOCKET_LISTEN_X, 3))
		return 0;
	put_s64(&r, ret);
	put_s64(&r, (__s32)arg(regs, 0));
	put_u32(&r, (__u32)arg(regs, 1));
	rec_submit(&r);
	return 0;
}

static __always_inline int accept_common(struct pt_regs *regs, long ret, int four)
{
	struct rec r;
	if (rec_begin(&r, four ? PPME_SOCKET_ACCEPT4_6_X : PPME_SOCKET_ACCEPT_5_X, four ? 6 : 5))
		return 0;
	struct task_struct *t = bpf_get_current_task_btf();
	put_s64(&r, ret);
	put_socktuple_peer(&r, ret >= 0 ? file_sock(fd_file(t, ret)) : NULL, NULL, 1);
	__u32 qlen = 0, qmax = 0;
	struct sock *lsk = file_sock(fd_file(t, (__s32)arg(regs, 0)));
	if (lsk) {
		qlen = BPF_CORE_READ(lsk, sk_ack_backlog);
		qmax = BPF_CORE_READ(lsk, sk_max_ack_backlog);
	}
	put_u8(&r, qmax ? (__u8)(qlen * 100 / qmax) : 0);
	put_u32(&r, qlen);
	put_u32(&r, qmax);
	if (four)
		put_u32(&r, (__u32)arg(regs, 3));
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(accept_x) { return accept_common(regs, ret, 0); }
EXIT_HANDLER(accept4_x) { return accept_common(regs, ret, 1); }

static __always_inline int id1(__u16 type, struct pt_regs *regs, long ret)
{
	struct rec r;
	if (rec_begin(&r, type, 2))
		return 0;
	put_s64(&r, ret);
	put_u32(&r, (__u32)arg(regs, 0));
	rec_submit(&r);
	return 0;
}

static __always_inline int id2(__u16 type, struct pt_regs *regs, long ret)
{
	struct rec r;
	if (rec_begin(&r, type, 3))
		return 0;
	put_s64(&r, ret);
	put_u32(&r, (__u32)arg(regs, 0));
	put_u32(&r, (__u32)arg(regs, 1));
	rec_submit(&r);
	return 0;
}

static __always_inline int id3(__u16 type, struct pt_regs *regs, long ret)
{
	struct rec r;
	if (rec_begin(&r, type, 4))
		return 0;
	put_s64(&r, ret);
	put_u32(&r, (__u32)arg(regs, 0));
	put_u32(&r, (__u32)arg(regs, 1));
	put_u32(&r, (__u32)arg(regs, 2));
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(setuid_x) { return id1(PPME_SYSCALL_SETUID_X, regs, ret); }
EXIT_HANDLER(setgid_x) { return id1(PPME_SYSCALL_SETGID_X, regs, ret); }
EXIT_HANDLER(setreuid_x) { return id2(PPME_SYSCALL_SETREUID_X, regs, ret); }
EXIT_HANDLER(setregid_x) { return id2(PPME_SYSCALL_SETREGID_X, regs, ret); }
EXIT_HANDLER(setresuid_x) { return id3(PPME_SYSCALL_SETRESUID_X, regs, ret); }
EXIT_HANDLER(setresgid_x) { return id3(PPME_SYSCALL_SETRESGID_X, regs, ret); }

EXIT_HANDLER(memfd_create_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_MEMFD_CREATE_X, 3))
		return 0;
	__u64 f = arg(regs, 1);
	put_s64(&r, ret);
	put_user_str(&r, (void *)arg(regs, 0));
	put_u32(&r, (f & 7)); /* MFD_CLOEXEC, MFD_ALLOW_SEALING, MFD_HUGETLB match PPM bits */
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(kill_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_KILL_X, 3))
		return 0;
	put_s64(&r, ret);
	put_s64(&r, (__s32)arg(regs, 0));
	put_u8(&r, (__u8)arg(regs, 1));
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(tkill_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_TKILL_X, 3))
		return 0;
	put_s64(&r, ret);
	put_s64(&r, (__s32)arg(regs, 0));
	put_u8(&r, (__u8)arg(regs, 1));
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(tgkill_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_TGKILL_X, 4))
		return 0;
	put_s64(&r, ret);
	put_s64(&r, (__s32)arg(regs, 0));
	put_s64(&r, (__s32)arg(regs, 1));
	put_u8(&r, (__u8)arg(regs, 2));
	rec_submit(&r);
	return 0;
}

static __always_inline __u16 ptrace_request(__u64 req)
{
	if (req <= 9)
		return (__u16)req + 1; /* TRACEME .. SINGLESTEP */
	switch (req) {
	case 12: return 26;     /* GETREGS */
	case 13: return 27;     /* SETREGS */
	case 14: return 28;     /* GETFPREGS */
	case 15: return 29;     /* SETFPREGS */
	case 16: return 11;     /* ATTACH */
	case 17: return 12;     /* DETACH */
	case 18: return 30;     /* GETFPXREGS */
	case 19: return 31;     /* SETFPXREGS */
	case 21: return 32;     /* OLDSETOPTIONS */
	case 24: return 13;     /* SYSCALL */
	case 25: return 33;     /* GET_THREAD_AREA */
	case 26: return 34;     /* SET_THREAD_AREA */
	case 30: return 35;     /* ARCH_PRCTL */
	case 31: return 36;     /* SYSEMU */
	case 32: return 37;     /* SYSEMU_SINGLESTEP */
	case 33: return 38;     /* SINGLEBLOCK */
	case 0x4200: return 14; /* SETOPTIONS */
	case 0x4201: return 15; /* GETEVENTMSG */
	case 0x4202: return 16; /* GETSIGINFO */
	case 0x4203: return 17; /* SETSIGINFO */
	case 0x4204: return 18; /* GETREGSET */
	case 0x4205: return 19; /* SETREGSET */
	case 0x4206: return 20; /* SEIZE */
	case 0x4207: return 21; /* INTERRUPT */
	case 0x4208: return 22; /* LISTEN */
	case 0x4209: return 23; /* PEEKSIGINFO */
	case 0x420a: return 24; /* GETSIGMASK */
	case 0x420b: return 25; /* SETSIGMASK */
	default: return 0;      /* PPM_PTRACE_UNKNOWN */
	}
}

EXIT_HANDLER(ptrace_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_PTRACE_X, 5))
		return 0;
	__u16 req = ptrace_request(arg(regs, 0));
	put_s64(&r, ret);
	/* PT_DYN parameters: an index byte, then the value. addr is always a u64; data is the signal
	 * delivered for the resuming requests (PPM_PTRACE_IDX_SIGTYPE) and a u64 otherwise. */
	__u8 *d = r.buf + (r.pos & SCRATCH_MASK);
	__u64 v = arg(regs, 2);
	d[0] = 0;
	__builtin_memcpy(d + 1, &v, 8);
	set_len(&r, 9);
	d = r.buf + (r.pos & SCRATCH_MASK);
	v = arg(regs, 3);
	if (req == 8 || req == 10 || req == 12 || req == 13 || req == 36 || req == 37 || req == 38) {
		d[0] = 1;
		d[1] = (__u8)v;
		set_len(&r, 2);
	} else {
		d[0] = 0;
		__builtin_memcpy(d + 1, &v, 8);
		set_len(&r, 9);
	}
	put_u16(&r, req);
	put_s64(&r, (__s32)arg(regs, 1));
	rec_submit(&r);
	return 0;
}

static __always_inline int rw_data(__u16 type, struct pt_regs *regs, long ret, long n)
{
	struct rec r;
	if (rec_begin(&r, type, 4))
		return 0;
	put_s64(&r, ret);
	put_data(&r, (void *)arg(regs, 1), n);
	put_s64(&r, (__s32)arg(regs, 0));
	put_u32(&r, (__u32)arg(regs, 2));
	rec_submit(&r);
	return 0;
}

/* A read's buffer holds what was read (the result); a write's what the caller handed over: what was
 * written, or the whole size when the call failed, as the scap drivers record it. */
EXIT_HANDLER(read_x) { return rw_data(PPME_SYSCALL_READ_X, regs, ret, ret); }
EXIT_HANDLER(write_x) { return rw_data(PPME_SYSCALL_WRITE_X, regs, ret, ret > 0 ? ret : (long)arg(regs, 2)); }

/* ---------------------------------------------------------------- more files, namespaces, memory */

/* res, then one path */
static __always_inline int res_path(__u16 type, struct pt_regs *regs, long ret)
{
	struct rec r;
	if (rec_begin(&r, type, 2))
		return 0;
	put_s64(&r, ret);
	put_user_str(&r, (void *)arg(regs, 0));
	rec_submit(&r);
	return 0;
}

/* res, then one fd */
static __always_inline int res_fd(__u16 type, struct pt_regs *regs, long ret)
{
	struct rec r;
	if (rec_begin(&r, type, 2))
		return 0;
	put_s64(&r, ret);
	put_s64(&r, (__s32)arg(regs, 0));
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(rmdir_x) { return res_path(PPME_SYSCALL_RMDIR_2_X, regs, ret); }
EXIT_HANDLER(chdir_x) { return res_path(PPME_SYSCALL_CHDIR_X, regs, ret); }
EXIT_HANDLER(chroot_x) { return res_path(PPME_SYSCALL_CHROOT_X, regs, ret); }
EXIT_HANDLER(fchdir_x) { return res_fd(PPME_SYSCALL_FCHDIR_X, regs, ret); }

EXIT_HANDLER(mkdir_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_MKDIR_2_X, 3))
		return 0;
	put_s64(&r, ret);
	put_user_str(&r, (void *)arg(regs, 0));
	put_u32(&r, (__u32)arg(regs, 1));
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(mkdirat_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_MKDIRAT_X, 4))
		return 0;
	put_s64(&r, ret);
	put_s64(&r, (__s32)arg(regs, 0));
	put_user_str(&r, (void *)arg(regs, 1));
	put_u32(&r, (__u32)arg(regs, 2));
	rec_submit(&r);
	return 0;
}

static __always_inline int two_paths(__u16 type, struct pt_regs *regs, long ret)
{
	struct rec r;
	if (rec_begin(&r, type, 3))
		return 0;
	put_s64(&r, ret);
	put_user_str(&r, (void *)arg(regs, 0));
	put_user_str(&r, (void *)arg(regs, 1));
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(link_x) { return two_paths(PPME_SYSCALL_LINK_2_X, regs, ret); }
EXIT_HANDLER(symlink_x) { return two_paths(PPME_SYSCALL_SYMLINK_X, regs, ret); }

EXIT_HANDLER(linkat_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_LINKAT_2_X, 6))
		return 0;
	put_s64(&r, ret);
	put_s64(&r, (__s32)arg(regs, 0));
	put_user_str(&r, (void *)arg(regs, 1));
	put_s64(&r, (__s32)arg(regs, 2));
	put_user_str(&r, (void *)arg(regs, 3));
	put_u32(&r, (__u32)arg(regs, 4) & (0x400 | 0x1000)); /* AT_SYMLINK_FOLLOW, AT_EMPTY_PATH: same bits */
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(symlinkat_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_SYMLINKAT_X, 4))
		return 0;
	put_s64(&r, ret);
	put_user_str(&r, (void *)arg(regs, 0));
	put_s64(&r, (__s32)arg(regs, 1));
	put_user_str(&r, (void *)arg(regs, 2));
	rec_submit(&r);
	return 0;
}

/* Permission bits: PPM_S_* use the Linux bit positions. */
#define MODE_BITS 07777

EXIT_HANDLER(chmod_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_CHMOD_X, 3))
		return 0;
	put_s64(&r, ret);
	put_user_str(&r, (void *)arg(regs, 0));
	put_u32(&r, (__u32)arg(regs, 1) & MODE_BITS);
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(fchmod_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_FCHMOD_X, 3))
		return 0;
	put_s64(&r, ret);
	put_s64(&r, (__s32)arg(regs, 0));
	put_u32(&r, (__u32)arg(regs, 1) & MODE_BITS);
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(fchmodat_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_FCHMODAT_X, 4))
		return 0;
	put_s64(&r, ret);
	put_s64(&r, (__s32)arg(regs, 0));
	put_user_str(&r, (void *)arg(regs, 1));
	put_u32(&r, (__u32)arg(regs, 2) & MODE_BITS);
	rec_submit(&r);
	return 0;
}

static __always_inline int chown_path(__u16 type, struct pt_regs *regs, long ret)
{
	struct rec r;
	if (rec_begin(&r, type, 4))
		return 0;
	put_s64(&r, ret);
	put_user_str(&r, (void *)arg(regs, 0));
	put_u32(&r, (__u32)arg(regs, 1));
	put_u32(&r, (__u32)arg(regs, 2));
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(chown_x) { return chown_path(PPME_SYSCALL_CHOWN_X, regs, ret); }
EXIT_HANDLER(lchown_x) { return chown_path(PPME_SYSCALL_LCHOWN_X, regs, ret); }

EXIT_HANDLER(fchown_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_FCHOWN_X, 4))
		return 0;
	put_s64(&r, ret);
	put_s64(&r, (__s32)arg(regs, 0));
	put_u32(&r, (__u32)arg(regs, 1));
	put_u32(&r, (__u32)arg(regs, 2));
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(fchownat_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_FCHOWNAT_X, 6))
		return 0;
	put_s64(&r, ret);
	put_s64(&r, (__s32)arg(regs, 0));
	put_user_str(&r, (void *)arg(regs, 1));
	put_u32(&r, (__u32)arg(regs, 2));
	put_u32(&r, (__u32)arg(regs, 3));
	put_u32(&r, (__u32)arg(regs, 4) & (0x100 | 0x1000)); /* AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH */
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(shutdown_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SOCKET_SHUTDOWN_X, 3))
		return 0;
	put_s64(&r, ret);
	put_s64(&r, (__s32)arg(regs, 0));
	put_u8(&r, (__u8)arg(regs, 1)); /* SHUT_RD/WR/RDWR equal PPM_SHUT_* */
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(capset_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_CAPSET_X, 4))
		return 0;
	/* the capabilities in force after the call */
	const struct cred *cr = BPF_CORE_READ((struct task_struct *)bpf_get_current_task_btf(), cred);
	put_s64(&r, ret);
	put_u64(&r, cap_val(BPF_CORE_READ(cr, cap_inheritable)));
	put_u64(&r, cap_val(BPF_CORE_READ(cr, cap_permitted)));
	put_u64(&r, cap_val(BPF_CORE_READ(cr, cap_effective)));
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(mount_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_MOUNT_X, 5))
		return 0;
	__u32 flags = (__u32)arg(regs, 3);
	if ((flags & 0xffff0000) == 0xc0ed0000) /* MS_MGC_VAL: the old magic, not flags */
		flags &= 0xffff;
	put_s64(&r, ret);
	put_user_str(&r, (void *)arg(regs, 0));
	put_user_str(&r, (void *)arg(regs, 1));
	put_user_str(&r, (void *)arg(regs, 2));
	put_u32(&r, flags); /* PPM_MS_* use the Linux bit positions */
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(umount2_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_UMOUNT2_X, 3))
		return 0;
	put_s64(&r, ret);
	put_user_str(&r, (void *)arg(regs, 0));
	put_u32(&r, (__u32)arg(regs, 1) & 0xf); /* MNT_FORCE, DETACH, EXPIRE, UMOUNT_NOFOLLOW */
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(unshare_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_UNSHARE_X, 2))
		return 0;
	put_s64(&r, ret);
	put_u32(&r, clone_flags(arg(regs, 0)));
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(setns_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_SETNS_X, 3))
		return 0;
	put_s64(&r, ret);
	put_s64(&r, (__s32)arg(regs, 0));
	put_u32(&r, clone_flags(arg(regs, 1)));
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(bpf_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_BPF_2_X, 2))
		return 0;
	put_s64(&r, ret);
	put_u32(&r, (__u32)arg(regs, 0)); /* PPM_BPF_* equal the Linux command numbers */
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(init_module_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_INIT_MODULE_X, 4))
		return 0;
	put_s64(&r, ret);
	put_empty(&r); /* img: the module image is not copied */
	put_u64(&r, arg(regs, 1));
	put_user_str(&r, (void *)arg(regs, 2));
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(finit_module_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_FINIT_MODULE_X, 4))
		return 0;
	put_s64(&r, ret);
	put_s64(&r, (__s32)arg(regs, 0));
	put_user_str(&r, (void *)arg(regs, 1));
	put_u32(&r, (__u32)arg(regs, 2) & 7); /* MODULE_INIT_* bits */
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(prctl_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_PRCTL_X, 4))
		return 0;
	__u32 option = (__u32)arg(regs, 0); /* PPM_PR_* equal the Linux option numbers */
	__u64 a2 = arg(regs, 1);
	put_s64(&r, ret);
	put_u32(&r, option);
	if (option == 15 /* PR_SET_NAME */ || option == 16 /* PR_GET_NAME */) {
		put_user_str(&r, (void *)a2);
		put_s64(&r, 0);
	} else {
		put_empty(&r);
		put_s64(&r, (__s64)a2);
	}
	rec_submit(&r);
	return 0;
}

static __always_inline int pipe_common(struct pt_regs *regs, long ret, int two)
{
	struct rec r;
	if (rec_begin(&r, two ? PPME_SYSCALL_PIPE2_X : PPME_SYSCALL_PIPE_X, two ? 5 : 4))
		return 0;
	int fds[2] = {-1, -1};
	if (ret == 0)
		bpf_probe_read_user(fds, sizeof(fds), (void *)arg(regs, 0));
	__u32 dev; __u64 ino;
	file_dev_ino(ret == 0 ? fd_file(bpf_get_current_task_btf(), fds[0]) : NULL, &dev, &ino);
	put_s64(&r, ret);
	put_s64(&r, fds[0]);
	put_s64(&r, fds[1]);
	put_u64(&r, ino);
	if (two)
		put_u32(&r, open_flags(arg(regs, 1)) & ((1 << 12) | (1 << 6) | (1 << 9)));
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(pipe_x) { return pipe_common(regs, ret, 0); }
EXIT_HANDLER(pipe2_x) { return pipe_common(regs, ret, 1); }

EXIT_HANDLER(socketpair_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SOCKET_SOCKETPAIR_X, 8))
		return 0;
	int fds[2] = {-1, -1};
	__u64 src = 0, peer = 0;
	if (ret == 0) {
		bpf_probe_read_user(fds, sizeof(fds), (void *)arg(regs, 3));
		struct sock *sk = file_sock(fd_file(bpf_get_current_task_btf(), fds[0]));
		if (sk) {
			src = (__u64)sk;
			peer = (__u64)BPF_CORE_READ((struct unix_sock *)sk, peer);
		}
	}
	put_s64(&r, ret);
	put_s64(&r, fds[0]);
	put_s64(&r, fds[1]);
	put_u64(&r, src);
	put_u64(&r, peer);
	put_u32(&r, (__u32)arg(regs, 0));
	put_u32(&r, (__u32)arg(regs, 1));
	put_u32(&r, (__u32)arg(regs, 2));
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(userfaultfd_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_USERFAULTFD_X, 2))
		return 0;
	put_s64(&r, ret);
	put_u32(&r, open_flags(arg(regs, 0)) & ((1 << 12) | (1 << 6)));
	rec_submit(&r);
	return 0;
}

static __always_inline __u32 prot_flags(__u64 p)
{
	__u32 r = (__u32)p & 0xf; /* READ, WRITE, EXEC, SEM: same bits */
	if (p & 0x01000000) r |= 1 << 4; /* PROT_GROWSDOWN */
	if (p & 0x02000000) r |= 1 << 5; /* PROT_GROWSUP */
	return r;
}

static __always_inline __u32 mmap_flags(__u64 f)
{
	__u32 r = 0;
	if (f & 0x01) r |= 1 << 0;     /* MAP_SHARED */
	if (f & 0x02) r |= 1 << 1;     /* MAP_PRIVATE */
	if (f & 0x10) r |= 1 << 2;     /* MAP_FIXED */
	if (f & 0x20) r |= 1 << 3;     /* MAP_ANONYMOUS */
	if (f & 0x40) r |= 1 << 4;     /* MAP_32BIT */
	if (f & 0x4000) r |= 1 << 6;   /* MAP_NORESERVE */
	if (f & 0x8000) r |= 1 << 7;   /* MAP_POPULATE */
	if (f & 0x10000) r |= 1 << 8;  /* MAP_NONBLOCK */
	if (f & 0x100) r |= 1 << 9;    /* MAP_GROWSDOWN */
	if (f & 0x800) r |= 1 << 10;   /* MAP_DENYWRITE */
	if (f & 0x1000) r |= 1 << 11;  /* MAP_EXECUTABLE */
	if (f & 0x2000) r |= 1 << 14;  /* MAP_LOCKED */
	return r;
}

EXIT_HANDLER(mprotect_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_MPROTECT_X, 4))
		return 0;
	put_s64(&r, ret);
	put_u64(&r, arg(regs, 0));
	put_u64(&r, arg(regs, 1));
	put_u32(&r, prot_flags(arg(regs, 2)));
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(mmap_x)
{
	__u64 prot = arg(regs, 2);
	/* only executable mappings are recorded: the ones rules look at, a small share of all mmaps */
	if (!(prot & 4))
		return 0;
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_MMAP_X, 10))
		return 0;
	struct mm_struct *mm = BPF_CORE_READ((struct task_struct *)bpf_get_current_task_btf(), mm);
	__u32 vm_size = 0, vm_rss = 0, vm_swap = 0;
	if (mm) {
		vm_size = BPF_CORE_READ(mm, total_vm) << 2;
		__s64 rss = BPF_CORE_READ(mm, rss_stat[0].count) + BPF_CORE_READ(mm, rss_stat[1].count)
			    + BPF_CORE_READ(mm, rss_stat[3].count);
		__s64 swap = BPF_CORE_READ(mm, rss_stat[2].count);
		vm_rss = rss > 0 ? (__u32)(rss << 2) : 0;
		vm_swap = swap > 0 ? (__u32)(swap << 2) : 0;
	}
	put_s64(&r, ret);
	put_u32(&r, vm_size);
	put_u32(&r, vm_rss);
	put_u32(&r, vm_swap);
	put_u64(&r, arg(regs, 0));
	put_u64(&r, arg(regs, 1));
	put_u32(&r, prot_flags(prot));
	put_u32(&r, mmap_flags(arg(regs, 3)));
	put_s64(&r, (__s32)arg(regs, 4));
	put_u64(&r, arg(regs, 5));
	rec_submit(&r);
	return 0;
}

static __always_inline __u8 fcntl_cmd(__u32 c)
{
	switch (c) {
	case 0: return 1;      /* F_DUPFD */
	case 1: return 2;      /* F_GETFD */
	case 2: return 3;      /* F_SETFD */
	case 3: return 4;      /* F_GETFL */
	case 4: return 5;      /* F_SETFL */
	case 5: return 6;      /* F_GETLK */
	case 6: return 8;      /* F_SETLK */
	case 7: return 9;      /* F_SETLKW */
	case 8: return 10;     /* F_SETOWN */
	case 9: return 12;     /* F_GETOWN */
	case 10: return 13;    /* F_SETSIG */
	case 11: return 15;    /* F_GETSIG */
	case 15: return 21;    /* F_SETOWN_EX */
	case 16: return 22;    /* F_GETOWN_EX */
	case 36: return 30;    /* F_OFD_GETLK */
	case 37: return 31;    /* F_OFD_SETLK */
	case 1024: return 23;  /* F_SETLEASE */
	case 1025: return 24;  /* F_GETLEASE */
	case 1026: return 27;  /* F_NOTIFY */
	case 1029: return 25;  /* F_CANCELLK */
	case 1030: return 26;  /* F_DUPFD_CLOEXEC */
	case 1031: return 28;  /* F_SETPIPE_SZ */
	case 1032: return 29;  /* F_GETPIPE_SZ */
	default: return 0;     /* PPM_FCNTL_UNKNOWN */
	}
}

EXIT_HANDLER(fcntl_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_FCNTL_X, 4))
		return 0;
	put_s64(&r, ret);
	put_s64(&r, (__s32)arg(regs, 0));
	put_u8(&r, fcntl_cmd((__u32)arg(regs, 1)));
	put_u64(&r, arg(regs, 2));
	rec_submit(&r);
	return 0;
}

/* ---------------------------------------------------------------- datagrams and messages */

static __always_inline struct sock *fd_sock(long fd)
{
	return file_sock(fd_file(bpf_get_current_task_btf(), fd));
}

EXIT_HANDLER(sendto_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SOCKET_SENDTO_X, 5))
		return 0;
	long fd = (__s32)arg(regs, 0);
	put_s64(&r, ret);
	put_data(&r, (void *)arg(regs, 1), ret > 0 ? ret : (long)arg(regs, 2));
	put_s64(&r, fd);
	put_u32(&r, (__u32)arg(regs, 2));
	put_socktuple_peer(&r, fd_sock(fd), (void *)arg(regs, 4), 0);
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(recvfrom_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SOCKET_RECVFROM_X, 5))
		return 0;
	long fd = (__s32)arg(regs, 0);
	put_s64(&r, ret);
	/* with MSG_TRUNC a datagram's full length is returned, which can exceed the buffer */
	__u64 size = arg(regs, 2);
	long got = ret > 0 && (__u64)ret > size ? (long)size : ret;
	put_data(&r, (void *)arg(regs, 1), got);
	put_socktuple_peer(&r, ret >= 0 ? fd_sock(fd) : NULL, ret >= 0 ? (void *)arg(regs, 4) : NULL, 1);
	put_s64(&r, fd);
	put_u32(&r, (__u32)arg(regs, 2));
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(sendmsg_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SOCKET_SENDMSG_X, 5))
		return 0;
	long fd = (__s32)arg(regs, 0);
	struct user_msghdr mh = {};
	bpf_probe_read_user(&mh, sizeof(mh), (void *)arg(regs, 1));
	put_s64(&r, ret);
	/* a failed send: what the caller handed over, bounded by the iovecs' lengths */
	put_data_iov(&r, mh.msg_iov, mh.msg_iovlen, ret > 0 ? ret : PG_SNAPLEN_MAX);
	put_s64(&r, fd);
	put_u32(&r, ret > 0 ? (__u32)ret : 0);
	put_socktuple_peer(&r, fd_sock(fd), mh.msg_name, 0);
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(recvmsg_x)
{
	struct rec r;
	if (rec_begin(&r, PPME_SOCKET_RECVMSG_X, 6))
		return 0;
	long fd = (__s32)arg(regs, 0);
	struct user_msghdr mh = {};
	bpf_probe_read_user(&mh, sizeof(mh), (void *)arg(regs, 1));
	put_s64(&r, ret);
	put_u32(&r, ret > 0 ? (__u32)ret : 0);
	put_data_iov(&r, mh.msg_iov, mh.msg_iovlen, ret);
	put_socktuple_peer(&r, ret >= 0 ? fd_sock(fd) : NULL, ret >= 0 ? mh.msg_name : NULL, 1);
	put_empty(&r); /* msgcontrol */
	put_s64(&r, fd);
	rec_submit(&r);
	return 0;
}

static __always_inline int clone_common(__u16 type, __u32 flags, long ret)
{
	/* the child side (result 0) was recorded by sched_process_fork when the child was created */
	if (ret == 0)
		return 0;
	struct rec r;
	if (rec_begin(&r, type, 21))
		return 0;
	put_clone_exit(&r, bpf_get_current_task_btf(), ret, flags);
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(clone_x) { return clone_common(PPME_SYSCALL_CLONE_20_X, clone_flags(arg(regs, 0)), ret); }
EXIT_HANDLER(fork_x) { return clone_common(PPME_SYSCALL_FORK_20_X, 0, ret); }
EXIT_HANDLER(vfork_x) { return clone_common(PPME_SYSCALL_VFORK_20_X, (1 << 27) | (1 << 15), ret); }
EXIT_HANDLER(clone3_x)
{
	__u64 f = 0;
	bpf_probe_read_user(&f, sizeof(f), (void *)arg(regs, 0));
	return clone_common(PPME_SYSCALL_CLONE3_X, clone_flags(f), ret);
}

/* execve/execveat: the full record after a successful exec comes from sched_process_exec,
 * where the new image and bprm->filename are available; failures are recorded here. */
/* ---------------------------------------------------------------- exe flags (execve exit) */

#define PPM_EXE_WRITABLE (1 << 0)
#define PPM_EXE_UPPER_LAYER (1 << 1)
#define PPM_EXE_FROM_MEMFD (1 << 2)
#define PPM_EXE_LOWER_LAYER (1 << 3)
#define OVERLAYFS_SUPER_MAGIC 0x794c7630
#define SB_RDONLY_BIT 1           /* SB_RDONLY in super_block.s_flags */
#define S_IMMUTABLE_BIT 8         /* S_IMMUTABLE in inode.i_flags */
#define CAP_DAC_OVERRIDE_BIT (1ULL << 1)
#define CAP_FOWNER_BIT (1ULL << 3)
#define MAX_GROUP_STEPS 17        /* binary search over NGROUPS_MAX (65536) supplementary groups */

/* Whether the sorted supplementary groups of cred contain gid. */
static __always_inline int in_groups(const struct cred *cr, __u32 gid)
{
	struct group_info *gi = BPF_CORE_READ(cr, group_info);
	if (!gi)
		return 0;
	int n = BPF_CORE_READ(gi, ngroups);
	__u32 lo = 0, hi = n > 0 ? (__u32)n : 0;
	for (int i = 0; i < MAX_GROUP_STEPS && lo < hi; i++) {
		__u32 mid = (lo + hi) / 2;
		__u32 g = 0;
		bpf_probe_read_kernel(&g, sizeof(g), &gi->gid[mid & 0xffff]);
		if (g == gid)
			return 1;
		if (gid > g)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* PPM_EXE_WRITABLE: whether the task could write its own executable, the scap meaning: not on a
 * read-only filesystem, not immutable, and owned by the task's fsuid, or writable through the
 * group or other mode bits, or by CAP_DAC_OVERRIDE or CAP_FOWNER. The capabilities count only in
 * the initial user namespace (nested namespaces would need the uid/gid maps) and POSIX ACLs are
 * not read, so a file writable only through an ACL is reported not writable. */
static __always_inline int exe_writable(struct inode *in, const struct cred *cr)
{
	__u16 mode = BPF_CORE_READ(in, i_mode);
	__u16 type = mode & 0170000;
	if ((BPF_CORE_READ(in, i_sb, s_flags) & SB_RDONLY_BIT)
	    && (type == 0100000 || type == 0040000 || type == 0120000))
		return 0;
	if (BPF_CORE_READ(in, i_flags) & S_IMMUTABLE_BIT)
		return 0;
	__u32 uid = BPF_CORE_READ(in, i_uid.val);
	__u32 gid = BPF_CORE_READ(in, i_gid.val);
	if (uid == (__u32)-1 || gid == (__u32)-1)
		return 0;
	if (uid == BPF_CORE_READ(cr, fsuid.val))
		return 1;
	if (gid == BPF_CORE_READ(cr, fsgid.val) || in_groups(cr, gid))
		mode >>= 3;
	if (mode & 02)
		return 1;
	if (BPF_CORE_READ(cr, user_ns, level) != 0)
		return 0;
	return (cap_val(BPF_CORE_READ(cr, cap_effective)) & (CAP_DAC_OVERRIDE_BIT | CAP_FOWNER_BIT)) != 0;
}

/* PPM_EXE_UPPER_LAYER or PPM_EXE_LOWER_LAYER for an executable on overlayfs: the overlay inode
 * (struct ovl_inode around the VFS inode) has an upper dentry once the file exists on the upper
 * (writable) layer, i.e. it was created or copied up in the container; otherwise it comes from a
 * lower (image) layer. */
static __always_inline __u32 exe_layer(struct file *exe)
{
	struct dentry *d = BPF_CORE_READ(exe, f_path.dentry);
	if (BPF_CORE_READ(d, d_sb, s_magic) != OVERLAYFS_SUPER_MAGIC)
		return 0;
	if (!bpf_core_field_exists(((struct ovl_inode *)0)->__upperdentry))
		return 0;
	struct inode *vi = BPF_CORE_READ(d, d_inode);
	struct ovl_inode *oi = (void *)((char *)vi - bpf_core_field_offset(struct ovl_inode, vfs_inode));
	struct dentry *upper = BPF_CORE_READ(oi, __upperdentry);
	if (upper && BPF_CORE_READ(upper, d_inode, i_ino) != 0)
		return PPM_EXE_UPPER_LAYER;
	return PPM_EXE_LOWER_LAYER;
}

static __always_inline int exec_record(struct task_struct *t, int at, long ret, const char *kfilename,
				       const char *ufilename)
{
	struct rec r;
	if (rec_begin(&r, at ? PPME_SYSCALL_EXECVEAT_X : PPME_SYSCALL_EXECVE_19_X, at ? 30 : 31))
		return 0;
	put_s64(&r, ret);
	put_process_common(&r, t, 1);
	struct mm_struct *mm = BPF_CORE_READ(t, mm);
	unsigned long es = mm ? BPF_CORE_READ(mm, env_start) : 0;
	unsigned long ee = mm ? BPF_CORE_READ(mm, env_end) : 0;
	if (ret == 0 && es && ee > es)
		put_user_bytes(&r, (void *)es, (__u32)(ee - es), MAX_ENV);
	else
		put_empty(&r);
	put_u32(&r, tty_of(t));
	unsigned int lvl = ns_level(t);
	struct pid *pg = BPF_CORE_READ(t, signal, pids[PIDTYPE_PGID]);
	put_s64(&r, pid_at(pg, lvl));
	put_u32(&r, BPF_CORE_READ(t, loginuid.val));
	struct file *exe = mm ? BPF_CORE_READ(mm, exe_file) : NULL;
	struct inode *in = exe ? BPF_CORE_READ(exe, f_inode) : NULL;
	const struct cred *cr = BPF_CORE_READ(t, cred);
	__u32 eflags = 0;
	if (in && BPF_CORE_READ(in, __i_nlink) == 0)
		eflags |= PPM_EXE_FROM_MEMFD; /* an unlinked image, as memfd executables are */
	if (in && exe_writable(in, cr))
		eflags |= PPM_EXE_WRITABLE;
	if (exe)
		eflags |= exe_layer(exe);
	put_u32(&r, eflags);
	put_u64(&r, cap_val(BPF_CORE_READ(cr, cap_inheritable)));
	put_u64(&r, cap_val(BPF_CORE_READ(cr, cap_permitted)));
	put_u64(&r, cap_val(BPF_CORE_READ(cr, cap_effective)));
	put_u64(&r, in ? BPF_CORE_READ(in, i_ino) : 0);
	__u64 ct = 0, mt = 0;
	if (in && bpf_core_field_exists(in->i_ctime_sec)) {
		ct = BPF_CORE_READ(in, i_ctime_sec) * 1000000000ULL + BPF_CORE_READ(in, i_ctime_nsec);
		mt = BPF_CORE_READ(in, i_mtime_sec) * 1000000000ULL + BPF_CORE_READ(in, i_mtime_nsec);
	}
	put_u64(&r, ct);
	put_u64(&r, mt);
	put_u32(&r, BPF_CORE_READ(cr, euid.val));
	if (exe)
		put_path(&r, BPF_CORE_READ(exe, f_path.dentry), BPF_CORE_READ(exe, f_path.mnt));
	else
		put_empty(&r);
	put_s64(&r, pid_at(pg, 0));
	put_u32(&r, BPF_CORE_READ(cr, egid.val));
	if (!at) {
		if (kfilename)
			put_kernel_str(&r, kfilename);
		else
			put_user_str(&r, ufilename);
	}
	rec_submit(&r);
	return 0;
}

EXIT_HANDLER(execve_x)
{
	if (ret == 0)
		return 0;
	return exec_record(bpf_get_current_task_btf(), 0, ret, NULL, (void *)arg(regs, 0));
}

EXIT_HANDLER(execveat_x)
{
	if (ret == 0)
		return 0;
	return exec_record(bpf_get_current_task_btf(), 1, ret, NULL, NULL);
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(sched_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	struct pt_regs *regs = (struct pt_regs *)bpf_task_pt_regs(p);
	__u32 nr = (__u32)BPF_CORE_READ(regs, orig_ax);
	int at = nr == NR_execveat;
	if ((nr != NR_execve && !at) || !selected(nr) || excluded(bpf_get_current_pid_tgid()))
		return 0;
	return exec_record(p, at, 0, BPF_CORE_READ(bprm, filename), NULL);
}

#define SIGNAL_GROUP_EXIT 0x00000004

/* Who the kernel hands the exiting task's children to (kernel/exit.c, find_new_reaper): the nearest
 * ancestor in the same pid namespace that made itself a child subreaper (a container runtime's
 * shim), else the namespace's init. 0 when there are no children, or when only this thread ends
 * and the group lives on (the children stay in the group; state picks its thread). In an
 * exit_group every thread is exiting, so the kernel passes the children on at once. Without
 * this, a container process whose runc parent exits would look like a child of the host's pid 1. */
static __always_inline __s64 new_reaper(struct task_struct *p)
{
	struct signal_struct *sig = BPF_CORE_READ(p, signal);
	if (BPF_CORE_READ(sig, live.counter) != 0 && !(BPF_CORE_READ(sig, flags) & SIGNAL_GROUP_EXIT))
		return 0;
	if ((void *)BPF_CORE_READ(p, children.next) == (void *)&p->children)
		return 0;
	unsigned int lvl = ns_level(p);
	if (BPF_CORE_READ_BITFIELD_PROBED(sig, has_child_subreaper)) {
		struct task_struct *a = BPF_CORE_READ(p, real_parent);
		for (int i = 0; i < 16; i++) {
			if (!a || BPF_CORE_READ(a, pid) == 0 || ns_level(a) != lvl)
				break;
			struct signal_struct *as = BPF_CORE_READ(a, signal);
			if (BPF_CORE_READ_BITFIELD_PROBED(as, is_child_subreaper) && BPF_CORE_READ(as, live.counter) > 0)
				return BPF_CORE_READ(a, tgid);
			a = BPF_CORE_READ(a, real_parent);
		}
	}
	struct pid *pid = BPF_CORE_READ(p, thread_pid);
	struct pid_namespace *ns = BPF_CORE_READ(pid, numbers[lvl & 31].ns);
	struct task_struct *init = BPF_CORE_READ(ns, child_reaper);
	return init ? BPF_CORE_READ(init, tgid) : 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(sched_exit, struct task_struct *p)
{
	int ex = excluded(bpf_get_current_pid_tgid());
	/* The last thread of an excluded group is gone: its tgid may be reused by anyone. */
	__u32 tgid = p->tgid;
	if (BPF_CORE_READ(p, signal, live.counter) == 0)
		bpf_map_delete_elem(&excluded_tgids, &tgid);
	/* procexit is selected together with exit_group (231) */
	if (ex || !selected(231))
		return 0;
	struct rec r;
	if (rec_begin(&r, PPME_PROCEXIT_1_E, 5))
		return 0;
	int code = BPF_CORE_READ(p, exit_code);
	put_s64(&r, code);
	put_s64(&r, (code >> 8) & 0xff); /* ret: exit status */
	put_u8(&r, code & 0x7f);        /* sig: terminating signal */
	put_u8(&r, (code & 0x80) ? 1 : 0);
	put_s64(&r, new_reaper(p));     /* reaper_tid */
	rec_submit(&r);
	return 0;
}

/* ---------------------------------------------------------------- new tasks */

#define PF_IO_WORKER 0x00000010
#define PF_KTHREAD 0x00200000

/* The child-side clone record (scap's clone/clone3/fork/vfork exit with result 0), written when
 * the child has been fully created and before it can run: the record precedes everything the
 * child does, and a child whose own return to user space is never seen is still known. It runs
 * in the parent, so the syscall and its flags are the parent's; the header's tid is the child's.
 * sys_exit no longer records the child side, so each child is recorded once. */
SEC("tp_btf/sched_process_fork")
int BPF_PROG(sched_fork, struct task_struct *parent, struct task_struct *child)
{
	/* kernel threads and io_uring workers never make syscalls of their own */
	if (child->flags & (PF_KTHREAD | PF_IO_WORKER))
		return 0;
	struct task_struct *cur = bpf_get_current_task_btf();
	/* A new thread group forked by one excluded with its descendants is excluded the same way
	 * (postgres forks its backends), whatever the selection: the child's record and everything it
	 * does are left out. */
	__u32 ptgid = cur->tgid, ctgid = child->tgid;
	__u8 *how = bpf_map_lookup_elem(&excluded_tgids, &ptgid);
	if (how && (*how & PG_EXCL_DESCENDANTS)) {
		if (ctgid != ptgid) {
			__u8 v = *how;
			bpf_map_update_elem(&excluded_tgids, &ctgid, &v, BPF_ANY);
		}
		return 0;
	}
	if (cur->thread_info.status & TS_COMPAT)
		return 0;
	struct pt_regs *regs = (struct pt_regs *)bpf_task_pt_regs(cur);
	__u32 nr = (__u32)BPF_CORE_READ(regs, orig_ax);
	__u16 type;
	__u32 flags;
	if (nr == NR_clone) {
		type = PPME_SYSCALL_CLONE_20_X;
		flags = clone_flags(BPF_CORE_READ(regs, di));
	} else if (nr == NR_clone3) {
		__u64 f = 0;
		bpf_probe_read_user(&f, sizeof(f), (void *)BPF_CORE_READ(regs, di));
		type = PPME_SYSCALL_CLONE3_X;
		flags = clone_flags(f);
	} else if (nr == NR_fork) {
		type = PPME_SYSCALL_FORK_20_X;
		flags = 0;
	} else if (nr == NR_vfork) {
		type = PPME_SYSCALL_VFORK_20_X;
		flags = (1 << 27) | (1 << 15);
	} else {
		return 0; /* not created by a clone-family syscall (e.g. a user-mode helper) */
	}
	if (!selected(nr))
		return 0;
	/* exclusion goes by the child's identity, as when the child recorded itself */
	if (excluded_tgid(ctgid) || excluded_cgroup(child))
		return 0;
	struct rec r;
	if (rec_begin(&r, type, 21))
		return 0;
	*(__u64 *)(r.buf + 8) = (__u32)child->pid;
	put_clone_exit(&r, child, 0, flags);
	rec_submit(&r);
	return 0;
}

/* ---------------------------------------------------------------- enter events */

#define ENTER_HANDLER(name) \
	SEC("tp_btf/sys_enter") int BPF_PROG(name, struct pt_regs *regs, long id)

ENTER_HANDLER(open_e)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_OPEN_E, 3))
		return 0;
	put_user_str(&r, (void *)arg(regs, 0));
	put_u32(&r, open_flags(arg(regs, 1)));
	put_u32(&r, (__u32)arg(regs, 2));
	rec_submit(&r);
	return 0;
}

ENTER_HANDLER(creat_e)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_CREAT_E, 2))
		return 0;
	put_user_str(&r, (void *)arg(regs, 0));
	put_u32(&r, (__u32)arg(regs, 1));
	rec_submit(&r);
	return 0;
}

ENTER_HANDLER(openat_e)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_OPENAT_2_E, 4))
		return 0;
	put_s64(&r, (__s32)arg(regs, 0));
	put_user_str(&r, (void *)arg(regs, 1));
	put_u32(&r, open_flags(arg(regs, 2)));
	put_u32(&r, (__u32)arg(regs, 3));
	rec_submit(&r);
	return 0;
}

ENTER_HANDLER(openat2_e)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_OPENAT2_E, 5))
		return 0;
	struct open_how how = {};
	bpf_probe_read_user(&how, sizeof(how), (void *)arg(regs, 2));
	put_s64(&r, (__s32)arg(regs, 0));
	put_user_str(&r, (void *)arg(regs, 1));
	put_u32(&r, open_flags(how.flags));
	put_u32(&r, (__u32)how.mode);
	put_u32(&r, resolve_flags(how.resolve));
	rec_submit(&r);
	return 0;
}

/* One fd parameter: close, bind. */
static __always_inline int fd_enter(__u16 type, struct pt_regs *regs)
{
	struct rec r;
	if (rec_begin(&r, type, 1))
		return 0;
	put_s64(&r, (__s32)arg(regs, 0));
	rec_submit(&r);
	return 0;
}

ENTER_HANDLER(close_e) { return fd_enter(PPME_SYSCALL_CLOSE_E, regs); }
ENTER_HANDLER(bind_e) { return fd_enter(PPME_SOCKET_BIND_E, regs); }

/* bpf: the command, as PPME_SYSCALL_BPF_2_E carries it (64-bit; PPM_BPF_* equal the Linux numbers) */
ENTER_HANDLER(bpf_e)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_BPF_2_E, 1))
		return 0;
	put_s64(&r, (__s32)arg(regs, 0));
	rec_submit(&r);
	return 0;
}

ENTER_HANDLER(socket_e)
{
	struct rec r;
	if (rec_begin(&r, PPME_SOCKET_SOCKET_E, 3))
		return 0;
	put_u32(&r, (__u32)arg(regs, 0));
	put_u32(&r, (__u32)arg(regs, 1));
	put_u32(&r, (__u32)arg(regs, 2));
	rec_submit(&r);
	return 0;
}

ENTER_HANDLER(connect_e)
{
	struct rec r;
	if (rec_begin(&r, PPME_SOCKET_CONNECT_E, 2))
		return 0;
	put_s64(&r, (__s32)arg(regs, 0));
	put_user_sockaddr(&r, (void *)arg(regs, 1), (long)arg(regs, 2));
	rec_submit(&r);
	return 0;
}

/* A pid (or tid) and a signal: kill, tkill. */
static __always_inline int pid_signal_enter(__u16 type, struct pt_regs *regs)
{
	struct rec r;
	if (rec_begin(&r, type, 2))
		return 0;
	put_s64(&r, (__s32)arg(regs, 0));
	put_u8(&r, (__u8)arg(regs, 1));
	rec_submit(&r);
	return 0;
}

ENTER_HANDLER(kill_e) { return pid_signal_enter(PPME_SYSCALL_KILL_E, regs); }
ENTER_HANDLER(tkill_e) { return pid_signal_enter(PPME_SYSCALL_TKILL_E, regs); }

ENTER_HANDLER(tgkill_e)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_TGKILL_E, 3))
		return 0;
	put_s64(&r, (__s32)arg(regs, 0));
	put_s64(&r, (__s32)arg(regs, 1));
	put_u8(&r, (__u8)arg(regs, 2));
	rec_submit(&r);
	return 0;
}

ENTER_HANDLER(ptrace_e)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_PTRACE_E, 2))
		return 0;
	put_u16(&r, ptrace_request(arg(regs, 0)));
	put_s64(&r, (__s32)arg(regs, 1));
	rec_submit(&r);
	return 0;
}

static __always_inline int id_enter(__u16 type, struct pt_regs *regs)
{
	struct rec r;
	if (rec_begin(&r, type, 1))
		return 0;
	put_u32(&r, (__u32)arg(regs, 0));
	rec_submit(&r);
	return 0;
}

ENTER_HANDLER(setuid_e) { return id_enter(PPME_SYSCALL_SETUID_E, regs); }
ENTER_HANDLER(setgid_e) { return id_enter(PPME_SYSCALL_SETGID_E, regs); }

/* execve's enter event has the filename only: argv is on the exit event, read from the new image */
ENTER_HANDLER(execve_e)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_EXECVE_19_E, 1))
		return 0;
	put_user_str(&r, (void *)arg(regs, 0));
	rec_submit(&r);
	return 0;
}

ENTER_HANDLER(execveat_e)
{
	struct rec r;
	if (rec_begin(&r, PPME_SYSCALL_EXECVEAT_E, 3))
		return 0;
	__u64 f = arg(regs, 4);
	__u32 flags = 0;
	if (f & 0x1000) flags |= 1; /* AT_EMPTY_PATH */
	if (f & 0x100) flags |= 2;  /* AT_SYMLINK_NOFOLLOW */
	put_s64(&r, (__s32)arg(regs, 0));
	put_user_str(&r, (void *)arg(regs, 1));
	put_u32(&r, flags);
	rec_submit(&r);
	return 0;
}

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, MAX_SYSCALLS);
	__uint(key_size, sizeof(__u32));
	__array(values, int(void *));
} enter_handlers SEC(".maps") = {
	.values = {
		[NR_open] = (void *)&open_e,
		[NR_close] = (void *)&close_e,
		[NR_bpf] = (void *)&bpf_e,
		[NR_socket] = (void *)&socket_e,
		[NR_bind] = (void *)&bind_e,
		[NR_connect] = (void *)&connect_e,
		[NR_creat] = (void *)&creat_e,
		[NR_kill] = (void *)&kill_e,
		[NR_tkill] = (void *)&tkill_e,
		[NR_tgkill] = (void *)&tgkill_e,
		[NR_ptrace] = (void *)&ptrace_e,
		[NR_setuid] = (void *)&setuid_e,
		[NR_setgid] = (void *)&setgid_e,
		[NR_execve] = (void *)&execve_e,
		[NR_execveat] = (void *)&execveat_e,
		[NR_openat] = (void *)&openat_e,
		[NR_openat2] = (void *)&openat2_e,
	},
};

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, MAX_SYSCALLS);
	__uint(key_size, sizeof(__u32));
	__array(values, int(void *));
} exit_handlers SEC(".maps") = {
	.values = {
		[NR_read] = (void *)&read_x,
		[NR_write] = (void *)&write_x,
		[NR_open] = (void *)&open_x,
		[NR_close] = (void *)&close_x,
		[NR_dup] = (void *)&dup_x,
		[NR_dup2] = (void *)&dup2_x,
		[NR_socket] = (void *)&socket_x,
		[NR_connect] = (void *)&connect_x,
		[NR_accept] = (void *)&accept_x,
		[NR_bind] = (void *)&bind_x,
		[NR_listen] = (void *)&listen_x,
		[NR_clone] = (void *)&clone_x,
		[NR_fork] = (void *)&fork_x,
		[NR_vfork] = (void *)&vfork_x,
		[NR_execve] = (void *)&execve_x,
		[NR_kill] = (void *)&kill_x,
		[NR_rename] = (void *)&rename_x,
		[NR_creat] = (void *)&creat_x,
		[NR_unlink] = (void *)&unlink_x,
		[NR_ptrace] = (void *)&ptrace_x,
		[NR_setuid] = (void *)&setuid_x,
		[NR_setgid] = (void *)&setgid_x,
		[NR_setreuid] = (void *)&setreuid_x,
		[NR_setregid] = (void *)&setregid_x,
		[NR_setresuid] = (void *)&setresuid_x,
		[NR_setresgid] = (void *)&setresgid_x,
		[NR_tkill] = (void *)&tkill_x,
		[NR_tgkill] = (void *)&tgkill_x,
		[NR_openat] = (void *)&openat_x,
		[NR_unlinkat] = (void *)&unlinkat_x,
		[NR_renameat] = (void *)&renameat_x,
		[NR_accept4] = (void *)&accept4_x,
		[NR_dup3] = (void *)&dup3_x,
		[NR_renameat2] = (void *)&renameat2_x,
		[NR_memfd_create] = (void *)&memfd_create_x,
		[NR_execveat] = (void *)&execveat_x,
		[NR_clone3] = (void *)&clone3_x,
		[NR_openat2] = (void *)&openat2_x,
		[NR_mmap] = (void *)&mmap_x,
		[NR_mprotect] = (void *)&mprotect_x,
		[NR_pipe] = (void *)&pipe_x,
		[NR_shutdown] = (void *)&shutdown_x,
		[NR_socketpair] = (void *)&socketpair_x,
		[NR_fcntl] = (void *)&fcntl_x,
		[NR_chdir] = (void *)&chdir_x,
		[NR_fchdir] = (void *)&fchdir_x,
		[NR_mkdir] = (void *)&mkdir_x,
		[NR_rmdir] = (void *)&rmdir_x,
		[NR_link] = (void *)&link_x,
		[NR_symlink] = (void *)&symlink_x,
		[NR_chmod] = (void *)&chmod_x,
		[NR_fchmod] = (void *)&fchmod_x,
		[NR_chown] = (void *)&chown_x,
		[NR_fchown] = (void *)&fchown_x,
		[NR_lchown] = (void *)&lchown_x,
		[NR_capset] = (void *)&capset_x,
		[NR_prctl] = (void *)&prctl_x,
		[NR_chroot] = (void *)&chroot_x,
		[NR_mount] = (void *)&mount_x,
		[NR_umount2] = (void *)&umount2_x,
		[NR_init_module] = (void *)&init_module_x,
		[NR_mkdirat] = (void *)&mkdirat_x,
		[NR_fchownat] = (void *)&fchownat_x,
		[NR_linkat] = (void *)&linkat_x,
		[NR_symlinkat] = (void *)&symlinkat_x,
		[NR_fchmodat] = (void *)&fchmodat_x,
		[NR_unshare] = (void *)&unshare_x,
		[NR_pipe2] = (void *)&pipe2_x,
		[NR_setns] = (void *)&setns_x,
		[NR_finit_module] = (void *)&finit_module_x,
		[NR_bpf] = (void *)&bpf_x,
		[NR_userfaultfd] = (void *)&userfaultfd_x,
		[NR_sendto] = (void *)&sendto_x,
		[NR_recvfrom] = (void *)&recvfrom_x,
		[NR_sendmsg] = (void *)&sendmsg_x,
		[NR_recvmsg] = (void *)&recvmsg_x,
	},
};

/* The generic "syscall" record (scap PPME_GENERIC_E/X) of a selected syscall without a handler,
 * with its number. Its size is fixed, so it is written straight into the ring without the scratch
 * copy. */
static __always_inline int generic_record(__u16 type, __u32 nr, __u64 id, struct pg_settings *s)
{
	struct pg_counters *c = cnt();
	struct generic_rec *g = bpf_ringbuf_reserve(&events, sizeof(*g), 0);
	if (!g) {
		if (c)
			c->drops++;
		return 0;
	}
	g->ts = bpf_ktime_get_boot_ns() + s->boot_time_ns;
	g->tid = (__u32)id;
	g->len = PG_GENERIC_LEN;
	g->type = type;
	g->nparams = 2;
	g->lens[0] = 2;
	g->lens[1] = 2;
	g->id = 0;            /* ID: the PPM_SC code, left to user space (PPM_SC_UNKNOWN) */
	g->native_id = (__u16)nr;
	bpf_ringbuf_submit(g, BPF_RB_NO_WAKEUP);
	if (c)
		c->events++;
	return 0;
}

/* The exit dispatcher: the only program attached to sys_exit. */
SEC("tp_btf/sys_exit")
int BPF_PROG(sys_exit, struct pt_regs *regs, long ret)
{
	/* tp_btf arguments are typed kernel pointers: a direct load, no helper call */
	__u32 nr = (__u32)regs->orig_ax;
	if (nr >= MAX_SYSCALLS || !selected(nr))
		return 0;
	__u32 zero = 0;
	__u64 id = bpf_get_current_pid_tgid();
	struct pg_settings *s = bpf_map_lookup_elem(&settings, &zero);
	if (!s || excluded(id))
		return 0;
	/* An ia32 syscall (a 32-bit process, or int $0x80 from a 64-bit one) has its own numbers and
	 * argument registers; the handlers know the x86_64 ones, so it is left out, not misread. */
	if (bpf_get_current_task_btf()->thread_info.status & TS_COMPAT)
		return 0;
	bpf_tail_call(ctx, &exit_handlers, nr);
	return generic_record(PPME_GENERIC_X, nr, id, s);
}

/* The enter dispatcher: the only program attached to sys_enter. With nothing selected for enter
 * (the default) it is one array lookup and a branch. */
SEC("tp_btf/sys_enter")
int BPF_PROG(sys_enter, struct pt_regs *regs, long syscall_id)
{
	__u32 nr = (__u32)syscall_id;
	if (nr >= MAX_SYSCALLS)
		return 0;
	__u8 *sel = bpf_map_lookup_elem(&enter_selection, &nr);
	if (!sel || !(*sel & PG_SEL_ENTER))
		return 0;
	__u32 zero = 0;
	__u64 id = bpf_get_current_pid_tgid();
	struct pg_settings *s = bpf_map_lookup_elem(&settings, &zero);
	if (!s || excluded(id))
		return 0;
	if (bpf_get_current_task_btf()->thread_info.status & TS_COMPAT)
		return 0;
	bpf_tail_call(ctx, &enter_handlers, nr);
	return generic_record(PPME_GENERIC_E, nr, id, s);
}
