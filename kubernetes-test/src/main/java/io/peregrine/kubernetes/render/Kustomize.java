package io.peregrine.kubernetes.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization directory with {@code kubectl kustomize}, which needs no cluster. */
public final class Kustomize {

    private Kustomize() {
    }

    public static String render(Path directory) throws IOException, InterruptedException {
        if (!Files.isRegularFile(directory.resolve("kustomization.yaml"))) {
            throw new IOException("no kustomization.yaml in " + directory);
        }
        Process p;
        try {
            p = new ProcessBuilder("kubectl", "kustomize", directory.toString()).start();
        } catch (IOException e) {
            throw new IOException("kubectl is not installed (Debian package kubectl; ./peregrine test installs it): "
                    + e.getMessage(), e);
        }
        p.getOutputStream().close();
        // Read stderr on another thread so that neither pipe can fill up and stall kubectl.
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("kubectl kustomize " + directory + " did not finish in 60 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException("kubectl kustomize " + directory + " failed (exit " + p.exitValue() + "): " + err.join().strip());
        }
        return out;
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
