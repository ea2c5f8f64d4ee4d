package io.peregrine.protocol.fields;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The syscall-source fields that rules can read, with Falco's names and types. Ids are the line
 * order of {@link #TABLE}: new fields are appended at the end, never inserted, so ids stay stable
 * across versions (projected events carry values by id).
 */
public final class FieldCatalog {

    // name | type | arg (- none, i? optional index, k required key, k? optional key)
    //      | flags (L multi-valued without argument, U not supported yet: rules refuse it, A known but
    //        not computed: rules may name it as Falco's do, its value is always absent, - none)
    //      | description
    // U and A together are the one list of fields the state does not compute; state-core's field
    // families compute every other field, and its tests hold the two to each other.
    private static final String TABLE = """
            evt.num|UINT64|-|-|Sequence number of the event.
            evt.time|CHARBUF|-|A|Event time as wall-clock text with nanoseconds.
            evt.time.s|CHARBUF|-|A|Event time as wall-clock text with seconds.
            evt.time.iso8601|CHARBUF|-|A|Event time in ISO 8601 with nanoseconds.
            evt.datetime|CHARBUF|-|A|Event date and time as text.
            evt.rawtime|ABSTIME|-|-|Event time in nanoseconds since the epoch.
            evt.rawtime.s|ABSTIME|-|-|Integer seconds part of the event time.
            evt.rawtime.ns|ABSTIME|-|-|Fractional nanoseconds part of the event time.
            evt.reltime|RELTIME|-|A|Time since the capture started.
            evt.latency|RELTIME|-|A|Time between the enter and exit events of the call.
            evt.dir|CHARBUF|-|-|Direction: '>' for enter events, '<' for exit events.
            evt.type|CHARBUF|-|-|Event type name, e.g. openat or execve.
            evt.type.is|UINT32|k|-|1 when the event type is the one given as argument.
            syscall.type|CHARBUF|-|-|System call name for syscall events; empty for others.
            evt.category|CHARBUF|-|-|Event category, e.g. file, net, process.
            evt.cpu|INT16|-|A|CPU where the event happened.
            evt.args|CHARBUF|-|-|All event arguments as one text.
            evt.arg|CHARBUF|k|-|One event argument, by name (evt.arg.fd) or index (evt.arg[0]), as text.
            evt.rawarg|INT64|k|-|One event argument by name, unformatted.
            evt.info|CHARBUF|-|A|Arguments, or a description for events that carry one.
            evt.buffer|BYTEBUF|-|-|Binary data buffer of I/O events.
            evt.buflen|UINT64|-|-|Length of the data buffer of I/O events.
            evt.res|CHARBUF|-|-|Result: SUCCESS, or the error code name (e.g. ENOENT).
            evt.rawres|INT64|-|-|Result as a number.
            evt.failed|BOOL|-|-|True when the call returned an error.
            evt.is_io|BOOL|-|-|True for events that read or write data.
            evt.is_io_read|BOOL|-|-|True for events that read data.
            evt.is_io_write|BOOL|-|-|True for events that write data.
            evt.io_dir|CHARBUF|-|-|r or w for I/O events.
            evt.is_wait|BOOL|-|-|True for events that make the thread wait.
            evt.is_syslog|BOOL|-|A|True for writes to /dev/log.
            evt.count|UINT32|-|-|1 for every event; useful in aggregations.
            evt.abspath|CHARBUF|k?|-|Absolute path computed from dirfd and name of the *at calls.
            evt.is_open_read|BOOL|-|-|True for open calls with read access.
            evt.is_open_write|BOOL|-|-|True for open calls with write access.
            evt.is_open_exec|BOOL|-|-|True for open calls that create an executable file or map it executable.
            evt.is_open_create|BOOL|-|-|True for open calls that created the file.
            evt.hostname|CHARBUF|-|-|Host name where the event happened.
            evt.source|CHARBUF|-|-|Event source, syscall for kernel events.
            evt.around|UINT64|k|U|Events around a point in time (capture analysis only).
            proc.exe|CHARBUF|-|-|First command-line argument (argv[0]) of the process.
            proc.pexe|CHARBUF|-|-|argv[0] of the parent process.
            proc.aexe|CHARBUF|i?|L|argv[0] of the ancestor at the given level; without level, any ancestor.
            proc.exepath|FSPATH|-|-|Full path of the executable file of the process.
            proc.pexepath|FSPATH|-|-|Full path of the executable of the parent.
            proc.aexepath|FSPATH|i?|L|Executable path of the ancestor at the given level; without level, any ancestor.
            proc.name|CHARBUF|-|-|Process name (the executable's base name, as comm shows it).
            proc.pname|CHARBUF|-|-|Name of the parent process.
            proc.aname|CHARBUF|i?|L|Name of the ancestor at the given level (1 parent, 2 grandparent...); without level, any ancestor.
            proc.args|CHARBUF|-|-|Command-line arguments after the executable, space separated.
            proc.cmdline|CHARBUF|-|-|Name and arguments of the process.
            proc.pcmdline|CHARBUF|-|-|Command line of the parent.
            proc.acmdline|CHARBUF|i?|L|Command line of the ancestor at the given level.
            proc.cmdnargs|UINT64|-|-|Number of command-line arguments.
            proc.cmdlenargs|UINT64|-|-|Total length of the command-line arguments.
            proc.exeline|CHARBUF|-|-|Full command line with argv[0] as is.
            proc.env|CHARBUF|k?|-|Environment of the process, or one variable by name.
            proc.aenv|CHARBUF|k?|U|Environment variable looked up through the ancestors.
            proc.cwd|CHARBUF|-|-|Current working directory.
            proc.loginshellid|INT64|-|-|Pid of the outermost shell among the ancestors.
            proc.tty|UINT32|-|-|Controlling terminal; 0 when the process has none.
            proc.pid|INT64|-|-|Process id (thread-group id).
            proc.ppid|INT64|-|-|Parent process id.
            proc.apid|INT64|i?|L|Pid of the ancestor at the given level.
            proc.vpid|INT64|-|-|Process id as seen in its pid namespace.
            proc.pvpid|INT64|-|-|Parent id as seen in its pid namespace.
            proc.sid|INT64|-|-|Session id.
            proc.sname|CHARBUF|-|-|Name of the session leader.
            proc.sid.exe|CHARBUF|-|-|argv[0] of the session leader.
            proc.sid.exepath|FSPATH|-|-|Executable path of the session leader.
            proc.vpgid|INT64|-|-|Process group id as seen in its pid namespace.
            proc.vpgid.name|CHARBUF|-|-|Name of the process group leader.
            proc.vpgid.exe|CHARBUF|-|-|argv[0] of the process group leader.
            proc.vpgid.exepath|FSPATH|-|-|Executable path of the process group leader.
            proc.duration|RELTIME|-|-|Time since the process started.
            proc.ppid.duration|RELTIME|-|-|Time since the parent started.
            proc.pid.ts|RELTIME|-|A|Start time of the process relative to the capture.
            proc.ppid.ts|RELTIME|-|A|Start time of the parent relative to the capture.
            proc.is_exe_writable|BOOL|-|-|True when the executable is writable by the process user.
            proc.is_exe_upper_layer|BOOL|-|-|True when the executable lives in the upper (writable) layer of an overlay file system.
            proc.is_exe_from_memfd|BOOL|-|-|True when the executable is a memfd (fileless execution).
            proc.is_sid_leader|BOOL|-|-|True when the process leads its session.
            proc.is_vpgid_leader|BOOL|-|-|True when the process leads its process group.
            proc.exe_ino|INT64|-|-|Inode number of the executable.
            proc.exe_ino.ctime|ABSTIME|-|-|Last status change time of the executable's inode.
            proc.exe_ino.mtime|ABSTIME|-|-|Last modification time of the executable's inode.
            proc.exe_ino.ctime_duration_proc_start|ABSTIME|-|A|Time from the executable's ctime to the process start.
            proc.exe_ino.ctime_duration_pidns_start|ABSTIME|-|A|Time from the pid namespace start to the executable's ctime.
            proc.pidns_init_start_ts|UINT64|-|-|Start time of the pid namespace's init process.
            proc.fdopencount|UINT64|-|-|Number of open file descriptors.
            proc.stdin.type|CHARBUF|-|-|Kind of the fd 0 (file, ipv4, pipe...).
            proc.stdout.type|CHARBUF|-|-|Kind of the fd 1.
            proc.stderr.type|CHARBUF|-|-|Kind of the fd 2.
            proc.stdin.name|CHARBUF|-|-|Name of the fd 0.
            proc.stdout.name|CHARBUF|-|-|Name of the fd 1.
            proc.stderr.name|CHARBUF|-|-|Name of the fd 2.
            thread.tid|INT64|-|-|Thread id.
            thread.ismain|BOOL|-|-|True for the main thread of its process.
            thread.vtid|INT64|-|-|Thread id as seen in its pid namespace.
            thread.exectime|RELTIME|-|A|CPU time of the last scheduled slice.
            thread.totexectime|RELTIME|-|A|Total CPU time of the thread.
            thread.cgroups|CHARBUF|-|-|All cgroups of the thread.
            thread.cgroup|CHARBUF|k|-|Cgroup of the thread for the subsystem given as argument.
            thread.cap_permitted|CHARBUF|-|-|Permitted capabilities, as names.
            thread.cap_inheritable|CHARBUF|-|-|Inheritable capabilities, as names.
            thread.cap_effective|CHARBUF|-|-|Effective capabilities, as names.
            fd.num|INT64|-|-|File descriptor number.
            fd.type|CHARBUF|-|-|Kind of fd: file, directory, ipv4, ipv6, unix, pipe, event, signalfd, eventpoll, inotify, timerfd, netlink, memfd...
            fd.typechar|CHARBUF|-|-|One-letter fd kind: f file, 4 ipv4, 6 ipv6, u unix, p pipe, e event, s signalfd, l eventpoll, i inotify, t timerfd, n netlink, o other.
            fd.name|CHARBUF|-|-|Full name: file path, or connection tuple for sockets.
            fd.directory|CHARBUF|-|-|Directory part of a file fd's name.
            fd.filename|CHARBUF|-|-|File name part of a file fd's name.
            fd.ip|IPADDR|-|-|Client or server address (filter only: matches either).
            fd.cip|IPADDR|-|-|Client address.
            fd.sip|IPADDR|-|-|Server address.
            fd.lip|IPADDR|-|-|Local address.
            fd.rip|IPADDR|-|-|Remote address.
            fd.port|PORT|-|-|Client or server port (filter only: matches either).
            fd.cport|PORT|-|-|Client port.
            fd.sport|PORT|-|-|Server port.
            fd.lport|PORT|-|-|Local port.
            fd.rport|PORT|-|-|Remote port.
            fd.l4proto|CHARBUF|-|-|Transport protocol: tcp, udp, icmp or raw.
            fd.sockfamily|CHARBUF|-|-|Socket family: ip or unix.
            fd.is_server|BOOL|-|-|True when the process is the server side of the connection.
            fd.uid|CHARBUF|-|-|Unique fd id: thread id and fd number.
            fd.containername|CHARBUF|-|-|Container id and fd name.
            fd.containerdirectory|CHARBUF|-|-|Container id and fd directory.
            fd.proto|CHARBUF|-|A|Client or server protocol name (filter only).
            fd.cproto|CHARBUF|-|A|Protocol name of the client port.
            fd.sproto|CHARBUF|-|A|Protocol name of the server port.
            fd.lproto|CHARBUF|-|A|Protocol name of the local port.
            fd.rproto|CHARBUF|-|A|Protocol name of the remote port.
            fd.net|IPNET|-|-|Client or server network (filter only: matches either).
            fd.cnet|IPNET|-|-|Client network.
            fd.snet|IPNET|-|-|Server network.
            fd.lnet|IPNET|-|-|Local network.
            fd.rnet|IPNET|-|-|Remote network.
            fd.connected|BOOL|-|-|True when the socket is connected.
            fd.name_changed|BOOL|-|-|True when the event changed the fd's name (connect, accept...).
            fd.cip.name|CHARBUF|-|A|Domain name of the client address.
            fd.sip.name|CHARBUF|-|A|Domain name of the server address.
            fd.lip.name|CHARBUF|-|A|Domain name of the local address.
            fd.rip.name|CHARBUF|-|A|Domain name of the remote address.
            fd.dev|INT32|-|-|Device number of the file.
            fd.dev.major|INT32|-|-|Major device number.
            fd.dev.minor|INT32|-|-|Minor device number.
            fd.ino|INT64|-|-|Inode number of the file.
            fd.nameraw|CHARBUF|-|-|Name of the fd as the call passed it, before normalisation.
            fd.types|CHARBUF|k?|L|Kinds of all fds of the process, or of the fd given as argument.
            fs.path.name|CHARBUF|-|-|Path of the file system call (any call that takes a path).
            fs.path.nameraw|CHARBUF|-|-|Path of the file system call as passed.
            fs.path.source|CHARBUF|-|-|Source path of calls with two paths (rename, link...).
            fs.path.sourceraw|CHARBUF|-|-|Source path as passed.
            fs.path.target|CHARBUF|-|-|Target path of calls with two paths.
            fs.path.targetraw|CHARBUF|-|-|Target path as passed.
            user.uid|UINT32|-|-|User id.
            user.name|CHARBUF|-|-|User name.
            user.homedir|CHARBUF|-|-|Home directory of the user.
            user.shell|CHARBUF|-|-|Login shell of the user.
            user.loginuid|INT64|-|-|Audit login user id; -1 when unset.
            user.loginname|CHARBUF|-|-|Name of the audit login user.
            group.gid|UINT32|-|-|Group id.
            group.name|CHARBUF|-|-|Group name.
            container.id|CHARBUF|-|-|Container id (12 characters), or host.
            container.full_id|CHARBUF|-|-|Full container id.
            container.name|CHARBUF|-|-|Container name, or host.
            container.image|CHARBUF|-|-|Container image name, with tag.
            container.image.id|CHARBUF|-|-|Container image id.
            container.image.repository|CHARBUF|-|-|Container image repository.
            container.image.tag|CHARBUF|-|-|Container image tag.
            container.image.digest|CHARBUF|-|-|Container image digest.
            container.type|CHARBUF|-|-|Container runtime: docker, containerd, cri-o, podman...
            container.privileged|BOOL|-|-|True when the container runs privileged.
            container.mounts|CHARBUF|-|-|All mounts of the container, as text.
            container.mount|CHARBUF|k|-|One mount, by index or source path.
            container.mount.source|CHARBUF|k|-|Source of a mount, by index or destination path.
            container.mount.dest|CHARBUF|k|-|Destination of a mount, by index or source path.
            container.mount.mode|CHARBUF|k|-|Mode of a mount, by index or source path.
            container.mount.rdwr|CHARBUF|k|-|Read-write flag of a mount.
            container.mount.propagation|CHARBUF|k|-|Propagation of a mount.
            container.healthcheck|CHARBUF|-|-|Health check command of the container.
            container.liveness_probe|CHARBUF|-|-|Liveness probe command of the container.
            container.readiness_probe|CHARBUF|-|-|Readiness probe command of the container.
            container.start_ts|ABSTIME|-|-|Container start time.
            container.duration|RELTIME|-|A|Time since the container started.
            container.ip|CHARBUF|-|-|Primary address of the container.
            container.host_pid|BOOL|-|-|True when the container shares the host pid namespace.
            container.host_network|BOOL|-|-|True when the container shares the host network namespace.
            container.host_ipc|BOOL|-|-|True when the container shares the host IPC namespace.
            container.cni.json|CHARBUF|-|U|CNI result of the container, as JSON.
            k8s.ns.name|CHARBUF|-|-|Kubernetes namespace of the pod.
            k8s.pod.name|CHARBUF|-|-|Kubernetes pod name.
            k8s.pod.id|CHARBUF|-|-|Kubernetes pod uid (legacy name).
            k8s.pod.uid|CHARBUF|-|-|Kubernetes pod uid.
            k8s.pod.sandbox_id|CHARBUF|-|-|Pod sandbox id, 12 characters.
            k8s.pod.full_sandbox_id|CHARBUF|-|-|Full pod sandbox id.
            k8s.pod.label|CHARBUF|k|-|One pod label, by key.
            k8s.pod.labels|CHARBUF|-|-|All pod labels.
            k8s.pod.ip|CHARBUF|-|-|Pod address.
            k8s.pod.cni.json|CHARBUF|-|U|CNI result of the pod sandbox, as JSON.
            """;

    private static final List<Field> FIELDS;
    private static final Map<String, Field> BY_NAME;

    static {
        List<Field> fields = new ArrayList<>();
        Map<String, Field> byName = new HashMap<>();
        for (String line : TABLE.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split("\\|", 5);
            FieldArg arg = switch (c[2]) {
                case "-" -> FieldArg.NONE;
                case "i?" -> FieldArg.INDEX_OPTIONAL;
                case "k" -> FieldArg.KEY_REQUIRED;
                case "k?" -> FieldArg.KEY_OPTIONAL;
                default -> throw new IllegalStateException("bad arg kind in catalogue: " + line);
            };
            Field f = new Field(fields.size(), c[0], FieldType.valueOf(c[1]), arg, c[3].contains("L"),
                    !c[3].contains("U"), !c[3].contains("U") && !c[3].contains("A"), c[4]);
            if (byName.put(f.name(), f) != null) {
                throw new IllegalStateException("duplicate field " + f.name());
            }
            fields.add(f);
        }
        FIELDS = Collections.unmodifiableList(fields);
        BY_NAME = Map.copyOf(byName);
    }

    private FieldCatalog() {
    }

    public static List<Field> all() {
        return FIELDS;
    }

    public static int size() {
        return FIELDS.size();
    }

    /** The field with this exact name (without argument), or null. */
    public static Field byName(String name) {
        return BY_NAME.get(name);
    }

    public static Field byId(int id) {
        return FIELDS.get(id);
    }

    /**
     * Resolves a field reference as written in a rule ({@code proc.aname[2]}, {@code evt.arg.fd},
     * {@code evt.arg[0]}, {@code k8s.pod.label.app}) into the field and its argument text; null
     * when no field matches. The longest catalogue name that prefixes the text wins, so
     * {@code fd.cip.name} is its own field and not {@code fd.cip} with an argument.
     */
    public static FieldRef resolve(String text) {
        String base = text;
        String arg = null;
        int br = text.indexOf('[');
        if (br >= 0) {
            if (!text.endsWith("]")) {
                return null;
            }
            base = text.substring(0, br);
            arg = text.substring(br + 1, text.length() - 1);
        }
        Field f = BY_NAME.get(base);
        if (f != null) {
            if (arg == null && f.arg() == FieldArg.KEY_REQUIRED) {
                return null;
            }
            if (arg != null && f.arg() == FieldArg.NONE) {
                return null;
            }
            if (arg != null && f.arg() == FieldArg.INDEX_OPTIONAL && !isIndex(arg)) {
                return null;
            }
            return new FieldRef(f, arg);
        }
        if (arg != null) {
            return null;
        }
        // Dotted key form: evt.arg.name, k8s.pod.label.app, thread.cgroup.cpu.
        for (int dot = base.lastIndexOf('.'); dot > 0; dot = base.lastIndexOf('.', dot - 1)) {
            Field p = BY_NAME.get(base.substring(0, dot));
            if (p != null && (p.arg() == FieldArg.KEY_REQUIRED || p.arg() == FieldArg.KEY_OPTIONAL)
                    && dot + 1 < base.length()) {
                return new FieldRef(p, base.substring(dot + 1));
            }
        }
        return null;
    }

    private static boolean isIndex(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
