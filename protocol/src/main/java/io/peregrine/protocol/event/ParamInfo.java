package io.peregrine.protocol.event;

/**
 * One parameter of an event type.
 *
 * @param name    the scap parameter name (rendered as {@code name=value})
 * @param type    its type
 * @param format  how numbers are rendered
 * @param flags   name table for flag/enum types, or null
 * @param dirfd   for {@link ParamType#FSRELPATH}: index of the parameter holding the directory fd, else -1
 * @param dynamic for {@link ParamType#DYN}: the possible types, selected by the first byte of the value
 */
public record ParamInfo(String name, ParamType type, PrintFormat format, FlagTable flags, int dirfd,
                        DynamicParam dynamic) {

    public static ParamInfo of(String name, ParamType type, PrintFormat format) {
        return new ParamInfo(name, type, format, null, -1, null);
    }

    public static ParamInfo of(String name, ParamType type, PrintFormat format, FlagTable flags) {
        return new ParamInfo(name, type, format, flags, -1, null);
    }

    public static ParamInfo relPath(String name, int dirfd) {
        return new ParamInfo(name, ParamType.FSRELPATH, PrintFormat.NA, null, dirfd, null);
    }

    public static ParamInfo dyn(String name, PrintFormat format, DynamicParam dynamic) {
        return new ParamInfo(name, ParamType.DYN, format, null, -1, dynamic);
    }
}
