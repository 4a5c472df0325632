/** Prediction providers; not exported, reached through {@link dev.jmosh.ssp.spi.PredictorProvider}. */
package dev.jmosh.predictor.internal;
