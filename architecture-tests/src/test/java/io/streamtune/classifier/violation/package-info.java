/** Test fixture only: a classifier package that breaks a layering rule, for LayeringRulesTest. */
package io.streamtune.classifier.violation;
