package io.peregrine.capture.ownpods;

import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.peregrine.protocol.protobuf.ProtoReader;
import io.peregrine.protocol.protobuf.ProtoWriter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The running containers of a namespace from the CRI {@code runtime.v1.RuntimeService}
 * (ListContainers, then ContainerStatus with verbose info for the main process's pid, which
 * containerd and CRI-O both give as {@code info.pid}). Messages are raw protobuf (protocol's codec), the verbose info JSON; every call has a
 * deadline. Called every few seconds, never on the event path.
 */
public final class CriRuntime implements ContainerRuntime {
    private static final String SERVICE = "runtime.v1.RuntimeService";
    static final String NAMESPACE_LABEL = "io.kubernetes.pod.namespace";
    static final String CONTAINER_NAME_LABEL = "io.kubernetes.container.name";
    /** ContainerState CONTAINER_RUNNING. */
    private static final int RUNNING = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final MethodDescriptor.Marshaller<byte[]> RAW = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw Status.INTERNAL.withDescription("reading a CRI response: " + e.getMessage()).asRuntimeException();
            }
        }
    };

    private final Path socket;
    private final ManagedChannel channel;
    private final long timeoutMillis;

    public CriRuntime(Path socket, long timeoutMillis) {
        this.socket = socket.toAbsolutePath();
        this.timeoutMillis = timeoutMillis;
        this.channel = Grpc.newChannelBuilder("unix://" + this.socket, InsecureChannelCredentials.create()).build();
    }

    public Path socket() {
        return socket;
    }

    @Override
    public List<RunningContainer> running(String namespace) throws IOException {
        ProtoWriter filter = new ProtoWriter().message(2, new ProtoWriter().varint(1, RUNNING))
                .entry(4, NAMESPACE_LABEL, namespace);
        ProtoReader r = new ProtoReader(call("ListContainers", new ProtoWriter().message(1, filter).toByteArray()));
        List<RunningContainer> out = new ArrayList<>();
        while (r.next()) {
            if (r.field() != 1) {
                r.skip();
                continue;
            }
            String id = null;
            Map<String, String> labels = new HashMap<>();
            ProtoReader c = r.message();
            while (c.next()) {
                switch (c.field()) {
                    case 1 -> id = c.string();
                    case 8 -> entry(c.message(), labels);
                    default -> c.skip();
                }
            }
            // The runtime filtered by label already; checked again rather than trusted.
            if (id != null && namespace.equals(labels.get(NAMESPACE_LABEL))) {
                long pid = pid(id);
                if (pid > 0) {
                    out.add(new RunningContainer(id, namespace, labels.getOrDefault(CONTAINER_NAME_LABEL, ""), pid));
                }
            }
        }
        return out;
    }

    /** The main process's host pid from ContainerStatus's verbose info; 0 if the runtime gives none. */
    private long pid(String id) throws IOException {
        // containerd and CRI-O answer with JSON under "info"; the pid is a top-level member
        byte[] response;
        try {
            response = call("ContainerStatus", new ProtoWriter().string(1, id).bool(2, true).toByteArray());
        } catch (IOException e) {
            if (e.getCause() instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return 0; // gone since the listing
            }
            throw e;
        }
        ProtoReader r = new ProtoReader(response);
        Map<String, String> info = new HashMap<>();
        while (r.next()) {
            if (r.field() == 2) {
                entry(r.message(), info);
            } else {
                r.skip();
            }
        }
        String text = info.get("info");
        if (text == null || text.isEmpty()) {
            return 0;
        }
        try {
            JsonNode pid = JSON.readTree(text).path("pid");
            return pid.canConvertToLong() && pid.isIntegralNumber() ? pid.asLong() : 0;
        } catch (JacksonException bad) {
            throw new IOException("container " + id + ": the runtime's verbose info is not JSON: " + bad.getOriginalMessage());
        }
    }

    private static void entry(ProtoReader e, Map<String, String> into) {
        String k = null, v = "";
        while (e.next()) {
            if (e.field() == 1) {
                k = e.string();
            } else if (e.field() == 2) {
                v = e.string();
            } else {
                e.skip();
            }
        }
        if (k != null) {
            into.put(k, v);
        }
    }

    private byte[] call(String method, byte[] request) throws IOException {
        MethodDescriptor<byte[], byte[]> d = MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(SERVICE + "/" + method)
                .setRequestMarshaller(RAW).setResponseMarshaller(RAW).build();
        try {
            return ClientCalls.blockingUnaryCall(channel, d,
                    CallOptions.DEFAULT.withDeadlineAfter(timeoutMillis, TimeUnit.MILLISECONDS), request);
        } catch (StatusRuntimeException e) {
            throw new IOException("CRI " + method + " on " + socket + ": " + e.getStatus().getCode()
                    + (e.getStatus().getDescription() == null ? "" : " " + e.getStatus().getDescription()), e);
        }
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
