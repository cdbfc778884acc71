package io.streamtune.stack;

/** A stand-in server for process tests: prints a line, then sleeps, or exits at once with "exit". */
public final class FakeServer {

    private FakeServer() {}

    public static void main(String[] args) throws InterruptedException {
        System.out.println("fake server says " + String.join(" ", args));
        if (args.length > 0 && args[0].equals("exit")) {
            System.exit(2);
        }
        Thread.sleep(120_000);
    }
}
