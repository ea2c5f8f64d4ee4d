package io.peregrine.protocol.event;

import java.util.List;

/**
 * A parameter whose type varies: its first byte indexes {@link #choices()}, the rest is a value of
 * that type (scap's PT_DYN).
 */
public record DynamicParam(String name, List<Choice> choices) {

    public record Choice(ParamType type, PrintFormat format) {
    }

    public Choice choice(int index) {
        return index >= 0 && index < choices.size() ? choices.get(index) : null;
    }

    public static final DynamicParam SOCKOPT = new DynamicParam("sockopt_dynamic_param", List.of(
            new Choice(ParamType.BYTEBUF, PrintFormat.HEX),
            new Choice(ParamType.ERRNO, PrintFormat.DEC),
            new Choice(ParamType.UINT32, PrintFormat.DEC),
            new Choice(ParamType.UINT64, PrintFormat.DEC),
            new Choice(ParamType.RELTIME, PrintFormat.DEC)));

    public static final DynamicParam PTRACE = new DynamicParam("ptrace_dynamic_param", List.of(
            new Choice(ParamType.UINT64, PrintFormat.HEX),
            new Choice(ParamType.SIGTYPE, PrintFormat.DEC)));

    public static final DynamicParam BPF = new DynamicParam("bpf_dynamic_param", List.of(
            new Choice(ParamType.FD, PrintFormat.DEC),
            new Choice(ParamType.ERRNO, PrintFormat.DEC)));

    public static final DynamicParam KEYCTL = new DynamicParam("keyctl_dynamic_param", List.of(
            new Choice(ParamType.INT64, PrintFormat.DEC),
            new Choice(ParamType.CHARBUF, PrintFormat.NA)));
}
