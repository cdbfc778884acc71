/**
 * Publishing model versions safely: the artifact is stored and verified first, then the ModelVersion records
 * (CANDIDATE and the gate's decision) and the training-set offsets they consumed are committed in one
 * transaction whose id is derived from the model name, so a second trainer fences the first.
 */
package io.streamtune.trainer.publish;
