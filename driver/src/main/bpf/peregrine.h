/* Structures and numbers shared by the probe and the Java side.
 * Every struct here has a Java MemoryLayout in io.peregrine.driver.bpf.ProbeLayouts,
 * and ProbeLayoutTest checks both agree by reading the BTF of the compiled probe. */
#ifndef PEREGRINE_H
#define PEREGRINE_H

/* Run-time settings, written from Java into the `settings` array map (one entry). */
struct pg_settings {
	__u64 boot_time_ns;   /* wall-clock time of boot, added to bpf_ktime_get_boot_ns() */
	__u32 exclude_tgid;   /* unused, 0: exclusion is in the excluded_tgids and excluded_cgroups maps */
	__u32 flags;          /* reserved, 0 */
	__u32 snaplen;        /* bytes of an I/O call's buffer kept in its data parameter; 0 = none */
	__u32 reserved;       /* 0 */
};

/* Sizes of the exclusion maps, and how many cgroup levels above a task's own are compared. */
#define PG_MAX_EXCLUDED_TGIDS 16384
#define PG_MAX_EXCLUDED_CGROUPS 256
#define PG_CGROUP_LEVELS 8
/* Values of the `excluded_tgids` map. */
#define PG_EXCL_SELF 1        /* the thread group itself */
#define PG_EXCL_DESCENDANTS 2 /* and the thread groups it forks from now on, and theirs */
/* Upper bound of pg_settings.snaplen: one data parameter always fits a record (SCRATCH_HALF). */
#define PG_SNAPLEN_MAX 8192

/* Per-CPU loss accounting, in the `counters` per-CPU array map (one entry). */
struct pg_counters {
	__u64 events;         /* records successfully written into the ring */
	__u64 drops;          /* records lost because the ring was full */
	__u64 too_large;      /* records lost because they exceeded the scratch buffer */
};

/* Values of the `selection` map, indexed by syscall number. */
#define PG_SEL_EXIT 1     /* emit the exit event for this syscall */
/* Values of the `enter_selection` map (a separate map, so that the exit path's lookups never share
 * its cache lines), indexed by syscall number. */
#define PG_SEL_ENTER 1    /* emit the enter event for this syscall */

/* scap record header: u64 ts, u64 tid, u32 len, u16 type, u32 nparams (packed, 26 bytes). */
#define PG_HEADER_SIZE 26

/* The generic "syscall" exit record, written in one piece: header, two u16 lengths, two u16
 * parameters (ID, nativeID). Packed, as it is the wire layout; aligned(8) because ring records
 * start 8-aligned, which lets the compiler use wide stores for the aligned fields. */
#define PG_GENERIC_LEN 34
struct generic_rec {
	__u64 ts;
	__u64 tid;
	__u32 len;
	__u16 type;
	__u32 nparams;
	__u16 lens[2];
	__u16 id;
	__u16 native_id;
} __attribute__((packed, aligned(8)));

/* Event types (scap PPME_* numbers). */
#define PPME_GENERIC_E 0
#define PPME_GENERIC_X 1
/* Enter events (sys_enter), with the parameters the scap event table gives them. */
#define PPME_SYSCALL_OPEN_E 2
#define PPME_SYSCALL_CLOSE_E 4
#define PPME_SOCKET_SOCKET_E 18
#define PPME_SOCKET_BIND_E 20
#define PPME_SOCKET_CONNECT_E 22
#define PPME_SYSCALL_CREAT_E 58
#define PPME_SYSCALL_KILL_E 128
#define PPME_SYSCALL_TKILL_E 130
#define PPME_SYSCALL_TGKILL_E 132
#define PPME_SYSCALL_PTRACE_E 168
#define PPME_SYSCALL_SETUID_E 198
#define PPME_SYSCALL_SETGID_E 200
#define PPME_SYSCALL_EXECVE_19_E 292
#define PPME_SYSCALL_OPENAT_2_E 306
#define PPME_SYSCALL_OPENAT2_E 326
#define PPME_SYSCALL_EXECVEAT_E 330
#define PPME_SYSCALL_OPEN_X 3
#define PPME_SYSCALL_CLOSE_X 5
#define PPME_SYSCALL_READ_X 7
#define PPME_SYSCALL_WRITE_X 9
#define PPME_SOCKET_SOCKET_X 19
#define PPME_SOCKET_BIND_X 21
#define PPME_SOCKET_CONNECT_X 23
#define PPME_SOCKET_LISTEN_X 25
#define PPME_SYSCALL_CREAT_X 59
#define PPME_SYSCALL_KILL_X 129
#define PPME_SYSCALL_TKILL_X 131
#define PPME_SYSCALL_TGKILL_X 133
#define PPME_SYSCALL_PTRACE_X 169
#define PPME_SYSCALL_RENAME_X 175
#define PPME_SYSCALL_RENAMEAT_X 177
#define PPME_PROCEXIT_1_E 186
#define PPME_SYSCALL_SETRESUID_X 193
#define PPME_SYSCALL_SETRESGID_X 195
#define PPME_SYSCALL_SETUID_X 199
#define PPME_SYSCALL_SETGID_X 201
#define PPME_SYSCALL_CLONE_20_X 223
#define PPME_SYSCALL_FORK_20_X 225
#define PPME_SYSCALL_VFORK_20_X 227
#define PPME_SOCKET_ACCEPT_5_X 247
#define PPME_SYSCALL_EXECVE_19_X 293
#define PPME_SYSCALL_UNLINK_2_X 301
#define PPME_SYSCALL_UNLINKAT_2_X 303
#define PPME_SYSCALL_OPENAT_2_X 307
#define PPME_SYSCALL_RENAMEAT2_X 319
#define PPME_SYSCALL_OPENAT2_X 327
#define PPME_SYSCALL_EXECVEAT_X 331
#define PPME_SYSCALL_CLONE3_X 335
#define PPME_SYSCALL_DUP2_X 363
#define PPME_SYSCALL_DUP3_X 365
#define PPME_SYSCALL_DUP_1_X 367
#define PPME_SOCKET_ACCEPT4_6_X 389
#define PPME_SYSCALL_MEMFD_CREATE_X 405
#define PPME_SYSCALL_SETREUID_X 427
#define PPME_SYSCALL_SETREGID_X 429
#define PPME_SOCKET_SHUTDOWN_X 37
#define PPME_SOCKET_SENDTO_X 31
#define PPME_SOCKET_RECVFROM_X 35
#define PPME_SOCKET_SENDMSG_X 49
#define PPME_SOCKET_RECVMSG_X 53
#define PPME_SOCKET_SOCKETPAIR_X 43
#define PPME_SYSCALL_PIPE_X 61
#define PPME_SYSCALL_CHDIR_X 95
#define PPME_SYSCALL_FCHDIR_X 97
#define PPME_SYSCALL_FCNTL_X 151
#define PPME_SYSCALL_MMAP_X 161
#define PPME_SYSCALL_SYMLINK_X 179
#define PPME_SYSCALL_SYMLINKAT_X 181
#define PPME_SYSCALL_SETNS_X 241
#define PPME_SYSCALL_MOUNT_X 257
#define PPME_SYSCALL_CHROOT_X 267
#define PPME_SYSCALL_MKDIR_2_X 277
#define PPME_SYSCALL_RMDIR_2_X 279
#define PPME_SYSCALL_UNSHARE_X 285
#define PPME_SYSCALL_MKDIRAT_X 305
#define PPME_SYSCALL_LINK_2_X 309
#define PPME_SYSCALL_LINKAT_2_X 311
#define PPME_SYSCALL_FCHMODAT_X 313
#define PPME_SYSCALL_CHMOD_X 315
#define PPME_SYSCALL_FCHMOD_X 317
#define PPME_SYSCALL_USERFAULTFD_X 321
#define PPME_SYSCALL_MPROTECT_X 329
#define PPME_SYSCALL_CAPSET_X 353
#define PPME_SYSCALL_BPF_2_E 368
#define PPME_SYSCALL_BPF_2_X 369
#define PPME_SYSCALL_CHOWN_X 379
#define PPME_SYSCALL_LCHOWN_X 381
#define PPME_SYSCALL_FCHOWN_X 383
#define PPME_SYSCALL_FCHOWNAT_X 385
#define PPME_SYSCALL_UMOUNT2_X 391
#define PPME_SYSCALL_PIPE2_X 393
#define PPME_SYSCALL_PRCTL_X 401
#define PPME_SYSCALL_INIT_MODULE_X 411
#define PPME_SYSCALL_FINIT_MODULE_X 413

#endif
