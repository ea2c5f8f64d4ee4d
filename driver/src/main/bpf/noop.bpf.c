// SPDX-License-Identifier: GPL-2.0
/* The benchmark floor: programs on the probe's hooks that do nothing. Comparing a syscall's cost
 * under this object and under the probe isolates the probe's own cost from the hook's. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "GPL";

SEC("tp_btf/sys_exit")
int BPF_PROG(noop_sys_exit, struct pt_regs *regs, long ret)
{
	return 0;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(noop_sys_enter, struct pt_regs *regs, long id)
{
	return 0;
}
