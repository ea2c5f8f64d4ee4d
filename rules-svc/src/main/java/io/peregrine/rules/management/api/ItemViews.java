package io.peregrine.rules.management.api;

import io.peregrine.rules.language.ruleset.Ruleset;
import io.peregrine.rules.management.draft.Definitions;
import io.peregrine.rules.management.draft.ItemKind;
import io.peregrine.rules.management.store.StoredItem;
import jakarta.ws.rs.core.EntityTag;
import java.util.LinkedHashMap;
import java.util.Map;

/** How the API shows items, and their ETags. */
final class ItemViews {

    private ItemViews() {
    }

    static Map<String, Object> view(StoredItem s, Ruleset ruleset, boolean withSource) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", s.item().kind().word());
        m.put("name", s.item().name());
        m.put("enabled", s.item().enabled());
        m.put("version", s.version());
        m.put("updatedBy", s.updatedBy());
        m.put("updatedAt", s.updatedAt() == null ? null : s.updatedAt().toString());
        if (withSource) {
            m.put("source", s.item().source());
        }
        m.put("definition", Definitions.describe(s.item().kind(), s.item().name(), ruleset));
        return m;
    }

    static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * Checks an If-Match header against the version a thing is at; null or absent means no
     * condition. {@code *} matches anything that exists.
     */
    static void checkIfMatch(String ifMatch, String what, Long actual) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        if (actual == null) {
            throw new ApiProblem(412, "Precondition failed", what + " does not exist (If-Match: " + ifMatch + ")");
        }
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*")) {
                return;
            }
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            t = t.replace("\"", "");
            if (t.equals(Long.toString(actual))) {
                return;
            }
        }
        throw ApiProblem.preconditionFailed(what, ifMatch.trim(), actual);
    }

    static ItemKind kindOf(String plural) {
        return switch (plural) {
            case "rules" -> ItemKind.RULE;
            case "macros" -> ItemKind.MACRO;
            case "lists" -> ItemKind.LIST;
            default -> throw ApiProblem.notFound("/api/v1/" + plural);
        };
    }
}
