/** {@code streamtune review}: the review workbench, and {@code review add-user} to write its users file. */
package io.streamtune.cli.review;
