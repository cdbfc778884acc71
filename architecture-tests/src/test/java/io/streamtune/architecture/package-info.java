/**
 * Architecture tests: ArchUnit rules that keep the modules in the layers of the system picture, checked against
 * every module's main classes on every build.
 */
package io.streamtune.architecture;
