package io.peregrine.e2e.containers;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The test images, built on this host (no registry is reachable) as one-layer OCI archives:
 * busybox (Debian's static build, with the applet links the tests use) and a Debian root file
 * system made by debootstrap ({@code containers/debian-rootfs.sh}). Both are cached under
 * {@link #cacheDir()}; debootstrap runs only when the Debian tarball for the current package list
 * is missing.
 */
public final class TestImages {

    public static final String BUSYBOX = "docker.io/peregrine/busybox:1.35";
    public static final String DEBIAN = "docker.io/peregrine/debian:bookworm";

    private TestImages() {
    }

    /** {@code -Dperegrine.test.cache=DIR}, else /var/cache/peregrine-test. */
    public static Path cacheDir() {
        return Path.of(System.getProperty("peregrine.test.cache", "/var/cache/peregrine-test"));
    }

    /** The busybox image's OCI archive, built in {@code work}. */
    public static Path busybox(Path work) throws Exception {
        Path img = Files.createDirectories(work.resolve("busybox"));
        Path bin = Files.createDirectories(img.resolve("rootfs/bin"));
        Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"), StandardCopyOption.REPLACE_EXISTING);
        for (String applet : List.of("sh", "sleep", "cat", "ls", "cp", "chmod", "mount", "unshare", "nc", "wget",
                "base64", "env", "id", "echo", "mkdir", "touch")) {
            Path link = bin.resolve(applet);
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of("busybox"));
        }
        Files.createDirectories(img.resolve("rootfs/tmp"));
        // A /tmp anyone may write, as in any distribution image (runAsUser containers write there).
        run(img, "chmod", "1777", img.resolve("rootfs/tmp").toString());
        run(img, "tar", "-C", img.resolve("rootfs").toString(), "--owner=0", "--group=0", "-cf",
                img.resolve("layer.tar").toString(), "bin", "tmp");
        return oci(img, img.resolve("layer.tar"), BUSYBOX, img.resolve("image.tar"));
    }

    /** The Debian image's OCI archive, cached next to its root file system tarball. */
    public static Path debian() throws Exception {
        Path cache = Files.createDirectories(cacheDir());
        Path script = cache.resolve("debian-rootfs.sh");
        try (InputStream in = TestImages.class.getResourceAsStream("/containers/debian-rootfs.sh")) {
            Files.write(script, in.readAllBytes());
        }
        Process p = new ProcessBuilder("bash", script.toString(), cache.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("building the Debian root file system failed:\n" + out);
        }
        Path rootfs = Path.of(out.substring(out.lastIndexOf('\n') + 1));
        Path archive = Path.of(rootfs + ".oci.tar");
        if (Files.size(rootfs) > 0 && Files.exists(archive)) {
            return archive;
        }
        Path work = Files.createTempDirectory(cache, "oci.");
        try {
            Path built = oci(work, rootfs, DEBIAN, work.resolve("image.tar"));
            Files.move(built, archive, StandardCopyOption.ATOMIC_MOVE);
            return archive;
        } finally {
            try (var paths = Files.walk(work)) {
                for (Path f : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** An OCI image layout holding one uncompressed layer, tarred as ctr imports it. */
    private static Path oci(Path work, Path layer, String name, Path archive) throws Exception {
        Path oci = work.resolve("oci");
        Path blobs = Files.createDirectories(oci.resolve("blobs/sha256"));
        String layerDigest = TestContainerd.digest(layer);
        Path layerBlob = blobs.resolve(layerDigest.substring(7));
        Files.deleteIfExists(layerBlob);
        try {
            Files.createLink(layerBlob, layer);
        } catch (Exception otherFileSystem) {
            Files.copy(layer, layerBlob);
        }
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Env\":[\"PATH=/usr/local/sbin:"
                + "/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"],\"Cmd\":[\"/bin/sleep\",\"3600\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + layerDigest + "\"]}}").getBytes(StandardCharsets.UTF_8);
        String configDigest = blob(blobs, config);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest
                + "\",\"size\":" + config.length + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\","
                + "\"digest\":\"" + layerDigest + "\",\"size\":" + Files.size(layer) + "}]}").getBytes(StandardCharsets.UTF_8);
        String manifestDigest = blob(blobs, manifest);
        Files.writeString(oci.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + manifestDigest + "\",\"size\":"
                + manifest.length + ",\"annotations\":{\"io.containerd.image.name\":\"" + name + "\"}}]}");
        Files.writeString(oci.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        run(work, "tar", "-C", oci.toString(), "-cf", archive.toString(), "oci-layout", "index.json", "blobs");
        return archive;
    }

    private static String blob(Path blobs, byte[] content) throws Exception {
        Path tmp = Files.createTempFile(blobs.getParent(), "blob", "");
        Files.write(tmp, content);
        String d = TestContainerd.digest(tmp);
        Files.move(tmp, blobs.resolve(d.substring(7)), StandardCopyOption.REPLACE_EXISTING);
        return d;
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }
}
