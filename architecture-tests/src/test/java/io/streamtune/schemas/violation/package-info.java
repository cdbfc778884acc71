/** Test fixture only: a schemas package that breaks a layering rule, for LayeringRulesTest. */
package io.streamtune.schemas.violation;
