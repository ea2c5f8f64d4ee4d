package io.peregrine.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Attacks in miniature, performed for real on this host as child processes, each made to trigger one
 * default rule (rules-svc/src/main/resources/rules/peregrine_rules.yaml). Programs are copied
 * under the names the rules look for (nginx, xmrig, nc, sudoedit), and a small C helper does what
 * no standard tool does (setuid, ptrace attach, execution from a memfd). Every action carries a
 * marker unique to the run and the action; whatever it leaves on the host is removed afterwards.
 */
final class HostActions implements AutoCloseable {

    /** Ports of the mining-pool list of the default rules; the first free one is used. */
    private static final int[] POOL_PORTS = {3333, 4444, 5555, 6666, 7777, 14433, 14444, 45560, 45700};

    private final String run;
    private final Path dir;
    private final Path bin;
    private final AtomicInteger next = new AtomicInteger();
    private final ServerSocket loopbackListener;
    private final ServerSocket poolListener;
    private final List<Thread> acceptors = new ArrayList<>();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    HostActions(String run, Path dir) throws IOException, InterruptedException {
        this.run = run;
        this.dir = dir;
        this.bin = Files.createDirectories(dir.resolve("bin"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        copyProgram("/bin/sh", "nginx");
        copyProgram("/bin/true", "sudoedit");
        copyProgram("/bin/true", "xmrig");
        copyProgram("/bin/true", "nc");
        compileHelper();
        loopbackListener = listen(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        poolListener = listen(poolSocket());
    }

    private void copyProgram(String from, String name) throws IOException {
        Path p = bin.resolve(name);
        Files.copy(Path.of(from), p, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Compiles the helper with the C compiler of the build machine (clang is a prerequisite of the driver). */
    private void compileHelper() throws IOException, InterruptedException {
        Path src = dir.resolve("pe2e-act.c");
        try (InputStream in = HostActions.class.getResourceAsStream("/e2e/pe2e-act.c")) {
            Files.copy(in, src, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> tried = new ArrayList<>();
        for (String cc : List.of("cc", "clang", "gcc")) {
            ProcessBuilder pb = new ProcessBuilder(cc, "-O1", "-o", bin.resolve("pe2e-act").toString(), src.toString());
            pb.redirectErrorStream(true);
            try {
                Process p = pb.start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return;
                }
                tried.add(cc + ": " + out);
            } catch (IOException e) {
                tried.add(cc + ": " + e.getMessage());
            }
        }
        throw new IllegalStateException("no C compiler could build the action helper: " + tried);
    }

    /** A listener on a non-loopback address of this host, on a mining-pool port (the rule ignores 127/8). */
    private static ServerSocket poolSocket() throws IOException {
        InetAddress addr = null;
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp() || ni.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    addr = a;
                    break;
                }
            }
            if (addr != null) {
                break;
            }
        }
        if (addr == null) {
            throw new IllegalStateException("this host has no non-loopback IPv4 address: the mining-pool connection cannot be made");
        }
        for (int port : POOL_PORTS) {
            ServerSocket s = new ServerSocket();
            try {
                s.bind(new InetSocketAddress(addr, port));
                return s;
            } catch (IOException busy) {
                s.close();
            }
        }
        throw new IllegalStateException("every mining-pool port of the default rules is in use on " + addr.getHostAddress());
    }

    /** Accepts and drains connections, so the actions' connects succeed. */
    private ServerSocket listen(ServerSocket s) {
        Thread t = Thread.ofPlatform().daemon().name("e2e-listener-" + s.getLocalPort()).start(() -> {
            while (!s.isClosed()) {
                try (Socket c = s.accept()) {
                    c.setSoTimeout(2000);
                    c.getInputStream().readAllBytes();
                } catch (IOException e) {
                    // closed, or the peer went away: keep listening until close()
                }
            }
        });
        acceptors.add(t);
        return s;
    }

    private String marker() {
        // Short enough to stay whole in a 15-character process name.
        return "pe2e" + run + String.format("%03d", next.incrementAndGet() % 1000);
    }

    private Path work(String name) {
        return dir.resolve(name);
    }

    // ------------------------------------------------------------------ the actions

    HostAction readShadow() throws IOException {
        String m = marker();
        Path extra = Files.writeString(work(m), "");
        return new HostAction("read /etc/shadow with cat", m, "Sensitive file read by untrusted program", "Warning",
                Map.of("proc.name", "cat", "fd.name", "/etc/shadow", "user.name", "root"),
                List.of("cat", "/etc/shadow", extra.toString()), List.of());
    }

    HostAction shellFromWebServer() {
        String m = marker();
        return new HostAction("shell spawned by a process named nginx", m, "Shell spawned by a server process", "Critical",
                Map.of("proc.name", "sh", "proc.pname", "nginx", "user.name", "root"),
                List.of(bin.resolve("nginx").toString(), "-c", "sh -c 'id >/dev/null; : " + m + "'; true"), List.of());
    }

    HostAction writeBelowEtc() {
        String m = marker();
        String f = "/etc/" + m + ".conf";
        return new HostAction("write a file below /etc", m, "Write below etc", "Error",
                Map.of("proc.name", "touch", "fd.name", f, "user.name", "root"),
                List.of("touch", f), List.of(List.of("rm", "-f", f)));
    }

    HostAction writeBelowBinaryDir() {
        String m = marker();
        String f = "/usr/local/bin/" + m;
        return new HostAction("write a file below /usr/local/bin", m, "Write below system directory", "Error",
                Map.of("proc.name", "touch", "fd.name", f),
                List.of("touch", f), List.of(List.of("rm", "-f", f)));
    }

    HostAction setuidRoot() {
        String m = marker();
        return new HostAction("setuid(0)", m, "Privilege escalation by setuid to root", "Critical",
                Map.of("proc.name", "pe2e-act", "user.name", "root"),
                List.of(bin.resolve("pe2e-act").toString(), "setuid", m), List.of());
    }

    HostAction sudoeditExploit() {
        String m = marker();
        return new HostAction("sudoedit -s with a trailing backslash", m, "Sudo exploit attempt", "Critical",
                Map.of("user.name", "root"),
                List.of(bin.resolve("sudoedit").toString(), "-s", "\\", m), List.of());
    }

    HostAction cryptoMiner() {
        String m = marker();
        return new HostAction("start a program named xmrig", m, "Crypto miner started", "Critical",
                Map.of("proc.name", "xmrig"),
                List.of(bin.resolve("xmrig").toString(), "--donate-level", "1", m), List.of());
    }

    HostAction miningPoolConnection() {
        String m = marker();
        String host = poolListener.getInetAddress().getHostAddress();
        int port = poolListener.getLocalPort();
        return new HostAction("connect to port " + port, m, "Connection to a mining pool port", "Warning",
                Map.of("proc.name", "bash", "fd.name", "*"),
                List.of("bash", "-c", "exec 3<>/dev/tcp/" + host + "/" + port + "; : " + m), List.of());
    }

    HostAction reverseShell() {
        String m = marker();
        int port = loopbackListener.getLocalPort();
        return new HostAction("shell with stdout on a TCP socket", m, "Reverse shell", "Critical",
                Map.of("proc.name", "bash", "user.name", "root"),
                List.of("bash", "-c", "exec 1<>/dev/tcp/127.0.0.1/" + port + "; echo " + m), List.of());
    }

    HostAction netcatExec() {
        String m = marker();
        return new HostAction("nc -e /bin/sh", m, "Netcat with command execution", "Warning",
                Map.of("user.name", "root"),
                List.of(bin.resolve("nc").toString(), "-e", "/bin/sh", "127.0.0.1", "9", m), List.of());
    }

    HostAction ptraceAttach() {
        String m = marker();
        return new HostAction("ptrace attach to a child", m, "Ptrace attach to another process", "Warning",
                Map.of("proc.name", "pe2e-act", "evt.arg.request", "PTRACE_ATTACH"),
                List.of(bin.resolve("pe2e-act").toString(), "ptrace", m), List.of());
    }

    HostAction memfdExec() {
        String m = marker();
        // The kernel names a program run from a memfd after the memfd: "memfd:<name>".
        return new HostAction("execute /bin/true from a memfd", m, "Fileless execution from memfd", "Critical",
                Map.of("proc.name", "memfd:*", "user.name", "root"),
                List.of(bin.resolve("pe2e-act").toString(), "memfd", m), List.of());
    }

    HostAction runFromDevShm() throws IOException {
        String m = marker();
        Path exe = Path.of("/dev/shm", m);
        Files.copy(Path.of("/bin/true"), exe, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwx------"));
        return new HostAction("run a program from /dev/shm", m, "Execution from /dev/shm", "Warning",
                Map.of("proc.exepath", exe.toString()),
                List.of(exe.toString(), m), List.of(List.of("rm", "-f", exe.toString())));
    }

    HostAction searchPrivateKeys() throws IOException {
        String m = marker();
        Path d = Files.createDirectories(work(m));
        Files.writeString(d.resolve("notes.txt"), "nothing to see\n");
        return new HostAction("grep -r id_rsa", m, "Credential search", "Warning",
                Map.of("proc.cmdline", "grep -r -l id_rsa *", "user.name", "root"),
                List.of("grep", "-r", "-l", "id_rsa", d.toString()), List.of());
    }

    HostAction clearLogFile() throws IOException {
        String m = marker();
        Path f = Path.of("/var/log", m + ".log");
        // Created without O_TRUNC: only the action itself may look like clearing a log.
        Files.writeString(f, "a log line\n", StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new HostAction("truncate a log file below /var/log", m, "Log file cleared or removed", "Warning",
                Map.of("proc.name", "sh", "fd.name", f.toString()),
                List.of("sh", "-c", ": > " + f + "; : " + m), List.of(List.of("rm", "-f", f.toString())));
    }

    HostAction symlinkToShadow() {
        String m = marker();
        Path link = work(m + "-link");
        return new HostAction("symlink to /etc/shadow", m, "Symlink over sensitive file", "Warning",
                Map.of("proc.name", "ln", "user.name", "root"),
                List.of("ln", "-s", "/etc/shadow", link.toString()), List.of(List.of("rm", "-f", link.toString())));
    }

    /** Every kind of action, one each, fresh markers. */
    List<HostAction> all() throws IOException {
        return List.of(readShadow(), shellFromWebServer(), writeBelowEtc(), writeBelowBinaryDir(), setuidRoot(),
                sudoeditExploit(), cryptoMiner(), miningPoolConnection(), reverseShell(), netcatExec(), ptraceAttach(),
                memfdExec(), runFromDevShm(), searchPrivateKeys(), clearLogFile(), symlinkToShadow());
    }

    // ------------------------------------------------------------------ running them

    /** Performs the action and undoes what it left behind; returns the exit status of the action. */
    int perform(HostAction a) throws IOException, InterruptedException {
        int status = exec(a.command());
        for (List<String> c : a.cleanup()) {
            exec(c);
        }
        log.add(a.name() + " [" + a.marker() + "] exit " + status + ": " + String.join(" ", a.command()));
        return status;
    }

    private int exec(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    List<String> log() {
        return new ArrayList<>(log);
    }

    @Override
    public void close() throws IOException {
        loopbackListener.close();
        poolListener.close();
    }
}
