package dev.jmosh.ssp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jmosh.ssp.spi.CipherProvider;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one selection policy: explicit name, else the system property, else exactly one provider. */
class ProvidersTest {
    private static final CipherProvider OCB = named("aes-128-ocb");
    private static final CipherProvider NULL = named("null");

    @AfterEach
    void clearProperty() {
        System.clearProperty(CipherProvider.PROPERTY);
    }

    @Test
    void theOnlyProviderIsChosenWithoutAName() {
        assertThat(Providers.choose(CipherProvider.class, List.of(OCB), null)).isSameAs(OCB);
    }

    @Test
    void anExplicitNameWins() {
        assertThat(Providers.choose(CipherProvider.class, List.of(OCB, NULL), "null")).isSameAs(NULL);
        assertThat(Providers.choose(CipherProvider.class, List.of(OCB, NULL), "aes-128-ocb")).isSameAs(OCB);
    }

    @Test
    void theSystemPropertyNamesTheProvider() {
        System.setProperty(CipherProvider.PROPERTY, "null");
        assertThat(Providers.choose(CipherProvider.class, List.of(OCB, NULL), null)).isSameAs(NULL);
    }

    @Test
    void anExplicitNameBeatsTheSystemProperty() {
        System.setProperty(CipherProvider.PROPERTY, "null");
        assertThat(Providers.choose(CipherProvider.class, List.of(OCB, NULL), "aes-128-ocb")).isSameAs(OCB);
    }

    @Test
    void anExplicitNameMustMatchEvenWhenThereIsOnlyOne() {
        assertThatThrownBy(() -> Providers.choose(CipherProvider.class, List.of(OCB), "chacha"))
                .isInstanceOf(ProviderSelectionException.class)
                .hasMessage("no CipherProvider named 'chacha'; candidates: aes-128-ocb");
    }

    @Test
    void anUnknownNameListsTheCandidatesSorted() {
        assertThatThrownBy(() -> Providers.choose(CipherProvider.class, List.of(OCB, NULL), "x"))
                .hasMessage("no CipherProvider named 'x'; candidates: aes-128-ocb, null");
        assertThatThrownBy(() -> Providers.choose(CipherProvider.class, List.of(), "x"))
                .hasMessage("no CipherProvider named 'x'; candidates: none");
    }

    @Test
    void severalProvidersWithoutANameAreAnError() {
        assertThatThrownBy(() -> Providers.choose(CipherProvider.class, List.of(NULL, OCB), null))
                .isInstanceOf(ProviderSelectionException.class)
                .hasMessage("several CipherProvider providers found (aes-128-ocb, null); "
                        + "choose one with -Djmosh.cipher=NAME");
    }

    @Test
    void noProviderIsAnError() {
        assertThatThrownBy(() -> Providers.choose(CipherProvider.class, List.of(), null))
                .isInstanceOf(ProviderSelectionException.class)
                .hasMessage("no CipherProvider found on the module path");
    }

    @Test
    void twoProvidersWithTheSameNameAreAnError() {
        assertThatThrownBy(() -> Providers.choose(CipherProvider.class, List.of(OCB, named("aes-128-ocb")),
                "aes-128-ocb"))
                .hasMessage("several CipherProvider providers are named 'aes-128-ocb'");
    }

    @Test
    void anEmptyNameCountsAsNoName() {
        assertThat(Providers.choose(CipherProvider.class, List.of(OCB), "")).isSameAs(OCB);
    }

    @Test
    void serviceLoaderWithNoProviderModuleFindsNothing() {
        assertThatThrownBy(() -> Providers.select(CipherProvider.class))
                .isInstanceOf(ProviderSelectionException.class)
                .hasMessage("no CipherProvider found on the module path");
    }

    @Test
    void eachServiceNamesItsOwnPropertyAndAnyOtherIsNamedByItsClass() {
        assertThat(Providers.property(CipherProvider.class)).isEqualTo("jmosh.cipher");
        assertThat(Providers.property(dev.jmosh.ssp.spi.StateTypeProvider.class)).isEqualTo("jmosh.state");
        assertThat(Providers.property(Runnable.class)).isEqualTo("java.lang.Runnable");
    }

    /** An embedder's own service: Providers declares its use at run time, so ServiceLoader takes it. */
    public interface Greeter extends dev.jmosh.ssp.spi.NamedProvider {
        String PROPERTY = "test.greeter";
    }

    @Test
    void anEmbeddersOwnServiceCanBeSelectedToo() {
        assertThatThrownBy(() -> Providers.select(Greeter.class))
                .isInstanceOf(ProviderSelectionException.class)
                .hasMessage("no Greeter found on the module path");
        System.setProperty("test.greeter", "hello");
        try {
            assertThatThrownBy(() -> Providers.select(Greeter.class))
                    .hasMessage("no Greeter named 'hello'; candidates: none");
        } finally {
            System.clearProperty("test.greeter");
        }
    }

    @Test
    void withSeveralProvidersAndNoNameTheFallbackIsTaken() {
        assertThatThrownBy(() -> Providers.select(CipherProvider.class, null, "aes-128-ocb"))
                .hasMessage("no CipherProvider found on the module path");
    }

    @Test
    void stateTypesOfTheWrongKindAreRefusedNamingBothPairs() {
        dev.jmosh.ssp.spi.StateTypeProvider<Log, Log> logs = new dev.jmosh.ssp.spi.StateTypeProvider<>() {
            @Override
            public String name() {
                return "logs";
            }

            @Override
            public Class<Log> userStateType() {
                return Log.class;
            }

            @Override
            public Class<Log> hostStateType() {
                return Log.class;
            }

            @Override
            public Log newUserState() {
                return new Log();
            }

            @Override
            public Log newHostState(int columns, int rows) {
                return new Log();
            }
        };
        assertThat(logs.as(Log.class, Log.class).newUserState()).isInstanceOf(Log.class);
        assertThatThrownBy(() -> logs.as(Other.class, Log.class))
                .isInstanceOf(ProviderSelectionException.class)
                .hasMessage("state types 'logs' are Log and Log, not the Other and Log this program needs");
        assertThatThrownBy(() -> Providers.stateTypes(null))
                .hasMessage("no StateTypeProvider found on the module path");
    }

    /** States that hold nothing, for the tests above. */
    abstract static class Blank<S extends Blank<S>> implements SyncState<S> {
        @Override
        public void subtract(S prefix) {
        }

        @Override
        public byte[] diffFrom(S existing) {
            return new byte[0];
        }

        @Override
        public byte[] initDiff() {
            return new byte[0];
        }

        @Override
        public void applyDiff(byte[] diff) {
        }
    }

    static final class Log extends Blank<Log> {
        @Override
        public Log copy() {
            return new Log();
        }
    }

    static final class Other extends Blank<Other> {
        @Override
        public Other copy() {
            return new Other();
        }
    }

    private static CipherProvider named(String name) {
        return new CipherProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public PacketCipher create(SessionKey key) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
