package io.peregrine.state.sources;

import io.peregrine.protocol.protobuf.ProtoWriter;
import io.peregrine.protocol.protobuf.ProtoReader;
import io.peregrine.state.cri.CriContainer;
import io.peregrine.state.cri.CriResolver;
import io.peregrine.state.cri.CriSandbox;
import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A client of the CRI {@code runtime.v1.RuntimeService} on a unix socket. Requests and responses
 * travel as raw protobuf bytes (encoded by {@link ProtoWriter}, decoded by {@link ProtoReader}), so
 * no generated code is needed. Every call has a deadline; no call is ever made on the event path.
 */
public final class CriClient implements CriResolver.Runtime, AutoCloseable {
    public static final String RUNTIME_SERVICE = "runtime.v1.RuntimeService";
    public static final String IMAGE_SERVICE = "runtime.v1.ImageService";

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
    private final ConcurrentHashMap<String, MethodDescriptor<byte[], byte[]>> methods = new ConcurrentHashMap<>();
    /** The runtime's container type (containerd, cri-o, cri), asked once. */
    private volatile String type;

    public CriClient(Path socket, long timeoutMillis) {
        this.socket = socket.toAbsolutePath();
        this.timeoutMillis = timeoutMillis;
        // The shaded Netty transport registers the unix: scheme (epoll domain sockets).
        this.channel = Grpc.newChannelBuilder("unix://" + this.socket, InsecureChannelCredentials.create()).build();
    }

    public Path socket() {
        return socket;
    }

    /** A failed call: the gRPC status code and the runtime's message. */
    public static final class CallException extends IOException {
        private final Status.Code code;

        CallException(String method, Status status) {
            super(method + ": " + status.getCode() + (status.getDescription() == null ? "" : " " + status.getDescription()),
                    status.getCause());
            this.code = status.getCode();
        }

        public Status.Code code() {
            return code;
        }
    }

    /** One unary call: {@code service/method} with the request's protobuf bytes. */
    public byte[] call(String service, String method, byte[] request) throws CallException {
        String full = service + "/" + method;
        MethodDescriptor<byte[], byte[]> d = methods.computeIfAbsent(full, f -> MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(f)
                .setRequestMarshaller(RAW).setResponseMarshaller(RAW).build());
        try {
            return ClientCalls.blockingUnaryCall(channel, d,
                    CallOptions.DEFAULT.withDeadlineAfter(timeoutMillis, TimeUnit.MILLISECONDS), request);
        } catch (StatusRuntimeException e) {
            throw new CallException(full, e.getStatus());
        }
    }

    /** The runtime's name and version, e.g. {@code containerd 1.6.20}. */
    public String version() throws CallException {
        String[] v = nameAndVersion();
        return v[0] + " " + v[1];
    }

    private String[] nameAndVersion() throws CallException {
        ProtoReader r = new ProtoReader(call(RUNTIME_SERVICE, "Version", new ProtoWriter().string(1, "v1").toByteArray()));
        String name = "", version = "";
        while (r.next()) {
            if (r.field() == 2) {
                name = r.string();
            } else if (r.field() == 3) {
                version = r.string();
            }
        }
        return new String[] {name, version};
    }

    /**
     * The container's verbose status and its pod sandbox's status, as libsinsp asks them; null when
     * the runtime does not know the id (NOT_FOUND). A sandbox the runtime no longer knows leaves
     * the pod's address and labels absent; the container is still returned.
     */
    @Override
    public CriContainer containerStatus(String id) throws CallException {
        byte[] response;
        try {
            response = call(RUNTIME_SERVICE, "ContainerStatus", new ProtoWriter().string(1, id).bool(2, true).toByteArray());
        } catch (CallException e) {
            if (e.code() != Status.Code.NOT_FOUND) {
                throw e;
            }
            // Not a container: perhaps a pod's sandbox (its pause process has a cgroup of its own),
            // which libsinsp describes by the sandbox's status: named as the pod, no image.
            CriSandbox s = podSandboxStatus(id);
            return s == null ? null : CriContainer.ofSandbox(s).withType(type());
        }
        CriContainer c = CriContainer.fromStatusResponse(response).withType(type());
        if (c.spec().imageIdBytes() == null) {
            // As libsinsp's extra query: the image service knows the id of the image the status names.
            String ref = c.imageRef() != null && !c.imageRef().isEmpty() ? c.imageRef() : c.image();
            String imageId = ref == null || ref.isEmpty() ? null : imageId(ref);
            if (imageId != null) {
                c = c.withImageId(imageId);
            }
        }
        String sandbox = c.spec().sandboxId();
        if (sandbox != null) {
            CriSandbox s = podSandboxStatus(sandbox);
            if (s != null) {
                c = c.withSandbox(s);
            }
        }
        return c;
    }

    /**
     * The id (hex) of the image a reference names: ImageStatus {image 1 {image 1}} → {image 1 {id 1}};
     * null when the runtime has no such image.
     */
    public String imageId(String ref) throws CallException {
        byte[] r;
        try {
            r = call(IMAGE_SERVICE, "ImageStatus", new ProtoWriter().message(1, new ProtoWriter().string(1, ref)).toByteArray());
        } catch (CallException e) {
            if (e.code() == Status.Code.NOT_FOUND) {
                return null;
            }
            throw e;
        }
        ProtoReader response = new ProtoReader(r);
        while (response.next()) {
            if (response.field() != 1) {
                continue;
            }
            ProtoReader image = response.message();
            while (image.next()) {
                if (image.field() == 1) {
                    return CriContainer.imageId(image.string());
                }
            }
        }
        return null;
    }

    private String type() throws CallException {
        String t = type;
        if (t == null) {
            type = t = CriContainer.typeOf(nameAndVersion()[0]);
        }
        return t;
    }

    /** The pod sandbox's status, or null when the runtime does not know the id. */
    public CriSandbox podSandboxStatus(String id) throws CallException {
        try {
            return CriSandbox.fromStatusResponse(call(RUNTIME_SERVICE, "PodSandboxStatus",
                    new ProtoWriter().string(1, id).toByteArray()));
        } catch (CallException e) {
            if (e.code() == Status.Code.NOT_FOUND) {
                return null;
            }
            throw e;
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
