/**
 * What the audits say: each model version's accuracy and macro-F1 with a 95% Wilson interval, its confusion matrix,
 * and the agreement between annotators on audit items labelled twice.
 */
package io.streamtune.review.accuracy;
