package io.peregrine.driver.bpf;

/**
 * The probe's loss accounting summed over CPUs: records written, records lost to a full ring, and
 * records lost for exceeding the probe's scratch buffer.
 */
public record ProbeCounters(long events, long drops, long tooLarge) {
    public long lost() {
        return drops + tooLarge;
    }
}
