package dev.jmosh.statesync;

import dev.jmosh.ssp.core.wire.UserMessage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference semantics of {@link UserStream}: its original one-object-per-event list, kept
 * as the oracle for property tests of the shared-chunk implementation.
 */
final class EventListModel {
    final List<UserEvent> events;

    EventListModel() {
        this(new ArrayList<>());
    }

    private EventListModel(List<UserEvent> events) {
        this.events = events;
    }

    EventListModel copy() {
        return new EventListModel(new ArrayList<>(events));
    }

    void pushBytes(byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
            events.add(UserEvent.UserByte.of(b[off + i]));
        }
    }

    void push(UserEvent e) {
        events.add(e);
    }

    /** The longest common prefix with {@code prefix}, bounded by its size; all of it for itself. */
    void subtract(EventListModel prefix) {
        if (prefix == this) {
            events.clear();
            return;
        }
        int n = 0;
        while (n < prefix.events.size() && n < events.size() && events.get(n).equals(prefix.events.get(n))) {
            n++;
        }
        events.subList(0, n).clear();
    }

    /** The events after the first {@code min(sizes)}, consecutive bytes merged into one Keystroke. */
    byte[] diffFrom(EventListModel existing) {
        List<UserMessage.Element> out = new ArrayList<>();
        ByteArrayOutputStream keys = null;
        for (int i = Math.min(existing.events.size(), events.size()); i < events.size(); i++) {
            if (events.get(i) instanceof UserEvent.UserByte b) {
                keys = keys == null ? new ByteArrayOutputStream() : keys;
                keys.write(b.value());
            } else if (events.get(i) instanceof UserEvent.Resize r) {
                if (keys != null) {
                    out.add(new UserMessage.Keystroke(keys.toByteArray()));
                    keys = null;
                }
                out.add(new UserMessage.Resize(r.width(), r.height()));
            }
        }
        if (keys != null) {
            out.add(new UserMessage.Keystroke(keys.toByteArray()));
        }
        return out.isEmpty() ? new byte[0] : new UserMessage(out).encode();
    }

    void apply(UserMessage message) {
        for (UserMessage.Element e : message.elements()) {
            if (e instanceof UserMessage.Keystroke k) {
                pushBytes(k.keys(), 0, k.keys().length);
            } else if (e instanceof UserMessage.Resize r) {
                push(new UserEvent.Resize(r.width(), r.height()));
            }
        }
    }

    long keystrokeBytes() {
        return events.stream().filter(e -> e instanceof UserEvent.UserByte).count();
    }
}
