/** What a harness run writes: per-run curve and window CSVs, the shared summary CSV, and the printed table. */
package io.streamtune.quality.report;
