/**
 * Tests of the whole system with the real model: classifier, corrections, trainer, gate and hot reload together
 * on a real broker and schema registry, and the feedback-to-deploy benchmark.
 */
package io.streamtune.systemtests;
