package dev.jmosh.statesync;

/** One event of the user stream (mosh {@code UserEvent}): a byte typed or a window resize. */
public sealed interface UserEvent permits UserEvent.UserByte, UserEvent.Resize {

    /** One input byte, forwarded unchanged. Instances are shared: use {@link #of}. */
    record UserByte(byte value) implements UserEvent {
        private static final UserByte[] CACHE = new UserByte[256];

        static {
            for (int i = 0; i < 256; i++) {
                CACHE[i] = new UserByte((byte) i);
            }
        }

        /** The shared instance for {@code b}. */
        public static UserByte of(byte b) {
            return CACHE[b & 0xFF];
        }
    }

    /** The user's window is now {@code width} columns by {@code height} rows. */
    record Resize(int width, int height) implements UserEvent {
    }
}
