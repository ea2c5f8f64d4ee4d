package io.peregrine.protocol;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SubjectsTest {

    @Test
    void nodeNamesBecomeSingleTokens() {
        assertEquals("peregrine.raw.node-1_example_com", Subjects.raw("node-1.example.com"));
        assertEquals("peregrine.events._", Subjects.events(""));
    }

    @Test
    void alertSubjectCarriesPriorityAndRule() {
        assertEquals("peregrine.alerts.warning.Read_sensitive_file_untrusted",
                Subjects.alert("WARNING", "Read sensitive file untrusted"));
        assertEquals("peregrine.alerts.critical.a_b_c_d", Subjects.alert("Critical", "a*b>c.d"));
    }
}
