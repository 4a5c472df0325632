/**
 * Client-side overlays on the server's screen: {@link dev.jmosh.predictor.NotificationEngine}
 * decides what mosh's top-row notification bar says; {@link dev.jmosh.predictor.PredictionOptions}
 * and {@link dev.jmosh.predictor.PredictionDisplay} name the options of the prediction
 * providers, which are reached through {@link dev.jmosh.ssp.spi.PredictorProvider}.
 */
package dev.jmosh.predictor;
