/** Fault tests: the broker or the registry stops mid-stream and every event is still accounted for exactly once. */
package io.streamtune.systemtests.faults;
