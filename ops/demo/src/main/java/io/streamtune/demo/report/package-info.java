/** What the demo reports: accuracy per window of the stream, version decisions, the summary and the charts. */
package io.streamtune.demo.report;
