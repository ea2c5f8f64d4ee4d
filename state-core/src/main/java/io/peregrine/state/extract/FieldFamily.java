package io.peregrine.state.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The field families, as libsinsp splits its filterchecks. A catalogue field is computed iff exactly
 * one family's enum names it; every other catalogue field is declared not computed in the catalogue
 * itself ({@code FieldsByFamilyTest} holds the two together).
 */
public enum FieldFamily {
    EVT(EvtFields.Evt.values()),
    PROC(ProcFields.Proc.values()),
    FD(FdFields.Fd.values()),
    FS_PATH(FsPathFields.FsPath.values()),
    USER(UserFields.User.values()),
    CONTAINER(ContainerFields.Container.values()),
    K8S(K8sFields.K8s.values());

    private final List<ExtractedField> fields;

    FieldFamily(ExtractedField[] fields) {
        this.fields = List.of(fields);
    }

    public List<ExtractedField> fields() {
        return fields;
    }

    private static final Map<String, ExtractedField> BY_NAME = new HashMap<>();

    static {
        for (FieldFamily family : values()) {
            for (ExtractedField f : family.fields) {
                for (String name : f.names()) {
                    ExtractedField before = BY_NAME.put(name, f);
                    if (before != null) {
                        throw new IllegalStateException(name + " is computed by both " + before.family() + "."
                                + before + " and " + family + "." + f);
                    }
                }
            }
        }
    }

    /** The field computing this catalogue name, or null when no family computes it. */
    public static ExtractedField computing(String catalogueName) {
        return BY_NAME.get(catalogueName);
    }
}
