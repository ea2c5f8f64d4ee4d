package io.peregrine.state.extract;

import io.peregrine.protocol.event.EventTable;
import io.peregrine.protocol.fields.Field;
import io.peregrine.protocol.fields.FieldArg;
import io.peregrine.protocol.fields.FieldCatalog;
import io.peregrine.protocol.fields.FieldRef;
import io.peregrine.protocol.projection.ProjectionEncoder;
import io.peregrine.state.containers.CapturedContainers;
import io.peregrine.state.cri.CriResolver;
import io.peregrine.state.parsers.EventContext;
import io.peregrine.state.pods.PodDirectory;
import io.peregrine.state.threads.ThreadTable;
import io.peregrine.state.users.UserTable;

/**
 * Computes catalogue fields from an event and the state (libsinsp's filterchecks), writing typed
 * values straight into a projected record. The fields live in their families ({@link FieldFamily});
 * this class compiles a reference to family, field and argument, and dispatches to the family. A
 * field no family computes compiles as unsupported and is always written as absent, so rules-svc can
 * treat it as Falco treats an unknown field.
 */
public final class FieldExtractor {

    private final EvtFields evt;
    private final ProcFields proc;
    private final FdFields fd = new FdFields();
    private final FsPathFields fsPath = new FsPathFields();
    private final UserFields user;
    private final ContainerFields container = new ContainerFields();
    private final K8sFields k8s = new K8sFields();

    public FieldExtractor(ThreadTable threads, UserTable users, String hostname) {
        this.evt = new EvtFields(threads, hostname, fsPath);
        this.proc = new ProcFields(threads);
        this.user = new UserFields(users);
    }

    /** Prepares a field reference; fields no family computes compile to an always-absent field. */
    public CompiledField compile(FieldRef ref) {
        String arg = ref.arg();
        int index = -1;
        if (arg != null && !arg.isEmpty() && arg.chars().allMatch(Character::isDigit) && arg.length() < 9) {
            index = Integer.parseInt(arg);
        }
        ExtractedField field = FieldFamily.computing(ref.field().name());
        if (field != null && field.impliedIndex() >= 0) {
            index = field.impliedIndex();
        }
        return new CompiledField(ref, field, index, arg, EventTable.SCAP_LIMIT);
    }

    /** True when this build computes the field (with any argument). */
    public boolean supports(String fieldName) {
        Field f = FieldCatalog.byName(fieldName);
        if (f == null) {
            return false;
        }
        String arg = f.arg() == FieldArg.KEY_REQUIRED ? "0" : null;
        return compile(new FieldRef(f, arg)).supported();
    }

    /** Writes the value of {@code f} for the event in {@code c}: its label, then the value. */
    public void extract(CompiledField f, EventContext c, ProjectionEncoder out) {
        out.field(f.fieldId(), f.argLabel);
        FieldFamily family = f.family;
        if (family == null) {
            out.absent();
            return;
        }
        switch (family) {
            case EVT -> evt.extract(f, c, out);
            case PROC -> proc.extract(f, c, out);
            case FD -> fd.extract(f, c, out);
            case FS_PATH -> fsPath.extract((FsPathFields.FsPath) f.field, c, out);
            case USER -> user.extract(f, c.thread, out);
            case CONTAINER -> container.extract(f, c.thread, out);
            case K8S -> k8s.extract(f, c.thread, out);
        }
    }

    /** Where pod names, namespaces and labels come from (null: nowhere, they are absent). */
    public void pods(PodDirectory directory) {
        k8s.pods(directory);
    }

    /** Where container names and images come from (null: nowhere, they are absent). */
    /** Containers described by the capture being replayed (they win over the CRI runtime). */
    public void capturedContainers(CapturedContainers captured) {
        container.captured(captured);
    }

    public void cri(CriResolver resolver) {
        container.cri(resolver);
        k8s.cri(resolver);
    }

    public void pathResolution(PathResolution r) {
        fsPath.resolver(r);
    }
}
