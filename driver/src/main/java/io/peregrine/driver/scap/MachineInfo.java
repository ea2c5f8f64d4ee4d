package io.peregrine.driver.scap;

/** The machine-info block of a .scap file. */
public record MachineInfo(int numCpus, long memorySizeBytes, long maxPid, String hostname, long bootTsEpoch,
                          long flags) {
}
