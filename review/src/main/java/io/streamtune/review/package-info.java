/**
 * The review workbench: a web app where people see what the model is least sure of, and correct, confirm or audit
 * its labels. Its state lives in Kafka only.
 */
package io.streamtune.review;
