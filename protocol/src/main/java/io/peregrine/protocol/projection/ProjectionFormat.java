package io.peregrine.protocol.projection;

/**
 * The projected-event record, version 2: what state-svc publishes for each event a rule can match,
 * inside frames of kind {@code PROJECTED_EVENTS}. All integers little-endian, no padding.
 *
 * <pre>
 *  0  u32  record length, header included
 *  4  u8   format version (2)
 *  5  u8   direction: 0 enter, 1 exit, 2 meta-event (e.g. the loss event {@code drop})
 *  6  u16  event type: code in {@code io.peregrine.protocol.fields.EventTypes} (0 when unnamed there)
 *  8  u16  scap type code ({@code io.peregrine.protocol.event.EventTable}), 0xFFFF for meta-events
 * 10  u16  number of event values E
 * 12  u64  event number (evt.num)
 * 20  u64  event time, ns since the epoch
 * 28  u64  thread id
 * 36  u32  context reference R: 0, or the distance in bytes back from this record's start to an
 *          earlier record of the same frame whose context block this record shares
 * 40  u16  number of values C in this record's own context block (0 when R != 0)
 * 42  u32  byte length L of this record's own context block (0 when R != 0)
 * 46  L bytes: C context values (the thread's process, user, group, container, pod fields)
 * 46+L  E event values
 * </pre>
 *
 * A referenced record always carries its context block itself (references are one hop), so a
 * frame stays self-contained: no record depends on another frame. A value names itself, so a
 * reader never depends on the ordering of an interest that may have changed while the record was
 * in flight:
 *
 * <pre>
 *  u16  field id (FieldCatalog)
 *  u8   argument length A, then A bytes of argument text (the "2" of proc.aname[2]; A = 0: none)
 *  u8   tag, then the payload:
 *       0 ABSENT  nothing (the field has no value for this event, Falco's &lt;NA&gt;)
 *       1 INT64   8 bytes
 *       2 UINT64  8 bytes
 *       3 BOOL    1 byte, 0 or 1
 *       4 BYTES   u32 length, then the bytes (text is UTF-8)
 *       5 IP      u8 length (4 or 16), then the address in network order
 *       6 LIST    u16 count, then count items, each a tag and its payload (no nested lists)
 *       7 SAME    u16 distance D: this value's kind and payload are those of the value whose tag
 *                 is D bytes before this tag, an earlier value of the same record (see below)
 * </pre>
 *
 * A SAME value refers to an earlier value of the same record: a context value to an earlier
 * value of the same context block, an event value to an earlier event value or to a value of the
 * record's own context block (never to a block it only refers to). The target is a value (not a
 * list item) and not itself a SAME; SAME is never a list item. The encoder writes one for a BYTES
 * value byte-identical to an earlier one (paths repeated as fd.name, fd.nameraw, evt.arg.name...);
 * readers see through it ({@code ProjectedEventView.valueTag}, {@code valuePayload}).
 */
public final class ProjectionFormat {

    private ProjectionFormat() {
    }

    public static final int VERSION = 2;
    public static final int HEADER_SIZE = 46;

    public static final int DIR_ENTER = 0;
    public static final int DIR_EXIT = 1;
    public static final int DIR_META = 2;

    /** scap type of meta-events, which have no kernel counterpart. */
    public static final int SCAP_TYPE_META = 0xFFFF;

    public static final int TAG_ABSENT = 0;
    public static final int TAG_INT64 = 1;
    public static final int TAG_UINT64 = 2;
    public static final int TAG_BOOL = 3;
    public static final int TAG_BYTES = 4;
    public static final int TAG_IP = 5;
    public static final int TAG_LIST = 6;
    /** An earlier value of the same record: u16 distance back from this tag to that value's tag. */
    public static final int TAG_SAME = 7;

    static final int OFF_LEN = 0;
    static final int OFF_VERSION = 4;
    static final int OFF_DIR = 5;
    static final int OFF_TYPE = 6;
    static final int OFF_SCAP_TYPE = 8;
    static final int OFF_NVALUES = 10;
    static final int OFF_NUM = 12;
    static final int OFF_TS = 20;
    static final int OFF_TID = 28;
    static final int OFF_CTX_REF = 36;
    static final int OFF_NCTX = 40;
    static final int OFF_CTX_LEN = 42;
}
