package io.peregrine.protocol.event;

/** How a numeric parameter is rendered (the PF_* codes of the scap event table). */
public enum PrintFormat {
    NA, DEC, HEX, PADDED_DEC, ID, DIR, OCT
}
