package dev.jmosh.statesync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmosh.ssp.WireFormatException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** mosh's UserStream: diffs are the new events, bytes merged into one Keystroke. */
class UserStreamTest {

    @Test
    void theFirstClientStateIsOneResizeAsMoshSendsIt() {
        UserStream s = new UserStream();
        s.push(new UserEvent.Resize(80, 24));
        // mosh-protocol.md §3.6: the diff inside the first client instruction
        assertThat(HexFormat.of().formatHex(s.diffFrom(new UserStream()))).isEqualTo("0a061a0428503018");
    }

    @Test
    void consecutiveBytesMergeAndResizesSplit() throws Exception {
        UserStream s = new UserStream();
        s.pushBytes("ab".getBytes(), 0, 2);
        s.push(new UserEvent.Resize(100, 30));
        s.pushBytes("c".getBytes(), 0, 1);
        UserStream copy = new UserStream();
        copy.applyDiff(s.diffFrom(new UserStream()));
        assertThat(copy).isEqualTo(s);
        assertThat(copy.size()).isEqualTo(4);
    }

    @Test
    void diffFromAPrefixCarriesOnlyTheRest() throws Exception {
        UserStream a = new UserStream();
        a.pushBytes("ls".getBytes(), 0, 2);
        UserStream b = a.copy();
        b.pushBytes("\r".getBytes(), 0, 1);
        UserStream rebuilt = a.copy();
        rebuilt.applyDiff(b.diffFrom(a));
        assertThat(rebuilt).isEqualTo(b);
        assertThat(a.diffFrom(a)).isEmpty();
    }

    @Test
    void subtractTrimsTheAcknowledgedPrefix() {
        UserStream acked = new UserStream();
        acked.pushBytes("ab".getBytes(), 0, 2);
        UserStream current = acked.copy();
        current.pushBytes("c".getBytes(), 0, 1);
        current.subtract(acked);
        assertThat(current.size()).isEqualTo(1);
        acked.subtract(acked);
        assertThat(acked.isEmpty()).isTrue();
    }

    @Test
    void aMalformedDiffIsRejectedAndChangesNothing() {
        UserStream s = new UserStream();
        s.pushBytes("x".getBytes(), 0, 1);
        assertThatThrownBy(() -> s.applyDiff(new byte[] {0x0a, 0x7f, 0x12}))
                .isInstanceOf(WireFormatException.class);
        assertThat(s.size()).isEqualTo(1);
    }

    @Test
    void forEachRunHandsOverTypedBytesInRunsBetweenResizes() {
        UserStream s = new UserStream();
        s.pushBytes("ab".getBytes(), 0, 2);
        s.pushBytes("c".getBytes(), 0, 1);
        s.push(new UserEvent.Resize(100, 30));
        s.push(UserEvent.UserByte.of((byte) 'd'));
        List<Object> runs = new ArrayList<>();
        s.forEachRun(new UserStream.RunVisitor() {
            @Override
            public void keystrokes(ByteBuffer keys) {
                runs.add(StandardCharsets.US_ASCII.decode(keys).toString());
            }

            @Override
            public void resize(UserEvent.Resize resize) {
                runs.add(resize);
            }
        });
        assertThat(runs).containsExactly("abc", new UserEvent.Resize(100, 30), "d");
        assertThat(s.keystrokeBytes()).isEqualTo(4);
        assertThat(s.size()).isEqualTo(5);
    }

    @Test
    void getOutsideTheEventsHeldThrows() {
        UserStream s = new UserStream();
        s.pushBytes("ab".getBytes(), 0, 2);
        UserStream acked = s.copy();
        s.pushBytes("c".getBytes(), 0, 1);
        s.subtract(acked);
        assertThat(s.get(0)).isEqualTo(UserEvent.UserByte.of((byte) 'c'));
        assertThatThrownBy(() -> s.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> s.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
