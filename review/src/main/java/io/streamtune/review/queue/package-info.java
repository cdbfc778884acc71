/**
 * What to show next: the uncertain lane (smallest margin first) and the audit lane (a uniform sample), mixed in a
 * configured share, with leases so two annotators never get the same item at once.
 */
package io.streamtune.review.queue;
