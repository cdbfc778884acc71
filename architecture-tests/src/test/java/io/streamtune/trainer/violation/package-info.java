/** Test fixture only: a trainer package that breaks a layering rule, for LayeringRulesTest. */
package io.streamtune.trainer.violation;
