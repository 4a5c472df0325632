package dev.jmosh.predictor.internal;

/** What the server's frame says about one prediction (mosh {@code Overlay::Validity}). */
enum Validity {
    /** The server has not yet echoed the state that carried the keystroke. */
    PENDING,
    /** The server shows what was predicted, and that was news: the prediction's epoch is proven. */
    CORRECT,
    /** Shown as predicted, but too easy to count (blank, unknown, or what was there before). */
    CORRECT_NO_CREDIT,
    /** The server echoed the keystroke and shows something else, or the cell left the screen. */
    INCORRECT_OR_EXPIRED,
    /** Not a prediction at all. */
    INACTIVE
}
