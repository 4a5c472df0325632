/**
 * A headless mosh client: {@link dev.jmosh.client.ClientSession} runs SSP against a server and
 * reports the remote screen to a {@link dev.jmosh.client.ClientListener}; the user interface,
 * tests and embedders feed it input bytes and window sizes.
 */
package dev.jmosh.client;
