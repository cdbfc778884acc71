/** The review workbench's settings in the shared configuration language: its own keys under {@code review.*}. */
package io.streamtune.review.config;
