/** Test fixture only: one half of a package cycle, for LayeringRulesTest. */
package io.streamtune.cyclea;
