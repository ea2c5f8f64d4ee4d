package io.peregrine.protocol.event;

import io.peregrine.protocol.scap.EventCodes;
import io.peregrine.protocol.scap.FlagTables;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventTableTest {

    @Test
    void knowsTheProbeSyscallsInBothDirections() {
        List<String> names = List.of("clone", "clone3", "fork", "vfork", "execve", "execveat", "open", "openat",
                "openat2", "creat", "close", "dup", "dup2", "dup3", "fcntl", "rename", "renameat", "renameat2", "unlink",
                "unlinkat", "mkdir", "mkdirat", "rmdir", "link", "linkat", "symlink", "symlinkat", "chmod", "fchmod",
                "fchmodat", "chown", "lchown", "fchown", "fchownat", "socket", "connect", "accept", "accept4", "bind",
                "listen", "sendto", "sendmsg", "recvfrom", "recvmsg", "shutdown", "setuid", "setgid", "setreuid",
                "setregid", "setresuid", "setresgid", "capset", "ptrace", "mount", "umount2", "unshare", "setns",
                "memfd_create", "bpf", "init_module", "finit_module", "kill", "tkill", "tgkill", "prctl", "chdir",
                "fchdir", "chroot", "pipe", "pipe2", "socketpair", "userfaultfd", "mprotect", "mmap", "read", "write");
        for (String n : names) {
            for (EventDirection d : EventDirection.values()) {
                EventType t = EventTable.byName(n, d);
                assertNotNull(t, n + " " + d);
                assertEquals(d, t.direction());
            }
        }
        assertNotNull(EventTable.byName("procexit", EventDirection.ENTER));
    }

    @Test
    void currentLayoutsAreTheScapOnes() {
        EventType open = EventTable.get(EventCodes.PPME_SYSCALL_OPEN_X);
        assertEquals("open", open.name());
        assertEquals(List.of("fd", "name", "flags", "mode", "dev", "ino"),
                open.params().stream().map(ParamInfo::name).toList());
        assertEquals(ParamType.FD, open.param(0).type());
        assertEquals(FlagTables.FILE_FLAGS, open.param(2).flags());
        EventType execve = EventTable.byName("execve", EventDirection.EXIT);
        assertEquals(EventCodes.PPME_SYSCALL_EXECVE_19_X, execve.code());
        assertTrue(execve.paramIndex("cgroups") > 0 && execve.paramIndex("comm") > 0);
        assertTrue(EventTable.get(EventCodes.PPME_SYSCALL_OPEN_E).hasFlag(EventType.EF_CREATES_FD));
        assertTrue(EventTable.get(EventCodes.PPME_SYSCALL_EXECVE_8_X).hasFlag(EventType.EF_OLD_VERSION));
        assertEquals("O_RDONLY", FlagTables.FILE_FLAGS.nameOf(1));
    }

    @Test
    void seedTypesLiveOutsideTheScapRange() {
        assertTrue(EventTable.SCAP_LIMIT < EventTable.SYNTHETIC_BASE);
        for (int code : new int[] {EventCodes.PEREGRINE_SEED_THREAD_E, EventCodes.PEREGRINE_SEED_FD_E,
                EventCodes.PEREGRINE_SEED_USER_E, EventCodes.PEREGRINE_SEED_GROUP_E, EventCodes.PEREGRINE_SEED_IFADDR_E}) {
            EventType t = EventTable.get(code);
            assertNotNull(t);
            assertTrue(t.hasFlag(EventType.EF_SYNTHETIC));
            assertTrue(EventTable.isSynthetic(code));
            assertEquals(EventDirection.ENTER, t.direction());
        }
        assertEquals(38, EventTable.get(EventCodes.PEREGRINE_SEED_THREAD_E).nparams());
        assertEquals(15, EventTable.get(EventCodes.PEREGRINE_SEED_FD_E).nparams());
        assertNull(EventTable.get(EventTable.SCAP_LIMIT + 5));
        assertNull(EventTable.get(0xFFFF));
    }
}
