package io.peregrine.state.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Container events come from capture files a user uploads: bad JSON is ignored, within bounds. */
class CapturedContainersTest {

    private static ContainerInfo in(String id) {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        return new ContainerInfo(b, b, null, null, null, id);
    }

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aContainerEventDescribesItsContainer() {
        CapturedContainers c = new CapturedContainers();
        c.addJson(json("{\"container\":{\"id\":\"3ad7b26ded6d\",\"name\":\"web\",\"image\":\"nginx:1.25\","
                + "\"imagerepo\":\"nginx\",\"imagetag\":\"1.25\",\"privileged\":true,\"Mounts\":[{\"Source\":\"/etc\"}]}}"));
        CapturedContainer got = c.get(in("3ad7b26ded6d"));
        assertNotNull(got);
        assertEquals("web", new String(got.name(), StandardCharsets.UTF_8));
        assertEquals(Boolean.TRUE, got.privileged());
        assertNull(c.get(ContainerInfo.HOST));
    }

    @Test
    void deeplyNestedJsonIsRefusedWithoutExhaustingTheStack() {
        CapturedContainers c = new CapturedContainers();
        int levels = 200_000;
        String deep = "{\"container\":{\"id\":\"aaaaaaaaaaaa\",\"x\":" + "[".repeat(levels) + "]".repeat(levels) + "}}";
        c.addJson(json(deep)); // a StackOverflowError here fails the test
        assertNull(c.get(in("aaaaaaaaaaaa")), "the malformed event adds nothing");

        String fine = "{\"container\":{\"id\":\"bbbbbbbbbbbb\",\"x\":" + "[".repeat(MiniJson.MAX_DEPTH - 3)
                + "]".repeat(MiniJson.MAX_DEPTH - 3) + "}}";
        c.addJson(json(fine));
        assertNotNull(c.get(in("bbbbbbbbbbbb")), "nesting within the bound is read");
    }

    @Test
    void malformedJsonIsIgnored() {
        CapturedContainers c = new CapturedContainers();
        for (String bad : new String[] {"", "{", "{\"container\":", "[1,2", "{\"container\":{\"id\":5}}", "nul"}) {
            c.addJson(json(bad));
        }
        c.addJson(json("{\"container\":{\"id\":\"cccccccccccc\"}}"));
        assertNotNull(c.get(in("cccccccccccc")), "a good event after bad ones still counts");
    }

    @Test
    void theTableIsBounded() {
        CapturedContainers c = new CapturedContainers();
        for (int n = 0; n < CapturedContainers.LIMIT + 100; n++) {
            c.addJson(json("{\"container\":{\"id\":\"" + String.format("%012x", n) + "\"}}"));
        }
        assertNotNull(c.get(in(String.format("%012x", 0))));
        assertNotNull(c.get(in(String.format("%012x", CapturedContainers.LIMIT - 1))));
        assertNull(c.get(in(String.format("%012x", CapturedContainers.LIMIT))), "ids past the limit are ignored");
        assertTrue(CapturedContainers.LIMIT >= 1024);
    }
}
