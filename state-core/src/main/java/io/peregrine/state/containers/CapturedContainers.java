package io.peregrine.state.containers;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The containers a capture's container events (PPME_CONTAINER_JSON_E/_2_E) describe, by their
 * 12-character id. libsinsp reads name, image and privileged from these events when it replays a
 * capture; a live node has none and asks its CRI runtime instead. Written by the parser, read on the
 * event path (one map lookup by the thread's container id, cached for the last container).
 */
public final class CapturedContainers {
    /** A capture describes a node's containers; more than this many is not a real capture. */
    static final int LIMIT = 4096;

    private final Map<String, CapturedContainer> byId = new HashMap<>();
    private ContainerInfo lastInfo;
    private CapturedContainer lastFound;

    /** Adds the container the JSON of a container event describes; malformed JSON is ignored. */
    public void addJson(byte[] json) {
        Object root;
        try {
            root = new MiniJson(new String(json, StandardCharsets.UTF_8)).value();
        } catch (IllegalArgumentException e) {
            return;
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("container") instanceof Map<?, ?> c)
                || !(c.get("id") instanceof String id) || id.isEmpty()) {
            return;
        }
        add(new CapturedContainer(id, CapturedContainer.bytes(c.get("name")), CapturedContainer.bytes(c.get("image")),
                CapturedContainer.bytes(c.get("imagerepo")), CapturedContainer.bytes(c.get("imagetag")),
                CapturedContainer.bytes(c.get("imagedigest")),
                c.get("privileged") instanceof Boolean b ? b : null));
    }

    /** Adds a container; past {@link #LIMIT} distinct ids, new ones are ignored. */
    public void add(CapturedContainer c) {
        if (byId.size() >= LIMIT && !byId.containsKey(c.id())) {
            return;
        }
        byId.put(c.id(), c);
        lastInfo = null;
    }

    /** The captured description of a thread's container, or null (none, or the host). */
    public CapturedContainer get(ContainerInfo ci) {
        if (byId.isEmpty() || ci.isHost()) {
            return null;
        }
        if (ci != lastInfo) {
            lastFound = byId.get(ci.idText());
            lastInfo = ci;
        }
        return lastFound;
    }
}
