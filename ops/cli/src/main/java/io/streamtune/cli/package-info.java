/**
 * The {@code streamtune} command-line tool: {@code stack up|down|status} runs the local broker and schema
 * registry for development; other commands join {@link io.streamtune.cli.Main} as subcommands.
 */
package io.streamtune.cli;
