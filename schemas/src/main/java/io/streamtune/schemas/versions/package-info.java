/**
 * How the compacted {@code model-versions} topic is read: its key format and the rule that picks the version in
 * service, written once so every reader (command-line tool, and any service that chooses to) agrees.
 */
package io.streamtune.schemas.versions;
