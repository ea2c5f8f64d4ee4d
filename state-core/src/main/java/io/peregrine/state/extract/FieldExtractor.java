package io.peregrine.state.extract;

import io.peregrine.protocol.scap.ErrnoNames;
import io.peregrine.protocol.scap.SysdigFormatter;
import io.peregrine.protocol.event.EventDirection;
import io.peregrine.protocol.event.EventRecord;
import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.event.EventType;
import io.peregrine.protocol.event.ParamInfo;
import io.peregrine.protocol.event.ParamType;
import io.peregrine.protocol.fields.FieldRef;
import io.peregrine.protocol.projection.ProjectionEncoder;
import io.peregrine.state.cri.CriContainer;
import io.peregrine.state.cri.CriResolver;
import io.peregrine.state.fds.FdInfo;
import io.peregrine.protocol.scap.FdTypes;
import io.peregrine.state.fds.TupleFormatter;
import io.peregrine.state.parsers.EventContext;
import io.peregrine.state.threads.ThreadInfo;
import io.peregrine.state.threads.ThreadTable;
import io.peregrine.state.users.UserTable;

import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Computes catalogue fields from an event and the state (libsinsp's filterchecks), writing typed
 * values straight into a projected record. A field Peregrine cannot compute is compiled as
 * unsupported and always written as absent, so rules-svc can treat it as Falco treats an unknown
 * field ({@link #UNSUPPORTED}).
 */
public final class FieldExtractor {

    static final int OP_UNSUPPORTED = 0;
    private static int n = 1;
    private static final int EVT_NUM = n++, EVT_RAWTIME = n++, EVT_RAWTIME_S = n++, EVT_RAWTIME_NS = n++,
            EVT_DIR = n++, EVT_TYPE = n++, EVT_TYPE_IS = n++, SYSCALL_TYPE = n++, EVT_ARGS = n++, EVT_ARG = n++,
            EVT_RAWARG = n++, EVT_RES = n++, EVT_RAWRES = n++, EVT_FAILED = n++, EVT_IS_IO = n++,
            EVT_IS_IO_READ = n++, EVT_IS_IO_WRITE = n++, EVT_IO_DIR = n++, EVT_IS_WAIT = n++, EVT_COUNT = n++,
            EVT_IS_OPEN_READ = n++, EVT_IS_OPEN_WRITE = n++, EVT_IS_OPEN_EXEC = n++, EVT_IS_OPEN_CREATE = n++,
            EVT_SOURCE = n++, EVT_HOSTNAME = n++, EVT_BUFLEN = n++, EVT_BUFFER = n++, EVT_CATEGORY = n++,
            PROC_EXE = n++, PROC_PEXE = n++, PROC_AEXE = n++, PROC_EXEPATH = n++, PROC_PEXEPATH = n++,
            PROC_AEXEPATH = n++, PROC_NAME = n++, PROC_PNAME = n++, PROC_ANAME = n++, PROC_ARGS = n++,
            PROC_CMDLINE = n++, PROC_PCMDLINE = n++, PROC_ACMDLINE = n++, PROC_CMDNARGS = n++,
            PROC_CMDLENARGS = n++, PROC_EXELINE = n++, PROC_ENV = n++, PROC_CWD = n++, PROC_TTY = n++,
            PROC_PID = n++, PROC_PPID = n++, PROC_APID = n++, PROC_VPID = n++, PROC_PVPID = n++, PROC_SID = n++,
            PROC_SNAME = n++, PROC_SID_EXE = n++, PROC_SID_EXEPATH = n++, PROC_VPGID = n++, PROC_VPGID_NAME = n++,
            PROC_VPGID_EXE = n++, PROC_VPGID_EXEPATH = n++, PROC_DURATION = n++, PROC_IS_EXE_WRITABLE = n++,
            PROC_IS_EXE_UPPER = n++, PROC_IS_EXE_MEMFD = n++, PROC_IS_SID_LEADER = n++,
            PROC_IS_VPGID_LEADER = n++, PROC_EXE_INO = n++, PROC_EXE_CTIME = n++, PROC_EXE_MTIME = n++,
            PROC_PIDNS_INIT = n++, PROC_FDOPENCOUNT = n++, PROC_STD_TYPE = n++, PROC_STD_NAME = n++,
            PROC_LOGINSHELLID = n++, THREAD_TID = n++, THREAD_ISMAIN = n++, THREAD_VTID = n++, THREAD_CGROUPS = n++,
            THREAD_CGROUP = n++, FD_NUM = n++, FD_TYPE = n++, FD_TYPECHAR = n++, FD_NAME = n++, FD_DIRECTORY = n++,
            FD_FILENAME = n++, FD_IP = n++, FD_CIP = n++, FD_SIP = n++, FD_LIP = n++, FD_RIP = n++, FD_PORT = n++,
            FD_CPORT = n++, FD_SPORT = n++, FD_LPORT = n++, FD_RPORT = n++, FD_L4PROTO = n++, FD_SOCKFAMILY = n++,
            FD_IS_SERVER = n++, FD_UID = n++, FD_CONTAINERNAME = n++, FD_CONTAINERDIRECTORY = n++,
            FD_CONNECTED = n++, FD_NAME_CHANGED = n++, FD_DEV = n++, FD_DEV_MAJOR = n++, FD_DEV_MINOR = n++,
            FD_INO = n++, FD_NAMERAW = n++, FD_TYPES = n++, FS_PATH_NAME = n++, FS_PATH_NAMERAW = n++,
            FS_PATH_SOURCE = n++, FS_PATH_SOURCERAW = n++, FS_PATH_TARGET = n++, FS_PATH_TARGETRAW = n++,
            USER_UID = n++, USER_NAME = n++, USER_HOMEDIR = n++, USER_SHELL = n++, USER_LOGINUID = n++,
            USER_LOGINNAME = n++, GROUP_GID = n++, GROUP_NAME = n++, CONTAINER_ID = n++, CONTAINER_FULL_ID = n++,
            CONTAINER_NAME = n++, CONTAINER_TYPE = n++, K8S_POD_UID = n++, CONTAINER_PRIVILEGED = n++,
            EVT_ABSPATH = n++, THREAD_CAP_PERMITTED = n++, THREAD_CAP_INHERITABLE = n++, THREAD_CAP_EFFECTIVE = n++,
            PROC_PPID_DURATION = n++, K8S_POD_NAME = n++, K8S_NS_NAME = n++, K8S_POD_LABEL = n++,
            K8S_POD_LABELS = n++, CONTAINER_IMAGE = n++, CONTAINER_IMAGE_REPOSITORY = n++,
            CONTAINER_IMAGE_TAG = n++, CONTAINER_IMAGE_DIGEST = n++;

    /** Capability names by bit (linux/capability.h), as Falco lists them in thread.cap_*. */
    private static final byte[][] CAPS = java.util.Arrays.stream(("CAP_CHOWN CAP_DAC_OVERRIDE CAP_DAC_READ_SEARCH "
            + "CAP_FOWNER CAP_FSETID CAP_KILL CAP_SETGID CAP_SETUID CAP_SETPCAP CAP_LINUX_IMMUTABLE "
            + "CAP_NET_BIND_SERVICE CAP_NET_BROADCAST CAP_NET_ADMIN CAP_NET_RAW CAP_IPC_LOCK CAP_IPC_OWNER "
            + "CAP_SYS_MODULE CAP_SYS_RAWIO CAP_SYS_CHROOT CAP_SYS_PTRACE CAP_SYS_PACCT CAP_SYS_ADMIN CAP_SYS_BOOT "
            + "CAP_SYS_NICE CAP_SYS_RESOURCE CAP_SYS_TIME CAP_SYS_TTY_CONFIG CAP_MKNOD CAP_LEASE CAP_AUDIT_WRITE "
            + "CAP_AUDIT_CONTROL CAP_SETFCAP CAP_MAC_OVERRIDE CAP_MAC_ADMIN CAP_SYSLOG CAP_WAKE_ALARM "
            + "CAP_BLOCK_SUSPEND CAP_AUDIT_READ CAP_PERFMON CAP_BPF CAP_CHECKPOINT_RESTORE").split(" "))
            .map(FieldExtractor::bytes).toArray(byte[][]::new);

    /**
     * Catalogue fields that this build cannot compute: CRI metadata beyond name and image (mounts,
     * probes, pod sandbox), pod addresses, CPU and timing fields the capture does not carry.
     */
    public static final Set<String> UNSUPPORTED = Set.of("evt.time", "evt.time.s", "evt.time.iso8601",
            "evt.datetime", "evt.reltime", "evt.latency", "evt.cpu", "evt.info", "evt.is_syslog", "evt.around",
            "proc.aenv", "proc.pid.ts", "proc.ppid.ts",
            "proc.exe_ino.ctime_duration_proc_start", "proc.exe_ino.ctime_duration_pidns_start",
            "thread.exectime", "thread.totexectime", "fd.proto", "fd.cproto", "fd.sproto", "fd.lproto", "fd.rproto",
            "fd.cip.name", "fd.sip.name", "fd.lip.name", "fd.rip.name",
            "container.image.id", "container.mounts", "container.mount", "container.mount.source",
            "container.mount.dest", "container.mount.mode", "container.mount.rdwr", "container.mount.propagation",
            "container.healthcheck", "container.liveness_probe", "container.readiness_probe",
            "container.start_ts", "container.duration", "container.ip", "container.host_pid",
            "container.host_network", "container.host_ipc", "container.cni.json",
            "k8s.pod.sandbox_id", "k8s.pod.full_sandbox_id", "k8s.pod.ip", "k8s.pod.cni.json");

    private static final byte[] ENTER = {'>'};
    private static final byte[] EXIT = {'<'};
    private static final byte[] SUCCESS = bytes("SUCCESS");
    private static final byte[] SYSCALL = bytes("syscall");
    private static final byte[] HOST = bytes("host");
    private static final byte[] IP = bytes("ip");
    private static final byte[] UNIX = bytes("unix");
    private static final byte[] R = {'r'};
    private static final byte[] W = {'w'};
    private static final int O_RDONLY = 1, O_WRONLY = 2, O_CREAT = 4, O_F_CREATED = 16384;
    private static final int EXE_WRITABLE = 1, EXE_UPPER_LAYER = 2, EXE_FROM_MEMFD = 4;
    private static final int MAX_DEPTH = 64;

    private final ThreadTable threads;
    private final UserTable users;
    private final byte[] hostname;
    private final StringBuilder text = new StringBuilder(256);
    private final SysdigFormatter formatter;
    private final TupleFormatter tuples = new TupleFormatter();
    private EventContext current;
    /** Pod metadata from the Kubernetes API; none outside a cluster (the k8s.* names are absent). */
    private io.peregrine.state.pods.PodDirectory pods;
    /** Container names and images from the CRI runtime; none without a socket (the fields are absent). */
    private CriResolver cri;

    public FieldExtractor(ThreadTable threads, UserTable users, String hostname) {
        this.threads = threads;
        this.users = users;
        this.hostname = bytes(hostname);
        this.formatter = new SysdigFormatter(new SysdigFormatter.Resolver() {
            @Override
            public boolean fd(EventRecord event, long fd, StringBuilder out) {
                ThreadInfo t = current == null ? null : current.thread;
                FdInfo f = t == null || t.fds == null ? null : t.fds.get(fd);
                if (f == null) {
                    return false;
                }
                out.append('<').append((char) FdTypes.typeChar(f.type));
                if (f.isIp() && f.l4proto >= FdTypes.L4_TCP && (f.connected || f.server)) {
                    out.append("tuir".charAt(f.l4proto - FdTypes.L4_TCP));
                }
                out.append('>');
                for (byte b : f.name) {
                    out.append((char) (b & 0xff));
                }
                return true;
            }

            @Override
            public boolean pid(EventRecord event, long pid, StringBuilder out) {
                ThreadInfo t = threads.get(pid);
                if (t == null || t.comm.length == 0) {
                    return false;
                }
                for (byte b : t.comm) {
                    out.append((char) (b & 0xff));
                }
                return true;
            }
        });
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Prepares a field reference; unknown or unsupported fields compile to an always-absent field. */
    public CompiledField compile(FieldRef ref) {
        String name = ref.field().name();
        String arg = ref.arg();
        int index = -1;
        if (arg != null && !arg.isEmpty() && arg.chars().allMatch(Character::isDigit) && arg.length() < 9) {
            index = Integer.parseInt(arg);
        }
        int op = UNSUPPORTED.contains(name) || !ref.field().supported() ? OP_UNSUPPORTED : switch (name) {
            case "evt.num" -> EVT_NUM;
            case "evt.rawtime" -> EVT_RAWTIME;
            case "evt.rawtime.s" -> EVT_RAWTIME_S;
            case "evt.rawtime.ns" -> EVT_RAWTIME_NS;
            case "evt.dir" -> EVT_DIR;
            case "evt.type" -> EVT_TYPE;
            case "evt.type.is" -> EVT_TYPE_IS;
            case "syscall.type" -> SYSCALL_TYPE;
            case "evt.category" -> EVT_CATEGORY;
            case "evt.args" -> EVT_ARGS;
            case "evt.arg" -> EVT_ARG;
            case "evt.rawarg" -> EVT_RAWARG;
            case "evt.res" -> EVT_RES;
            case "evt.rawres" -> EVT_RAWRES;
            case "evt.failed" -> EVT_FAILED;
            case "evt.is_io" -> EVT_IS_IO;
            case "evt.is_io_read" -> EVT_IS_IO_READ;
            case "evt.is_io_write" -> EVT_IS_IO_WRITE;
            case "evt.io_dir" -> EVT_IO_DIR;
            case "evt.is_wait" -> EVT_IS_WAIT;
            case "evt.count" -> EVT_COUNT;
            case "evt.is_open_read" -> EVT_IS_OPEN_READ;
            case "evt.is_open_write" -> EVT_IS_OPEN_WRITE;
            case "evt.is_open_exec" -> EVT_IS_OPEN_EXEC;
            case "evt.is_open_create" -> EVT_IS_OPEN_CREATE;
            case "evt.source" -> EVT_SOURCE;
            case "evt.hostname" -> EVT_HOSTNAME;
            case "evt.buflen" -> EVT_BUFLEN;
            case "evt.buffer" -> EVT_BUFFER;
            case "evt.abspath" -> EVT_ABSPATH;
            case "proc.exe" -> PROC_EXE;
            case "proc.pexe" -> PROC_PEXE;
            case "proc.aexe" -> PROC_AEXE;
            case "proc.exepath" -> PROC_EXEPATH;
            case "proc.pexepath" -> PROC_PEXEPATH;
            case "proc.aexepath" -> PROC_AEXEPATH;
            case "proc.name" -> PROC_NAME;
            case "proc.pname" -> PROC_PNAME;
            case "proc.aname" -> PROC_ANAME;
            case "proc.args" -> PROC_ARGS;
            case "proc.cmdline" -> PROC_CMDLINE;
            case "proc.pcmdline" -> PROC_PCMDLINE;
            case "proc.acmdline" -> PROC_ACMDLINE;
            case "proc.cmdnargs" -> PROC_CMDNARGS;
            case "proc.cmdlenargs" -> PROC_CMDLENARGS;
            case "proc.exeline" -> PROC_EXELINE;
            case "proc.env" -> PROC_ENV;
            case "proc.cwd" -> PROC_CWD;
            case "proc.tty" -> PROC_TTY;
            case "proc.pid" -> PROC_PID;
            case "proc.ppid" -> PROC_PPID;
            case "proc.apid" -> PROC_APID;
            case "proc.vpid" -> PROC_VPID;
            case "proc.pvpid" -> PROC_PVPID;
            case "proc.sid" -> PROC_SID;
            case "proc.sname" -> PROC_SNAME;
            case "proc.sid.exe" -> PROC_SID_EXE;
            case "proc.sid.exepath" -> PROC_SID_EXEPATH;
            case "proc.vpgid" -> PROC_VPGID;
            case "proc.vpgid.name" -> PROC_VPGID_NAME;
            case "proc.vpgid.exe" -> PROC_VPGID_EXE;
            case "proc.vpgid.exepath" -> PROC_VPGID_EXEPATH;
            case "proc.duration" -> PROC_DURATION;
            case "proc.is_exe_writable" -> PROC_IS_EXE_WRITABLE;
            case "proc.is_exe_upper_layer" -> PROC_IS_EXE_UPPER;
            case "proc.is_exe_from_memfd" -> PROC_IS_EXE_MEMFD;
            case "proc.is_sid_leader" -> PROC_IS_SID_LEADER;
            case "proc.is_vpgid_leader" -> PROC_IS_VPGID_LEADER;
            case "proc.exe_ino" -> PROC_EXE_INO;
            case "proc.exe_ino.ctime" -> PROC_EXE_CTIME;
            case "proc.exe_ino.mtime" -> PROC_EXE_MTIME;
            case "proc.pidns_init_start_ts" -> PROC_PIDNS_INIT;
            case "proc.fdopencount" -> PROC_FDOPENCOUNT;
            case "proc.loginshellid" -> PROC_LOGINSHELLID;
            case "proc.stdin.type" -> { index = 0; yield PROC_STD_TYPE; }
            case "proc.stdout.type" -> { index = 1; yield PROC_STD_TYPE; }
            case "proc.stderr.type" -> { index = 2; yield PROC_STD_TYPE; }
            case "proc.stdin.name" -> { index = 0; yield PROC_STD_NAME; }
            case "proc.stdout.name" -> { index = 1; yield PROC_STD_NAME; }
            case "proc.stderr.name" -> { index = 2; yield PROC_STD_NAME; }
            case "thread.tid" -> THREAD_TID;
            case "thread.ismain" -> THREAD_ISMAIN;
            case "thread.vtid" -> THREAD_VTID;
            case "thread.cgroups" -> THREAD_CGROUPS;
            case "thread.cgroup" -> THREAD_CGROUP;
            case "thread.cap_permitted" -> THREAD_CAP_PERMITTED;
            case "thread.cap_inheritable" -> THREAD_CAP_INHERITABLE;
            case "thread.cap_effective" -> THREAD_CAP_EFFECTIVE;
            case "proc.ppid.duration" -> PROC_PPID_DURATION;
            case "fd.num" -> FD_NUM;
            case "fd.type" -> FD_TYPE;
            case "fd.typechar" -> FD_TYPECHAR;
            case "fd.name" -> FD_NAME;
            case "fd.directory" -> FD_DIRECTORY;
            case "fd.filename" -> FD_FILENAME;
            case "fd.ip", "fd.net" -> FD_IP;
            case "fd.cip", "fd.cnet" -> FD_CIP;
            case "fd.sip", "fd.snet" -> FD_SIP;
            case "fd.lip", "fd.lnet" -> FD_LIP;
            case "fd.rip", "fd.rnet" -> FD_RIP;
            case "fd.port" -> FD_PORT;
            case "fd.cport" -> FD_CPORT;
            case "fd.sport" -> FD_SPORT;
            case "fd.lport" -> FD_LPORT;
            case "fd.rport" -> FD_RPORT;
            case "fd.l4proto" -> FD_L4PROTO;
            case "fd.sockfamily" -> FD_SOCKFAMILY;
            case "fd.is_server" -> FD_IS_SERVER;
            case "fd.uid" -> FD_UID;
            case "fd.containername" -> FD_CONTAINERNAME;
            case "fd.containerdirectory" -> FD_CONTAINERDIRECTORY;
            case "fd.connected" -> FD_CONNECTED;
            case "fd.name_changed" -> FD_NAME_CHANGED;
            case "fd.dev" -> FD_DEV;
            case "fd.dev.major" -> FD_DEV_MAJOR;
            case "fd.dev.minor" -> FD_DEV_MINOR;
            case "fd.ino" -> FD_INO;
            case "fd.nameraw" -> FD_NAMERAW;
            case "fd.types" -> FD_TYPES;
            case "fs.path.name" -> FS_PATH_NAME;
            case "fs.path.nameraw" -> FS_PATH_NAMERAW;
            case "fs.path.source" -> FS_PATH_SOURCE;
            case "fs.path.sourceraw" -> FS_PATH_SOURCERAW;
            case "fs.path.target" -> FS_PATH_TARGET;
            case "fs.path.targetraw" -> FS_PATH_TARGETRAW;
            case "user.uid" -> USER_UID;
            case "user.name" -> USER_NAME;
            case "user.homedir" -> USER_HOMEDIR;
            case "user.shell" -> USER_SHELL;
            case "user.loginuid" -> USER_LOGINUID;
            case "user.loginname" -> USER_LOGINNAME;
            case "group.gid" -> GROUP_GID;
            case "group.name" -> GROUP_NAME;
            case "container.id" -> CONTAINER_ID;
            case "container.full_id" -> CONTAINER_FULL_ID;
            case "container.name" -> CONTAINER_NAME;
            case "container.image" -> CONTAINER_IMAGE;
            case "container.image.repository" -> CONTAINER_IMAGE_REPOSITORY;
            case "container.image.tag" -> CONTAINER_IMAGE_TAG;
            case "container.image.digest" -> CONTAINER_IMAGE_DIGEST;
            case "container.type" -> CONTAINER_TYPE;
            case "container.privileged" -> CONTAINER_PRIVILEGED;
            case "k8s.pod.uid", "k8s.pod.id" -> K8S_POD_UID;
            case "k8s.pod.name" -> K8S_POD_NAME;
            case "k8s.ns.name" -> K8S_NS_NAME;
            case "k8s.pod.label" -> K8S_POD_LABEL;
            case "k8s.pod.labels" -> K8S_POD_LABELS;
            default -> OP_UNSUPPORTED;
        };
        return new CompiledField(ref, op, index, arg, EventTable.SCAP_LIMIT);
    }

    /** True when this build computes the field (with any argument). */
    public boolean supports(String fieldName) {
        io.peregrine.protocol.fields.Field f = io.peregrine.protocol.fields.FieldCatalog.byName(fieldName);
        if (f == null) {
            return false;
        }
        String arg = f.arg() == io.peregrine.protocol.fields.FieldArg.KEY_REQUIRED ? "0" : null;
        return compile(new FieldRef(f, arg)).supported();
    }

    /** Writes the value of {@code f} for the event in {@code c}: its label, then the value. */
    public void extract(CompiledField f, EventContext c, ProjectionEncoder out) {
        out.field(f.fieldId(), f.argLabel);
        current = c;
        value(f, c, out);
    }

    private void value(CompiledField f, EventContext c, ProjectionEncoder out) {
        EventRecord e = c.evt;
        ThreadInfo t = c.thread;
        FdInfo fd = c.fd;
        int op = f.op;
        if (op == EVT_NUM) {
            out.uint64(c.num);
        } else if (op == EVT_RAWTIME) {
            out.uint64(e.ts());
        } else if (op == EVT_RAWTIME_S) {
            out.uint64(e.ts() / 1_000_000_000L);
        } else if (op == EVT_RAWTIME_NS) {
            out.uint64(e.ts() % 1_000_000_000L);
        } else if (op == EVT_DIR) {
            out.bytes(c.isExit() ? EXIT : ENTER);
        } else if ((op == EVT_TYPE || op == SYSCALL_TYPE) && e.type() < TYPE_NAMES.length && TYPE_NAMES[e.type()] != null) {
            out.bytes(TYPE_NAMES[e.type()]);
        } else if (op == EVT_TYPE || op == SYSCALL_TYPE) {
            text.setLength(0);
            text.append(SysdigFormatter.typeName(e));
            latin1(out);
        } else if (op == EVT_TYPE_IS) {
            out.bool(f.key != null && f.key.equals(SysdigFormatter.typeName(e)));
        } else if (op == EVT_CATEGORY) {
            category(c.type, out);
        } else if (op == EVT_ARGS) {
            text.setLength(0);
            formatter.args(e, text);
            if (!text.isEmpty() && text.charAt(text.length() - 1) == ' ') {
                text.setLength(text.length() - 1);
            }
            latin1(out);
        } else if (op == EVT_ARG || op == EVT_RAWARG) {
            arg(f, c, out, op == EVT_RAWARG);
        } else if (op == EVT_RES || op == EVT_RAWRES || op == EVT_FAILED) {
            res(op, c, out);
        } else if (op == EVT_IS_IO || op == EVT_IS_IO_READ || op == EVT_IS_IO_WRITE || op == EVT_IO_DIR) {
            io(op, c.type, out);
        } else if (op == EVT_IS_WAIT) {
            out.bool(c.type.hasFlag(EventType.EF_WAITS));
        } else if (op == EVT_COUNT) {
            out.uint64(1);
        } else if (op == EVT_IS_OPEN_READ || op == EVT_IS_OPEN_WRITE || op == EVT_IS_OPEN_EXEC
                || op == EVT_IS_OPEN_CREATE) {
            openFlags(op, c, out);
        } else if (op == EVT_SOURCE) {
            out.bytes(SYSCALL);
        } else if (op == EVT_HOSTNAME) {
            out.bytes(hostname);
        } else if (op == EVT_BUFLEN || op == EVT_BUFFER) {
            buffer(op, c, out);
        } else if (op >= PROC_EXE && op <= THREAD_CGROUP) {
            if (t == null) {
                if (op == THREAD_TID) {
                    out.int64(e.tid());
                } else {
                    out.absent();
                }
                return;
            }
            process(f, op, c, t, out);
        } else if (op >= FD_NUM && op <= FD_TYPES) {
            fdField(f, op, c, fd, out);
        } else if (op >= FS_PATH_NAME && op <= FS_PATH_TARGETRAW) {
            fsPath(op, c, out);
        } else if (op >= USER_UID && op <= GROUP_NAME) {
            user(op, t, out);
        } else if ((op >= CONTAINER_ID && op <= CONTAINER_PRIVILEGED) || (op >= K8S_POD_NAME && op <= CONTAINER_IMAGE_DIGEST)) {
            container(f, op, t, out);
        } else if (op == EVT_ABSPATH) {
            fsPath(FS_PATH_NAME, c, out);
        } else if (op == THREAD_CAP_PERMITTED || op == THREAD_CAP_INHERITABLE || op == THREAD_CAP_EFFECTIVE) {
            if (t == null) {
                out.absent();
                return;
            }
            long caps = op == THREAD_CAP_PERMITTED ? t.capPermitted
                    : op == THREAD_CAP_INHERITABLE ? t.capInheritable : t.capEffective;
            int at = out.beginBytes();
            boolean first = true;
            for (int bit = 0; bit < CAPS.length; bit++) {
                if ((caps & (1L << bit)) != 0) {
                    if (!first) {
                        out.append((byte) ' ');
                    }
                    out.append(CAPS[bit], 0, CAPS[bit].length);
                    first = false;
                }
            }
            out.endBytes(at);
        } else if (op == PROC_PPID_DURATION) {
            ThreadInfo p = parent(t);
            ThreadInfo pm = p == null ? null : (p.isMain() ? p : threads.get(p.pid));
            if (pm == null || pm.cloneTs == 0) {
                out.absent();
            } else {
                out.uint64(e.ts() - pm.cloneTs);
            }
        } else {
            out.absent();
        }
    }

    // ---- evt ----

    private void latin1(ProjectionEncoder out) {
        int at = out.beginBytes();
        for (int i = 0; i < text.length(); i++) {
            out.append((byte) text.charAt(i));
        }
        out.endBytes(at);
    }

    private void category(EventType type, ProjectionEncoder out) {
        int cat = type.category() & 0x3f;
        String s = switch (cat) {
            case EventType.EC_FILE -> "file";
            case EventType.EC_NET -> "net";
            case EventType.EC_IPC -> "ipc";
            case EventType.EC_MEMORY -> "memory";
            case EventType.EC_PROCESS -> "process";
            case EventType.EC_SLEEP -> "sleep";
            case EventType.EC_SYSTEM -> "system";
            case EventType.EC_SIGNAL -> "signal";
            case EventType.EC_USER -> "user";
            case EventType.EC_TIME -> "time";
            case EventType.EC_PROCESSING -> "processing";
            case EventType.EC_IO_READ, EventType.EC_IO_WRITE, EventType.EC_IO_OTHER -> "file";
            default -> "other";
        };
        text.setLength(0);
        text.append(s);
        latin1(out);
    }

    private int paramIndex(CompiledField f, EventRecord e) {
        int code = e.type();
        if (code >= f.paramByCode.length) {
            return -1;
        }
        int i = f.paramByCode[code];
        if (i == -2) {
            EventType et = EventTable.get(code);
            i = -1;
            if (et != null) {
                if (f.index >= 0) {
                    i = f.index < et.nparams() ? f.index : -1;
                } else if (f.key != null) {
                    for (int p = 0; p < et.nparams(); p++) {
                        if (SysdigFormatter.info(code, et, p).name().equals(f.key)) {
                            i = p;
                            break;
                        }
                    }
                }
            }
            f.paramByCode[code] = (byte) i;
        }
        return i;
    }

    private void arg(CompiledField f, EventContext c, ProjectionEncoder out, boolean raw) {
        EventRecord e = c.evt;
        int i = paramIndex(f, e);
        if (i < 0 || i >= e.nparams()) {
            out.absent();
            return;
        }
        ParamInfo pi = SysdigFormatter.info(e.type(), c.type, i);
        if (raw) {
            ParamType pt = pi.type();
            if (pt.isFixedSize() && e.paramLen(i) > 0 && e.paramLen(i) <= 8) {
                out.int64(e.number(i));
            } else if (pt == ParamType.BYTEBUF) {
                // the bytes as recorded (libsinsp's raw value of a buffer), for bcontains/bstartswith
                out.bytes(e.segment(), e.paramOffset(i), e.paramLen(i));
            } else if (pt == ParamType.CHARBUF || pt == ParamType.FSPATH || pt == ParamType.FSRELPATH) {
                int len = e.paramLen(i);
                long at = e.paramOffset(i);
                if (len > 0 && e.segment().get(ValueLayout.JAVA_BYTE, at + len - 1) == 0) {
                    len--; // the text without its NUL
                }
                out.bytes(e.segment(), at, len);
            } else {
                out.absent();
            }
            return;
        }
        text.setLength(0);
        formatter.param(e, i, text);
        // evt.arg shows the resolved form of numeric arguments (the fd's name, flag names, errno).
        if (pi.type().isFixedSize() && text.length() > 0 && text.charAt(text.length() - 1) == ')') {
            int open = text.indexOf("(");
            if (open > 0) {
                text.delete(text.length() - 1, text.length());
                text.delete(0, open + 1);
            }
        }
        latin1(out);
    }

    /** evt.type text per scap code; null for generic events, whose name depends on the record. */
    private static final byte[][] TYPE_NAMES = new byte[EventTable.SCAP_LIMIT][];

    static {
        for (int code = 2; code < EventTable.SCAP_LIMIT; code++) {
            EventType et = EventTable.get(code);
            if (et != null) {
                TYPE_NAMES[code] = bytes(et.name());
            }
        }
    }

    /** Position of the result parameter per scap code (-1: none), computed once. */
    private static final byte[] RES_INDEX = new byte[EventTable.SCAP_LIMIT];

    static {
        for (int code = 0; code < EventTable.SCAP_LIMIT; code++) {
            EventType et = EventTable.get(code);
            RES_INDEX[code] = (byte) (et == null ? -1 : resIndexOf(et));
        }
    }

    private static int resIndex(EventRecord e, EventType et) {
        int code = e.type();
        int i = code < RES_INDEX.length ? RES_INDEX[code] : -1;
        return i < e.nparams() ? i : -1;
    }

    private static int resIndexOf(EventType et) {
        int n = et.nparams();
        for (int i = 0; i < n; i++) {
            if (et.param(i).name().equals("res")) {
                return i;
            }
        }
        if (n > 0) {
            ParamType t0 = et.param(0).type();
            if (t0 == ParamType.FD || t0 == ParamType.ERRNO || t0 == ParamType.PID) {
                return 0;
            }
        }
        return -1;
    }

    private void res(int op, EventContext c, ProjectionEncoder out) {
        EventRecord e = c.evt;
        int i = c.isExit() ? resIndex(e, c.type) : -1;
        if (i < 0 || e.paramLen(i) == 0) {
            if (op == EVT_FAILED) {
                out.bool(false);
            } else {
                out.absent();
            }
            return;
        }
        long v = e.number(i);
        if (op == EVT_RAWRES) {
            out.int64(v);
        } else if (op == EVT_FAILED) {
            out.bool(v < 0);
        } else if (v >= 0) {
            out.bytes(SUCCESS);
        } else {
            // The errno name, as the ERRNO formatter resolves it.
            text.setLength(0);
            text.append(v);
            String name = ErrnoNames.name((int) -v);
            if (name != null) {
                text.setLength(0);
                text.append(name);
            }
            latin1(out);
        }
    }

    private void io(int op, EventType type, ProjectionEncoder out) {
        boolean read = type.hasFlag(EventType.EF_READS_FROM_FD);
        boolean write = type.hasFlag(EventType.EF_WRITES_TO_FD);
        if (op == EVT_IS_IO) {
            out.bool(read || write);
        } else if (op == EVT_IS_IO_READ) {
            out.bool(read);
        } else if (op == EVT_IS_IO_WRITE) {
            out.bool(write);
        } else if (read) {
            out.bytes(R);
        } else if (write) {
            out.bytes(W);
        } else {
            out.absent();
        }
    }

    private void openFlags(int op, EventContext c, ProjectionEncoder out) {
        String name = c.type.name();
        boolean open = name.equals("open") || name.equals("openat") || name.equals("openat2")
                || name.equals("creat") || name.equals("open_by_handle_at");
        if (!open || !c.isExit()) {
            out.bool(false);
            return;
        }
        EventRecord e = c.evt;
        int fi = c.type.paramIndex("flags");
        long flags = fi >= 0 && fi < e.nparams() && e.paramLen(fi) > 0 ? e.number(fi) : 0;
        if (name.equals("creat")) {
            flags |= O_CREAT | O_WRONLY;
        }
        boolean r = switch (op) {
            case 0 -> false;
            default -> {
                if (op == EVT_IS_OPEN_READ) {
                    yield (flags & O_RDONLY) != 0;
                } else if (op == EVT_IS_OPEN_WRITE) {
                    yield (flags & O_WRONLY) != 0;
                } else if (op == EVT_IS_OPEN_CREATE) {
                    yield (flags & O_F_CREATED) != 0 || (flags & O_CREAT) != 0 && name.equals("creat");
                } else {
                    int mi = c.type.paramIndex("mode");
                    long mode = mi >= 0 && mi < e.nparams() && e.paramLen(mi) > 0 ? e.number(mi) : 0;
                    yield (flags & O_CREAT) != 0 && (mode & 0111) != 0;
                }
            }
        };
        out.bool(r);
    }

    private void buffer(int op, EventContext c, ProjectionEncoder out) {
        EventRecord e = c.evt;
        int i = c.type.paramIndex("data");
        if (i < 0 || i >= e.nparams()) {
            out.absent();
            return;
        }
        if (op == EVT_BUFLEN) {
            out.uint64(e.paramLen(i));
        } else {
            out.bytes(e.segment(), e.paramOffset(i), e.paramLen(i));
        }
    }

    // ---- proc / thread ----

    private ThreadInfo parent(ThreadInfo t) {
        if (t == null || t.ptid <= 0 || t.ptid == t.tid) {
            return null;
        }
        ThreadInfo p = threads.get(t.ptid);
        // A parent entry without any information is no parent for the fields.
        return p == null || (p.comm.length == 0 && p.exe.length == 0) ? null : p;
    }

    private ThreadInfo ancestor(ThreadInfo t, int level) {
        ThreadInfo a = t;
        for (int i = 0; i < level && a != null; i++) {
            a = parent(a);
        }
        return a;
    }

    private void process(CompiledField f, int op, EventContext c, ThreadInfo t, ProjectionEncoder out) {
        ThreadInfo main = c.main != null ? c.main : t;
        switch (op) {
            case 0 -> out.absent();
            default -> {
                if ((op == PROC_EXE || op == PROC_NAME || op == PROC_CMDLINE || op == PROC_EXELINE) && t.comm.length == 0) {
                    // A thread libsinsp knows nothing about: its name is unset, other fields are empty.
                    out.absent();
                } else if (op == PROC_EXE) {
                    out.bytes(t.exe);
                } else if (op == PROC_EXEPATH) {
                    out.bytes(t.exepath);
                } else if (op == PROC_NAME) {
                    out.bytes(t.comm);
                } else if (op == PROC_ARGS) {
                    joinArgs(out, null, t.args);
                } else if (op == PROC_CMDLINE) {
                    joinArgs(out, t.comm, t.args);
                } else if (op == PROC_EXELINE) {
                    joinArgs(out, t.exe, t.args);
                } else if (op == PROC_CMDNARGS) {
                    out.uint64(countArgs(t.args));
                } else if (op == PROC_CMDLENARGS) {
                    out.uint64(argsLength(t.args));
                } else if (op == PROC_ENV) {
                    env(f, t, out);
                } else if (op == PROC_CWD) {
                    out.bytes(main.cwd);
                } else if (op == PROC_TTY) {
                    out.uint64(Integer.toUnsignedLong(t.tty));
                } else if (op == PROC_PID) {
                    out.int64(t.pid);
                } else if (op == PROC_VPID) {
                    if (t.vpid < 0) {
                        out.absent();
                    } else {
                        out.int64(t.vpid);
                    }
                } else if (op == PROC_PPID) {
                    out.int64(t.ptid);
                } else if (op == PROC_SID) {
                    out.int64(t.sid);
                } else if (op == PROC_VPGID) {
                    out.int64(t.vpgid);
                } else if (op == PROC_PNAME || op == PROC_PEXE || op == PROC_PEXEPATH || op == PROC_PCMDLINE
                        || op == PROC_PVPID) {
                    ThreadInfo p = parent(t);
                    if (p == null) {
                        out.absent();
                    } else {
                        ancestorValue(op == PROC_PNAME ? PROC_ANAME : op == PROC_PEXE ? PROC_AEXE
                                : op == PROC_PEXEPATH ? PROC_AEXEPATH : op == PROC_PCMDLINE ? PROC_ACMDLINE : PROC_VPID, p, out);
                    }
                } else if (op == PROC_ANAME || op == PROC_AEXE || op == PROC_AEXEPATH || op == PROC_ACMDLINE
                        || op == PROC_APID) {
                    if (f.index >= 0) {
                        ThreadInfo a = ancestor(t, f.index);
                        if (a == null) {
                            out.absent();
                        } else {
                            ancestorValue(op, a, out);
                        }
                    } else {
                        out.beginList();
                        ThreadInfo a = parent(t);
                        for (int d = 0; a != null && d < MAX_DEPTH; d++) {
                            ancestorValue(op, a, out);
                            a = parent(a);
                        }
                        out.endList();
                    }
                } else if (op == PROC_SNAME || op == PROC_SID_EXE || op == PROC_SID_EXEPATH) {
                    ThreadInfo s = leader(t, t.sid, true);
                    if (s == null) {
                        out.absent();
                    } else {
                        out.bytes(op == PROC_SNAME ? s.comm : op == PROC_SID_EXE ? s.exe : s.exepath);
                    }
                } else if (op == PROC_VPGID_NAME || op == PROC_VPGID_EXE || op == PROC_VPGID_EXEPATH) {
                    ThreadInfo g = leader(t, t.vpgid, false);
                    if (g == null) {
                        out.absent();
                    } else {
                        out.bytes(op == PROC_VPGID_NAME ? g.comm : op == PROC_VPGID_EXE ? g.exe : g.exepath);
                    }
                } else if (op == PROC_IS_SID_LEADER) {
                    out.bool(t.sid == t.vpid);
                } else if (op == PROC_IS_VPGID_LEADER) {
                    out.bool(t.vpgid == t.vpid);
                } else if (op == PROC_DURATION) {
                    if (main.cloneTs == 0) {
                        out.absent();
                    } else {
                        out.uint64(c.evt.ts() - main.cloneTs);
                    }
                } else if (op == PROC_IS_EXE_WRITABLE) {
                    out.bool((t.exeFlags & EXE_WRITABLE) != 0);
                } else if (op == PROC_IS_EXE_UPPER) {
                    out.bool((t.exeFlags & EXE_UPPER_LAYER) != 0);
                } else if (op == PROC_IS_EXE_MEMFD) {
                    out.bool((t.exeFlags & EXE_FROM_MEMFD) != 0);
                } else if (op == PROC_EXE_INO) {
                    out.int64(t.exeIno);
                } else if (op == PROC_EXE_CTIME) {
                    out.uint64(t.exeInoCtime);
                } else if (op == PROC_EXE_MTIME) {
                    out.uint64(t.exeInoMtime);
                } else if (op == PROC_PIDNS_INIT) {
                    out.uint64(t.pidnsInitStartTs);
                } else if (op == PROC_FDOPENCOUNT) {
                    out.uint64(t.fds == null ? 0 : t.fds.count());
                } else if (op == PROC_STD_TYPE || op == PROC_STD_NAME) {
                    FdInfo s = t.fds == null ? null : t.fds.get(f.index);
                    if (s == null) {
                        out.absent();
                    } else if (op == PROC_STD_TYPE) {
                        byte[] n = FdTypes.typeName(s.type);
                        if (n == null) {
                            out.absent();
                        } else {
                            out.bytes(n);
                        }
                    } else {
                        out.bytes(s.name);
                    }
                } else if (op == PROC_LOGINSHELLID) {
                    loginShell(t, out);
                } else if (op == THREAD_TID) {
                    out.int64(t.tid);
                } else if (op == THREAD_VTID) {
                    if (t.vtid < 0) {
                        out.absent();
                    } else {
                        out.int64(t.vtid);
                    }
                } else if (op == THREAD_ISMAIN) {
                    out.bool(t.isMain());
                } else if (op == THREAD_CGROUPS || op == THREAD_CGROUP) {
                    cgroups(f, op, t, out);
                } else {
                    out.absent();
                }
            }
        }
    }

    private void ancestorValue(int op, ThreadInfo a, ProjectionEncoder out) {
        if (op == PROC_ANAME) {
            out.bytes(a.comm);
        } else if (op == PROC_AEXE) {
            out.bytes(a.exe);
        } else if (op == PROC_AEXEPATH) {
            out.bytes(a.exepath);
        } else if (op == PROC_ACMDLINE) {
            joinArgs(out, a.comm, a.args);
        } else if (op == PROC_APID) {
            out.int64(a.pid);
        } else {
            out.int64(a.vpid);
        }
    }

    private ThreadInfo leader(ThreadInfo t, long id, boolean session) {
        // Walk up to the outermost ancestor that is still in the same session (process group).
        ThreadInfo found = null;
        ThreadInfo a = t;
        for (int d = 0; a != null && d < MAX_DEPTH; d++) {
            if ((session ? a.sid : a.vpgid) != id) {
                break;
            }
            found = a;
            if (a.vpid == id) {
                return a;
            }
            a = parent(a);
        }
        return found;
    }

    private void loginShell(ThreadInfo t, ProjectionEncoder out) {
        long id = -1;
        ThreadInfo a = t;
        for (int d = 0; a != null && d < MAX_DEPTH; d++) {
            if (isShell(a.comm)) {
                id = a.pid;
            }
            a = parent(a);
        }
        if (id < 0) {
            out.absent();
        } else {
            out.int64(id);
        }
    }

    private static boolean isShell(byte[] comm) {
        int n = comm.length;
        return n >= 2 && comm[n - 2] == 's' && comm[n - 1] == 'h';
    }

    private static void joinArgs(ProjectionEncoder out, byte[] head, byte[] args) {
        int at = out.beginBytes();
        boolean first = true;
        if (head != null) {
            out.append(head, 0, head.length);
            first = false;
        }
        int start = 0;
        for (int i = 0; i <= args.length; i++) {
            if (i == args.length || args[i] == 0) {
                if (i > start || (i < args.length)) {
                    if (!(i == args.length && i == start)) {
                        if (!first) {
                            out.append((byte) ' ');
                        }
                        out.append(args, start, i - start);
                        first = false;
                    }
                }
                start = i + 1;
            }
        }
        out.endBytes(at);
    }

    private static int countArgs(byte[] args) {
        int n = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i] == 0) {
                n++;
            }
        }
        if (args.length > 0 && args[args.length - 1] != 0) {
            n++;
        }
        return n;
    }

    private static int argsLength(byte[] args) {
        int n = 0;
        for (byte b : args) {
            if (b != 0) {
                n++;
            }
        }
        return n;
    }

    private void env(CompiledField f, ThreadInfo t, ProjectionEncoder out) {
        byte[] env = t.env;
        if (f.key == null) {
            joinArgs(out, null, env);
            return;
        }
        byte[] k = f.keyBytes;
        int start = 0;
        for (int i = 0; i <= env.length; i++) {
            if (i == env.length || env[i] == 0) {
                int len = i - start;
                if (len > k.length && env[start + k.length] == '=' && regionEquals(env, start, k)) {
                    out.bytes(env, start + k.length + 1, len - k.length - 1);
                    return;
                }
                start = i + 1;
            }
        }
        out.absent();
    }

    private static boolean regionEquals(byte[] b, int off, byte[] k) {
        for (int i = 0; i < k.length; i++) {
            if (b[off + i] != k[i]) {
                return false;
            }
        }
        return true;
    }

    private void cgroups(CompiledField f, int op, ThreadInfo t, ProjectionEncoder out) {
        byte[] cg = t.cgroups;
        if (op == THREAD_CGROUPS) {
            joinArgs(out, null, cg);
            return;
        }
        byte[] k = f.keyBytes;
        int start = 0;
        for (int i = 0; i <= cg.length; i++) {
            if (i == cg.length || cg[i] == 0) {
                int len = i - start;
                if (k != null && len > k.length && cg[start + k.length] == '=' && regionEquals(cg, start, k)) {
                    out.bytes(cg, start + k.length + 1, len - k.length - 1);
                    return;
                }
                start = i + 1;
            }
        }
        out.absent();
    }

    // ---- fd ----

    private void fdField(CompiledField f, int op, EventContext c, FdInfo fd, ProjectionEncoder out) {
        if (op == FD_NUM) {
            if (c.fdNum < 0 && fd == null) {
                out.absent();
            } else {
                out.int64(c.fdNum);
            }
            return;
        }
        if (op == FD_TYPES) {
            fdTypes(f, c, out);
            return;
        }
        if (fd == null) {
            out.absent();
            return;
        }
        if (op == FD_TYPE) {
            byte[] n = FdTypes.typeName(fd.type);
            if (n == null) {
                out.absent();
            } else {
                out.bytes(n);
            }
        } else if (op == FD_TYPECHAR) {
            byte ch = FdTypes.typeChar(fd.type);
            if (ch == 0) {
                out.absent();
            } else {
                int at = out.beginBytes();
                out.append(ch);
                out.endBytes(at);
            }
        } else if (op == FD_NAME) {
            out.bytes(fd.name);
        } else if (op == FD_NAMERAW) {
            out.bytes(fd.nameRaw != null ? fd.nameRaw : fd.name);
        } else if (op == FD_DIRECTORY || op == FD_FILENAME) {
            if (!fd.isFile()) {
                out.absent();
                return;
            }
            byte[] n = fd.name;
            int slash = -1;
            for (int i = n.length - 1; i >= 0; i--) {
                if (n[i] == '/') {
                    slash = i;
                    break;
                }
            }
            if (fd.type == FdTypes.DIRECTORY && op == FD_DIRECTORY) {
                out.bytes(n);
            } else if (fd.type == FdTypes.DIRECTORY) {
                out.absent();
            } else if (op == FD_DIRECTORY) {
                out.bytes(n, 0, slash <= 0 ? (slash == 0 ? 1 : 0) : slash);
            } else {
                out.bytes(n, slash + 1, n.length - slash - 1);
            }
        } else if (op >= FD_IP && op <= FD_RPORT) {
            endpoint(op, fd, out);
        } else if (op == FD_L4PROTO) {
            byte[] p = fd.isIp() && (fd.connected || fd.server) ? FdTypes.l4protoName(fd.l4proto) : null;
            if (p == null) {
                out.absent();
            } else {
                out.bytes(p);
            }
        } else if (op == FD_SOCKFAMILY) {
            if (fd.isIp()) {
                out.bytes(IP);
            } else if (fd.type == FdTypes.UNIX_SOCK) {
                out.bytes(UNIX);
            } else {
                out.absent();
            }
        } else if (op == FD_IS_SERVER) {
            out.bool(fd.server);
        } else if (op == FD_CONNECTED) {
            if (!fd.isSocket()) {
                out.absent();
            } else {
                out.bool(fd.connected);
            }
        } else if (op == FD_NAME_CHANGED) {
            out.bool(c.fdNameChanged);
        } else if (op == FD_UID) {
            int at = out.beginBytes();
            out.appendDecimal(c.thread == null ? c.evt.tid() : c.thread.tid);
            out.appendDecimal(c.fdNum);
            out.endBytes(at);
        } else if (op == FD_CONTAINERNAME || op == FD_CONTAINERDIRECTORY) {
            byte[] id = c.thread == null ? HOST : c.thread.container.id();
            int at = out.beginBytes();
            out.append(id, 0, id.length);
            out.append((byte) ':');
            if (op == FD_CONTAINERNAME) {
                out.append(fd.name, 0, fd.name.length);
            } else {
                int slash = lastSlash(fd.name);
                out.append(fd.name, 0, Math.max(slash, 0));
            }
            out.endBytes(at);
        } else if (op == FD_DEV) {
            out.int64(fd.dev);
        } else if (op == FD_DEV_MAJOR) {
            out.int64((fd.dev >>> 20) & 0xfff);
        } else if (op == FD_DEV_MINOR) {
            out.int64(fd.dev & 0xfffff);
        } else if (op == FD_INO) {
            out.int64(fd.ino);
        } else {
            out.absent();
        }
    }

    private static int lastSlash(byte[] n) {
        for (int i = n.length - 1; i >= 0; i--) {
            if (n[i] == '/') {
                return i;
            }
        }
        return -1;
    }

    private void endpoint(int op, FdInfo fd, ProjectionEncoder out) {
        if (!fd.isIp() || fd.ipVersion == 0 || !(fd.connected || fd.server)) {
            out.absent();
            return;
        }
        boolean clientKnown = fd.clientPort != 0 || fd.clientLo != 0 || fd.clientHi != 0;
        boolean local;
        boolean client;
        if (op == FD_CIP || op == FD_CPORT) {
            client = true;
        } else if (op == FD_SIP || op == FD_SPORT || op == FD_IP || op == FD_PORT) {
            client = false;
        } else {
            local = op == FD_LIP || op == FD_LPORT;
            client = local != fd.server;
        }
        boolean port = op == FD_PORT || op == FD_CPORT || op == FD_SPORT || op == FD_LPORT || op == FD_RPORT;
        if (client && !clientKnown) {
            out.absent();
            return;
        }
        if (port) {
            out.uint64(client ? fd.clientPort : fd.serverPort);
            return;
        }
        long hi = client ? fd.clientHi : fd.serverHi;
        long lo = client ? fd.clientLo : fd.serverLo;
        if (fd.ipVersion == 4) {
            out.ip4((int) lo);
        } else {
            out.ip6(hi, lo);
        }
    }

    private void fdTypes(CompiledField f, EventContext c, ProjectionEncoder out) {
        ThreadInfo t = c.thread;
        if (t == null || t.fds == null) {
            out.absent();
            return;
        }
        if (f.index >= 0) {
            FdInfo s = t.fds.get(f.index);
            byte[] n = s == null ? null : FdTypes.typeName(s.type);
            if (n == null) {
                out.absent();
            } else {
                out.bytes(n);
            }
            return;
        }
        // Distinct kinds among the process's fds.
        out.beginList();
        int seen = 0;
        for (int i = 0; i < t.fds.capacity(); i++) {
            FdInfo s = t.fds.get(i);
            if (s == null || s.type <= 0 || s.type >= 32 || (seen & (1 << s.type)) != 0) {
                continue;
            }
            byte[] n = FdTypes.typeName(s.type);
            if (n != null) {
                seen |= 1 << s.type;
                out.bytes(n);
            }
        }
        out.endList();
    }

    // ---- fs.path ----

    private void fsPath(int op, EventContext c, ProjectionEncoder out) {
        EventRecord e = c.evt;
        EventType et = c.type;
        if (!c.isExit()) {
            out.absent();
            return;
        }
        boolean two = op == FS_PATH_SOURCE || op == FS_PATH_SOURCERAW || op == FS_PATH_TARGET
                || op == FS_PATH_TARGETRAW;
        boolean raw = op == FS_PATH_NAMERAW || op == FS_PATH_SOURCERAW || op == FS_PATH_TARGETRAW;
        int pi = -1;
        int di = -1;
        if (!two) {
            for (String n : new String[] {"name", "path", "pathname", "filename"}) {
                pi = et.paramIndex(n);
                if (pi >= 0) {
                    break;
                }
            }
            if (pi >= 0 && et.param(pi).type() != ParamType.FSPATH && et.param(pi).type() != ParamType.FSRELPATH) {
                pi = -1;
            }
            di = et.paramIndex("dirfd");
        } else {
            boolean src = op == FS_PATH_SOURCE || op == FS_PATH_SOURCERAW;
            boolean symlink = et.name().startsWith("symlink");
            pi = et.paramIndex(src ? (symlink ? "target" : "oldpath") : (symlink ? "linkpath" : "newpath"));
            di = et.paramIndex(src ? (et.paramIndex("olddirfd") >= 0 ? "olddirfd" : "olddir")
                    : (et.paramIndex("newdirfd") >= 0 ? "newdirfd" : symlink ? "linkdirfd" : "newdir"));
        }
        if (pi < 0 || pi >= e.nparams() || e.paramLen(pi) == 0) {
            out.absent();
            return;
        }
        int len = e.stringLen(pi);
        if (raw || c.thread == null) {
            out.bytes(e.segment(), e.paramOffset(pi), len);
            return;
        }
        byte[] p = new byte[len];
        java.lang.foreign.MemorySegment.copy(e.segment(), ValueLayout.JAVA_BYTE, e.paramOffset(pi), p, 0, len);
        long dirfd = di >= 0 && di < e.nparams() && e.paramLen(di) > 0 ? e.number(di) : -100;
        out.bytes(resolver.resolve(c.thread, dirfd, p));
    }

    /** Path resolution against the thread's cwd and fds; set by the state that owns the parser. */
    public interface PathResolution {
        byte[] resolve(ThreadInfo t, long dirfd, byte[] raw);
    }

    private PathResolution resolver = (t, d, raw) -> raw;

    /** Where pod names, namespaces and labels come from (null: nowhere, they are absent). */
    public void pods(io.peregrine.state.pods.PodDirectory directory) {
        this.pods = directory;
    }

    /** Where container names and images come from (null: nowhere, they are absent). */
    public void cri(CriResolver resolver) {
        this.cri = resolver;
    }

    public void pathResolution(PathResolution r) {
        this.resolver = r;
    }

    // ---- user / container ----

    private void user(int op, ThreadInfo t, ProjectionEncoder out) {
        if (t == null) {
            out.absent();
            return;
        }
        if (op == USER_UID) {
            out.uint64(Integer.toUnsignedLong(t.euid));
        } else if (op == USER_LOGINUID) {
            out.int64(t.loginuid);
        } else if (op == GROUP_GID) {
            out.uint64(Integer.toUnsignedLong(t.egid));
        } else if (op == GROUP_NAME) {
            byte[] g = users.groupName(t.egid);
            if (g == null) {
                out.absent();
            } else {
                out.bytes(g);
            }
        } else {
            UserTable.User u = users.user(op == USER_LOGINNAME ? t.loginuid : t.euid);
            if (u == null) {
                out.absent();
            } else {
                out.bytes(op == USER_HOMEDIR ? u.home() : op == USER_SHELL ? u.shell() : u.name());
            }
        }
    }

    private void container(CompiledField f, int op, ThreadInfo t, ProjectionEncoder out) {
        if (t == null) {
            out.absent();
            return;
        }
        var ci = t.container;
        if (op == CONTAINER_ID) {
            out.bytes(ci.id());
        } else if (op == CONTAINER_FULL_ID) {
            out.bytes(ci.fullId());
        } else if (op == CONTAINER_NAME || (op >= CONTAINER_IMAGE && op <= CONTAINER_IMAGE_DIGEST)) {
            if (ci.isHost()) {
                if (op == CONTAINER_NAME) {
                    out.bytes(HOST);
                } else {
                    out.absent();
                }
                return;
            }
            // Absent until the runtime has answered (the lookup runs off this thread).
            CriContainer cc = cri == null ? null : cri.get(ci.fullIdText());
            byte[] v = cc == null ? null : op == CONTAINER_NAME ? cc.nameBytes() : op == CONTAINER_IMAGE ? cc.imageBytes()
                    : op == CONTAINER_IMAGE_REPOSITORY ? cc.repositoryBytes() : op == CONTAINER_IMAGE_TAG ? cc.tagBytes()
                    : cc.digestBytes();
            if (v == null) {
                out.absent();
            } else {
                out.bytes(v);
            }
        } else if (op == CONTAINER_TYPE) {
            if (ci.type() == null) {
                out.absent();
            } else {
                out.bytes(ci.type());
            }
        } else if (op == K8S_POD_UID) {
            if (ci.podUid() == null) {
                out.absent();
            } else {
                out.bytes(ci.podUid());
            }
        } else if (op == K8S_POD_NAME || op == K8S_NS_NAME || op == K8S_POD_LABEL || op == K8S_POD_LABELS) {
            io.peregrine.state.pods.PodMeta pod = ci.podUidText() == null || pods == null ? null : pods.get(ci.podUidText());
            byte[] v = pod == null ? null : op == K8S_POD_NAME ? pod.name() : op == K8S_NS_NAME ? pod.namespace()
                    : op == K8S_POD_LABELS ? pod.labelsText() : f.key == null ? null : pod.label(f.key);
            if (pod == null && cri != null && !ci.isHost() && (op == K8S_POD_NAME || op == K8S_NS_NAME)) {
                // No API server: the kubelet's labels on the CRI container name the pod.
                CriContainer cc = cri.get(ci.fullIdText());
                v = cc == null ? null : op == K8S_POD_NAME ? cc.podNameBytes() : cc.podNamespaceBytes();
            }
            if (v == null) {
                out.absent();
            } else {
                out.bytes(v);
            }
        } else if (op == CONTAINER_PRIVILEGED) {
            out.absent();
        } else {
            out.absent();
        }
    }

    static boolean isEnter(EventRecord e) {
        return EventDirection.ofType(e.type()) == EventDirection.ENTER;
    }
}
