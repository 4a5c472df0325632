package dev.jmosh.vt.internal.parser;

import java.util.ArrayList;
import java.util.List;

/** A listener that writes every event as a short string. */
final class Recorder implements ParserListener {
    final List<String> events = new ArrayList<>();

    static List<String> parse(String input) {
        Recorder r = new Recorder();
        Parser p = new Parser(r);
        input.codePoints().forEach(p::input);
        return r.events;
    }

    @Override
    public void print(int cp) {
        events.add("print " + new String(Character.toChars(cp)));
    }

    @Override
    public void execute(int control) {
        events.add(String.format("exec %02X", control));
    }

    @Override
    public void escDispatch(Sequence seq, int finalChar) {
        events.add("esc " + collected(seq) + (char) finalChar);
    }

    @Override
    public void csiDispatch(Sequence seq, int finalChar) {
        StringBuilder b = new StringBuilder("csi ").append(collected(seq)).append('[');
        for (int i = 0; i < seq.count(); i++) {
            if (i > 0) {
                b.append(seq.isSubParameter(i) ? ':' : ';');
            }
            b.append(seq.raw(i));
        }
        events.add(b.append(']').appendCodePoint(finalChar).toString());
    }

    @Override
    public void oscDispatch(OscString osc) {
        events.add("osc " + osc.substring(0, osc.length()));
    }

    private static String collected(Sequence seq) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < seq.collectedCount(); i++) {
            b.append(seq.collected(i));
        }
        return b.toString();
    }
}
