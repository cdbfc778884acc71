/**
 * {@code streamtune demo}: the whole learning loop on one machine, from an empty stack to a summary with charts.
 * {@link io.streamtune.demo.Demo} runs it; {@link io.streamtune.demo.DemoSettings} says how.
 */
package io.streamtune.demo;
