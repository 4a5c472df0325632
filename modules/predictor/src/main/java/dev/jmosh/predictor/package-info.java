/**
 * Client-side overlays on the server's screen: {@link dev.jmosh.predictor.NotificationEngine}
 * decides what mosh's top-row notification bar says. Prediction engines are reached through
 * {@link dev.jmosh.ssp.spi.PredictorProvider}.
 */
package dev.jmosh.predictor;
