package io.peregrine.e2e;

import java.util.List;
import java.util.Map;

/**
 * One real action on this host and the alert the default rules must raise for it.
 *
 * @param name     short name for reports
 * @param marker   text unique to this action and run, found in the alert's output line (command
 *                 line, file or executable path), so the alert is told apart from every other one
 * @param rule     the default rule that must fire
 * @param priority that rule's priority (Falco spelling)
 * @param fields   output fields and the values they must have; a value ending in '*' is a prefix
 * @param command  the child process that performs the action
 * @param cleanup  commands that undo what the action left behind (run whatever happened)
 */
record HostAction(String name, String marker, String rule, String priority, Map<String, String> fields,
                  List<String> command, List<List<String>> cleanup) {

    boolean expects(String field, String value) {
        String want = fields.get(field);
        if (want == null) {
            return true;
        }
        if (value == null) {
            return false;
        }
        return want.endsWith("*") ? value.startsWith(want.substring(0, want.length() - 1)) : want.equals(value);
    }
}
