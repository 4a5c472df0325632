package dev.jmosh.predictor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jmosh.predictor.PredictionDisplay;
import dev.jmosh.vt.Emulator;
import dev.jmosh.vt.Framebuffer;
import java.nio.charset.StandardCharsets;

/**
 * A client and a server around one {@link PredictionEngine}, driven by hand: the server's
 * emulator, the client's send counter and echo ack, and a manual clock. Every step ends with
 * the client showing the screen ({@link #show}), as mosh-client's loop does.
 */
final class Harness {
    final Emulator server;
    final PredictionEngine engine;
    /** Everything the server's emulator was fed, for {@link #serverAfter}. */
    private final StringBuilder written = new StringBuilder();
    long now = 1_000_000;
    /** The newest client state sent. */
    long sent;
    /** The echo ack of the newest server frame. */
    long echoAck;
    Framebuffer shown;

    Harness(PredictionDisplay mode, boolean overwrite, int columns, int rows, String screen) {
        this(mode, overwrite, true, columns, rows, screen);
    }

    /** The same, trusting prompts that have echoed before or not ({@link PromptTrust}). */
    Harness(PredictionDisplay mode, boolean overwrite, boolean trustPrompts, int columns, int rows, String screen) {
        server = new Emulator(columns, rows);
        write(screen);
        engine = new PredictionEngine(mode, overwrite, trustPrompts);
        engine.sendInterval(20);
        show();
    }

    /** An always-showing, inserting engine on an 20x5 screen showing {@code screen}. */
    static Harness always(String screen) {
        return new Harness(PredictionDisplay.ALWAYS, false, 20, 5, screen);
    }

    /** The user types {@code keys} (one read), which go out in the next client state. */
    Harness type(String keys) {
        return type(keys.getBytes(StandardCharsets.UTF_8));
    }

    Harness type(byte[] keys) {
        engine.userInput(keys, 0, keys.length, shown, sent + 1, now);
        sent++;
        show();
        return this;
    }

    /** The server's screen changes; its new frame arrives with an unchanged echo ack. */
    Harness host(String bytes) {
        write(bytes);
        return ack(echoAck);
    }

    private void write(String bytes) {
        server.write(bytes.getBytes(StandardCharsets.UTF_8));
        written.append(bytes);
    }

    /**
     * The frame the server will have once it has also written {@code bytes} (the application's
     * echo), from a second emulator fed the same bytes; the server itself does not change.
     */
    Framebuffer serverAfter(String bytes) {
        Emulator e = new Emulator(server.framebuffer().columns(), server.framebuffer().rows());
        e.write((written + bytes).getBytes(StandardCharsets.UTF_8));
        return e.framebuffer();
    }

    /** A server frame arrives with echo ack {@code n}. */
    Harness ack(long n) {
        echoAck = n;
        engine.serverFrame(server.framebuffer(), n, now);
        show();
        return this;
    }

    /** The server shows {@code bytes} and acknowledges every state sent so far. */
    Harness echo(String bytes) {
        write(bytes);
        return ack(sent);
    }

    /** The server shows {@code bytes} and acknowledges state {@code n}. */
    Harness echo(String bytes, long n) {
        write(bytes);
        return ack(n);
    }

    /**
     * The server echoes {@code bytes} and acknowledges every state sent; asserts that no
     * prediction was wrong (no epoch killed, nothing reset) and that every one was decided.
     */
    Harness echoWithoutMisprediction(String bytes) {
        long epoch = predictions().predictionEpoch;
        echo(bytes);
        assertThat(predictions().predictionEpoch).as("no epoch was killed, nothing was reset").isEqualTo(epoch);
        assertThat(shown).isEqualTo(server.framebuffer());
        assertThat(predictions().active()).as("every prediction was decided").isFalse();
        return this;
    }

    /** Time passes. */
    Harness after(long millis) {
        now += millis;
        show();
        return this;
    }

    Harness sendInterval(long millis) {
        engine.sendInterval(millis);
        show();
        return this;
    }

    /** Types {@code c} and lets the server echo it: proves the current epoch. */
    Harness confirmed(String c) {
        return type(c).echo(c);
    }

    /** What the user sees now. */
    Framebuffer show() {
        Framebuffer f = server.framebuffer().copy();
        engine.overlay(f, now);
        shown = f;
        return f;
    }

    String row(int r) {
        return shown.rowText(r).stripTrailing();
    }

    int[] cursor() {
        return new int[] {shown.cursorRow(), shown.cursorCol()};
    }

    boolean underlined(int r, int c) {
        return shown.cell(r, c).rendition().underlined();
    }

    DisplayTriggers triggers() {
        return engine.triggers();
    }

    Predictions predictions() {
        return engine.predictions();
    }
}
