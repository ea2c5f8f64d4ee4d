package io.peregrine.state.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.peregrine.protocol.fields.Field;
import io.peregrine.protocol.fields.FieldArg;
import io.peregrine.protocol.fields.FieldCatalog;
import io.peregrine.protocol.fields.FieldRef;
import io.peregrine.state.threads.ThreadTable;
import io.peregrine.state.users.UserTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * "Computed" is one fact: a catalogue field is computed iff one family's enum names it. The catalogue's
 * U and A flags declare the rest; these tests fail when the two disagree.
 */
class FieldsByFamilyTest {

    @Test
    void everyCatalogueFieldIsComputedByExactlyOneFamilyOrDeclaredNotComputed() {
        Map<String, List<String>> families = new HashMap<>();
        for (FieldFamily family : FieldFamily.values()) {
            for (ExtractedField f : family.fields()) {
                assertEquals(family, f.family(), f + " is listed by " + family + " but names " + f.family());
                for (String name : f.names()) {
                    families.computeIfAbsent(name, n -> new ArrayList<>()).add(family + "." + f);
                }
            }
        }
        List<String> disagreements = new ArrayList<>();
        for (Field f : FieldCatalog.all()) {
            List<String> by = families.getOrDefault(f.name(), List.of());
            if (by.size() > 1) {
                disagreements.add(f.name() + " is computed by several families: " + by);
            } else if (f.computed() && by.isEmpty()) {
                disagreements.add(f.name() + " is neither computed by a family nor flagged U or A in the catalogue");
            } else if (!f.computed() && !by.isEmpty()) {
                disagreements.add(f.name() + " is flagged not computed in the catalogue but " + by + " computes it");
            }
        }
        assertTrue(disagreements.isEmpty(), String.join("\n", disagreements));
    }

    @Test
    void everyFamilyFieldExistsInTheCatalogue() {
        for (FieldFamily family : FieldFamily.values()) {
            for (ExtractedField f : family.fields()) {
                for (String name : f.names()) {
                    assertNotNull(FieldCatalog.byName(name), family + "." + f + " names " + name
                            + ", which the catalogue does not know");
                }
            }
        }
    }

    @Test
    void compilingFollowsTheFamilies() {
        FieldExtractor x = new FieldExtractor(new ThreadTable(16), new UserTable(), "h");
        for (Field f : FieldCatalog.all()) {
            String arg = f.arg() == FieldArg.KEY_REQUIRED ? "0" : null;
            CompiledField c = x.compile(new FieldRef(f, arg));
            assertEquals(f.computed(), c.supported(), f.name());
            assertEquals(f.computed(), x.supports(f.name()), f.name());
        }
        assertFalse(x.supports("container.cni.json"));
        assertTrue(x.supports("fd.snet"));
        assertEquals(1, x.compile(FieldCatalog.resolve("proc.stdout.name")).index);
    }
}
