package io.peregrine.notify.routing;

import io.peregrine.notify.delivery.Alerts;
import io.peregrine.notify.output.Notification;
import io.peregrine.notify.output.OutputSpec;
import io.peregrine.protocol.alert.Alert;
import io.peregrine.protocol.alert.AlertJson;
import io.peregrine.protocol.alert.Priority;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutingTest {

    private static AlertFilter filter(OutputSpec.Builder b) {
        return new AlertFilter(b.build());
    }

    @Test
    void minimumPriorityTakesThatAndMoreSevere() {
        AlertFilter f = filter(OutputSpec.builder("x", "stdout").minPriority("Warning"));
        assertTrue(f.accepts(Alerts.alert("r", Priority.WARNING)));
        assertTrue(f.accepts(Alerts.alert("r", Priority.EMERGENCY)));
        assertFalse(f.accepts(Alerts.alert("r", Priority.NOTICE)));
        assertTrue(filter(OutputSpec.builder("x", "stdout")).accepts(Alerts.alert("r", Priority.DEBUG)));
    }

    @Test
    void rulesByNameOrStarPatternAndTagsByMembership() {
        AlertFilter f = filter(OutputSpec.builder("x", "stdout").includeRules("Write below *", "Read sensitive file")
                .excludeRules("Write below etc").excludeTags("noise"));
        assertTrue(f.accepts(Alerts.alert("Write below root", Priority.ERROR)));
        assertTrue(f.accepts(Alerts.alert("Read sensitive file", Priority.ERROR)));
        assertFalse(f.accepts(Alerts.alert("Write below etc", Priority.ERROR)));
        assertFalse(f.accepts(Alerts.alert("Read sensitive file (2)", Priority.ERROR)), "no prefix match without *");
        assertFalse(f.accepts(Alerts.alert("Write below root", Priority.ERROR, List.of("noise"), "x")));
        // Regex characters in rule names are literal.
        AlertFilter dots = filter(OutputSpec.builder("x", "stdout").includeRules("a.c"));
        assertFalse(dots.accepts(Alerts.alert("abc", Priority.ERROR)));
        assertTrue(dots.accepts(Alerts.alert("a.c", Priority.ERROR)));

        AlertFilter tags = filter(OutputSpec.builder("x", "stdout").includeTags("mitre_execution", "shell"));
        assertTrue(tags.accepts(Alerts.alert("r", Priority.ERROR, List.of("container", "shell"), "x")));
        assertFalse(tags.accepts(Alerts.alert("r", Priority.ERROR, List.of("container"), "x")));
    }

    @Test
    void templatesFillAlertValuesAndOutputFields() {
        Alert a = Alerts.alert("Terminal shell", Priority.CRITICAL, List.of("a", "b"), "bash");
        MessageTemplate t = new MessageTemplate("[${priority}] ${rule} by ${proc.name} (${user.name}) fd=${fd.name} "
                + "pid=${proc.pid} x${count} $$5 ${tags} ${time}");
        assertEquals("[Critical] Terminal shell by bash (root) fd=<NA> pid=4242 x1 $5 a,b " + AlertJson.formatTime(a.time()),
                t.render(Notification.of(a)));
        assertEquals("3", new MessageTemplate("${count}").render(new Notification(a, new byte[0], 3, List.of("1", "2", "3"))));
        assertThrows(IllegalArgumentException.class, () -> new MessageTemplate("${rule"));
        assertThrows(IllegalArgumentException.class, () -> new MessageTemplate("${ }"));
    }
}
