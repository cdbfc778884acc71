/** What an annotator does (take the next item, label, skip, undo), with the refusals the page shows. */
package io.streamtune.review.workbench;
