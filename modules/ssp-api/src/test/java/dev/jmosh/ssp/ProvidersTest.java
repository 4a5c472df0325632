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
