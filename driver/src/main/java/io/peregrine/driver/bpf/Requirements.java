package io.peregrine.driver.bpf;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What live capture needs from the host: the right capabilities, kernel BTF, a recent enough kernel
 * and libbpf 1.x. Checked before anything is loaded so that the failure is one clear message rather
 * than a verifier or permission error from deep inside libbpf.
 */
public final class Requirements {
    static final int CAP_SYS_ADMIN = 21;
    static final int CAP_PERFMON = 38;
    static final int CAP_BPF = 39;
    /** tp_btf, BPF ring buffers, bpf_task_pt_regs and bpf_loop are all present from this version. */
    static final int MIN_MAJOR = 5;
    static final int MIN_MINOR = 17;
    static final Path BTF = Path.of("/sys/kernel/btf/vmlinux");
    static final String LIBBPF = "libbpf.so.1";

    private Requirements() {
    }

    /** Throws a {@link DriverUnavailableException} naming every missing requirement. */
    public static void check() throws DriverUnavailableException {
        List<String> missing = missing(readCapEff(), readRelease(), Files.isReadable(BTF), libbpfPresent());
        if (!missing.isEmpty()) {
            throw new DriverUnavailableException("live capture is unavailable on this host: missing "
                    + String.join("; ", missing));
        }
    }

    /** The missing requirements for the given host facts (empty when all are met). */
    static List<String> missing(long capEff, String kernelRelease, boolean btfReadable, boolean libbpf) {
        List<String> m = new ArrayList<>();
        boolean admin = (capEff & (1L << CAP_SYS_ADMIN)) != 0;
        boolean bpf = (capEff & (1L << CAP_BPF)) != 0 && (capEff & (1L << CAP_PERFMON)) != 0;
        if (!admin && !bpf) {
            m.add("privileges (run as root, or grant CAP_BPF and CAP_PERFMON)");
        }
        if (!btfReadable) {
            m.add("kernel BTF (" + BTF + " is absent or unreadable; a kernel built with CONFIG_DEBUG_INFO_BTF is needed)");
        }
        if (!kernelSupported(kernelRelease)) {
            m.add("a supported kernel (" + MIN_MAJOR + "." + MIN_MINOR + " or later is needed, this is " + kernelRelease + ")");
        }
        if (!libbpf) {
            m.add("libbpf 1.x (" + LIBBPF + " not found; install the libbpf1 package)");
        }
        return m;
    }

    static boolean kernelSupported(String release) {
        String[] p = release.split("[.-]", 3);
        try {
            int major = Integer.parseInt(p[0]);
            int minor = p.length > 1 ? Integer.parseInt(p[1]) : 0;
            return major > MIN_MAJOR || (major == MIN_MAJOR && minor >= MIN_MINOR);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static long readCapEff() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:")) {
                    return Long.parseUnsignedLong(line.substring(7).trim(), 16);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    static String readRelease() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
        } catch (IOException e) {
            return System.getProperty("os.version", "unknown");
        }
    }

    static boolean libbpfPresent() {
        try (Arena a = Arena.ofConfined()) {
            SymbolLookup.libraryLookup(LIBBPF, a);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Prints the check's outcome; exit status 0 when capture can start, 3 when it cannot. */
    public static void main(String[] args) {
        try {
            check();
            System.out.println("live capture requirements met");
        } catch (DriverUnavailableException e) {
            System.err.println(e.getMessage());
            System.exit(3);
        }
    }
}
