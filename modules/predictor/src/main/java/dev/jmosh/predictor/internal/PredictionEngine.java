package dev.jmosh.predictor.internal;

import dev.jmosh.predictor.PredictionDisplay;
import dev.jmosh.ssp.spi.Predictor;
import dev.jmosh.vt.Framebuffer;
import dev.jmosh.vt.Rendition;

/**
 * mosh 1.4.0's local echo ({@code Overlay::PredictionEngine}) on jmosh frames.
 *
 * <p>Every keystroke is predicted on the frame the user sees, stamped with the client state that
 * will carry it. Each time the screen is about to be shown, the predictions are checked against
 * the newest server frame ({@link #overlay}, mosh's {@code cull} then {@code apply}): once the
 * server's echo ack reaches a prediction's state, the frame either shows what was predicted
 * (which proves the prediction's epoch and reveals its siblings) or does not (which kills the
 * epoch if it was still hidden, or every prediction if it was already shown). Which predictions
 * are drawn, and whether underlined, is decided by the {@link PredictionDisplay} mode and the
 * {@link DisplayTriggers}. Beyond mosh, wide characters and combining marks are predicted too
 * (see {@link KeystrokePredictor}), and unless turned off, an epoch begun at a prompt that has
 * echoed before is shown from its first key ({@link PromptTrust}); otherwise, on narrow text,
 * every prediction is mosh's.
 */
final class PredictionEngine implements Predictor<Framebuffer> {
    /** Reads longer than this (bytes) are pastes: no prediction, and the old ones are dropped. */
    static final int PASTE_THRESHOLD = 100;
    /** How often (ms) the engine wants to be looked at while a timing trigger may still fire. */
    static final long TIMING_POLL_MS = 50;

    private final PredictionDisplay display;
    private final boolean experimental;
    private final Predictions predictions;
    private final DisplayTriggers triggers = new DisplayTriggers();
    private final KeystrokePredictor keystrokes;
    private final KeystrokeParser parser;
    /** Null when prompts are not trusted (mosh's rule). */
    private final PromptTrust prompts;
    /** Null when prompts are not trusted (mosh's rule). */
    private final TypeAhead typeAhead;
    private long lateAck;
    /** The client state that carries the newest byte typed so far (0 before any). */
    private long lastInputFrame;
    private long sendInterval = 250;
    private int lastHeight;
    private int lastWidth;

    /**
     * An engine in mode {@code display}.
     *
     * @param overwrite predict typing as overwriting instead of inserting ({@code MOSH_PREDICTION_OVERWRITE=yes})
     * @param trustPrompts show predictions from the first key at a prompt that has echoed before
     *     (beyond mosh; {@link PromptTrust})
     */
    PredictionEngine(PredictionDisplay display, boolean overwrite, boolean trustPrompts) {
        this.display = display;
        this.experimental = display == PredictionDisplay.EXPERIMENTAL;
        this.predictions = new Predictions(experimental);
        this.prompts = trustPrompts && !experimental ? new PromptTrust() : null;
        this.typeAhead = prompts != null ? new TypeAhead() : null;
        this.keystrokes = new KeystrokePredictor(predictions, overwrite, prompts, typeAhead);
        this.parser = new KeystrokeParser(keystrokes);
    }

    @Override
    public void userInput(byte[] bytes, int off, int len, Framebuffer frame, long stateNum, long nowMillis) {
        predictions.localFrameSent = stateNum - 1;
        if (len > PASTE_THRESHOLD) { // don't predict bulk data
            reset();
            lastInputFrame = predictions.nextFrame();
            return;
        }
        for (int i = off; i < off + len; i++) {
            newUserByte(bytes[i], frame, nowMillis, i == off);
        }
        lastInputFrame = predictions.nextFrame();
    }

    @Override
    public void serverFrame(Framebuffer frame, long echoAck, long nowMillis) {
        lateAck = echoAck;
    }

    @Override
    public void sendInterval(long millis) {
        sendInterval = millis;
    }

    @Override
    public void overlay(Framebuffer frame, long nowMillis) {
        cull(frame, nowMillis);
        placeTypeAhead(frame);
        apply(frame);
    }

    /**
     * Beyond mosh: once the server's frame shows where the characters typed after Enter go (a
     * trusted prompt, then those of them already echoed), the hidden guesses made for them are
     * dropped and the rest are predicted there, in an epoch shown at once ({@link TypeAhead}).
     */
    private void placeTypeAhead(Framebuffer fb) {
        if (typeAhead == null || display == PredictionDisplay.NEVER || !predictions.tentative()
                || !typeAhead.due(lateAck)) {
            return;
        }
        TypeAhead.Anchor anchor = typeAhead.anchor(fb, lateAck, prompts);
        if (anchor == null) {
            return;
        }
        predictions.reset(); // none of them was shown
        predictions.confirm(predictions.predictionEpoch);
        prompts.watch(anchor.prompt(), predictions.predictionEpoch);
        keystrokes.replay(fb, typeAhead.take(anchor.echoed()));
    }

    @Override
    public void reset() {
        predictions.reset();
        if (typeAhead != null) {
            typeAhead.stop();
        }
    }

    @Override
    public long wakeupMillis(long nowMillis) {
        return triggers.timingTestsNecessary() && predictions.active() ? TIMING_POLL_MS : -1;
    }

    /** One byte of a read ({@code first}: its first), as mosh's {@code new_user_byte}. */
    private void newUserByte(byte b, Framebuffer frame, long now, boolean first) {
        if (display == PredictionDisplay.NEVER) {
            return;
        }
        if (experimental) {
            predictions.predictionEpoch = predictions.confirmedEpoch;
        }
        cull(frame, now);
        if (first && prompts != null) {
            keystrokes.settled(settled()); // what is still outstanding before this read
        }
        keystrokes.context(frame, now);
        parser.input(b);
    }

    /**
     * Whether the screen has caught up with the user: every byte typed before this read has been
     * echoed and acknowledged (it travelled in a state the echo ack has reached) and no
     * prediction is outstanding.
     */
    private boolean settled() {
        return Long.compareUnsigned(lastInputFrame, lateAck) <= 0 && !predictions.active();
    }

    /** Draws the displayable predictions (mosh {@code PredictionEngine::apply}). */
    private void apply(Framebuffer fb) {
        if (!showing()) {
            return;
        }
        for (ConditionalCursorMove c : predictions.cursors) {
            c.apply(fb, predictions.confirmedEpoch);
        }
        for (ConditionalOverlayRow r : predictions.rows) {
            r.apply(fb, predictions.confirmedEpoch, triggers.flagging());
        }
    }

    /** Whether predictions are drawn at all now. */
    boolean showing() {
        return display != PredictionDisplay.NEVER && (triggers.srttTrigger() || triggers.glitchTrigger() > 0
                || display == PredictionDisplay.ALWAYS || experimental);
    }

    /**
     * Updates the triggers and checks every prediction against {@code fb} (mosh
     * {@code PredictionEngine::cull}); a size change drops them all first.
     */
    private void cull(Framebuffer fb, long now) {
        if (display == PredictionDisplay.NEVER) {
            return;
        }
        if (lastHeight != fb.rows() || lastWidth != fb.columns()) {
            lastHeight = fb.rows();
            lastWidth = fb.columns();
            reset();
        }
        triggers.update(sendInterval, predictions.active());
        for (int r = 0; r < predictions.rows.size(); ) {
            ConditionalOverlayRow row = predictions.rows.get(r);
            if (row.rowNum < 0 || row.rowNum >= fb.rows()) {
                predictions.rows.remove(r);
                continue;
            }
            for (ConditionalOverlayCell cell : row.cells) {
                if (!cullCell(fb, row, cell, now)) {
                    return; // everything was reset
                }
            }
            r++;
        }
        if (!predictions.cursors.isEmpty()
                && predictions.cursor().validity(fb, lateAck) == Validity.INCORRECT_OR_EXPIRED) {
            disproven(predictions.cursor().tentativeUntilEpoch);
            if (!experimental) {
                reset();
                return;
            }
            predictions.cursors.clear();
        }
        predictions.cursors.removeIf(c -> c.validity(fb, lateAck) != Validity.PENDING);
    }

    /** Checks one cell prediction; false if that reset every prediction. */
    private boolean cullCell(Framebuffer fb, ConditionalOverlayRow row, ConditionalOverlayCell cell, long now) {
        switch (cell.validity(fb, row.rowNum, lateAck)) {
            case INCORRECT_OR_EXPIRED -> {
                disproven(cell.tentativeUntilEpoch);
                if (experimental) {
                    cell.reset(); // experimental mode kills only the cell
                } else if (cell.tentative(predictions.confirmedEpoch)) {
                    predictions.killEpoch(cell.tentativeUntilEpoch, fb); // it was never shown
                } else {
                    reset(); // it was shown: start over
                    return false;
                }
            }
            case CORRECT -> {
                predictions.confirm(cell.tentativeUntilEpoch);
                if (prompts != null) {
                    prompts.proven(cell.tentativeUntilEpoch);
                }
                // when predictions come in quickly, slowly take away the glitch trigger
                triggers.confirmed(now - cell.predictionTime, now);
                // the rest of the predicted row takes the renditions the server really used
                Rendition actual = fb.cell(row.rowNum, cell.col).rendition();
                for (int k = cell.col; k < row.cells.length; k++) {
                    row.cells[k].replacement = row.cells[k].replacement.withRendition(actual);
                }
                cell.reset();
            }
            case CORRECT_NO_CREDIT -> cell.reset();
            case PENDING -> triggers.pending(now - cell.predictionTime);
            default -> {
                // inactive
            }
        }
        return true;
    }

    private void disproven(long epoch) {
        if (prompts != null) {
            prompts.disproven(epoch);
        }
    }

    /** The epochs, frames and triggers, for logs. */
    @Override
    public String toString() {
        return "PredictionEngine[" + display.value() + " epoch=" + predictions.predictionEpoch
                + " confirmed=" + predictions.confirmedEpoch + " sent=" + predictions.localFrameSent + " echoAck=" + lateAck + " srtt=" + triggers.srttTrigger()
                + " flagging=" + triggers.flagging() + " glitch=" + triggers.glitchTrigger() + " cursors="
                + predictions.cursors + "]";
    }

    PromptTrust prompts() {
        return prompts;
    }

    DisplayTriggers triggers() {
        return triggers;
    }

    Predictions predictions() {
        return predictions;
    }
}
