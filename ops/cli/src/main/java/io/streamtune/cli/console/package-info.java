/** What the commands show people: a progress bar on stderr and shortened texts. */
package io.streamtune.cli.console;
