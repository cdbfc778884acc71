/**
 * What a harness run writes: per-run curve and window CSVs, the shared summary CSV, and the printed table; and the
 * learning-curve charts drawn from curve CSVs afterwards ({@code quality chart}).
 */
package io.streamtune.quality.report;
