/**
 * {@code streamtune produce}: TextEvents from a JSON Lines or CSV file or from stdin onto {@code text-events}, with
 * a rate limit, a choice of key, and a progress bar.
 */
package io.streamtune.cli.produce;
