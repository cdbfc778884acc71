/** The trainer's small HTTP control surface: ask for a round on demand, and health for probes. */
package io.streamtune.trainer.control;
