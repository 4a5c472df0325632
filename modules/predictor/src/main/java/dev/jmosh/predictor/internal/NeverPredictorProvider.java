package dev.jmosh.predictor.internal;

import dev.jmosh.ssp.spi.Predictor;
import dev.jmosh.ssp.spi.PredictorProvider;
import java.util.Map;

/**
 * The {@code never} prediction mode as a provider: no local echo at all; every keystroke is
 * shown only when the server's screen shows it (mosh with {@code MOSH_PREDICTION_DISPLAY=never}).
 */
public final class NeverPredictorProvider implements PredictorProvider {
    @Override
    public String name() {
        return "never";
    }

    @Override
    public <F> Predictor<F> create(Class<F> frameType, Map<String, String> options) {
        return new Predictor<>() {
            @Override
            public void userInput(byte[] bytes, int off, int len, F frame, long stateNum, long nowMillis) {
                // nothing is predicted
            }

            @Override
            public void serverFrame(F frame, long echoAck, long nowMillis) {
                // nothing to validate
            }

            @Override
            public void sendInterval(long millis) {
                // no adaptive triggers
            }

            @Override
            public void overlay(F frame, long nowMillis) {
                // the server's frame is shown as it is
            }

            @Override
            public void reset() {
                // no state
            }

            @Override
            public long wakeupMillis(long nowMillis) {
                return -1;
            }
        };
    }
}
