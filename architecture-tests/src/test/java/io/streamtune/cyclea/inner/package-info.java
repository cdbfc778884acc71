/** Test fixture only: a package cycle inside one top-level package, for LayeringRulesTest. */
package io.streamtune.cyclea.inner;
