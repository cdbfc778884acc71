package io.streamtune.stack;

import java.util.OptionalLong;

/**
 * What one server of the stack is doing right now.
 *
 * @param name the server's name ({@code kafka}, {@code registry})
 * @param pid its process id when a process of ours is alive
 * @param healthy whether it answers its health check
 * @param endpoint where clients reach it
 */
public record ServerStatus(String name, OptionalLong pid, boolean healthy, String endpoint) {

    public boolean running() {
        return pid.isPresent();
    }
}
