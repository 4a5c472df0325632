/**
 * Prediction providers; not exported, reached through {@link dev.jmosh.ssp.spi.PredictorProvider}.
 * {@code MoshPredictorProvider} makes a {@code PredictionEngine} (mosh's local echo): its
 * {@code Predictions} (cursor and cell overlays grouped in epochs) are made by
 * {@code KeystrokePredictor} from the actions {@code KeystrokeParser} reads in the keystrokes
 * (beyond mosh, also for wide characters and combining marks, finding them on the
 * {@code PredictedRow}), and shown according to the {@code DisplayTriggers}.
 */
package dev.jmosh.predictor.internal;
