/**
 * The one owner of model versions: the key format of the compacted {@code model-versions} topic, the rule that picks
 * the version in service (promote, reject, rollback, pin) and the reader that reads the topic to its end and then
 * follows it. The classifier, the trainer, the command-line tool and the demo all use it, so they agree.
 */
package io.streamtune.schemas.versions;
