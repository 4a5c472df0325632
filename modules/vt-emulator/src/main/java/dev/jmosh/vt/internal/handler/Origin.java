package dev.jmosh.vt.internal.handler;

/** Where a control function the emulator performs comes from. */
public enum Origin {
    /** In mosh 1.4.0's emulator, and done as mosh does it. */
    MOSH,
    /** Not in mosh 1.4.0 (which ignores it); done as tmux or xterm does it. */
    BEYOND_MOSH
}
