/** Test fixture only: the other half of a package cycle, for LayeringRulesTest. */
package io.streamtune.cycleb;
