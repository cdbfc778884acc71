/** Test fixture only: a model package that breaks a layering rule, for LayeringRulesTest. */
package io.streamtune.model.violation;
